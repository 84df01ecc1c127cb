// The cost of one Before Save server script, in process (issue 7 aim: a
// script adds at most 10% to an insert). HTTP and disk make the served
// figure noisy on a shared machine; this one isolates what the scripting
// layer adds: the same ToDo insert on an in-memory site with no script, then
// with bench/scripts/run.sh's Before Save script, and the script's dispatch
// alone (ServerScripts::run_doc_event on one document). CPU time per
// operation, best of five rounds (the steadiest figure on a busy machine).
//
// Usage: quire_script_bench [iterations] [on|off]
//   on/off: only inserts with the script enabled or disabled (for perf record)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/site_model.h"
#include "model/transaction.h"
#include "scripting/server_scripts.h"

using namespace quire;
using model::Json;

namespace {

constexpr const char* kBeforeSave =
    "if not doc.description:\n"
    "    frappe.throw(\"Description is required\")\n"
    "doc.color = \"#ff0000\" if doc.priority == \"High\" else \"#00ff00\"\n";

struct Site {
  std::unique_ptr<db::SqliteDatabase> db = db::SqliteDatabase::open(":memory:", true);
  model::MetaStore metas;
  model::EventRegistry events;
  std::unique_ptr<scripting::ServerScripts> scripts;
  std::unique_ptr<model::Session> session;

  Site() {
    db::migrate(*db);
    model::register_doctype_controller(events);
    scripting::ScriptSettings settings;
    settings.enabled = [] { return true; };
    scripts = std::make_unique<scripting::ServerScripts>(settings);
    scripts->install(events);
    session = std::make_unique<model::Session>(*db, metas, events);
    session->flags["in_install"] = true;
    model::install_core(*session);
    session->flags.erase("in_install");
  }

  void add_before_save_script() {
    auto doc = model::doc_from_dict(*session, Json{{"doctype", "Server Script"},
                                                   {"script_type", "DocType Event"},
                                                   {"reference_doctype", "ToDo"},
                                                   {"doctype_event", "Before Save"},
                                                   {"script", kBeforeSave}});
    model::InsertOptions o;
    o.set_name = "bench-before-save";
    model::insert(*session, *doc, o);
  }

  void set_script_disabled(bool disabled) {
    auto doc = model::get_doc(*session, "Server Script", "bench-before-save");
    doc->set("disabled", disabled ? 1 : 0);
    model::save(*session, *doc);
  }

  model::Document::Ptr todo() {
    return model::doc_from_dict(
        *session, Json{{"doctype", "ToDo"}, {"description", "inserted"}, {"priority", "Medium"}});
  }
};

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// CPU microseconds per call of `n` calls.
template <typename F>
double micros(int n, F&& f) {
  double start = cpu_seconds();
  for (int i = 0; i < n; ++i) f();
  return (cpu_seconds() - start) / n * 1e6;
}

// One committed insert, as one REST POST does.
void insert_todo(Site& site) {
  model::Transaction txn(*site.session);
  auto doc = site.todo();
  model::insert(*site.session, *doc);
  txn.commit();
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 5000;
  // One site; rounds alternate the script off and on (same table sizes and
  // allocator state for both), best round of each.
  Site site;
  site.add_before_save_script();
  if (argc > 2) {  // "on" / "off": inserts with the script on or off only, for perf record
    site.set_script_disabled(std::string(argv[2]) == "off");
    std::printf("insert, script %s  %8.1f us CPU\n", argv[2],
                micros(n, [&] { insert_todo(site); }));
    for (const auto& st : site.scripts->stats())
      std::printf("  %s: %lld runs, p50 %.1f us wall\n", st.name.c_str(),
                  static_cast<long long>(st.executions), st.p50_micros);
    return 0;
  }
  double without = 1e18, with = 1e18;
  for (int round = 0; round < 5; ++round) {
    site.set_script_disabled(true);
    without = std::min(without, micros(n, [&] { insert_todo(site); }));
    site.set_script_disabled(false);
    with = std::min(with, micros(n, [&] { insert_todo(site); }));
  }
  auto doc = site.todo();
  double dispatch = 1e18;
  for (int round = 0; round < 5; ++round) {
    dispatch = std::min(
        dispatch, micros(n, [&] { site.scripts->run_doc_event(*site.session, *doc, "validate"); }));
  }
  if (doc->get("color") != Json("#00ff00")) {
    std::fprintf(stderr, "the script did not set color: %s\n", doc->get("color").dump().c_str());
    return 1;
  }
  std::printf("insert, no script            %8.1f us CPU\n", without);
  std::printf("insert, one Before Save      %8.1f us CPU  (%+.1f%%)\n", with,
              (with / without - 1) * 100);
  std::printf("run_doc_event alone         %8.1f us CPU\n", dispatch);
  return 0;
}
