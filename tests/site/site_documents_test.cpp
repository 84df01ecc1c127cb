#include "site/site_documents.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../support/temp_dir.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/session.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::site {
namespace {

using quire::testing::TempDir;
using Json = nlohmann::json;

TEST(SiteDocuments, NewSiteHasCoreDocTypesAndRoles) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("alpha", NewSite{"pw", ""});

  auto db = sites.open_database("alpha");
  SiteDocuments documents;
  model::Session session(*db, documents.metas, documents.events);
  model::ListArgs args;
  args.doctype = "DocType";
  args.pluck = "name";
  auto doctypes = model::get_all(session, args);
  for (const char* core : {"User", "Role", "ToDo", "Scheduled Job Type", "System Settings"}) {
    EXPECT_NE(std::find(doctypes.begin(), doctypes.end(), Json(core)), doctypes.end()) << core;
  }
  EXPECT_EQ(model::exists(session, "Role", "System Manager"), "System Manager");
}

TEST(SiteDocuments, LoadIsIdempotentAndBringsBackTheSitesOwnDocTypes) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("alpha", NewSite{"pw", ""});
  {
    auto db = sites.open_database("alpha");
    SiteDocuments documents;
    documents.load(*db);
    model::Session session(*db, documents.metas, documents.events);
    auto doc = model::doc_from_dict(
        session, Json{{"doctype", "DocType"},
                      {"name", "Gadget"},
                      {"module", "Custom"},
                      {"fields", Json::array({{{"fieldname", "size"}, {"fieldtype", "Int"}}})},
                      {"permissions", Json::array({{{"role", "System Manager"}, {"read", 1}}})}});
    model::InsertOptions options;
    options.set_name = "Gadget";
    model::insert(session, *doc, options);
    model::insert(session,
                  *model::doc_from_dict(session, Json{{"doctype", "Gadget"}, {"size", 3}}));
  }
  auto db = sites.open_database("alpha");
  SiteDocuments documents;
  EXPECT_EQ(documents.metas.find_meta("Gadget"), nullptr);
  documents.load(*db);
  documents.load(*db);
  ASSERT_NE(documents.metas.find_meta("Gadget"), nullptr);
  model::Session session(*db, documents.metas, documents.events);
  EXPECT_EQ(model::count(session, "Gadget"), 1);
}

TEST(SiteDocuments, PasswordFieldsAreEncryptedWithTheSitesKey) {
  TempDir dir;
  Sites sites(dir / "sites");
  sites.create("alpha", NewSite{"pw", ""});
  auto db = sites.open_database("alpha");
  SiteDocuments documents;
  documents.load(*db);
  documents.set_encryption_key(sites.config("alpha")["encryption_key"].get<std::string>());
  EXPECT_THROW(documents.set_encryption_key("not a key"), SiteError);
  model::Session session(*db, documents.metas, documents.events);
  auto definition = model::doc_from_dict(
      session,
      Json{{"doctype", "DocType"},
           {"name", "Mail Account"},
           {"module", "Custom"},
           {"autoname", "field:account"},
           {"fields", Json::array({{{"fieldname", "account"}, {"fieldtype", "Data"}},
                                   {{"fieldname", "secret"}, {"fieldtype", "Password"}}})}});
  model::InsertOptions options;
  options.set_name = "Mail Account";
  model::insert(session, *definition, options);
  model::insert(session, *model::doc_from_dict(session, Json{{"doctype", "Mail Account"},
                                                             {"account", "ops"},
                                                             {"secret", "hunter2"}}));
  auto rows = db->query(
      "SELECT `password`, `encrypted` FROM `__Auth` WHERE `doctype` = 'Mail Account'"
      " AND `name` = 'ops' AND `fieldname` = 'secret'");
  ASSERT_EQ(rows.size(), 1u);
  const auto& stored = std::get<std::string>(rows[0][0]);
  EXPECT_EQ(stored.find("hunter2"), std::string::npos);
  EXPECT_EQ(rows[0][1], db::Value{std::int64_t{1}});
  EXPECT_EQ(documents.reveal(stored, true), std::optional<std::string>("hunter2"));
  SiteDocuments other;  // no key: cannot open it
  EXPECT_EQ(other.reveal(stored, true), std::nullopt);
  EXPECT_EQ(other.reveal("plain", false), std::optional<std::string>("plain"));
}

}  // namespace
}  // namespace quire::site
