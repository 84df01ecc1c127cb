#include "scripting/http_client.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "scripting/requote_uri.h"

namespace quire::scripting {

namespace {

using Clock = std::chrono::steady_clock;

// How often a transfer waiting on the network looks at the stop flag.
constexpr int kStopPollMs = 20;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string trimmed(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// What one hop's callbacks share with the code driving it.
struct Transfer {
  const HttpAllowList* allow = nullptr;
  const std::atomic<bool>* stop = nullptr;
  std::string host;     // the URL's host of this hop, as the allow-list sees it
  std::string refusal;  // the first refused connection, for the error
  bool stopped = false;
  bool too_large = false;
  std::size_t cap = 0;
  HttpResponse response;
};

curl_socket_t open_socket(void* clientp, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(clientp);
  auto a = address_from_sockaddr(&address->addr);
  std::string rule = a ? refusal_rule(*a) : "not an IP address";
  if (!rule.empty() && !(a && t->allow->allows(t->host, *a))) {
    if (t->refusal.empty()) {
      const char* article =
          std::string_view("aeiou").find(rule[0]) != std::string_view::npos ? " is an " : " is a ";
      t->refusal = "Request to " + t->host + " refused: " + (a ? address_text(*a) : "it") +
                   article + rule +
                   ", which server scripts may not reach unless the site lists it in "
                   "server_script_http_allow";
    }
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

int on_progress(void* clientp, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(clientp);
  if (t->stop && t->stop->load(std::memory_order_relaxed)) {
    t->stopped = true;
    return 1;
  }
  return 0;
}

std::size_t on_body(char* data, std::size_t, std::size_t n, void* clientp) {
  auto* t = static_cast<Transfer*>(clientp);
  if (t->response.body.size() + n > t->cap) {
    t->too_large = true;
    return 0;
  }
  t->response.body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t, std::size_t n, void* clientp) {
  auto* t = static_cast<Transfer*>(clientp);
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    // A new response (after a 100 Continue too): its status line.
    t->response.headers.clear();
    auto sp = line.find(' ');
    std::string rest = sp == std::string_view::npos ? "" : trimmed(line.substr(sp + 1));
    t->response.status = std::atoi(rest.c_str());
    auto sp2 = rest.find(' ');
    t->response.reason = sp2 == std::string::npos ? "" : rest.substr(sp2 + 1);
    return n;
  }
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    t->response.headers.emplace_back(trimmed(line.substr(0, colon)),
                                     trimmed(line.substr(colon + 1)));
  }
  return n;
}

// The scheme of `url` ("" when it has none), lower case.
std::string scheme_of(const std::string& url) {
  auto colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return "";
  for (std::size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool ok = std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
    if (!ok) return "";
  }
  std::string s = url.substr(0, colon);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct EasyDeleter {
  void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
struct MultiDeleter {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::string url_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(u, part, &out, flags) != CURLUE_OK || !out) return "";
  std::string s(out);
  curl_free(out);
  return s;
}

// urllib3's pool name in requests' connection errors.
std::string pool_text(const std::string& scheme, const std::string& host, const std::string& port) {
  return std::string(scheme == "https" ? "HTTPSConnectionPool" : "HTTPConnectionPool") + "(host='" +
         host + "', port=" + port + ")";
}

std::string seconds_text(std::chrono::milliseconds ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

bool has_header(const HttpHeaders& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (iequals(h.first, name)) return h.second;
  }
  return std::nullopt;
}

HttpResult http_perform(const HttpRequest& request, const HttpAllowList& allow,
                        const std::atomic<bool>* stop) {
  global_init();
  HttpResult result;
  auto fail = [&result](HttpFailure f, std::string message) {
    result.failure = f;
    result.message = std::move(message);
    return result;
  };
  std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
  std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!multi || !easy) return fail(HttpFailure::Connection, "could not start an HTTP transfer");

  const Clock::time_point deadline = Clock::now() + request.timeout;
  std::string method = request.method;
  std::optional<std::string> body = request.body;
  HttpHeaders headers = request.headers;
  auto basic_auth = request.basic_auth;
  std::string url = request.url;
  std::string first_host;

  for (int hop = 0;; ++hop) {
    url = requote_uri(url);  // as requests prepares every URL and redirect
    // The scheme is checked on the text (libcurl would also refuse others,
    // but requests' errors and a clear refusal need to know which).
    std::string scheme = scheme_of(url);
    if (scheme.empty()) {
      return fail(HttpFailure::MissingSchema, "Invalid URL '" + url +
                                                  "': No scheme supplied. Perhaps you meant "
                                                  "https://" +
                                                  url + "?");
    }
    if (scheme != "http" && scheme != "https") {
      return fail(HttpFailure::Blocked, "Request to '" + url + "' refused: the scheme '" + scheme +
                                            "' is not allowed (server scripts may use http and "
                                            "https only)");
    }
    std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
    if (curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
      return fail(HttpFailure::InvalidUrl, "Invalid URL '" + url + "'");
    std::string host = url_part(parsed.get(), CURLUPART_HOST);
    if (host.empty())
      return fail(HttpFailure::InvalidUrl, "Invalid URL '" + url + "': No host supplied");
    std::string port = url_part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    std::string path = url_part(parsed.get(), CURLUPART_PATH);
    std::string query = url_part(parsed.get(), CURLUPART_QUERY);
    if (!query.empty()) path += "?" + query;
    if (hop == 0) first_host = normalized_host(host);
    // Credentials go only to the host they were given for (requests' rule).
    if (normalized_host(host) != first_host) {
      basic_auth.reset();
      headers.erase(std::remove_if(headers.begin(), headers.end(),
                                   [](const auto& h) { return iequals(h.first, "Authorization"); }),
                    headers.end());
    }

    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      return fail(HttpFailure::ReadTimeout,
                  pool_text(scheme, normalized_host(host), port) +
                      ": Read timed out. (read timeout=" + seconds_text(request.timeout) + ")");
    }

    Transfer t;
    t.allow = &allow;
    t.stop = stop;
    t.host = normalized_host(host);
    t.cap = request.max_response_bytes;
    CURL* e = easy.get();
    curl_easy_reset(e);  // keeps the connection cache: a reused connection was checked
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_PROXY, "");  // never a proxy from the environment
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(left.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min(left, request.connect_timeout).count()));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(request.max_response_bytes));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate, as requests
    curl_easy_setopt(e, CURLOPT_USERAGENT, "quire-server-script");
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, detail);
    if (basic_auth) {
      curl_easy_setopt(e, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
      curl_easy_setopt(e, CURLOPT_USERNAME, basic_auth->first.c_str());
      curl_easy_setopt(e, CURLOPT_PASSWORD, basic_auth->second.c_str());
    }
    if (method == "GET" && !body) {
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (method == "HEAD") {
      curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.c_str());
      // requests sends Content-Length: 0 for a POST, PUT or PATCH without a body.
      if (body || method == "POST" || method == "PUT" || method == "PATCH") {
        const std::string& b = body ? *body : std::string();
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(b.size()));
        curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, b.c_str());
      }
    }
    std::unique_ptr<curl_slist, ListDeleter> list;
    auto add = [&list](const std::string& line) {
      curl_slist* l = curl_slist_append(list.get(), line.c_str());
      if (l) {
        (void)list.release();
        list.reset(l);
      }
    };
    for (const auto& [name, value] : headers) add(value.empty() ? name + ";" : name + ": " + value);
    add("Expect:");  // no 100-continue round trip
    // libcurl labels a body form-encoded unless told otherwise; requests
    // sends no Content-Type for a str body.
    if (!has_header(headers, "Content-Type")) add("Content-Type:");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, list.get());

    curl_multi_add_handle(multi.get(), e);
    int running = 1;
    while (running) {
      if (curl_multi_perform(multi.get(), &running) != CURLM_OK) break;
      if (!running) break;
      if (stop && stop->load(std::memory_order_relaxed)) {
        t.stopped = true;
        break;
      }
      curl_multi_poll(multi.get(), nullptr, 0, kStopPollMs, nullptr);
    }
    CURLcode code = CURLE_OK;
    bool done = false;
    int queued = 0;
    while (CURLMsg* m = curl_multi_info_read(multi.get(), &queued)) {
      if (m->msg == CURLMSG_DONE && m->easy_handle == e) {
        code = m->data.result;
        done = true;
      }
    }
    curl_off_t connect_time = 0;
    curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connect_time);
    curl_multi_remove_handle(multi.get(), e);

    std::string pool = pool_text(scheme, t.host, port);
    // A flag raised while the transfer ended another way (its own timeout)
    // still wins: the run is over.
    if (stop && stop->load(std::memory_order_relaxed)) t.stopped = true;
    if (t.stopped) return fail(HttpFailure::Stopped, "the script run was stopped");
    if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      return fail(HttpFailure::TooLarge, "the response from " + t.host + " is larger than " +
                                             std::to_string(request.max_response_bytes) + " bytes");
    }
    if (!done) return fail(HttpFailure::Connection, pool + ": the transfer did not complete");
    if (code != CURLE_OK) {
      if (!t.refusal.empty()) return fail(HttpFailure::Blocked, t.refusal);
      if (code == CURLE_OPERATION_TIMEDOUT) {
        if (connect_time > 0)
          return fail(HttpFailure::ReadTimeout, pool + ": Read timed out. (read timeout=" +
                                                    seconds_text(request.timeout) + ")");
        return fail(HttpFailure::ConnectTimeout,
                    pool + ": Max retries exceeded with url: " + path +
                        " (Caused by ConnectTimeoutError('Connection to " + t.host +
                        " timed out. (connect timeout=" + seconds_text(request.connect_timeout) +
                        ")'))");
      }
      if (code == CURLE_UNSUPPORTED_PROTOCOL)
        return fail(HttpFailure::Blocked,
                    "Request to '" + url + "' refused: " + curl_easy_strerror(code));
      if (code == CURLE_URL_MALFORMAT)
        return fail(HttpFailure::InvalidUrl, "Invalid URL '" + url + "'");
      return fail(HttpFailure::Connection,
                  pool + ": Max retries exceeded with url: " + path +
                      " (Caused by NewConnectionError('Failed to establish a new connection: " +
                      (detail[0] ? detail : curl_easy_strerror(code)) + "'))");
    }
    t.response.url = url;
    int status = t.response.status;
    auto location = t.response.header("Location");
    bool redirect = location && (status == 301 || status == 302 || status == 303 || status == 307 ||
                                 status == 308);
    if (!redirect) {
      result.response = std::move(t.response);
      return result;
    }
    if (hop + 1 > request.max_redirects) {
      return fail(HttpFailure::TooManyRedirects,
                  "Exceeded " + std::to_string(request.max_redirects) + " redirects.");
    }
    // The next URL: Location resolved against this one.
    if (curl_url_set(parsed.get(), CURLUPART_URL, location->c_str(), CURLU_NON_SUPPORT_SCHEME) !=
        CURLUE_OK) {
      return fail(HttpFailure::InvalidUrl, "Invalid redirect URL '" + *location + "'");
    }
    std::string next = url_part(parsed.get(), CURLUPART_URL, CURLU_NON_SUPPORT_SCHEME);
    if (next.empty()) next = *location;
    // requests' rebuild_method: 303 (not HEAD), 302 (not HEAD) and a POST's
    // 301 become GET; then the body goes unless the code is 307 or 308.
    if ((status == 303 && method != "HEAD") || (status == 302 && method != "HEAD") ||
        (status == 301 && method == "POST")) {
      method = "GET";
    }
    if (status != 307 && status != 308) {
      body.reset();
      headers.erase(std::remove_if(headers.begin(), headers.end(),
                                   [](const auto& h) {
                                     return iequals(h.first, "Content-Type") ||
                                            iequals(h.first, "Content-Length") ||
                                            iequals(h.first, "Transfer-Encoding");
                                   }),
                    headers.end());
    }
    url = next;
  }
}

}  // namespace quire::scripting
