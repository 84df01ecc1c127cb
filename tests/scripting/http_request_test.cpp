// frappe.make_*_request against a loopback HTTP server started by the test
// (no test needs the Internet): Frappe's answer handling (JSON, text,
// parse_qs, raise_for_status), request bodies and headers, timeouts and the
// run's deadline, redirects, the network rules (refused addresses and
// schemes, the site allow-list), the response size cap and a stop mid-request.
// Python's own urlencode, parse_qs and json.dumps give the expected text.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "../support/temp_dir.h"
#include "scripting/http_address_rules.h"
#include "scripting/http_client.h"
#include "scripting/http_settings.h"
#include "scripting/linter.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

// What python3 prints for `expression` (the reference for Python semantics).
std::string python(const std::string& expression) {
  std::string command = "python3 -c 'import json, urllib.parse as p; print(" + expression + ")'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "<python3 failed>";
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  pclose(pipe);
  return out;
}

// A one-request-per-connection HTTP/1.1 server on 127.0.0.1 (a free port).
//   /json /text /plain /empty /big  canned answers
//   /echo                           the request as JSON (method, target, headers, body)
//   /status/N                       status N
//   /redirect?to=URL (/redirect303) a 302 (303) to URL
//   /loop                           a redirect to itself
//   /slow                           no answer until the server stops
class TestServer {
 public:
  TestServer() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd_, 16) != 0)
      throw std::runtime_error("test server: bind/listen failed");
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }
  ~TestServer() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    acceptor_.join();
    for (auto& t : handlers_) t.join();
    close(fd_);
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
  // Waits until a /slow request has arrived.
  void wait_for_slow() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return slow_requests_ > 0 || stopping_; });
  }

  int port = 0;
  std::atomic<int> connections{0};

 private:
  void accept_loop() {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
      }
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int c = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) continue;
      ++connections;
      handlers_.emplace_back([this, c] {
        handle(c);
        close(c);
      });
    }
  }

  void handle(int c) {
    std::string in;
    char buf[8192];
    std::size_t header_end;
    while ((header_end = in.find("\r\n\r\n")) == std::string::npos) {
      ssize_t n = recv(c, buf, sizeof buf, 0);
      if (n <= 0) return;
      in.append(buf, static_cast<std::size_t>(n));
    }
    std::string head = in.substr(0, header_end);
    std::string body = in.substr(header_end + 4);
    Json headers = Json::object();
    std::size_t length = 0;
    std::size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    for (std::size_t pos = line_end; pos != std::string::npos && pos < head.size();) {
      std::size_t next = head.find("\r\n", pos + 2);
      std::string line = head.substr(pos + 2, next == std::string::npos ? next : next - pos - 2);
      pos = next;
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      headers[name] = value;
      if (name == "content-length") length = std::stoul(value);
    }
    while (body.size() < length) {
      ssize_t n = recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      body.append(buf, static_cast<std::size_t>(n));
    }
    std::string method = request_line.substr(0, request_line.find(' '));
    std::string target = request_line.substr(method.size() + 1);
    target = target.substr(0, target.rfind(' '));
    std::string path = target.substr(0, target.find('?'));
    std::string query =
        target.find('?') == std::string::npos ? "" : target.substr(target.find('?') + 1);

    auto send = [c](int status, const std::string& reason, const std::string& type,
                    const std::string& content, const std::string& extra = "") {
      std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
      if (!type.empty()) out += "Content-Type: " + type + "\r\n";
      out += extra + "Content-Length: " + std::to_string(content.size()) +
             "\r\nConnection: close\r\n\r\n" + content;
      for (std::size_t sent = 0; sent < out.size();) {
        ssize_t n = ::send(c, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
      }
    };
    if (path == "/json") return send(200, "OK", "application/json", R"({"ok": true, "n": [1, 2]})");
    if (path == "/text") return send(200, "OK", "text/html; charset=utf-8", "h\xC3\xA9llo <b>");
    if (path == "/plain") {
      return send(200, "OK", "text/plain; charset=utf-8", "a=1&a=2&b=x+y&c=&d&e=%C3%A9");
    }
    if (path == "/empty") return send(200, "OK", "", "");
    if (path == "/big") return send(200, "OK", "text/plain", std::string(1 << 20, 'x'));
    if (path == "/echo") {
      Json j = {{"method", method}, {"target", target}, {"headers", headers}, {"body", body}};
      return send(200, "OK", "application/json", j.dump());
    }
    if (path.rfind("/status/", 0) == 0) {
      int status = std::stoi(path.substr(8));
      return send(status, status == 404 ? "Not Found" : "Internal Server Error", "text/plain",
                  "nope");
    }
    if (path == "/redirect" || path == "/redirect303") {
      std::string to = query.substr(query.find('=') + 1);
      return send(path == "/redirect" ? 302 : 303, "Found", "", "", "Location: " + to + "\r\n");
    }
    if (path == "/loop") return send(302, "Found", "", "", "Location: /loop\r\n");
    if (path == "/slow") {
      std::unique_lock<std::mutex> lock(mutex_);
      ++slow_requests_;
      cv_.notify_all();
      cv_.wait(lock, [this] { return stopping_; });
      return;
    }
    send(404, "Not Found", "text/plain", "no route");
  }

  int fd_ = -1;
  std::thread acceptor_;
  std::vector<std::thread> handlers_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  int slow_requests_ = 0;
};

