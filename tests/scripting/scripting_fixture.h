#pragma once
// A site in an in-memory database with server scripts installed and enabled,
// and helpers to run a script body the way a Server Script runs.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/session.h"
#include "model/site_model.h"
#include "scripting/api_script.h"
#include "scripting/engine.h"
#include "scripting/script_error.h"
#include "scripting/server_scripts.h"

namespace quire::scripting::testing {

using model::Json;

class ScriptingTest : public ::testing::Test {
 public:
  void SetUp() override {
    db = db::SqliteDatabase::open(":memory:", true);
    db::migrate(*db);
    metas = std::make_unique<model::MetaStore>();
    model::register_doctype_controller(events);
    ScriptSettings settings;
    settings.enabled = [this] { return enabled; };
    settings.enqueue = [this](model::Session&, const std::string& method, const Json& kwargs,
                              const Json& options) {
      enqueued.push_back(Json{{"method", method}, {"kwargs", kwargs}, {"options", options}});
    };
    configure(settings);
    scripts = std::make_unique<ServerScripts>(settings);
    scripts->install(events);
    session = std::make_unique<model::Session>(*db, *metas, events);
    session->clock = [this] {
      ++ticks;
      char buf[64];
      std::snprintf(buf, sizeof buf, "2025-03-12 10:%02d:%02d.%06d", (ticks / 60000) % 60,
                    (ticks / 1000) % 60, (ticks % 1000) * 1000);
      return std::string(buf);
    };
    session->flags["in_install"] = true;
    model::install_core(*session);
    session->flags.erase("in_install");
  }

  // A test's own settings (limits ...), applied before the scripts are built.
  virtual void configure(ScriptSettings&) {}

  // Inserts a Server Script document (as Administrator).
  model::Document::Ptr add_script(const std::string& name, const Json& fields) {
    Json d = fields;
    d["doctype"] = "Server Script";
    auto doc = model::doc_from_dict(*session, d);
    model::InsertOptions o;
    o.set_name = name;
    model::insert(*session, *doc, o);
    return doc;
  }

  model::Document::Ptr add_event_script(const std::string& name, const std::string& doctype,
                                        const std::string& event, const std::string& body) {
    return add_script(name, Json{{"script_type", "DocType Event"},
                                 {"reference_doctype", doctype},
                                 {"doctype_event", event},
                                 {"script", body}});
  }

  model::Document::Ptr add_api_script(const std::string& name, const std::string& method,
                                      const std::string& body, bool guest = false) {
    return add_script(name, Json{{"script_type", "API"},
                                 {"api_method", method},
                                 {"allow_guest", guest ? 1 : 0},
                                 {"script", body}});
  }

  model::Document::Ptr insert(const Json& values) {
    auto doc = model::doc_from_dict(*session, values);
    model::insert(*session, *doc);
    return doc;
  }

  // Runs `source` as an ad-hoc script (commit allowed) and returns what it
  // printed, one line per print(); on an exception, "<Type>: <message>".
  std::string run(const std::string& source) {
    RequestState request;
    RequestScope scope(*session, request);
    RunState state(*session, request);
    state.scripts = scripts.get();
    std::string out;
    try {
      auto program = compile_script("test script", source);
      execute(*program, state);
    } catch (const model::FrappeError& e) {
      out = std::string(model::class_name(e.kind())) + ": " + e.what();
    } catch (const ScriptError& e) {
      out = e.python_type() + ": " + e.what();
    }
    std::string printed;
    for (const auto& line : request.debug_log) printed += line + "\n";
    last_messages = request.message_log;
    return out.empty() ? printed : printed + out;
  }

  // Runs Scheduler Event script `name` now and returns what it printed, one
  // line per print().
  std::string run_scheduled(const std::string& name) {
    RequestState request;
    RequestScope scope(*session, request);
    scripts->execute_scheduled(*session, name);
    std::string printed;
    for (const auto& line : request.debug_log) printed += line + "\n";
    return printed;
  }

  std::vector<Json> last_messages;
  std::vector<Json> enqueued;  // what frappe.enqueue handed to ScriptSettings::enqueue
  bool enabled = true;
  int ticks = 0;
  std::unique_ptr<db::SqliteDatabase> db;
  std::unique_ptr<model::MetaStore> metas;
  model::EventRegistry events;
  std::unique_ptr<ServerScripts> scripts;
  std::unique_ptr<model::Session> session;
};

}  // namespace quire::scripting::testing
