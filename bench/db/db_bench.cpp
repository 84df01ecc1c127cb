// Documents on SQLite (issue 5 aims): inserts through the full lifecycle, in
// one transaction and committed one by one, with and without child rows; and
// a filtered list of 20 rows over a large table, with its query plan.
// Each figure is printed beside a reference measured in the same run: the
// same rows written with plain INSERT statements through db::Database.
//
// Usage: quire_db_bench DIR [docs] [list_rows]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/meta_store.h"
#include "model/site_model.h"
#include "model/transaction.h"

using namespace quire;
using model::Json;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Wall time and this process's CPU time: on a shared, loaded machine the CPU
// figure is the one that compares across runs.
struct Span {
  Clock::time_point wall = Clock::now();
  std::clock_t cpu = std::clock();
  double wall_seconds() const { return seconds_since(wall); }
  double cpu_seconds() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

struct Rate {
  double wall, cpu;
};

struct Site {
  std::unique_ptr<db::SqliteDatabase> db;
  model::MetaStore metas;
  model::EventRegistry events;
  std::unique_ptr<model::Session> session;

  explicit Site(const std::string& path) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    db = db::SqliteDatabase::open(path, true);
    // A page cache big enough for the working set (SQLite's default is 2 MB);
    // QUIRE_BENCH_DEFAULT_CACHE=1 measures the connection's own setting.
    if (std::getenv("QUIRE_BENCH_DEFAULT_CACHE") == nullptr) {
      db->execute("PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824;");
    }
    db::migrate(*db);
    model::register_doctype_controller(events);
    session = std::make_unique<model::Session>(*db, metas, events);
    model::install_core(*session);
    define(R"({"name": "Bench Item", "istable": 1, "fields": [
      {"fieldname": "item", "fieldtype": "Data"}, {"fieldname": "qty", "fieldtype": "Int"},
      {"fieldname": "rate", "fieldtype": "Currency"}]})");
    define(R"({"name": "Bench Order", "autoname": "hash", "fields": [
      {"fieldname": "customer", "fieldtype": "Data", "search_index": 1},
      {"fieldname": "status", "fieldtype": "Select", "options": "Draft\nOpen\nPaid\nCancelled", "search_index": 1},
      {"fieldname": "amount", "fieldtype": "Currency"},
      {"fieldname": "posting_date", "fieldtype": "Date"},
      {"fieldname": "items", "fieldtype": "Table", "options": "Bench Item"}]})");
  }

  void define(const char* json) {
    Json d = Json::parse(json);
    d["doctype"] = "DocType";
    auto doc = model::doc_from_dict(*session, d);
    model::InsertOptions opts;
    opts.set_name = d["name"];
    model::insert(*session, *doc, opts);
  }
};

const char* kStatuses[] = {"Draft", "Open", "Paid", "Cancelled"};

