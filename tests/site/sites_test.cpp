#include "site/sites.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../support/temp_dir.h"
#include "db/schema.h"
#include "site/config_file.h"
#include "site/password.h"
#include "site/site_error.h"

namespace quire::site {
namespace {

using nlohmann::json;
using quire::testing::TempDir;

// Creating sites hashes a password (deliberately slow); keep it to what each
// test needs.
NewSite with_password(std::string password) {
  return NewSite{std::move(password), ""};
}

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const SiteError& e) {
    return e.what();
  }
  return "(no SiteError)";
}

TEST(SiteName, AcceptsHostLikeNames) {
  for (const char* name : {"localhost", "site1.local", "my_site", "A-b.c_9", "x"}) {
    EXPECT_NO_THROW(validate_site_name(name)) << name;
  }
  EXPECT_NO_THROW(validate_site_name(std::string(64, 'a')));
}

TEST(SiteName, RefusesNamesThatCouldEscapeOrConfuse) {
  for (const char* name :
       {"", "..", "../x", ".hidden", "-flag", "a/b", "a b", "a\\b", "caf\xc3\xa9", "a\nb"}) {
    EXPECT_THROW(validate_site_name(name), SiteError) << name;
  }
  EXPECT_THROW(validate_site_name(std::string(65, 'a')), SiteError);
}

TEST(Sites, CreateMakesFolderConfigDatabaseAndAdministrator) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("alpha", with_password("pw-alpha"));

  EXPECT_TRUE(sites.exists("alpha"));
  EXPECT_EQ(sites.database_path("alpha"), dir / "sites" / "alpha" / "site.db");
  EXPECT_TRUE(std::filesystem::exists(sites.database_path("alpha")));
  auto written = read_config_file(sites.site_config_path("alpha"));
  // A Fernet key: 32 bytes in URL-safe base64.
  ASSERT_TRUE(written.contains("encryption_key"));
  EXPECT_EQ(written["encryption_key"].get<std::string>().size(), 44u);
  written.erase("encryption_key");
  EXPECT_EQ(written, json({{"db_type", "sqlite"}}));

  auto db = sites.open_database("alpha");
  EXPECT_EQ(db::schema_version(*db), db::latest_schema_version());
  auto rows = db->query(
      "SELECT `password` FROM `__Auth` WHERE `doctype` = 'User' AND `name` = 'Administrator'"
      " AND `fieldname` = 'password'");
  ASSERT_EQ(rows.size(), 1u);
  const auto& hash = std::get<std::string>(rows[0][0]);
  EXPECT_TRUE(verify_password("pw-alpha", hash));
  EXPECT_EQ(hash.find("pw-alpha"), std::string::npos);
}

TEST(Sites, CreateRefusesAnExistingSiteAndLeavesItAlone) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("alpha", with_password("first"));
  auto message = message_of([&] { sites.create("alpha", with_password("second")); });
  EXPECT_NE(message.find("already exists"), std::string::npos) << message;
  auto db = sites.open_database("alpha");
  auto hash = std::get<std::string>(db->query("SELECT `password` FROM `__Auth`")[0][0]);
  EXPECT_TRUE(verify_password("first", hash));
}

TEST(Sites, CreateWithARelativeSqliteUrlPutsTheDatabaseInsideTheSite) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("beta", NewSite{"pw", "sqlite:///data/beta.sqlite"});
  EXPECT_EQ(sites.database_path("beta"), dir / "sites" / "beta" / "data" / "beta.sqlite");
  EXPECT_TRUE(std::filesystem::exists(sites.database_path("beta")));
  EXPECT_EQ(read_config_file(sites.site_config_path("beta"))["db_url"],
            "sqlite:///data/beta.sqlite");
}

