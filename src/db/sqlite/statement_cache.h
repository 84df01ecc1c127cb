#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sqlite3.h>

namespace quire::db::sqlite {

// Prepared statements of one connection kept by their SQL text, least
// recently used dropped first. Parsing and planning a statement costs as much
// as running a small INSERT, and the document layer sends the same few texts
// over and over. SQLite re-prepares a kept statement by itself when the schema
// changes (sqlite3_prepare_v2), so entries never go stale.
//
// A statement is taken out while it runs and given back after, so a query
// issued while another with the same text is running (a nested call) prepares
// its own. Not thread-safe: a connection belongs to one thread at a time.
class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}
  ~StatementCache() { clear(); }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The kept statement for `sql`, removed from the cache (the caller owns it
  // until give_back), or nullptr when there is none.
  sqlite3_stmt* take(std::string_view sql);
  // Resets `stmt`, clears its bindings and keeps it for `sql`; finalizes it
  // instead when the same text is kept already. Evicts beyond capacity.
  void give_back(std::string_view sql, sqlite3_stmt* stmt);
  // Finalizes every kept statement.
  void clear();

  std::size_t size() const { return entries_.size(); }
  std::size_t capacity() const { return capacity_; }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }

 private:
  struct Entry {
    std::string sql;
    sqlite3_stmt* stmt;
  };
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  // Keys view the text in `entries_` (list nodes never move).
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace quire::db::sqlite