// A site whose allow-list opens the test server's address and port only.
class HttpRequests : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    ScriptSettings settings;
    settings.enabled = [] { return true; };
    settings.http.allow = HttpAllowList({"127.0.0.1:" + std::to_string(server.port)});
    settings.http.max_redirects = 3;
    settings.http.max_response_bytes = 64 * 1024;
    settings.http.timeout = std::chrono::milliseconds(60'000);
    tune(settings);
    net_scripts = std::make_unique<ServerScripts>(settings);
  }
  virtual void tune(ScriptSettings&) {}

  // Runs `body` as an ad-hoc script under net_scripts' settings, after
  // `URL = <the server's base URL>` and `name(e)` (the class name of e:
  // type(e).__name__ is out of the sandbox's reach). Returns what it
  // printed; on an exception, "<Type>: <message>" (as ScriptingTest::run).
  std::string run_with_url(const std::string& body) {
    std::string source = "URL = '" + server.url("") + "'\n" +
                         "def name(e):\n    return str(type(e)).split(\"'\")[1]\n" + body;
    RequestState request;
    RequestScope scope(*session, request);
    RunState state(*session, request);
    state.scripts = net_scripts.get();
    std::string out;
    try {
      execute(*compile_script("http test", source), state);
    } catch (const model::FrappeError& e) {
      out = std::string(model::class_name(e.kind())) + ": " + e.what();
    } catch (const ScriptError& e) {
      out = e.python_type() + ": " + e.what();
    }
    std::string printed;
    for (const auto& line : request.debug_log) printed += line + "\n";
    return printed + out;
  }

  TestServer server;
  std::unique_ptr<ServerScripts> net_scripts;
};

// The same site without any allow-list.
class NoAllowList : public HttpRequests {
  void tune(ScriptSettings& settings) override { settings.http.allow = HttpAllowList(); }
};

TEST_F(HttpRequests, GetJsonIsDecoded) {
  EXPECT_EQ(run_with_url("r = frappe.make_get_request(URL + '/json')\n"
                         "print(name(r), r['ok'], r['n'])\n"),
            "dict True [1, 2]\n");
}

TEST_F(HttpRequests, OtherContentIsText) {
  EXPECT_EQ(run_with_url("print(repr(frappe.make_get_request(URL + '/text')))\n"
                         "print(frappe.make_get_request(URL + '/empty'))\n"),
            "'h\xC3\xA9llo <b>'\nNone\n");
}

