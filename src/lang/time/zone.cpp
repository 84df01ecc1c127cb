#include "lang/time/zone.h"

// libdate-tz was built for the system tzdata with these settings; its ABI
// depends on them, so they must match before the header is read.
#define USE_OS_TZDB 1
#define HAS_STRING_VIEW 1
#define ONLY_C_LOCALE 1
#include <date/tz.h>

#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "lang/time/error.h"
#include "lang/time/offset_text.h"
#include "lang/time/posix_tz.h"
#include "lang/time/py_repr.h"

namespace quire::lang::time {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
// Bounds on the process-wide zone registry (see Registry::fixed).
constexpr std::size_t kMaxFixedZones = 16384;
constexpr std::size_t kMaxZoneNameBytes = 1024;
// Seconds from 0001-01-01T00:00 to the Unix epoch (ordinal 719163).
constexpr int64_t kUnixEpochSeconds = 62135596800;
// Where libdate-tz (built with USE_OS_TZDB) reads the system tzdata.
const std::string kZoneDirectory = "/usr/share/zoneinfo/";

struct ZoneEntry {
  bool named;                       // zoneinfo.ZoneInfo, else datetime.timezone
  TimeDelta offset;                 // timezone only
  std::optional<std::string> name;  // timezone only
  std::string key;                  // ZoneInfo only
  const date::time_zone* zone = nullptr;
  std::optional<PosixTz> footer;  // ZoneInfo with DST rules past its listed transitions
};

class Registry {
 public:
  Registry() {
    entries_.push_back(ZoneEntry{false, TimeDelta(), std::nullopt, "", nullptr, std::nullopt});
  }

  TzRef fixed(const TimeDelta& offset, const std::optional<std::string>& name) {
    if (!name && offset.is_zero()) return TzRef(1);
    std::lock_guard lock(mutex_);
    auto key = std::make_pair(static_cast<int64_t>(offset.total_microseconds()), name);
    auto found = fixed_ids_.find(key);
    if (found != fixed_ids_.end()) return found->second;
    // Entries live as long as the process and scripts can mint them
    // (timezone(timedelta(microseconds=i)), fromisoformat offsets): bounded,
    // so no script can grow process memory without limit.
    if (fixed_ids_.size() >= kMaxFixedZones)
      numeric::raise(ErrorKind::MemoryError, "too many distinct timezone offsets and names");
    entries_.push_back(ZoneEntry{false, offset, name, "", nullptr, std::nullopt});
    TzRef ref(static_cast<uint32_t>(entries_.size()));
    fixed_ids_.emplace(key, ref);
    return ref;
  }

  TzRef named(const std::string& key, const date::time_zone* zone) {
    std::lock_guard lock(mutex_);
    auto found = named_ids_.find(key);
    if (found != named_ids_.end()) return found->second;
    std::optional<PosixTz> footer = read_tzif_footer(kZoneDirectory + key);
    if (footer && !footer->has_dst) footer.reset();
    entries_.push_back(ZoneEntry{true, TimeDelta(), std::nullopt, key, zone, footer});
    TzRef ref(static_cast<uint32_t>(entries_.size()));
    named_ids_.emplace(key, ref);
    return ref;
  }

  // Entries never move or change once added (a deque keeps addresses).
  const ZoneEntry& entry(TzRef tz) {
    std::lock_guard lock(mutex_);
    if (tz.is_naive() || tz.id() > entries_.size())
      throw std::logic_error("time: TzRef without a zone");
    return entries_[tz.id() - 1];
  }

