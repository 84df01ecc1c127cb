// The script map cache across processes: two ServerScripts, each with its own
// connection to one site database (as a second `quire serve` or a worker
// has), see each other's Server Script changes through the table check
// (ScriptSettings::map_check_interval), and keep their cached map without it.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "../support/temp_dir.h"
#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/session.h"
#include "model/site_model.h"
#include "model/transaction.h"
#include "scripting/server_scripts.h"

namespace quire::scripting::testing {
namespace {

using model::Json;

// One process's view of the site: its own connection, metas, events, scripts.
struct Process {
  Process(const std::string& path, std::chrono::milliseconds check, bool install) {
    db = db::SqliteDatabase::open(path, true);
    if (install) db::migrate(*db);
    model::register_doctype_controller(events);
    ScriptSettings settings;
    settings.enabled = [] { return true; };
    settings.map_check_interval = check;
    scripts = std::make_unique<ServerScripts>(settings);
    scripts->install(events);
    session = std::make_unique<model::Session>(*db, metas, events);
    if (install) {
      session->flags["in_install"] = true;
      model::install_core(*session);
      session->flags.erase("in_install");
    }
  }

  // The script text this process would run for `method`, or "" when none.
  std::string api_script(const std::string& method) {
    auto info = scripts->find_api(*session, method);
    return info ? info->script : "";
  }

  void commit(const std::function<void()>& work) {
    model::Transaction txn(*session);
    work();
    txn.commit();
  }

  std::unique_ptr<db::SqliteDatabase> db;
  model::MetaStore metas;
  model::EventRegistry events;
  std::unique_ptr<ServerScripts> scripts;
  std::unique_ptr<model::Session> session;
};

class ScriptMapAcrossProcesses : public ::testing::Test {
 public:
  quire::testing::TempDir dir;
  std::string path = (dir / "site.db").string();

  void add_api_script(Process& p, const std::string& name, const std::string& body) {
    p.commit([&] {
      auto doc = model::doc_from_dict(*p.session, Json{{"doctype", "Server Script"},
                                                       {"script_type", "API"},
                                                       {"api_method", name},
                                                       {"script", body}});
      model::InsertOptions o;
      o.set_name = name;
      model::insert(*p.session, *doc, o);
    });
  }

  void change_script(Process& p, const std::string& name, const std::string& body) {
    p.commit([&] {
      auto doc = model::get_doc(*p.session, "Server Script", name);
      doc->set("script", body);
      model::save(*p.session, *doc);
    });
  }
};

TEST_F(ScriptMapAcrossProcesses, SeesCreateChangeAndDeleteMadeElsewhere) {
  Process first(path, std::chrono::milliseconds(0), true);
  Process second(path, std::chrono::milliseconds(0), false);
  EXPECT_EQ(second.api_script("shared"), "");  // caches a map without it
  add_api_script(first, "shared", "frappe.flags = 1\n");
  EXPECT_EQ(second.api_script("shared"), "frappe.flags = 1\n");
  change_script(first, "shared", "frappe.flags = 2\n");
  EXPECT_EQ(second.api_script("shared"), "frappe.flags = 2\n");
  first.commit([&] { model::delete_doc(*first.session, "Server Script", "shared"); });
  EXPECT_EQ(second.api_script("shared"), "");
}

TEST_F(ScriptMapAcrossProcesses, KeepsItsMapBetweenChecks) {
  Process first(path, std::chrono::milliseconds(0), true);
  Process second(path, std::chrono::hours(1), false);
  add_api_script(first, "early", "frappe.flags = 1\n");
  EXPECT_EQ(second.api_script("early"), "frappe.flags = 1\n");  // first read builds the map
  add_api_script(first, "late", "frappe.flags = 2\n");
  // Within the interval the cached map stands (no query per lookup)...
  EXPECT_EQ(second.api_script("late"), "");
  // ...and a change in this process is seen at once.
  second.scripts->clear_cache();
  EXPECT_EQ(second.api_script("late"), "frappe.flags = 2\n");
}

}  // namespace
}  // namespace quire::scripting::testing
