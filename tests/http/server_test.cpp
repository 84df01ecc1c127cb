#include <gtest/gtest.h>

#include <unistd.h>

#include <future>
#include <random>

#include <nlohmann/json.hpp>

#include "http/json_response.h"
#include "test_server.h"

namespace quire::http {
namespace {

using nlohmann::json;
using testing::builtin_router;
using testing::get;
using testing::RawClient;
using testing::RunningServer;

// The message a Frappe error envelope carries, unwrapped from its two layers
// of JSON-in-a-string.
std::string envelope_message(const Response& response) {
  auto body = json::parse(response.body());
  auto messages = json::parse(body.at("_server_messages").get<std::string>());
  return json::parse(messages.at(0).get<std::string>()).at("message").get<std::string>();
}

std::string exc_type(const Response& response) {
  return json::parse(response.body()).at("exc_type").get<std::string>();
}

TEST(HttpServer, PingAnswersPong) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send(get("/api/method/ping"));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"message":"pong"})");
  EXPECT_EQ(response[boost::beast::http::field::content_type], "application/json");
}

TEST(HttpServer, PingAnswersEveryMethodTheV1PrefixAndIgnoresTheQuery) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send("POST /api/method/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}" +
              get("/api/v1/method/ping") + get("/api/method/ping?cmd=x&_=1"));
  for (int i = 0; i < 3; ++i) {
    auto response = client.read();
    EXPECT_EQ(response.result(), Status::ok) << i;
    EXPECT_EQ(response.body(), R"({"message":"pong"})") << i;
  }
}

TEST(HttpServer, HeadGetsTheHeadersWithoutABody) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send("HEAD /api/method/ping HTTP/1.1\r\nHost: x\r\n\r\n" + get("/api/method/ping"));
  // Read the HEAD response's header by hand: a body-less response whose
  // Content-Length says 18 must be followed directly by the next response.
  auto head = client.read_header_only();
  EXPECT_EQ(head.result(), Status::ok);
  EXPECT_EQ(head[boost::beast::http::field::content_length], "18");
  auto next = client.read();
  EXPECT_EQ(next.result(), Status::ok);
  EXPECT_EQ(next.body(), R"({"message":"pong"})");
}

TEST(HttpServer, UnknownRoutesGetFrappesNotFoundEnvelope) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send(get("/api/resource/Nothing?x=1"));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(exc_type(response), "DoesNotExistError");
  EXPECT_EQ(envelope_message(response), "Not found: /api/resource/Nothing");
}

TEST(HttpServer, KeepAliveServesManyRequestsOnOneConnection) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  for (int i = 0; i < 5; ++i) {
    client.send(get("/api/method/ping"));
    auto response = client.read();
    EXPECT_EQ(response.result(), Status::ok);
    EXPECT_TRUE(response.keep_alive());
  }
}

TEST(HttpServer, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send(get("/a") + get("/api/method/ping") + get("/b"));
  EXPECT_EQ(envelope_message(client.read()), "Not found: /a");
  EXPECT_EQ(client.read().result(), Status::ok);
  EXPECT_EQ(envelope_message(client.read()), "Not found: /b");
}

TEST(HttpServer, Http10WithoutKeepAliveIsClosedAfterTheResponse) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send("GET /api/method/ping HTTP/1.0\r\n\r\n");
  EXPECT_EQ(client.read().result(), Status::ok);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, ConnectionCloseIsHonoured) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send(get("/api/method/ping", "Connection: close\r\n"));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, ABodyOverTheDefaultTenMebibytesGets413) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  // Only the header is sent: the server must refuse on the declared length.
  client.send("POST /api/method/ping HTTP/1.1\r\nHost: x\r\nContent-Length: " +
              std::to_string(10 * 1024 * 1024 + 1) + "\r\n\r\n");
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::payload_too_large);
  EXPECT_EQ(exc_type(response), "RequestEntityTooLarge");
  EXPECT_FALSE(response.keep_alive());
}

TEST(HttpServer, ABodyAtTheLimitIsAccepted) {
  Limits limits;
  limits.max_body = 1000;
  RunningServer server(builtin_router(), limits);
  RawClient client(server.port());
  client.send("POST /api/method/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" +
              std::string(1000, 'x'));
  EXPECT_EQ(client.read().result(), Status::ok);
}

