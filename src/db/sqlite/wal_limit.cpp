#include "db/sqlite/wal_limit.h"

#include <sqlite3.h>

#include <string>

namespace quire::db::sqlite {
namespace {

// Called by SQLite after every commit on the connection, with the number of
// pages now in the log. The connection holds no lock here, so a checkpoint
// may run (SQLite's own auto-checkpoint is this same hook).
int after_commit(void* data, sqlite3* handle, const char* schema, int pages) {
  auto& state = *static_cast<WalState*>(data);
  const WalLimit& limit = state.limit;
  // A log shorter than the last try's mark was started over meanwhile.
  if (pages < limit.restart_pages) state.next_restart_at = limit.restart_pages;
  if (pages >= state.next_restart_at) {
    // The busy handler is what RESTART waits with; a short one bounds how
    // long this commit's caller (and the writers queued behind it) waits.
    // A RESTART that times out still copied what it could.
    ++state.restarts_tried;
    sqlite3_busy_timeout(handle, limit.restart_wait_ms);
    int rc = sqlite3_wal_checkpoint_v2(handle, schema, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    sqlite3_busy_timeout(handle, limit.busy_timeout_ms);
    state.next_restart_at =
        rc == SQLITE_BUSY ? pages + limit.retry_after_pages : limit.restart_pages;
  } else if (pages >= limit.passive_pages) {
    sqlite3_wal_checkpoint_v2(handle, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  // A checkpoint that could not run is not the commit's error.
  return SQLITE_OK;
}

}  // namespace

void install_wal_limit(sqlite3* handle, WalState& state, long long page_size) {
  const WalLimit& limit = state.limit;
  state.next_restart_at = limit.restart_pages;
  sqlite3_wal_hook(handle, after_commit, &state);
  // Bytes: a log frame is a page plus its 24-byte header.
  long long bytes = static_cast<long long>(limit.restart_pages) * (page_size + 24);
  std::string pragma = "PRAGMA journal_size_limit=" + std::to_string(bytes);
  sqlite3_exec(handle, pragma.c_str(), nullptr, nullptr, nullptr);
}

}  // namespace quire::db::sqlite
