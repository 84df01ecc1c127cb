#pragma once
// A real `quire serve` on a free loopback port over a fresh site, and a small
// HTTP client with a cookie jar, for tests that speak to the API as Frappe's
// clients do.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

#include "../cli/process.h"
#include "../support/temp_dir.h"

namespace quire::rest_testing {

using Json = nlohmann::json;
using quire::testing::Process;
using quire::testing::TempDir;
namespace bhttp = boost::beast::http;

struct HttpResult {
  int status = 0;
  std::string body;
  Json json;  // null when the body is not JSON
  std::vector<std::string> set_cookies;
  std::map<std::string, std::string> headers;

  // The decoded _server_messages[0].message of a v1 error envelope.
  std::string server_message() const {
    if (!json.is_object() || !json.contains("_server_messages")) return {};
    auto list = Json::parse(json["_server_messages"].get<std::string>());
    if (list.empty()) return {};
    return Json::parse(list[0].get<std::string>()).value("message", "");
  }
  std::string exc_type() const {
    return json.is_object() ? json.value("exc_type", std::string()) : std::string();
  }
};

// Form-encodes a flat dict (values that are not strings are sent as JSON).
inline std::string form_encode(const Json& dict) {
  std::string out;
  auto escape = [](const std::string& text) {
    std::string e;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        e += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        e += buf;
      }
    }
    return e;
  };
  for (auto& [key, value] : dict.items()) {
    if (!out.empty()) out += '&';
    out += escape(key) + "=" + escape(value.is_string() ? value.get<std::string>() : value.dump());
  }
  return out;
}

// Percent-encodes a query-string value.
inline std::string q(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// One HTTP/1.1 client; keeps the cookies the server sets (sid...) and sends
// them back, as a browser or frappe-js-sdk would.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}

  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> headers;  // sent with every request

  HttpResult send(bhttp::verb verb, const std::string& target, const std::string& body = "",
                  const std::string& content_type = "",
                  const std::map<std::string, std::string>& extra = {}) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    // Spaces in DocType names are sent encoded, as any client would.
    std::string encoded;
    for (char c : target) encoded += c == ' ' ? std::string("%20") : std::string(1, c);
    bhttp::request<bhttp::string_body> request{verb, encoded, 11};
    request.set(bhttp::field::host, "localhost");
    if (!content_type.empty()) request.set(bhttp::field::content_type, content_type);
    std::string cookie_header;
    for (auto& [name, value] : cookies) {
      if (!cookie_header.empty()) cookie_header += "; ";
      cookie_header += name + "=" + value;
    }
    if (!cookie_header.empty()) request.set(bhttp::field::cookie, cookie_header);
    for (auto& [name, value] : headers) request.set(name, value);
    for (auto& [name, value] : extra) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    bhttp::write(socket, request);
    boost::beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bhttp::read(socket, buffer, parser);
    auto response = parser.release();
    HttpResult result;
    result.status = response.result_int();
    result.body = response.body();
    result.json = Json::parse(result.body, nullptr, false);
    if (result.json.is_discarded()) result.json = nullptr;
    for (auto& field : response) {
      std::string name(field.name_string());
      std::string value(field.value());
      if (field.name() == bhttp::field::set_cookie) {
        result.set_cookies.push_back(value);
        auto eq = value.find('=');
        auto semi = value.find(';');
        std::string cookie_name = value.substr(0, eq);
        std::string cookie_value = value.substr(eq + 1, semi - eq - 1);
        if (value.find("Max-Age=0") != std::string::npos) {
          cookies.erase(cookie_name);
        } else {
          cookies[cookie_name] = cookie_value;
        }
      }
      result.headers[name] = value;
    }
    return result;
  }

  HttpResult get(const std::string& target) { return send(bhttp::verb::get, target); }
  HttpResult del(const std::string& target) { return send(bhttp::verb::delete_, target); }
  HttpResult post_json(const std::string& target, const Json& body) {
    return send(bhttp::verb::post, target, body.dump(), "application/json");
  }
  HttpResult put_json(const std::string& target, const Json& body) {
    return send(bhttp::verb::put, target, body.dump(), "application/json");
  }
  HttpResult post_form(const std::string& target, const Json& fields) {
    return send(bhttp::verb::post, target, form_encode(fields),
                "application/x-www-form-urlencoded");
  }

  // POST /api/method/login; returns the response.
  HttpResult login(const std::string& user, const std::string& password) {
    return post_json("/api/method/login", {{"usr", user}, {"pwd", password}});
  }

 private:
  unsigned short port_;
};