TEST_F(HttpRequests, PlainUtf8IsParseQs) {
  // Frappe: exactly "text/plain; charset=utf-8" -> parse_qs(response.text).
  EXPECT_EQ(run_with_url("print(frappe.make_get_request(URL + '/plain'))\n"),
            python("p.parse_qs(\"a=1&a=2&b=x+y&c=&d&e=%C3%A9\")"));
}

TEST_F(HttpRequests, PostFormDataAndJson) {
  EXPECT_EQ(run_with_url("r = frappe.make_post_request(URL + '/echo', data={'a': 'x y', 'b': "
                         "['1', '2'], 'c': None, 'd': 'é&='})\n"
                         "print(r['method'], r['headers']['content-type'])\n"
                         "print(r['body'])\n"),
            "POST application/x-www-form-urlencoded\n" +
                python("p.urlencode({\"a\": \"x y\", \"b\": [\"1\", \"2\"], \"d\": \"é&=\"}, "
                       "doseq=True)"));
  EXPECT_EQ(run_with_url("r = frappe.make_post_request(URL + '/echo', json={'k': [1, 2.5, None], "
                         "'s': 'é'})\n"
                         "print(r['headers']['content-type'])\n"
                         "print(r['body'])\n"),
            "application/json\n" + python("json.dumps({\"k\": [1, 2.5, None], \"s\": \"é\"})"));
}

TEST_F(HttpRequests, OtherVerbsAndRawBodies) {
  EXPECT_EQ(run_with_url("for f in (frappe.make_put_request, frappe.make_patch_request, "
                         "frappe.make_delete_request):\n"
                         "    r = f(URL + '/echo', data='raw text')\n"
                         "    print(r['method'], r['body'], r['headers'].get('content-type'))\n"
                         "r = frappe.make_delete_request(URL + '/echo')\n"
                         "print(r['method'], repr(r['body']))\n"),
            "PUT raw text None\nPATCH raw text None\nDELETE raw text None\nDELETE ''\n");
}

TEST_F(HttpRequests, HeadersAuthAndParams) {
  EXPECT_EQ(run_with_url("r = frappe.make_get_request(URL + '/echo?z=1', headers={'X-Test': "
                         "'42'}, auth=('user', 'pass'), params={'a': 'b c', 'n': None})\n"
                         "print(r['target'], r['headers']['x-test'])\n"
                         "print(r['headers']['authorization'])\n"),
            "/echo?z=1&a=b+c 42\nBasic dXNlcjpwYXNz\n");
}

TEST_F(HttpRequests, OnlyTheUrlIsPositional) {
  EXPECT_EQ(run_with_url("frappe.make_get_request(URL, None)\n"),
            "TypeError: make_get_request() takes 1 positional argument but 2 were given");
}

TEST_F(HttpRequests, ErrorStatusesRaiseRequestsHttpError) {
  EXPECT_EQ(run_with_url("for code in (404, 500):\n"
                         "    try:\n"
                         "        frappe.make_get_request(URL + '/status/' + str(code))\n"
                         "    except Exception as e:\n"
                         "        print(name(e), e)\n"
                         "print(frappe.db.count('Error Log'))\n"),
            "HTTPError 404 Client Error: Not Found for url: " + server.url("/status/404") +
                "\nHTTPError 500 Server Error: Internal Server Error for url: " +
                server.url("/status/500") + "\n2\n");
  EXPECT_EQ(run_with_url("frappe.make_get_request(URL + '/status/404')\n"),
            "HTTPError: 404 Client Error: Not Found for url: " + server.url("/status/404"));
}

TEST_F(HttpRequests, TimeoutArgument) {
  std::string out = run_with_url(
      "try:\n"
      "    frappe.make_get_request(URL + '/slow', timeout=0.2)\n"
      "except Exception as e:\n"
      "    print(name(e), e)\n");
  EXPECT_EQ(out, "ReadTimeout HTTPConnectionPool(host='127.0.0.1', port=" +
                     std::to_string(server.port) + "): Read timed out. (read timeout=0.2)\n");
}

