#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/session.h"
#include "model/site_model.h"

namespace quire::model::testing {

// A fresh site in an in-memory SQLite database: core DocTypes installed, the
// DocType controller registered, a clock that starts at 2025-03-12 10:00:00
// and moves one millisecond per reading (so every save has a new `modified`).
class ModelTest : public ::testing::Test {
 public:
  void SetUp() override {
    db = db::SqliteDatabase::open(":memory:", true);
    db::migrate(*db);
    metas = std::make_unique<MetaStore>();
    register_doctype_controller(events);
    session = std::make_unique<Session>(*db, *metas, events);
    session->clock = [this] {
      ++ticks;
      char buf[64];
      std::snprintf(buf, sizeof buf, "2025-03-12 10:%02d:%02d.%06d", (ticks / 60000) % 60,
                    (ticks / 1000) % 60, (ticks % 1000) * 1000);
      return std::string(buf);
    };
    install_core(*session);
  }

  // Creates a DocType through the DocType document (as POST /api/resource/DocType does).
  void create_doctype(const Json& definition) {
    Json d = definition;
    d["doctype"] = "DocType";
    auto doc = doc_from_dict(*session, d);
    InsertOptions opts;
    opts.set_name = d["name"];
    insert(*session, *doc, opts);
  }

  Document::Ptr make(const Json& values) { return doc_from_dict(*session, values); }

  // Runs `f` and returns the FrappeError it throws (fails the test if none).
  template <typename F>
  FrappeError error_of(F&& f) {
    try {
      f();
    } catch (const FrappeError& e) {
      return e;
    }
    ADD_FAILURE() << "expected a FrappeError";
    return FrappeError(ErrorKind::ValidationError, "<none>");
  }

  int ticks = 0;
  std::unique_ptr<db::SqliteDatabase> db;
  std::unique_ptr<MetaStore> metas;
  EventRegistry events;
  std::unique_ptr<Session> session;
};

}  // namespace quire::model::testing
