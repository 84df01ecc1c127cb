#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace quire::http {

// One request as the access log records it.
struct AccessEntry {
  std::chrono::system_clock::time_point time;
  std::string_view remote;
  std::string_view method;
  std::string_view target;
  unsigned status;
  std::size_t bytes;
  std::chrono::microseconds duration;
};

// Writes one JSON object per line per request, e.g.
//   {"time":"2026-11-21T23:40:01.123Z","remote":"127.0.0.1:51234","method":"GET",
//    "path":"/api/method/ping","status":200,"bytes":18,"duration_us":41}
// Each line goes out in a single write(2), so lines from worker threads never
// interleave. A negative fd disables the log.
class AccessLog {
 public:
  explicit AccessLog(int fd) : fd_(fd) {}
  void write(const AccessEntry& entry) const;

 private:
  int fd_;
};

// The line write() emits, without the trailing newline (exposed for tests).
std::string format_access_entry(const AccessEntry& entry);

}  // namespace quire::http