Json order(int i, int children) {
  Json d = {{"doctype", "Bench Order"},
            {"customer", "CUST-" + std::to_string(i % 997)},
            {"status", kStatuses[i % 4]},
            {"amount", (i % 997) * 1.5},
            {"posting_date",
             "2025-03-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)}};
  Json items = Json::array();
  for (int c = 0; c < children; ++c)
    items.push_back({{"item", "SKU-" + std::to_string(c)}, {"qty", c + 1}, {"rate", 9.5}});
  d["items"] = items;
  return d;
}

// Documents per second through model::insert.
Rate lifecycle_rate(Site& site, int count, int children, bool one_transaction) {
  Span span;
  if (one_transaction) {
    model::Transaction tx(*site.session);
    for (int i = 0; i < count; ++i)
      model::insert(*site.session, *model::doc_from_dict(*site.session, order(i, children)));
    tx.commit();
  } else {
    for (int i = 0; i < count; ++i)
      model::insert(*site.session, *model::doc_from_dict(*site.session, order(i, children)));
  }
  return {count / span.wall_seconds(), count / span.cpu_seconds()};
}

// The reference: the same rows as plain INSERTs (no lifecycle).
Rate raw_rate(Site& site, int count, int children, bool one_transaction) {
  auto insert_one = [&](int i) {
    std::string name = "raw" + std::to_string(i);
    site.db->query(
        "INSERT INTO `tabBench Order` (name, creation, modified, modified_by, owner, docstatus, "
        "idx, customer,"
        " status, amount, posting_date) VALUES (?, '2025-03-12 10:00:00.000000', '2025-03-12 "
        "10:00:00.000000',"
        " 'Administrator', 'Administrator', 0, 0, ?, ?, ?, '2025-03-12')",
        {name, "CUST-" + std::to_string(i % 997), std::string(kStatuses[i % 4]), (i % 997) * 1.5});
    for (int c = 0; c < children; ++c) {
      site.db->query(
          "INSERT INTO `tabBench Item` (name, parent, parenttype, parentfield, idx, docstatus, "
          "item, qty, rate)"
          " VALUES (?, ?, 'Bench Order', 'items', ?, 0, ?, ?, 9.5)",
          {name + "-" + std::to_string(c), name, std::int64_t{c + 1}, "SKU-" + std::to_string(c),
           std::int64_t{c + 1}});
    }
  };
  Span span;
  if (one_transaction) {
    db::in_transaction(*site.db, [&] {
      for (int i = 0; i < count; ++i) insert_one(i);
    });
  } else {
    for (int i = 0; i < count; ++i) db::in_transaction(*site.db, [&] { insert_one(i); });
  }
  return {count / span.wall_seconds(), count / span.cpu_seconds()};
}

void clear(Site& site) {
  site.db->execute("DELETE FROM `tabBench Order`; DELETE FROM `tabBench Item`;");
}

void row(const char* what, Rate quire_rate, Rate raw) {
  std::printf("%-44s %10.0f %10.0f %10.0f %10.0f %6.2f\n", what, quire_rate.wall, raw.wall,
              quire_rate.cpu, raw.cpu, quire_rate.cpu / raw.cpu);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: quire_db_bench DIR [docs] [list_rows]\n");
    return 2;
  }
  std::string dir = argv[1];
  int docs = argc > 2 ? std::stoi(argv[2]) : 100000;
  int list_rows = argc > 3 ? std::stoi(argv[3]) : 1000000;
  Site site(dir + "/bench_db.sqlite");
  site.session->clock = [] { return std::string("2025-03-12 10:00:00.000000"); };

  std::printf("== documents on SQLite (WAL, synchronous=NORMAL), %d documents\n", docs);
  std::printf("%-44s %10s %10s %10s %10s %6s\n", "", "quire/s", "raw/s", "quire/cpu-s", "raw/cpu-s",
              "ratio");
  int single = std::min(docs, 5000);
  Rate a = lifecycle_rate(site, docs, 0, true);
  clear(site);
  Rate b = raw_rate(site, docs, 0, true);
  clear(site);
  row("simple documents, one transaction", a, b);
  a = lifecycle_rate(site, docs, 5, true);
  clear(site);
  b = raw_rate(site, docs, 5, true);
  clear(site);
  row("documents + 5 child rows, one transaction", a, b);
  a = lifecycle_rate(site, single, 0, false);
  clear(site);
  b = raw_rate(site, single, 0, false);
  clear(site);
  row(("simple documents, committed one by one (" + std::to_string(single) + ")").c_str(), a, b);

  std::printf("\n== filtered list of 20 rows over %d rows\n", list_rows);
  raw_rate(site, list_rows, 0, true);
  site.db->execute("ANALYZE");
  model::ListArgs q;
  q.doctype = "Bench Order";
  q.fields = Json::array({"name", "customer", "status", "amount"});
  q.filters = Json{{"status", "Open"}, {"customer", "CUST-42"}};
  q.limit = 20;
  std::vector<double> micros;
  for (int i = 0; i < 200; ++i) {
    auto start = Clock::now();
    Json rows = model::get_all(*site.session, q);
    micros.push_back(seconds_since(start) * 1e6);
    if (rows.empty() || rows.size() > 20) {
      std::fprintf(stderr, "expected 1 to 20 rows, got %zu\n", rows.size());
      return 1;
    }
  }
  std::sort(micros.begin(), micros.end());
  std::printf("get_all(status=Open, customer=CUST-42, limit 20): median %.0f µs, p95 %.0f µs\n",
              micros[100], micros[190]);
  auto plan = site.db->query(
      "EXPLAIN QUERY PLAN SELECT `tabBench Order`.`name` FROM `tabBench Order` WHERE "
      "(`tabBench Order`.`customer` = ? AND `tabBench Order`.`status` = ?) ORDER BY `tabBench "
      "Order`.`creation` DESC "
      "LIMIT 20",
      {std::string("CUST-42"), std::string("Open")});
  for (const auto& r : plan) std::printf("plan: %s\n", std::get<std::string>(r.back()).c_str());
  return 0;
}