class ShortSiteTimeout : public HttpRequests {
  void tune(ScriptSettings& settings) override {
    settings.http.timeout = std::chrono::milliseconds(200);
  }
};

TEST_F(ShortSiteTimeout, TheSiteCapsTheScriptsTimeout) {
  std::string out = run_with_url(
      "try:\n"
      "    frappe.make_get_request(URL + '/slow', timeout=600)\n"
      "except Exception as e:\n"
      "    print(name(e))\n");
  EXPECT_EQ(out, "ReadTimeout\n");
}

class ShortRunDeadline : public HttpRequests {
  void tune(ScriptSettings& settings) override {
    settings.limits.timeout = std::chrono::milliseconds(200);
  }
};

TEST_F(ShortRunDeadline, ARequestDoesNotOutliveItsRun) {
  // The run's deadline stops the request: a limit error, not caught by the script.
  std::string out = run_with_url(
      "try:\n"
      "    frappe.make_get_request(URL + '/slow', timeout=600)\n"
      "except Exception as e:\n"
      "    print('caught', name(e))\n");
  EXPECT_EQ(out.rfind("ScriptTimeoutError: ", 0), 0u) << out;
}

TEST_F(HttpRequests, RedirectsToAnAllowedHostAreFollowed) {
  EXPECT_EQ(run_with_url("print(frappe.make_get_request(URL + '/redirect?to=' + URL + "
                         "'/json')['n'])\n"
                         "print(frappe.make_get_request(URL + '/redirect?to=/json')['ok'])\n"),
            "[1, 2]\nTrue\n");
  // requests turns a POST answered by 303 into a GET without a body.
  EXPECT_EQ(run_with_url("r = frappe.make_post_request(URL + '/redirect303?to=/echo', data={'a': "
                         "'1'})\n"
                         "print(r['method'], repr(r['body']))\n"),
            "GET ''\n");
}

TEST_F(HttpRequests, RedirectsIntoRefusedPlacesAreStopped) {
  std::string out = run_with_url(
      "for to in ('http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', "
      "'http://10.1.2.3/'):\n"
      "    try:\n"
      "        frappe.make_get_request(URL + '/redirect?to=' + to)\n"
      "    except Exception as e:\n"
      "        print(name(e), e)\n");
  EXPECT_EQ(out,
            "BlockedRequest Request to 169.254.169.254 refused: 169.254.169.254 is a link-local "
            "address (the cloud metadata endpoint), which server scripts may not reach unless "
            "the site lists it in server_script_http_allow\n"
            "BlockedRequest Request to 'file:///etc/passwd' refused: the scheme 'file' is not "
            "allowed (server scripts may use http and https only)\n"
            "BlockedRequest Request to 10.1.2.3 refused: 10.1.2.3 is a private address (RFC "
            "1918), which server scripts may not reach unless the site lists it in "
            "server_script_http_allow\n");
}

TEST_F(HttpRequests, RedirectLoopsEndWithTooManyRedirects) {
  EXPECT_EQ(run_with_url("frappe.make_get_request(URL + '/loop')\n"),
            "TooManyRedirects: Exceeded 3 redirects.");
}

