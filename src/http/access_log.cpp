#include "http/access_log.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>

namespace quire::http {
namespace {

// Escapes for a JSON string. Request targets should be ASCII (RFC 3986), but
// a client may send anything: bytes outside printable ASCII become \u00XX so
// every line stays valid JSON.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void append_time(std::string& out, std::chrono::system_clock::time_point time) {
  auto since_epoch = time.time_since_epoch();
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds);
  std::time_t t = static_cast<std::time_t>(seconds.count());
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  out += text;
  std::snprintf(text, sizeof text, ".%03dZ", static_cast<int>(millis.count()));
  out += text;
}

}  // namespace

std::string format_access_entry(const AccessEntry& entry) {
  std::string line;
  line.reserve(256);
  line += "{\"time\":\"";
  append_time(line, entry.time);
  line += "\",\"remote\":";
  append_json_string(line, entry.remote);
  line += ",\"method\":";
  append_json_string(line, entry.method);
  line += ",\"path\":";
  // Targets may be as long as Limits::max_url; a log line need not be.
  constexpr size_t kMaxLoggedTarget = 1024;
  append_json_string(line, entry.target.substr(0, kMaxLoggedTarget));
  if (entry.target.size() > kMaxLoggedTarget) line.insert(line.size() - 1, "...");
  line += ",\"status\":" + std::to_string(entry.status);
  line += ",\"bytes\":" + std::to_string(entry.bytes);
  line += ",\"duration_us\":" + std::to_string(entry.duration.count()) + "}";
  return line;
}

void AccessLog::write(const AccessEntry& entry) const {
  if (fd_ < 0) return;
  auto line = format_access_entry(entry);
  line += '\n';
  // A failed log write must not fail the request; there is nowhere better to report it.
  [[maybe_unused]] auto written = ::write(fd_, line.data(), line.size());
}

}  // namespace quire::http