TEST(HttpServer, AChunkedBodyGrowingPastTheLimitGets413) {
  Limits limits;
  limits.max_body = 1000;
  RunningServer server(builtin_router(), limits);
  RawClient client(server.port());
  std::string chunk = "258\r\n" + std::string(600, 'x') + "\r\n";
  client.send("POST /api/method/ping HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
              chunk + chunk + "0\r\n\r\n");
  EXPECT_EQ(client.read().result(), Status::payload_too_large);
}

TEST(HttpServer, ALongUrlGets414) {
  RunningServer server(builtin_router());
  // Longer than the URL limit but within the header limit...
  RawClient client(server.port());
  client.send(get("/api/method/ping?q=" + std::string(9000, 'a')));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::uri_too_long);
  EXPECT_EQ(exc_type(response), "RequestURITooLarge");
  // ...and longer than the whole header limit.
  RawClient second(server.port());
  second.send(get("/" + std::string(40000, 'a')));
  EXPECT_EQ(second.read().result(), Status::uri_too_long);
}

TEST(HttpServer, OversizedHeadersGet431) {
  RunningServer server(builtin_router());
  RawClient client(server.port());
  client.send(get("/api/method/ping", "X-Big: " + std::string(40000, 'b') + "\r\n"));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::request_header_fields_too_large);
  EXPECT_EQ(exc_type(response), "RequestHeaderFieldsTooLarge");

  std::string many;
  for (int i = 0; i < 2000; ++i) many += "X-Header-" + std::to_string(i) + ": value\r\n";
  RawClient second(server.port());
  second.send(get("/api/method/ping", many));
  EXPECT_EQ(second.read().result(), Status::request_header_fields_too_large);
}

TEST(HttpServer, GarbageGets400AndTheServerKeepsServing) {
  RunningServer server(builtin_router());
  for (std::string garbage :
       {"garbage\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET\r\n\r\n", "G@T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
    RawClient client(server.port());
    client.send(garbage);
    auto response = client.read();
    EXPECT_EQ(response.result(), Status::bad_request) << garbage;
    EXPECT_EQ(exc_type(response), "BadRequest") << garbage;
    EXPECT_TRUE(client.closed_by_server()) << garbage;
  }
  RawClient client(server.port());
  client.send(get("/api/method/ping"));
  EXPECT_EQ(client.read().result(), Status::ok);
}

TEST(HttpServer, TruncatedRequestsGet400AndTheServerKeepsServing) {
  RunningServer server(builtin_router());
  {
    RawClient client(server.port());
    client.send("GET /api/method/ping HTTP/1.1\r\nHost: x\r\n");
    client.finish_sending();
    EXPECT_EQ(client.read().result(), Status::bad_request);
  }
  {
    RawClient client(server.port());
    client.send("POST /api/method/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort");
    client.finish_sending();
    auto response = client.read();
    EXPECT_EQ(response.result(), Status::bad_request);
    EXPECT_EQ(envelope_message(response), "The request body was cut short");
  }
  {
    // A client that connects and leaves without a byte gets no answer at all.
    RawClient client(server.port());
    client.finish_sending();
    EXPECT_TRUE(client.closed_by_server());
  }
  RawClient client(server.port());
  client.send(get("/api/method/ping"));
  EXPECT_EQ(client.read().result(), Status::ok);
}

TEST(HttpServer, RandomBytesNeverBringTheServerDown) {
  RunningServer server(builtin_router());
  std::mt19937 random(12345);
  for (int i = 0; i < 200; ++i) {
    std::string bytes(1 + random() % 300, '\0');
    for (auto& b : bytes) b = static_cast<char>(random());
    // Half the time, start like a real request so the parser goes deeper.
    if (i % 2) bytes = "POST /api/method/ping HTTP/1.1\r\n" + bytes;
    RawClient client(server.port());
    client.send(bytes);
    client.finish_sending();
    // Whatever the server answers (usually 400), it must answer or close.
    try {
      client.read();
    } catch (const boost::system::system_error&) {
    }
  }
  RawClient client(server.port());
  client.send(get("/api/method/ping"));
  EXPECT_EQ(client.read().result(), Status::ok);
}

TEST(HttpServer, AThrowingHandlerGets500AndTheServerKeepsServing) {
  Router router = builtin_router();
  router.add("/boom", [](const Request&) -> Response { throw std::runtime_error("kaput"); });
  RunningServer server(std::move(router));
  RawClient client(server.port());
  client.send(get("/boom"));
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::internal_server_error);
  // The exception's text stays on the server (it is logged there).
  EXPECT_EQ(envelope_message(response), "Internal Server Error");
  EXPECT_EQ(response.body().find("kaput"), std::string::npos);
  client.send(get("/api/method/ping"));
  EXPECT_EQ(client.read().result(), Status::ok);
}

