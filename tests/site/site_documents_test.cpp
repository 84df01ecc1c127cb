#include "site/site_documents.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../support/temp_dir.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/session.h"
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

}  // namespace
}  // namespace quire::site
