#include "cli/cmd_script_stats.h"

#include <CLI/CLI.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "http/auth_sessions.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using Json = nlohmann::json;

// One GET to the local server with the session cookie; the response body.
std::pair<int, std::string> get(const std::string& host, unsigned port, const std::string& target,
                                const std::string& sid) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(resolver.resolve(host, std::to_string(port)));
  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, target, 11};
  request.set(bhttp::field::host, host);
  request.set(bhttp::field::cookie, "sid=" + sid);
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response);
  beast::error_code ignored;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  return {response.result_int(), response.body()};
}

}  // namespace

Command add_script_stats_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string host = "127.0.0.1";
    std::optional<unsigned> port;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand(
      "script-stats",
      "Show each Server Script's runs, failures and p50/p99 in a running quire serve");
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->add_option("--host", options->host, "Where the server listens (default: 127.0.0.1)");
  app->add_option("--port", options->port,
                  "Its port (default: the config's webserver_port, else 8000)")
      ->check(CLI::Range(1, 65535));
  app->add_flag("--json", options->json, "Print the counters as JSON");
  return {
      app, [options, &globals]() -> int {
        site::Sites sites(globals.sites_dir);
        auto name = sites.resolve(options->site);
        auto config = sites.config(name);
        unsigned port = options->port ? *options->port : config.value("webserver_port", 8000u);
        auto db = sites.open_database(name);
        http::SessionStore::ensure_table(*db);
        http::SessionStore store(std::chrono::seconds(60));
        const std::string sid = store.create(*db, "Administrator", "127.0.0.1");
        struct End {
          http::SessionStore& store;
          db::Database& db;
          const std::string& sid;
          ~End() {
            try {
              store.destroy(db, sid);
            } catch (...) {
            }
          }
        } end{store, *db, sid};
        std::pair<int, std::string> reply;
        try {
          reply = get(options->host, port, "/api/method/quire.server_script_stats", sid);
        } catch (const std::exception& e) {
          throw site::SiteError("cannot reach quire serve on " + options->host + ":" +
                                std::to_string(port) + ": " + e.what());
        }
        Json body = Json::parse(reply.second, nullptr, false);
        if (reply.first != 200 || !body.is_object() || !body.contains("message")) {
          std::cerr << "quire: the server answered " << reply.first << ": " << reply.second << "\n";
          return 1;
        }
        const Json& rows = body["message"];
        if (options->json) {
          std::cout << rows.dump(1) << "\n";
          return 0;
        }
        std::printf("%-40s %10s %9s %10s %10s %14s\n", "script", "runs", "failures", "p50 ms",
                    "p99 ms", "steps");
        for (const auto& row : rows) {
          std::printf("%-40s %10lld %9lld %10.3f %10.3f %14lld\n",
                      row.value("name", std::string()).c_str(),
                      static_cast<long long>(row.value("executions", 0LL)),
                      static_cast<long long>(row.value("failures", 0LL)), row.value("p50_ms", 0.0),
                      row.value("p99_ms", 0.0), static_cast<long long>(row.value("steps", 0LL)));
        }
        return 0;
      }};
}

}  // namespace quire::cli