 private:
  std::mutex mutex_;
  std::deque<ZoneEntry> entries_;
  std::map<std::pair<int64_t, std::optional<std::string>>, TzRef> fixed_ids_;
  std::map<std::string, TzRef> named_ids_;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

void check_zone_key(const std::string& key) {
  if (!key.empty() && key.front() == '/')
    raise_value_error("ZoneInfo keys may not be absolute paths, got: " + key);
  // Python normalises the key with os.path.normpath and refuses any change.
  bool normalized = !key.empty() && key.back() != '/' && key.find("//") == std::string::npos;
  bool escapes = false;
  size_t start = 0;
  bool leading = true;
  while (normalized && start <= key.size()) {
    size_t end = key.find('/', start);
    if (end == std::string::npos) end = key.size();
    std::string part = key.substr(start, end - start);
    if (part == ".") normalized = false;
    if (part == "..") {
      if (leading) {
        escapes = true;
      } else {
        normalized = false;
      }
    } else {
      leading = false;
    }
    start = end + 1;
  }
  if (!normalized)
    raise_value_error("ZoneInfo keys must be normalized relative paths, got: " + key);
  if (escapes)
    raise_value_error("ZoneInfo keys must refer to subdirectories of TZPATH, got: " + key);
}

date::local_seconds to_local_seconds(int64_t local_micros) {
  int64_t seconds = local_micros / kMicrosPerSecond;  // micros are >= 0 here
  if (local_micros < 0 && local_micros % kMicrosPerSecond != 0) --seconds;
  return date::local_seconds(std::chrono::seconds(seconds - kUnixEpochSeconds));
}

date::sys_seconds to_sys_seconds(int64_t utc_micros) {
  int64_t seconds = utc_micros / kMicrosPerSecond;
  if (utc_micros < 0 && utc_micros % kMicrosPerSecond != 0) --seconds;
  return date::sys_seconds(std::chrono::seconds(seconds - kUnixEpochSeconds));
}

TimeDelta seconds_delta(std::chrono::seconds s) {
  return TimeDelta::from_dsu(0, s.count(), 0);
}

// The system tzdata only flags DST periods; like zoneinfo, measure the DST
// amount against the neighbouring standard-time period, else call it 1h.
TimeDelta dst_amount(const date::time_zone* zone, const date::sys_info& info) {
  if (info.save == std::chrono::minutes(0)) return TimeDelta();
  date::sys_info before = zone->get_info(info.begin - std::chrono::seconds(1));
  if (before.save == std::chrono::minutes(0) && before.offset != info.offset)
    return seconds_delta(info.offset - before.offset);
  date::sys_info after = zone->get_info(info.end);
  if (after.save == std::chrono::minutes(0) && after.offset != info.offset)
    return seconds_delta(info.offset - after.offset);
  return TimeDelta::from_dsu(0, 3600, 0);
}

// The period that runs past the zone file's last listed transition (its end
// is open); there the file's POSIX rule decides.
bool past_listed_transitions(const date::sys_info& info) {
  return info.end > date::sys_days(date::year(2200) / 1 / 1);
}

int64_t floor_seconds(int64_t micros) {
  return micros / kMicrosPerSecond - (micros % kMicrosPerSecond < 0 ? 1 : 0);
}

ZoneAnswer footer_answer(const PosixTz& tz, const PosixAnswer& a) {
  TimeDelta dst = a.is_dst ? TimeDelta::from_dsu(0, tz.dst_offset - tz.std_offset, 0) : TimeDelta();
  return ZoneAnswer{TimeDelta::from_dsu(0, a.offset, 0), dst, a.is_dst ? tz.dst_name : tz.std_name};
}

std::string fixed_name(const ZoneEntry& e) {
  if (e.name) return *e.name;
  if (e.offset.is_zero()) return "UTC";
  return "UTC" + format_utc_offset(e.offset, ":");
}

}  // namespace

TzRef utc_zone() {
  return TzRef(1);
}

TzRef fixed_zone(const TimeDelta& offset, const std::optional<std::string>& name) {
  if (offset.days() < -1 || offset.days() >= 1 ||
      (offset.days() == -1 && offset.seconds() == 0 && offset.microseconds() == 0)) {
    raise_value_error(
        "offset must be a timedelta strictly between -timedelta(hours=24) and "
        "timedelta(hours=24), not " +
        offset.repr() + ".");
  }
  if (name && name->size() > kMaxZoneNameBytes) raise_value_error("timezone name is too long");
  return registry().fixed(offset, name);
}

TzRef named_zone(const std::string& key) {
  check_zone_key(key);
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(key);
  } catch (const std::exception&) {
    raise_zone_not_found("No time zone found with key " + key);
  }
  return registry().named(key, zone);
}

bool is_fixed_zone(TzRef tz) {
  return !registry().entry(tz).named;
}

TimeDelta fixed_offset(TzRef tz) {
  return registry().entry(tz).offset;
}

ZoneAnswer zone_answer(TzRef tz, int64_t local_micros, int fold) {
  const ZoneEntry& e = registry().entry(tz);
  if (!e.named) return ZoneAnswer{e.offset, std::nullopt, fixed_name(e)};
  date::local_info local = e.zone->get_info(to_local_seconds(local_micros));
  if (e.footer && local.result == date::local_info::unique &&
      past_listed_transitions(local.first)) {
    int64_t local_seconds = floor_seconds(local_micros) - kUnixEpochSeconds;
    return footer_answer(*e.footer, posix_at_local(*e.footer, local_seconds, fold));
  }
  // In a gap or an overlap, fold=0 takes the offset before the transition.
  const date::sys_info& info =
      local.result != date::local_info::unique && fold == 1 ? local.second : local.first;
  return ZoneAnswer{seconds_delta(info.offset), dst_amount(e.zone, info), info.abbrev};
}

LocalTime zone_from_utc(TzRef tz, int64_t utc_micros) {
  const ZoneEntry& e = registry().entry(tz);
  if (!e.named) {
    return LocalTime{utc_micros + static_cast<int64_t>(e.offset.total_microseconds()), 0};
  }
  date::sys_info info = e.zone->get_info(to_sys_seconds(utc_micros));
  if (e.footer && past_listed_transitions(info)) {
    PosixAnswer a = posix_at_utc(*e.footer, floor_seconds(utc_micros) - kUnixEpochSeconds);
    int64_t local = utc_micros + a.offset * kMicrosPerSecond;
    int64_t local_seconds = floor_seconds(local) - kUnixEpochSeconds;
    bool repeated = posix_at_local(*e.footer, local_seconds, 0).offset != a.offset;
    return LocalTime{local, repeated ? 1 : 0};
  }
  int64_t local = utc_micros + info.offset.count() * kMicrosPerSecond;
  date::local_info at = e.zone->get_info(to_local_seconds(local));
  int fold = at.result == date::local_info::ambiguous && at.second.begin == info.begin ? 1 : 0;
  return LocalTime{local, fold};
}

std::string zone_repr(TzRef tz) {
  const ZoneEntry& e = registry().entry(tz);
  if (e.named) return "zoneinfo.ZoneInfo(key=" + python_string_repr(e.key) + ")";
  if (tz == utc_zone()) return "datetime.timezone.utc";
  std::string out = "datetime.timezone(" + e.offset.repr();
  if (e.name) out += ", " + python_string_repr(*e.name);
  return out + ")";
}

std::string zone_str(TzRef tz) {
  const ZoneEntry& e = registry().entry(tz);
  return e.named ? e.key : fixed_name(e);
}

TzRef system_local_zone() {
  static const TzRef local = [] {
    const char* env = std::getenv("TZ");
    try {
      if (env != nullptr && *env != '\0') return named_zone(env[0] == ':' ? env + 1 : env);
      return named_zone(std::string(date::current_zone()->name()));
    } catch (...) {  // an unknown $TZ (PyError) or no readable /etc/localtime
      return utc_zone();
    }
  }();
  return local;
}

}  // namespace quire::lang::time