TEST_F(HttpRequests, RefusedAddresses) {
  // Each is refused before any connection is made (so the error is the
  // refusal, not "connection refused"), naming the host, address and rule.
  std::string other_port = std::to_string(server.port == 65535 ? 1 : server.port + 1);
  std::string out =
      run_with_url("for url in ('http://127.0.0.1:" + other_port +
                   "/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', "
                   "'http://[::1]:" +
                   std::to_string(server.port) + "/', 'http://[::ffff:127.0.0.1]:" + other_port +
                   "/', 'http://0.0.0.0/', 'http://100.64.1.1/', 'http://192.168.1.1/', "
                   "'http://[fd00:ec2::254]/', 'http://[fe80::1]/', 'http://2130706433:" +
                   other_port +
                   "/'):\n"
                   "    try:\n"
                   "        frappe.make_get_request(url)\n"
                   "    except Exception as e:\n"
                   "        print(name(e), str(e).split(', which')[0])\n");
  EXPECT_EQ(out,
            "BlockedRequest Request to 127.0.0.1 refused: 127.0.0.1 is a loopback address\n"
            "BlockedRequest Request to 10.0.0.1 refused: 10.0.0.1 is a private address (RFC 1918)\n"
            "BlockedRequest Request to 169.254.169.254 refused: 169.254.169.254 is a link-local "
            "address (the cloud metadata endpoint)\n"
            "BlockedRequest Request to ::1 refused: ::1 is a loopback address (::1)\n"
            "BlockedRequest Request to ::ffff:127.0.0.1 refused: ::ffff:127.0.0.1 is a loopback "
            "address (as an IPv4-mapped IPv6 address)\n"
            "BlockedRequest Request to 0.0.0.0 refused: 0.0.0.0 is an unspecified address "
            "(0.0.0.0/8)\n"
            "BlockedRequest Request to 100.64.1.1 refused: 100.64.1.1 is a shared address space "
            "(100.64.0.0/10)\n"
            "BlockedRequest Request to 192.168.1.1 refused: 192.168.1.1 is a private address (RFC "
            "1918)\n"
            "BlockedRequest Request to fd00:ec2::254 refused: fd00:ec2::254 is a private address "
            "(unique local, fc00::/7)\n"
            "BlockedRequest Request to fe80::1 refused: fe80::1 is a link-local address "
            "(fe80::/10)\n"
            // libcurl reads the decimal form as the address it spells.
            "BlockedRequest Request to 127.0.0.1 refused: 127.0.0.1 is a loopback address\n");
  EXPECT_EQ(server.connections.load(), 0);
}

TEST_F(NoAllowList, EvenTheTestServerIsRefusedWithoutTheAllowList) {
  std::string out =
      run_with_url("for url in (URL + '/json', 'http://localhost:" + std::to_string(server.port) +
                   "/json'):\n"
                   "    try:\n"
                   "        frappe.make_get_request(url)\n"
                   "    except Exception as e:\n"
                   "        print(name(e), str(e).split(' refused')[0])\n");
  EXPECT_EQ(out, "BlockedRequest Request to 127.0.0.1\nBlockedRequest Request to localhost\n");
  EXPECT_EQ(server.connections.load(), 0);
}

TEST_F(NoAllowList, FrappeCase43SsrfGuard) {
  // Spec §12 case 43: these URLs raise BlockedRequest; a redirect hop into
  // them is refused too; a redirect loop ends with TooManyRedirects.
  std::string port = std::to_string(server.port);
  std::string out =
      run_with_url("for url in ('http://127.0.0.1:" + port + "/', 'http://localhost:" + port +
                   "/', 'http://169.254.169.254/', 'http://[::1]:" + port +
                   "/', 'file:///etc/passwd', 'ftp://127.0.0.1/'):\n"
                   "    try:\n"
                   "        frappe.make_get_request(url)\n"
                   "    except Exception as e:\n"
                   "        print(name(e))\n");
  EXPECT_EQ(out,
            "BlockedRequest\nBlockedRequest\nBlockedRequest\nBlockedRequest\n"
            "BlockedRequest\nBlockedRequest\n");
}

TEST_F(HttpRequests, RefusedSchemes) {
  std::string out = run_with_url(
      "for url in ('file:///etc/passwd', 'gopher://127.0.0.1:70/', 'dict://127.0.0.1:11211/', "
      "'ftp://127.0.0.1/', 'example.com/x'):\n"
      "    try:\n"
      "        frappe.make_get_request(url)\n"
      "    except Exception as e:\n"
      "        print(name(e), e)\n");
  EXPECT_EQ(out,
            "BlockedRequest Request to 'file:///etc/passwd' refused: the scheme 'file' is not "
            "allowed (server scripts may use http and https only)\n"
            "BlockedRequest Request to 'gopher://127.0.0.1:70/' refused: the scheme 'gopher' is "
            "not allowed (server scripts may use http and https only)\n"
            "BlockedRequest Request to 'dict://127.0.0.1:11211/' refused: the scheme 'dict' is "
            "not allowed (server scripts may use http and https only)\n"
            "BlockedRequest Request to 'ftp://127.0.0.1/' refused: the scheme 'ftp' is not "
            "allowed (server scripts may use http and https only)\n"
            "MissingSchema Invalid URL 'example.com/x': No scheme supplied. Perhaps you meant "
            "https://example.com/x?\n");
}

