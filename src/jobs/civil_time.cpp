#include "jobs/civil_time.h"

#include <chrono>
#include <cstdio>

namespace quire::jobs {

using namespace std::chrono;

namespace {

Millis floor_div(Millis a, Millis b) {
  Millis q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

CivilMinute civil_minute_utc(Millis instant) {
  Millis minutes = floor_div(instant, 60'000);
  Millis days = floor_div(minutes, 1440);
  Millis minute_of_day = minutes - days * 1440;
  year_month_day date{sys_days{std::chrono::days{days}}};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day())), static_cast<int>(minute_of_day / 60),
          static_cast<int>(minute_of_day % 60)};
}

Millis instant_of_utc(const CivilMinute& m) {
  sys_days date =
      year{m.year} / month{static_cast<unsigned>(m.month)} / day{static_cast<unsigned>(m.day)};
  Millis days = date.time_since_epoch().count();
  return ((days * 24 + m.hour) * 60 + m.minute) * 60'000;
}

std::string format_utc(Millis instant) {
  CivilMinute m = civil_minute_utc(instant);
  Millis second = floor_div(instant, 1000) - floor_div(instant, 60'000) * 60;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", m.year, m.month, m.day, m.hour,
                m.minute, static_cast<int>(second));
  return text;
}

Millis parse_datetime_utc(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  double fraction = 0;
  int fields = std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used);
  if (fields != 3) return -1;
  if (static_cast<size_t>(used) < text.size()) {
    int more = 0;
    if (std::sscanf(text.c_str() + used, " %2d:%2d:%2d%n", &h, &mi, &s, &more) != 3) return -1;
    used += more;
    if (static_cast<size_t>(used) < text.size()) {
      if (text[static_cast<size_t>(used)] != '.') return -1;
      double scale = 0.1;
      for (size_t i = static_cast<size_t>(used) + 1; i < text.size(); ++i, scale /= 10) {
        if (text[i] < '0' || text[i] > '9') return -1;
        fraction += (text[i] - '0') * scale;
      }
    }
  }
  year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return -1;
  return instant_of_utc({y, mo, d, h, mi}) + s * 1000 + static_cast<Millis>(fraction * 1000);
}

namespace {

Millis wall_of(Millis instant, const model::TimeZone& zone) {
  return floor_div(zone.local_from_utc(instant * 1000), 1000);
}

Millis instant_of_wall(Millis wall, const model::TimeZone& zone) {
  return floor_div(zone.utc_from_local(wall * 1000), 1000);
}

}  // namespace

CivilMinute civil_minute_in(Millis instant, const model::TimeZone& zone) {
  return civil_minute_utc(wall_of(instant, zone));
}

Millis instant_of_in(const CivilMinute& minute, const model::TimeZone& zone) {
  return instant_of_wall(instant_of_utc(minute), zone);
}

std::string format_in(Millis instant, const model::TimeZone& zone) {
  return format_utc(wall_of(instant, zone));
}

Millis parse_datetime_in(const std::string& text, const model::TimeZone& zone) {
  Millis wall = parse_datetime_utc(text);
  return wall < 0 ? -1 : instant_of_wall(wall, zone);
}

}  // namespace quire::jobs
