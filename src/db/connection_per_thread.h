#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "db/database.h"

namespace quire::db {

// Hands each thread its own connection, opened on first use: SQLite
// connections must not be shared between threads without a lock, and one per
// worker lets WAL readers run in parallel. This object owns every connection it
// opened and closes them when destroyed, so it must outlive the threads that
// use it.
class ConnectionPerThread {
 public:
  using Opener = std::function<std::unique_ptr<Database>()>;

  explicit ConnectionPerThread(Opener open);
  ~ConnectionPerThread();
  ConnectionPerThread(const ConnectionPerThread&) = delete;
  ConnectionPerThread& operator=(const ConnectionPerThread&) = delete;

  // The calling thread's connection. Throws DbError when opening fails (the
  // next call tries again).
  Database& get();

  // How many connections have been opened so far.
  size_t size() const;

 private:
  Opener open_;
  // Distinguishes instances in the thread-local cache even when one is
  // destroyed and another is created at the same address.
  std::uint64_t id_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> owned_;
};

}  // namespace quire::db
