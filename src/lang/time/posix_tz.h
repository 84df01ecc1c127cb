#pragma once
// The POSIX TZ rule at the end of a TZif file (e.g. "EST5EDT,M3.2.0,M11.1.0"),
// which zoneinfo uses past the file's last listed transition (2037 in the
// system's data). libdate-tz stops at that transition, so the zone code
// consults this rule for later instants.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire::lang::time {

struct PosixTz {
  // When DST starts or ends, in local time of the period it ends.
  struct Rule {
    enum Kind { JulianNoLeap, JulianZeroBased, MonthWeekDay } kind = MonthWeekDay;
    int day = 0, week = 0, month = 0;
    int64_t seconds = 7200;  // default 02:00
  };
  std::string std_name, dst_name;
  int64_t std_offset = 0;  // seconds east of UTC
  int64_t dst_offset = 0;
  bool has_dst = false;
  Rule start, end;
};

// nullopt for text it cannot read (then only the listed transitions count).
std::optional<PosixTz> parse_posix_tz(std::string_view text);

// The footer of the TZif file at `path`, parsed; nullopt if absent.
std::optional<PosixTz> read_tzif_footer(const std::string& path);

struct PosixAnswer {
  int64_t offset;  // seconds east of UTC
  bool is_dst;
};

// The offset at a UTC instant (Unix seconds).
PosixAnswer posix_at_utc(const PosixTz& tz, int64_t unix_seconds);

// The offset for a wall time (Unix seconds of the local clock), choosing
// in gaps and folds as PEP 495 says: fold=0 takes the earlier offset.
PosixAnswer posix_at_local(const PosixTz& tz, int64_t local_seconds, int fold);

}  // namespace quire::lang::time