TEST(Sites, CreateRefusesUnsupportedUrlsAndLeavesNothingBehind) {
  TempDir dir;
  Sites sites(dir / "sites");
  auto postgres = message_of([&] { sites.create("c", NewSite{"pw", "postgres://h/db"}); });
  EXPECT_NE(postgres.find("PostgreSQL"), std::string::npos) << postgres;
  auto other = message_of([&] { sites.create("c", NewSite{"pw", "mysql://h/db"}); });
  EXPECT_NE(other.find("unsupported database URL"), std::string::npos) << other;
  EXPECT_FALSE(std::filesystem::exists(dir / "sites" / "c"));
}

TEST(Sites, AFailedCreateRemovesWhatItMade) {
  TempDir dir;
  Sites sites(dir / "sites");
  // The database's folder does not exist, so opening it fails after the
  // site folder was made.
  EXPECT_ANY_THROW(
      sites.create("d", NewSite{"pw", "sqlite:///" + (dir / "nope" / "d.db").string()}));
  EXPECT_FALSE(std::filesystem::exists(dir / "sites" / "d"));
  EXPECT_TRUE(sites.list().empty());
}

TEST(Sites, CreateRefusesToReuseAnExistingDatabaseFile) {
  TempDir dir;
  std::ofstream(dir / "taken.db") << "someone's data";
  Sites sites(dir / "sites");
  auto message = message_of([&] {
    sites.create("e", NewSite{"pw", "sqlite:///" + (dir / "taken.db").string()});
  });
  EXPECT_NE(message.find("already exists"), std::string::npos) << message;
  EXPECT_FALSE(std::filesystem::exists(dir / "sites" / "e"));
}

TEST(Sites, ResolveFollowsTheGivenNameThenDefaultSiteThenTheOnlySite) {
  TempDir dir;
  Sites sites(dir / "sites");
  EXPECT_NE(message_of([&] { sites.resolve(std::nullopt); }).find("quire new-site"),
            std::string::npos);

  sites.create("one", with_password("pw"));
  EXPECT_EQ(sites.resolve(std::nullopt), "one");
  EXPECT_EQ(sites.resolve("one"), "one");
  EXPECT_NE(message_of([&] { sites.resolve("two"); }).find("unknown site 'two'"),
            std::string::npos);

  sites.create("two", with_password("pw"));
  EXPECT_NE(message_of([&] { sites.resolve(std::nullopt); }).find("--site"), std::string::npos);
  sites.set_config(std::nullopt, "default_site", "two");
  EXPECT_EQ(sites.resolve(std::nullopt), "two");
  EXPECT_EQ(sites.list(), (std::vector<std::string>{"one", "two"}));
}

TEST(Sites, ConfigLaysTheSiteOverTheCommonConfig) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("one", with_password("pw"));
  sites.set_config(std::nullopt, "shared", 1);
  sites.set_config(std::nullopt, "both", "common");
  sites.set_config("one", "both", "site");
  auto config = sites.config("one");
  EXPECT_EQ(config["shared"], 1);
  EXPECT_EQ(config["both"], "site");
  EXPECT_EQ(config["db_type"], "sqlite");
  EXPECT_EQ(read_config_file(sites.common_config_path())["both"], "common");
}

TEST(Sites, SetConfigKeepsOtherKeysAndRefusesABrokenFile) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("one", with_password("pw"));
  sites.set_config("one", "server_script_enabled", 1);
  auto written = read_config_file(sites.site_config_path("one"));
  written.erase("encryption_key");
  EXPECT_EQ(written, json({{"db_type", "sqlite"}, {"server_script_enabled", 1}}));

  std::ofstream(sites.common_config_path()) << "{broken";
  EXPECT_THROW(sites.set_config(std::nullopt, "k", 1), SiteError);
  std::ifstream in(sites.common_config_path());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "{broken");
  EXPECT_THROW(sites.set_config(std::nullopt, "", 1), SiteError);
}

TEST(Sites, SetConfigNeedsASitesFolder) {
  TempDir dir;
  Sites sites(dir / "nothing-here");
  EXPECT_THROW(sites.set_config(std::nullopt, "k", 1), SiteError);
  EXPECT_FALSE(std::filesystem::exists(dir / "nothing-here"));
}

}  // namespace
}  // namespace quire::site