TEST_F(HttpRequests, ResponsesLargerThanTheCapFail) {
  EXPECT_EQ(run_with_url("try:\n"
                         "    frappe.make_get_request(URL + '/big')\n"
                         "except MemoryError as e:\n"
                         "    print('MemoryError', e)\n"),
            "MemoryError the response from 127.0.0.1 is larger than 65536 bytes\n");
}

class SmallHeap : public HttpRequests {
  void tune(ScriptSettings& settings) override {
    settings.http.max_response_bytes = 64u << 20;
    settings.limits.max_heap_bytes = 2u << 20;
  }
};

TEST_F(SmallHeap, TheBodyMustFitTheScriptsMemory) {
  // 1 MiB of body fits 64 MiB of site cap but not what is left of 2 MiB of heap
  // once a 1.5 MB string is held.
  EXPECT_EQ(run_with_url("keep = 'k' * 1500000\n"
                         "try:\n"
                         "    frappe.make_get_request(URL + '/big')\n"
                         "except MemoryError as e:\n"
                         "    print('MemoryError')\n"),
            "MemoryError\n");
}

// Any port of 127.0.0.1 may be reached (for upstreams other than `server`).
class AnyLoopbackPort : public HttpRequests {
  void tune(ScriptSettings& settings) override {
    settings.http.allow = HttpAllowList({"127.0.0.1"});
  }
};