TEST(HttpServer, ExpectContinueGetsAnInterimResponseBeforeTheBody) {
  Router router;
  router.add("/echo", [](const Request& request) {
    return json_response(Status::ok, {{"body", request.body()}});
  });
  RunningServer server(std::move(router));
  RawClient client(server.port());
  client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read_header_only().result(), Status::continue_);
  client.send("hello");
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"body":"hello"})");
}

TEST(HttpServer, ListeningOnABusyPortFailsClearly) {
  RunningServer first(builtin_router());
  Router router;
  AccessLog log(-1);
  Server second(ServerOptions{"127.0.0.1", first.port(), 1, {}}, router, log);
  try {
    second.listen();
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(
        std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
        std::string::npos)
        << e.what();
  }
}

TEST(HttpServer, RunningWithoutListeningIsRefused) {
  Router router;
  AccessLog log(-1);
  Server server(ServerOptions{"127.0.0.1", 0, 1, {}}, router, log);
  EXPECT_THROW(server.run(), std::logic_error);
}

TEST(HttpServer, AnUnknownHostFailsClearly) {
  Router router;
  AccessLog log(-1);
  Server server(ServerOptions{"no-such-host.invalid", 0, 1, {}}, router, log);
  EXPECT_THROW(server.listen(), std::runtime_error);
}

TEST(HttpServer, StopLetsARequestInFlightFinishThenReturns) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  Router router = builtin_router();
  router.add("/slow", [&](const Request&) {
    entered.set_value();
    released.wait();
    return json_response(Status::ok, {{"message", "done"}});
  });
  RunningServer server(std::move(router));
  RawClient client(server.port());
  RawClient idle(server.port());
  idle.send(get("/api/method/ping"));
  EXPECT_EQ(idle.read().result(), Status::ok);

  client.send(get("/slow"));
  entered.get_future().wait();
  server.server().stop();
  // The idle keep-alive connection is closed without waiting for the slow one.
  EXPECT_TRUE(idle.closed_by_server());
  release.set_value();
  auto response = client.read();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), R"({"message":"done"})");
  // The server says it is closing, and does.
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
  server.join();
}

TEST(HttpServer, EveryResponseGetsOneAccessLogLine) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  {
    RunningServer server(builtin_router(), {}, fds[1]);
    RawClient client(server.port());
    client.send(get("/api/method/ping?x=1"));
    client.read();
    client.send("BAD\r\n\r\n");
    client.read();
  }
  close(fds[1]);
  std::string text;
  char chunk[4096];
  for (ssize_t n; (n = read(fds[0], chunk, sizeof chunk)) > 0;)
    text.append(chunk, static_cast<size_t>(n));
  close(fds[0]);

  auto newline = text.find('\n');
  ASSERT_NE(newline, std::string::npos) << text;
  auto first = json::parse(text.substr(0, newline));
  EXPECT_EQ(first["method"], "GET");
  EXPECT_EQ(first["path"], "/api/method/ping?x=1");
  EXPECT_EQ(first["status"], 200);
  EXPECT_EQ(first["bytes"], 18);
  EXPECT_TRUE(first["remote"].get<std::string>().starts_with("127.0.0.1:"));
  EXPECT_TRUE(first["duration_us"].is_number_integer());
  auto second = json::parse(text.substr(newline + 1, text.find('\n', newline + 1) - newline - 1));
  EXPECT_EQ(second["status"], 400);
  EXPECT_EQ(second["method"], "-");
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

}  // namespace
}  // namespace quire::http
