#pragma once

struct sqlite3;

namespace quire::db::sqlite {

// How far a connection lets the WAL grow. SQLite's own auto-checkpoint
// (PASSIVE, after a commit that leaves 1,000+ pages in the log) copies pages
// back into the database but can only start the log over once no reader is
// using it. A server that always has a request reading somewhere never gets
// that moment (checkpoint starvation): the log grew by the size of every
// commit, 1-2 GB in 10 s of inserts, and every lookup in the WAL index got
// slower with it. So past `restart_pages` a commit runs a RESTART checkpoint,
// which waits (a short while, `restart_wait_ms`) for the readers to move to
// the newest snapshot and makes the next writer start the log from the
// beginning; journal_size_limit then cuts the file back to that size.
struct WalLimit {
  // PASSIVE checkpoint once the log holds this many pages (SQLite's default).
  int passive_pages = 1000;
  // RESTART checkpoint once the log holds this many pages (64 MB of 4 KB
  // pages). Measured through REST inserts (docs/PERFORMANCE.md): at 16 MB the
  // restarts, which hold the writer lock while they copy and wait, cost
  // 12-15% of inserts/s; at 64 MB no difference from an unbounded log showed
  // (a page written again before a checkpoint is copied once).
  int restart_pages = 16384;
  // How long a RESTART waits for readers and the writer lock before it
  // gives up (the next commit past the size tries again, so a wait too short
  // costs more in retries). Short all the same: writers queue behind it, and
  // a thread reading on another connection of the same file while it commits
  // here would be waited for in vain.
  int restart_wait_ms = 20;
  // After a RESTART that timed out (a long read holds an old snapshot), the
  // next try waits until the log has grown this many pages more: retrying at
  // every commit would hold every write up by `restart_wait_ms` for as long
  // as that read lasts.
  int retry_after_pages = 512;
  // The busy timeout the connection goes back to afterwards.
  int busy_timeout_ms = 5000;
};

// One connection's policy and where it stands.
struct WalState {
  WalLimit limit;
  // The log size (pages) at which this connection next tries a RESTART.
  int next_restart_at = 0;
  // RESTART checkpoints tried so far (tests read it).
  long restarts_tried = 0;
};

// Installs the policy on `handle` (sqlite3_wal_hook, replacing SQLite's
// auto-checkpoint) and sets journal_size_limit to the restart size for
// `page_size`-byte pages. `state` must outlive the connection.
void install_wal_limit(sqlite3* handle, WalState& state, long long page_size);

}  // namespace quire::db::sqlite