TEST_F(AnyLoopbackPort, HttpsCertificatesAreVerified) {
  // An `openssl s_server` with a fresh self-signed certificate: nothing a
  // script can pass turns verification off, so the handshake is refused.
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "no openssl";
  quire::testing::TempDir dir;
  std::string key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
  std::string make =
      "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 -keyout " + key +
      " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0);
  int probe = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ASSERT_EQ(bind(probe, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  getsockname(probe, reinterpret_cast<sockaddr*>(&a), &len);
  close(probe);
  std::string port = std::to_string(ntohs(a.sin_port));
  std::string accept = "127.0.0.1:" + port;
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    execlp("openssl", "openssl", "s_server", "-accept", accept.c_str(), "-cert", cert.c_str(),
           "-key", key.c_str(), "-www", "-quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_GT(pid, 0);
  bool up = false;
  for (int i = 0; i < 200 && !up; ++i) {
    int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    up = connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(c);
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::string out;
  if (up) {
    out = run_with_url(
        "try:\n"
        "    frappe.make_get_request('https://127.0.0.1:" +
        port +
        "/')\n"
        "except Exception as e:\n"
        "    print(name(e), 'certificate' in str(e))\n");
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  ASSERT_TRUE(up) << "openssl s_server did not start";
  EXPECT_EQ(out, "ConnectionError True\n");
}

TEST_F(HttpRequests, AStopFlagAbortsATransferInProgress) {
  std::atomic<bool> stop{false};
  HttpRequest req;
  req.url = server.url("/slow");
  req.timeout = std::chrono::milliseconds(120'000);
  HttpResult result;
  std::thread client([&] { result = http_perform(req, HttpAllowList({"127.0.0.1"}), &stop); });
  server.wait_for_slow();
  stop = true;
  client.join();
  EXPECT_EQ(result.failure, HttpFailure::Stopped);
}

TEST(HttpLinter, TheRequestFunctionsAreKnownNames) {
  for (const char* f : {"make_get_request", "make_post_request", "make_put_request",
                        "make_patch_request", "make_delete_request"}) {
    auto findings =
        lint_script("API", "", std::string("r = frappe.") + f + "('https://example.com/')\n");
    EXPECT_TRUE(findings.empty()) << f << ": " << (findings.empty() ? "" : findings[0].message);
  }
}

TEST(HttpAddressRules, PublicAddressesPass) {
  for (const char* ip : {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "1.1.1.1"}) {
    EXPECT_EQ(refusal_rule(*parse_ip(ip)), "") << ip;
  }
}

TEST(HttpAddressRules, InternalAddressesAreRefused) {
  for (const char* ip : {"127.0.0.1",
                         "127.255.0.9",
                         "10.9.8.7",
                         "172.16.0.1",
                         "172.31.255.255",
                         "192.168.0.1",
                         "169.254.0.1",
                         "169.254.169.254",
                         "0.0.0.0",
                         "100.100.100.200",
                         "224.0.0.1",
                         "255.255.255.255",
                         "::",
                         "::1",
                         "fe80::1",
                         "fc00::1",
                         "fd12:3456::1",
                         "ff02::1",
                         "::ffff:10.0.0.1",
                         "::ffff:169.254.169.254",
                         "64:ff9b::7f00:1",
                         "2002:7f00:1::",
                         "::127.0.0.1"}) {
    EXPECT_NE(refusal_rule(*parse_ip(ip)), "") << ip;
  }
  EXPECT_EQ(refusal_rule(*parse_ip("172.32.0.1")), "");
}

TEST(HttpAddressRules, AllowListEntries) {
  HttpAllowList allow({"127.0.0.1:8000", "10.0.0.0/8", "[::1]:9000", "Internal.Example."});
  auto at = [](const char* ip, std::uint16_t port) {
    NetAddress a = *parse_ip(ip);
    a.port = port;
    return a;
  };
  EXPECT_TRUE(allow.allows("127.0.0.1", at("127.0.0.1", 8000)));
  EXPECT_FALSE(allow.allows("127.0.0.1", at("127.0.0.1", 8001)));
  EXPECT_TRUE(allow.allows("localhost", at("::ffff:127.0.0.1", 8000)));
  EXPECT_TRUE(allow.allows("x", at("10.200.0.1", 1)));
  EXPECT_FALSE(allow.allows("x", at("11.0.0.1", 1)));
  EXPECT_TRUE(allow.allows("::1", at("::1", 9000)));
  EXPECT_FALSE(allow.allows("::1", at("::1", 9001)));
  EXPECT_TRUE(allow.allows("internal.example", at("192.168.5.5", 443)));
  EXPECT_FALSE(allow.allows("other.example", at("192.168.5.5", 443)));
  EXPECT_THROW(HttpAllowList({"10.0.0.0/99"}), std::invalid_argument);
  EXPECT_THROW(HttpAllowList({"host:0"}), std::invalid_argument);
  EXPECT_THROW(HttpAllowList({"bad host"}), std::invalid_argument);
}

TEST(HttpSettings, SiteConfigKeys) {
  HttpPolicy policy;
  read_http_policy(Json{{"server_script_http_allow", {"127.0.0.1:8000"}},
                        {"server_script_http_timeout_ms", 500},
                        {"server_script_http_max_redirects", 0}},
                   policy);
  EXPECT_EQ(policy.timeout.count(), 500);
  EXPECT_EQ(policy.max_redirects, 0);
  NetAddress a = *parse_ip("127.0.0.1");
  a.port = 8000;
  EXPECT_TRUE(policy.allow.allows("127.0.0.1", a));
  EXPECT_THROW(read_http_policy(Json{{"server_script_http_allow", "10.0.0.0/8"}}, policy),
               std::invalid_argument);
  EXPECT_THROW(read_http_policy(Json{{"server_script_http_timeout_ms", 0}}, policy),
               std::invalid_argument);
}

}  // namespace
}  // namespace quire::scripting::testing
