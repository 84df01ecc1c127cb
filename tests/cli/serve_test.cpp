#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

#include "../support/temp_dir.h"
#include "process.h"

namespace quire::cli {
namespace {

using quire::testing::Process;
using quire::testing::read_file;
using quire::testing::run_quire;
using quire::testing::TempDir;
namespace bhttp = boost::beast::http;

bhttp::response<bhttp::string_body> http_get(unsigned short port, const std::string& target) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, target, 11};
  request.set(bhttp::field::host, "localhost");
  bhttp::write(socket, request);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(socket, buffer, response);
  return response;
}

// Starts `quire serve --port 0` and returns the port it reports.
unsigned short started_port(Process& server) {
  EXPECT_TRUE(server.wait_for_err("with ")) << server.err();
  std::smatch match;
  std::string err = server.err();
  if (!std::regex_search(err, match, std::regex("on http://127\\.0\\.0\\.1:(\\d+) "))) return 0;
  return static_cast<unsigned short>(std::stoi(match[1].str()));
}

class Serve : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_quire(dir.path(), {"new-site", "localhost", "--admin-password", "x"}).code, 0);
  }
  TempDir dir;
};

TEST_F(Serve, AnswersPingAndStopsCleanlyOnSigterm) {
  Process server(dir.path(), {"serve", "--port", "0", "--access-log", "access.log"});
  auto port = started_port(server);
  ASSERT_NE(port, 0) << server.err();
  EXPECT_NE(server.err().find("serving site localhost"), std::string::npos) << server.err();

  auto response = http_get(port, "/api/method/ping");
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), R"({"message":"pong"})");
  EXPECT_EQ(http_get(port, "/nowhere").result_int(), 404);

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0) << server.err();
  EXPECT_NE(server.err().find("quire: stopped"), std::string::npos) << server.err();
  auto log = read_file(dir / "access.log");
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 2) << log;
  // Two connections, two worker threads: the lines may come in either order.
  EXPECT_NE(log.find(R"("path":"/api/method/ping","status":200)"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("path":"/nowhere","status":404)"), std::string::npos) << log;
  for (size_t start = 0, end; (end = log.find('\n', start)) != std::string::npos; start = end + 1) {
    EXPECT_NO_THROW(nlohmann::json::parse(log.substr(start, end - start))) << log;
  }
}

TEST_F(Serve, StopsCleanlyOnSigint) {
  Process server(dir.path(), {"serve", "--port", "0", "--access-log", "off"});
  ASSERT_NE(started_port(server), 0) << server.err();
  server.signal(SIGINT);
  EXPECT_EQ(server.wait(), 0) << server.err();
}

TEST_F(Serve, TakesThePortFromTheConfig) {
  // Find a free port by letting the system pick one, then ask for it by config.
  Process probe(dir.path(), {"serve", "--port", "0", "--access-log", "off"});
  auto port = started_port(probe);
  probe.signal(SIGTERM);
  ASSERT_EQ(probe.wait(), 0);
  ASSERT_EQ(
      run_quire(dir.path(), {"set-config", "-g", "webserver_port", std::to_string(port)}).code, 0);
  Process server(dir.path(), {"serve", "--access-log", "off"});
  EXPECT_EQ(started_port(server), port) << server.err();
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0);
}

TEST_F(Serve, ABusyPortFailsWithExitOne) {
  Process first(dir.path(), {"serve", "--port", "0", "--access-log", "off"});
  auto port = started_port(first);
  ASSERT_NE(port, 0);
  auto second = run_quire(dir.path(), {"serve", "--port", std::to_string(port)});
  EXPECT_EQ(second.code, 1);
  EXPECT_NE(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << second.err;
  first.signal(SIGTERM);
  EXPECT_EQ(first.wait(), 0);
}

TEST_F(Serve, BadSitesAndSettingsAreUsageErrors) {
  auto unknown = run_quire(dir.path(), {"serve", "--site", "nope"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown site 'nope'"), std::string::npos) << unknown.err;

  ASSERT_EQ(run_quire(dir.path(), {"set-config", "webserver_port", "high"}).code, 0);
  auto bad_port = run_quire(dir.path(), {"serve"});
  EXPECT_EQ(bad_port.code, 2);
  EXPECT_NE(bad_port.err.find("webserver_port must be an integer"), std::string::npos)
      << bad_port.err;

  auto bad_log = run_quire(dir.path(), {"serve", "--port", "0", "--access-log", "no/such/dir/x"});
  EXPECT_EQ(bad_log.code, 2);
  EXPECT_NE(bad_log.err.find("cannot open access log"), std::string::npos) << bad_log.err;
}

TEST_F(Serve, ACorruptDatabaseFailsAtStartWithExitOne) {
  std::ofstream(dir / "sites" / "localhost" / "site.db", std::ios::trunc)
      << "this is not a SQLite database at all, not even close";
  auto result = run_quire(dir.path(), {"serve", "--port", "0"});
  EXPECT_EQ(result.code, 1);
  EXPECT_NE(result.err.find("site.db"), std::string::npos) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

// What `make run` does after building: scripts/run-demo.sh.
TEST(RunDemo, CreatesTheSiteOnceEnablesScriptsAndServes) {
  TempDir dir;
  const std::string script = std::string(QUIRE_SOURCE_DIR) + "/scripts/run-demo.sh";
  for (int round = 0; round < 2; ++round) {
    Process demo(dir.path(), {script, QUIRE_BINARY, "demo", "127.0.0.1", "0"}, {}, "/bin/bash");
    auto port = started_port(demo);
    ASSERT_NE(port, 0) << demo.err();
    EXPECT_EQ(http_get(port, "/api/method/ping").body(), R"({"message":"pong"})");
    // The password is printed the first time only.
    EXPECT_EQ(demo.out().find("password ") != std::string::npos, round == 0) << demo.out();
    // The script execs quire, so the signal reaches the server itself.
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait(), 0) << demo.err();
  }
  auto config = nlohmann::json::parse(read_file(dir / "sites" / "demo" / "site_config.json"));
  EXPECT_EQ(config["server_script_enabled"], 1);
}

}  // namespace
}  // namespace quire::cli
