#include "db/sqlite/statement_cache.h"

namespace quire::db::sqlite {

sqlite3_stmt* StatementCache::take(std::string_view sql) {
  auto found = index_.find(sql);
  if (found == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  auto entry = found->second;
  sqlite3_stmt* stmt = entry->stmt;
  index_.erase(found);
  entries_.erase(entry);
  return stmt;
}

void StatementCache::give_back(std::string_view sql, sqlite3_stmt* stmt) {
  // reset() ends the statement's read of the database (a SELECT left
  // half-stepped would keep a read transaction open); its return value
  // repeats the last step's error, already reported.
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (capacity_ == 0 || index_.count(sql) != 0) {
    sqlite3_finalize(stmt);
    return;
  }
  entries_.push_front(Entry{std::string(sql), stmt});
  index_.emplace(entries_.front().sql, entries_.begin());
  while (entries_.size() > capacity_) {
    index_.erase(entries_.back().sql);
    sqlite3_finalize(entries_.back().stmt);
    entries_.pop_back();
  }
}

void StatementCache::clear() {
  index_.clear();
  for (auto& entry : entries_) sqlite3_finalize(entry.stmt);
  entries_.clear();
}

}  // namespace quire::db::sqlite
