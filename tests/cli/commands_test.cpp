#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "../support/temp_dir.h"
#include "process.h"
#include "site/password.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

using nlohmann::json;
using quire::testing::read_file;
using quire::testing::run_quire;
using quire::testing::TempDir;

// Bad usage is reported on exactly one line of standard error, prefixed with
// the program's name, and nothing on standard output.
void expect_usage_error(const quire::testing::Result& result, const std::string& fragment) {
  EXPECT_EQ(result.code, 2) << result.err;
  EXPECT_TRUE(result.err.starts_with("quire: ")) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_NE(result.err.find(fragment), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
}

std::string stored_admin_hash(const std::filesystem::path& sites_dir, const std::string& name) {
  auto db = site::Sites(sites_dir).open_database(name);
  return std::get<std::string>(
      db->query("SELECT `password` FROM `__Auth` WHERE `name` = "
                "'Administrator'")[0][0]);
}

TEST(Cli, VersionAndHelp) {
  TempDir dir;
  auto version = run_quire(dir.path(), {"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, std::string("quire ") + "0.1.0\n");

  for (auto args : {std::vector<std::string>{"help"}, std::vector<std::string>{}}) {
    auto help = run_quire(dir.path(), args);
    EXPECT_EQ(help.code, 0);
    for (const char* command : {"new-site", "serve", "set-config", "--sites-dir"}) {
      EXPECT_NE(help.out.find(command), std::string::npos) << command << "\n" << help.out;
    }
  }
  auto serve_help = run_quire(dir.path(), {"help", "serve"});
  EXPECT_EQ(serve_help.code, 0);
  EXPECT_NE(serve_help.out.find("--port"), std::string::npos) << serve_help.out;
  expect_usage_error(run_quire(dir.path(), {"help", "nope"}), "no command named 'nope'");
}

TEST(Cli, BadUsageIsOneLineAndExitTwo) {
  TempDir dir;
  expect_usage_error(run_quire(dir.path(), {"--bogus"}), "--bogus");
  expect_usage_error(run_quire(dir.path(), {"frobnicate"}), "frobnicate");
  expect_usage_error(run_quire(dir.path(), {"new-site"}), "NAME");
  expect_usage_error(run_quire(dir.path(), {"serve", "--port", "70000"}), "--port");
  expect_usage_error(run_quire(dir.path(), {"serve", "--port", "eighty"}), "--port");
  expect_usage_error(run_quire(dir.path(), {"set-config", "only-key"}), "VALUE");
  expect_usage_error(run_quire(dir.path(), {"set-config", "-g", "--site", "x", "k", "v"}),
                     "--site");
}

TEST(Cli, NewSitePrintsAGeneratedPasswordOnceThatLogsIn) {
  TempDir dir;
  auto result = run_quire(dir.path(), {"new-site", "localhost"});
  ASSERT_EQ(result.code, 0) << result.err;
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(result.out, match, std::regex("user Administrator, password (\\S+)\n")))
      << result.out;
  EXPECT_TRUE(site::verify_password(match[1].str(), stored_admin_hash(dir / "sites", "localhost")));
  EXPECT_TRUE(std::filesystem::exists(dir / "sites" / "localhost" / "site.db"));
}

TEST(Cli, NewSiteTakesThePasswordFromTheFlagOrTheEnvironmentAndDoesNotEchoIt) {
  TempDir dir;
  auto flag = run_quire(dir.path(), {"new-site", "a", "--admin-password", "from-flag"});
  ASSERT_EQ(flag.code, 0) << flag.err;
  EXPECT_EQ(flag.out.find("from-flag"), std::string::npos) << flag.out;
  EXPECT_TRUE(site::verify_password("from-flag", stored_admin_hash(dir / "sites", "a")));

  auto env = run_quire(dir.path(), {"new-site", "b"}, {"QUIRE_ADMIN_PASSWORD=from-env"});
  ASSERT_EQ(env.code, 0) << env.err;
  EXPECT_EQ(env.out.find("from-env"), std::string::npos) << env.out;
  EXPECT_TRUE(site::verify_password("from-env", stored_admin_hash(dir / "sites", "b")));
}

TEST(Cli, NewSiteRefusesExistingAndInvalidNames) {
  TempDir dir;
  ASSERT_EQ(run_quire(dir.path(), {"new-site", "one", "--admin-password", "x"}).code, 0);
  expect_usage_error(run_quire(dir.path(), {"new-site", "one", "--admin-password", "y"}),
                     "already exists");
  EXPECT_TRUE(site::verify_password("x", stored_admin_hash(dir / "sites", "one")));
  expect_usage_error(run_quire(dir.path(), {"new-site", "../escape"}), "invalid site name");
  expect_usage_error(run_quire(dir.path(), {"new-site", "pg", "--db", "postgres://h/d"}),
                     "PostgreSQL");
  EXPECT_FALSE(std::filesystem::exists(dir / "escape"));
  EXPECT_FALSE(std::filesystem::exists(dir / "sites" / "pg"));
}

TEST(Cli, SitesDirComesFromTheFlagOrTheEnvironment) {
  TempDir dir;
  ASSERT_EQ(
      run_quire(dir.path(), {"--sites-dir", "elsewhere", "new-site", "a", "--admin-password", "x"})
          .code,
      0);
  EXPECT_TRUE(std::filesystem::exists(dir / "elsewhere" / "a" / "site_config.json"));
  ASSERT_EQ(run_quire(dir.path(), {"new-site", "b", "--admin-password", "x"},
                      {"QUIRE_SITES_DIR=" + (dir / "from-env").string()})
                .code,
            0);
  EXPECT_TRUE(std::filesystem::exists(dir / "from-env" / "b" / "site_config.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "sites"));
}

TEST(Cli, SetConfigWritesTheCommonOrTheSiteConfigParsingJson) {
  TempDir dir;
  ASSERT_EQ(run_quire(dir.path(), {"new-site", "one", "--admin-password", "x"}).code, 0);
  auto global = run_quire(dir.path(), {"set-config", "-g", "server_script_enabled", "1"});
  ASSERT_EQ(global.code, 0) << global.err;
  auto local = run_quire(dir.path(), {"set-config", "greeting", "hello world"});
  ASSERT_EQ(local.code, 0) << local.err;
  auto nested = run_quire(dir.path(), {"set-config", "--site", "one", "limits", "{\"a\": [1, 2]}"});
  ASSERT_EQ(nested.code, 0) << nested.err;

  EXPECT_EQ(json::parse(read_file(dir / "sites" / "common_site_config.json")),
            json({{"server_script_enabled", 1}}));
  auto site_config = json::parse(read_file(dir / "sites" / "one" / "site_config.json"));
  EXPECT_EQ(site_config["greeting"], "hello world");
  EXPECT_EQ(site_config["limits"], json({{"a", {1, 2}}}));
  EXPECT_EQ(site_config["db_type"], "sqlite");
}

TEST(Cli, SetConfigReportsUnknownSitesAndBrokenConfigs) {
  TempDir dir;
  expect_usage_error(run_quire(dir.path(), {"set-config", "-g", "k", "v"}), "no sites folder");
  ASSERT_EQ(run_quire(dir.path(), {"new-site", "one", "--admin-password", "x"}).code, 0);
  expect_usage_error(run_quire(dir.path(), {"set-config", "--site", "two", "k", "v"}),
                     "unknown site 'two'");
  std::ofstream(dir / "sites" / "common_site_config.json") << "{\"a\": ";
  expect_usage_error(run_quire(dir.path(), {"set-config", "-g", "k", "v"}), "not valid JSON");
  expect_usage_error(run_quire(dir.path(), {"serve"}), "not valid JSON");
}

}  // namespace
}  // namespace quire::cli
