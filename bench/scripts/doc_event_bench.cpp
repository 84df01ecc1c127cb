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
//        quire_script_bench invoice FIXTURE SCRIPT [iterations]
//   SCRIPT (the shared validate_invoice.py) as a Before Save script on a
//   Sales Invoice of 50 items and 2 taxes (bench/scripts/invoices.py's
//   shape), the DocTypes of FIXTURE (sales_invoice.json): an insert with and
//   without it, and one run_doc_event, for comparison with python3 running
//   the same file (bench/scripts/cpython_reference.py).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/site_model.h"
#include "model/transaction.h"
#include "scripting/run_state.h"
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

  void add_before_save_script(const std::string& name = "bench-before-save",
                              const std::string& doctype = "ToDo",
                              const std::string& script = kBeforeSave) {
    auto doc = model::doc_from_dict(*session, Json{{"doctype", "Server Script"},
                                                   {"script_type", "DocType Event"},
                                                   {"reference_doctype", doctype},
                                                   {"doctype_event", "Before Save"},
                                                   {"script", script}});
    model::InsertOptions o;
    o.set_name = name;
    model::insert(*session, *doc, o);
  }

  void set_script_disabled(bool disabled, const std::string& name = "bench-before-save") {
    auto doc = model::get_doc(*session, "Server Script", name);
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

std::string read_file(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    std::exit(1);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// bench/scripts/invoices.py's invoice(0): 50 items (every third discounted)
// and two taxes.
Json invoice() {
  Json items = Json::array();
  for (int i = 1; i <= 50; ++i) {
    Json item = {
        {"item_code", "SKU-" + std::to_string(i % 7)}, {"qty", i % 5 + 1}, {"rate", 12.5 + i}};
    if (i % 3 == 0) item["discount_percentage"] = 10;
    items.push_back(item);
  }
  return {{"doctype", "Sales Invoice"},
          {"customer", "CUST-00"},
          {"status", "Unpaid"},
          {"posting_date", "2017-01-01"},
          {"items", items},
          {"taxes", Json::array({{{"description", "VAT"}, {"rate", 9}},
                                 {{"description", "Levy"}, {"rate", 5}}})}};
}

int bench_invoice(const char* fixture, const char* script, int n) {
  Site site;
  for (const auto& doctype : Json::parse(read_file(fixture))) {
    Json dict = doctype;
    dict["doctype"] = "DocType";
    model::Transaction txn(*site.session);
    auto doc = model::doc_from_dict(*site.session, dict);
    model::insert(*site.session, *doc);
    txn.commit();
  }
  site.add_before_save_script("bench-validate-invoice", "Sales Invoice", read_file(script));
  auto insert_invoice = [&] {
    model::Transaction txn(*site.session);
    auto doc = model::doc_from_dict(*site.session, invoice());
    model::insert(*site.session, *doc);
    txn.commit();
  };
  double without = 1e18, with = 1e18;
  for (int round = 0; round < 5; ++round) {
    site.set_script_disabled(true, "bench-validate-invoice");
    without = std::min(without, micros(n, insert_invoice));
    site.set_script_disabled(false, "bench-validate-invoice");
    with = std::min(with, micros(n, insert_invoice));
  }
  auto doc = model::doc_from_dict(*site.session, invoice());
  double run = 1e18;
  for (int round = 0; round < 5; ++round) {
    run = std::min(
        run, micros(n, [&] { site.scripts->run_doc_event(*site.session, *doc, "validate"); }));
  }
  // The same run inside a request whose form_dict holds a batch of 100
  // invoices (frappe.client.insert_many's `docs`): a run that converted
  // form_dict each time cost as much as the batch (quadratic inserts).
  scripting::RequestState batch;
  batch.form_dict = Json{{"docs", Json::array()}};
  for (int i = 0; i < 100; ++i) batch.form_dict["docs"].push_back(invoice());
  double in_batch = 1e18;
  {
    scripting::RequestScope scope(*site.session, batch);
    for (int round = 0; round < 5; ++round) {
      in_batch = std::min(in_batch, micros(n, [&] {
                            site.scripts->run_doc_event(*site.session, *doc, "validate");
                          }));
    }
  }
  if (!(doc->get("grand_total").is_number() && doc->get("grand_total").get<double>() > 0)) {
    std::fprintf(stderr, "the script did not set grand_total: %s\n",
                 doc->get("grand_total").dump().c_str());
    return 1;
  }
  std::printf("invoice insert (50 items), no script   %8.1f us CPU\n", without);
  std::printf("invoice insert, validate_invoice.py    %8.1f us CPU  (%+.1f%%)\n", with,
              (with / without - 1) * 100);
  std::printf("validate_invoice.py run_doc_event     %8.1f us CPU\n", run);
  std::printf("  the same in a request of 100 invoices %7.1f us CPU\n", in_batch);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 3 && std::string(argv[1]) == "invoice")
    return bench_invoice(argv[2], argv[3], argc > 4 ? std::atoi(argv[4]) : 200);
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