inline const char* kAdminPassword = "admin-secret-1";

// A fresh site "test.local" and `quire serve` on it. The server's config may
// be extended before start() (site config keys).
class RestServer {
 public:
  RestServer() {
    std::filesystem::create_directories(dir_ / "cli");
    auto created = run({"new-site", "test.local", "--admin-password", kAdminPassword});
    if (created.code != 0) throw std::runtime_error("new-site failed: " + created.err);
  }

  // Sets site config keys (before start()).
  void config(const std::string& key, const Json& value) {
    auto result = run({"set-config", "--site", "test.local", key, value.dump()});
    if (result.code != 0) throw std::runtime_error("set-config failed: " + result.err);
  }

  // Turns server scripts on (common_site_config's server_script_enabled, as
  // `quire set-config -g`): before start().
  void enable_server_scripts() {
    auto result = run({"set-config", "-g", "server_script_enabled", "1"});
    if (result.code != 0) throw std::runtime_error("set-config -g failed: " + result.err);
  }

  void start() {
    std::filesystem::create_directories(dir_ / "serve");
    server_ = std::make_unique<Process>(
        dir_ / "serve", std::vector<std::string>{"serve", "--port", "0", "--access-log", "off"},
        env());
    if (!server_->wait_for_err(" workers (")) {
      throw std::runtime_error("quire serve did not start: " + server_->err());
    }
    std::smatch match;
    std::string err = server_->err();
    if (!std::regex_search(err, match, std::regex("on http://127\\.0\\.0\\.1:(\\d+) "))) {
      throw std::runtime_error("no port in: " + err);
    }
    port_ = static_cast<unsigned short>(std::stoi(match[1].str()));
  }

  // Runs a quire command on the same sites folder (in its own folder, so its
  // output files do not clobber the server's).
  quire::testing::Result run(const std::vector<std::string>& args,
                             const std::vector<std::string>& extra_env = {}) {
    auto environment = env();
    environment.insert(environment.end(), extra_env.begin(), extra_env.end());
    return quire::testing::run_quire(dir_ / "cli", args, environment);
  }

  unsigned short port() const { return port_; }
  Client client() const { return Client(port_); }
  Client admin() const {
    Client c(port_);
    auto result = c.login("Administrator", kAdminPassword);
    EXPECT_EQ(result.status, 200) << result.body;
    return c;
  }
  const std::filesystem::path& dir() const { return dir_.path(); }
  std::string server_err() const { return server_ ? server_->err() : ""; }

  // Creates an enabled user with a password and roles, through the API.
  void add_user(const std::string& email, const std::string& password,
                const std::vector<std::string>& roles) {
    auto admin_client = admin();
    Json doc = {{"email", email},
                {"first_name", email.substr(0, email.find('@'))},
                {"new_password", password},
                {"enabled", 1},
                {"roles", Json::array()}};
    for (const auto& role : roles) doc["roles"].push_back({{"role", role}});
    auto result = admin_client.post_json("/api/resource/User", doc);
    ASSERT_EQ(result.status, 200) << result.body;
  }

 private:
  std::vector<std::string> env() const {
    return {"QUIRE_SITES_DIR=" + (dir_.path() / "sites").string()};
  }

  TempDir dir_;
  std::unique_ptr<Process> server_;
  unsigned short port_ = 0;
};

}  // namespace quire::rest_testing
