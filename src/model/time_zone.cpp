#include "model/time_zone.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>

#include "model/coercion.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/events.h"
#include "model/session.h"

namespace quire::model {
namespace {

using Micros = std::chrono::microseconds;
using SysMicros = std::chrono::sys_time<Micros>;
using LocalMicros = date::local_time<Micros>;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

TimeZone::TimeZone(const std::string& name) : name_(name) {
  if (name.empty() || name == "UTC" || name == "Etc/UTC") {
    name_ = name.empty() ? "UTC" : name;
    return;
  }
  try {
    zone_ = date::locate_zone(name);
  } catch (const std::exception&) {
    raise(ErrorKind::ValidationError, "Unknown time zone " + name);
  }
}

std::int64_t TimeZone::local_from_utc(std::int64_t utc_micros) const {
  if (zone_ == nullptr) return utc_micros;
  auto info = zone_->get_info(SysMicros{Micros{utc_micros}});
  return utc_micros + std::chrono::duration_cast<Micros>(info.offset).count();
}

std::int64_t TimeZone::utc_from_local(std::int64_t local_micros) const {
  if (zone_ == nullptr) return local_micros;
  LocalMicros local{Micros{local_micros}};
  auto info = zone_->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:  // first = the earlier instant
      return local_micros - std::chrono::duration_cast<Micros>(info.first.offset).count();
    case date::local_info::nonexistent:
    default:
      // In the gap: read with the offset before it, which lands after the gap.
      return local_micros - std::chrono::duration_cast<Micros>(info.first.offset).count();
  }
}

std::string TimeZone::format(std::int64_t utc_micros) const {
  return format_wall_micros(local_from_utc(utc_micros));
}

std::string format_wall_micros(std::int64_t micros) {
  std::int64_t seconds = floor_div(micros, 1'000'000);
  std::int64_t fraction = micros - seconds * 1'000'000;
  std::int64_t days = floor_div(seconds, 86'400);
  std::int64_t second_of_day = seconds - days * 86'400;
  std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d.%06lld",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60),
                static_cast<long long>(fraction));
  return buf;
}

std::string site_time_zone_name(db::Database& db) {
  try {
    auto rows = db.query(
        "SELECT `value` FROM `tabSingles` WHERE `doctype` = 'System Settings'"
        " AND `field` = 'time_zone'");
    if (!rows.empty()) {
      std::string name = cstr(from_db(rows[0][0]));
      if (!name.empty()) return name;
    }
  } catch (const std::exception&) {
    // No tabSingles yet (a database the model was never installed in).
  }
  return "UTC";
}

TimeZone site_time_zone(db::Database& db) {
  try {
    return TimeZone(site_time_zone_name(db));
  } catch (const FrappeError&) {
    return TimeZone();
  }
}

void use_site_time_zone(Session& session) {
  TimeZone zone = site_time_zone(session.db);
  session.clock = [zone] {
    auto now = std::chrono::time_point_cast<Micros>(std::chrono::system_clock::now());
    return zone.format(now.time_since_epoch().count());
  };
}

void register_system_settings_controller(EventRegistry& events) {
  events.add_controller("System Settings", "validate", [](Document& doc, HookCall&) {
    std::string name = cstr(doc.get("time_zone"));
    if (!name.empty()) TimeZone{name};
  });
}

}  // namespace quire::model
