#include "db/connection_per_thread.h"

#include <atomic>
#include <unordered_map>

namespace quire::db {
namespace {

std::atomic<std::uint64_t> next_id{1};

// Per thread: instance id -> that instance's connection for this thread.
thread_local std::unordered_map<std::uint64_t, Database*> cache;

}  // namespace

ConnectionPerThread::ConnectionPerThread(Opener open)
    : open_(std::move(open)), id_(next_id.fetch_add(1)) {}

ConnectionPerThread::~ConnectionPerThread() {
  cache.erase(id_);
}

Database& ConnectionPerThread::get() {
  auto found = cache.find(id_);
  if (found != cache.end()) return *found->second;
  auto connection = open_();
  Database* raw = connection.get();
  {
    std::lock_guard lock(mutex_);
    owned_.push_back(std::move(connection));
  }
  cache.emplace(id_, raw);
  return *raw;
}

size_t ConnectionPerThread::size() const {
  std::lock_guard lock(mutex_);
  return owned_.size();
}

}  // namespace quire::db
