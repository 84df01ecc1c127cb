#include "db/sqlite/read_only_query.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace quire::db {
namespace {

struct Policy {
  const std::vector<std::string>* hidden;
  std::string refused;  // why the authorizer said no (first refusal)
};

bool equals_ignoring_case(const char* a, const std::string& b) {
  if (a == nullptr || std::strlen(a) != b.size()) return false;
  for (size_t i = 0; i < b.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// A hidden-table entry ending in '*' hides every table starting with the
// rest ("__*": quire's own tables); others name one table. Case-insensitive,
// as SQLite's table names are.
bool is_hidden(const char* table, const std::string& entry) {
  if (table == nullptr) return false;
  if (entry.empty() || entry.back() != '*') return equals_ignoring_case(table, entry);
  std::size_t n = entry.size() - 1;
  if (std::strlen(table) < n) return false;
  return equals_ignoring_case(std::string(table, n).c_str(), entry.substr(0, n));
}

// Functions that reach outside the database or change the engine.
bool is_unsafe_function(const char* name) {
  static const char* const unsafe[] = {"load_extension", "readfile", "writefile", "edit",
                                       "fts3_tokenizer"};
  return std::any_of(std::begin(unsafe), std::end(unsafe),
                     [&](const char* u) { return equals_ignoring_case(name, u); });
}

int authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
  auto* policy = static_cast<Policy*>(data);
  auto refuse = [&](std::string why) {
    if (policy->refused.empty()) policy->refused = std::move(why);
    return SQLITE_DENY;
  };
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_READ:
      for (const auto& t : *policy->hidden) {
        if (is_hidden(a, t)) return refuse("reading " + std::string(a) + " is not allowed");
      }
      return SQLITE_OK;
    case SQLITE_FUNCTION:
      if (is_unsafe_function(b)) return refuse(std::string("function ") + b + " is not allowed");
      return SQLITE_OK;
    default:
      return refuse("only SELECT statements are allowed");
  }
}

// SQLite calls this every kProgressSteps virtual-machine instructions; a
// non-zero answer interrupts the statement (SQLITE_INTERRUPT).
constexpr int kProgressSteps = 10000;
int stop_requested(void* flag) {
  return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

// Installs the progress handler while it lives (the connection is shared:
// later statements must not see it).
struct ProgressGuard {
  sqlite3* handle;
  ProgressGuard(sqlite3* h, const std::atomic<bool>* stop) : handle(stop ? h : nullptr) {
    if (handle) {
      sqlite3_progress_handler(handle, kProgressSteps, stop_requested,
                               const_cast<std::atomic<bool>*>(stop));
    }
  }
  ~ProgressGuard() {
    if (handle) sqlite3_progress_handler(handle, 0, nullptr, nullptr);
  }
  ProgressGuard(const ProgressGuard&) = delete;
  ProgressGuard& operator=(const ProgressGuard&) = delete;
};

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

void bind(sqlite3* handle, sqlite3_stmt* stmt, int index, const Value& value) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(value)) {
    rc = sqlite3_bind_null(stmt, index);
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    rc = sqlite3_bind_int64(stmt, index, *i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    rc = sqlite3_bind_double(stmt, index, *d);
  } else {
    const auto& s = std::get<std::string>(value);
    rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  if (rc != SQLITE_OK) throw DbError(std::string("binding parameter: ") + sqlite3_errmsg(handle));
}

Value column(sqlite3_stmt* stmt, int index) {
  switch (sqlite3_column_type(stmt, index)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, index));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, index);
    case SQLITE_NULL:
      return std::monostate{};
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
      return std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, index)));
    }
  }
}

}  // namespace

ReadOnlyResult read_only_query(SqliteDatabase& db, std::string_view sql,
                               const std::vector<Value>& params,
                               const std::vector<std::string>& hidden_tables,
                               const std::atomic<bool>* stop) {
  sqlite3* handle = db.handle();
  ProgressGuard progress(handle, stop);
  Policy policy{&hidden_tables, {}};
  Statement s;
  const char* tail = nullptr;
  sqlite3_set_authorizer(handle, authorize, &policy);
  int rc = sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()), &s.stmt, &tail);
  // The authorizer is only consulted while preparing; later statements on
  // this connection must not see it.
  sqlite3_set_authorizer(handle, nullptr, nullptr);
  if (!policy.refused.empty())
    throw ReadOnlyViolation("Query must be of SELECT or read-only WITH type: " + policy.refused);
  if (rc != SQLITE_OK) throw DbError(std::string("preparing query: ") + sqlite3_errmsg(handle));
  if (s.stmt == nullptr) throw DbError("preparing query: no statement in the text");
  if (tail != nullptr &&
      std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    throw ReadOnlyViolation(
        "Query must be of SELECT or read-only WITH type: only one statement is allowed");
  }
  if (!sqlite3_stmt_readonly(s.stmt)) {
    throw ReadOnlyViolation("Query must be of SELECT or read-only WITH type: the statement writes");
  }
  int expected = sqlite3_bind_parameter_count(s.stmt);
  if (static_cast<size_t>(expected) != params.size()) {
    throw DbError("query expects " + std::to_string(expected) + " parameters, got " +
                  std::to_string(params.size()));
  }
  for (size_t i = 0; i < params.size(); ++i)
    bind(handle, s.stmt, static_cast<int>(i + 1), params[i]);
  ReadOnlyResult result;
  int columns = sqlite3_column_count(s.stmt);
  for (int c = 0; c < columns; ++c) {
    const char* name = sqlite3_column_name(s.stmt, c);
    result.columns.emplace_back(name ? name : "");
    const char* table = sqlite3_column_table_name(s.stmt, c);
    const char* origin = sqlite3_column_origin_name(s.stmt, c);
    result.origin_tables.emplace_back(table ? table : "");
    result.origin_columns.emplace_back(origin ? origin : "");
  }
  for (;;) {
    rc = sqlite3_step(s.stmt);
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_INTERRUPT && stop != nullptr && stop->load()) {
      throw QueryInterrupted("running query: interrupted (the script's time limit or cancel)");
    }
    if (rc != SQLITE_ROW) throw DbError(std::string("running query: ") + sqlite3_errmsg(handle));
    Row row;
    row.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) row.push_back(column(s.stmt, c));
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace quire::db
