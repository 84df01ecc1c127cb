// datetime.strptime as CPython 3.11's _strptime does it in the C locale:
// strptime_pattern.cpp matches the text as _strptime's regex would; here
// the matched fields combine by the same rules (%y pivot at 69, %I with %p,
// %j, %U/%W or %G/%V with a weekday, %z with %Z as the zone's name).

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/time/datetime.h"
#include "lang/time/error.h"
#include "lang/time/names.h"
#include "lang/time/py_repr.h"
#include "lang/time/strptime_pattern.h"

namespace quire::lang::time {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int index_of(const char* const* names, int count, const std::string& text) {
  for (int i = 0; i < count; ++i) {
    std::string_view name = names[i];
    if (name.size() != text.size()) continue;
    bool same = true;
    for (size_t k = 0; same && k < name.size(); ++k) same = same_letter(name[k], text[k]);
    if (same) return i;
  }
  return -1;
}

int to_int(const std::string& digits) {
  int v = 0;
  for (char c : digits)
    if (is_digit(c)) v = v * 10 + (c - '0');
  return v;
}

// Day of the year from %U/%W and a weekday (_calc_julian_from_U_or_W).
int julian_from_week(int year, int week, int weekday, bool week_starts_monday) {
  int first_weekday = Date::from_ymd(year, 1, 1).weekday();
  if (!week_starts_monday) {
    first_weekday = (first_weekday + 1) % 7;
    weekday = (weekday + 1) % 7;
  }
  int week0_length = (7 - first_weekday) % 7;
  if (week == 0) return 1 + weekday - first_weekday;
  return 1 + week0_length + 7 * (week - 1) + weekday;
}

}  // namespace

DateTime DateTime::strptime(const std::string& text, const std::string& format) {
  StrptimeMatch found = match_strptime_format(text, format);
  size_t end = found.end;
  if (!found.matched)
    raise_value_error("time data " + python_string_repr(text) + " does not match format " +
                      python_string_repr(format));
  if (end != text.size()) raise_value_error("unconverted data remains: " + text.substr(end));

  std::optional<int> year, iso_year, iso_week, week_of_year, weekday, julian;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = 0;
  bool week_starts_monday = false;
  std::optional<int64_t> offset_micros;
  std::string ampm;
  std::optional<std::string> zone_name;
  const auto& groups = found.groups;
  for (auto& [d, v] : groups)
    if (d == 'p') ampm = v;
  for (auto& [d, v] : groups) {
    switch (d) {
      case 'y':
        year = to_int(v) + (to_int(v) <= 68 ? 2000 : 1900);
        break;
      case 'Y':
        year = to_int(v);
        break;
      case 'G':
        iso_year = to_int(v);
        break;
      case 'm':
        month = to_int(v);
        break;
      case 'B':
        month = index_of(kMonthNames, 13, v);
        break;
      case 'b':
        month = index_of(kMonthAbbr, 13, v);
        break;
      case 'd':
        day = to_int(v);
        break;
      case 'H':
        hour = to_int(v);
        break;
      case 'I': {
        hour = to_int(v);
        bool pm = !ampm.empty() && same_letter(ampm[0], 'p');
        if (!pm && hour == 12) hour = 0;
        if (pm && hour != 12) hour += 12;
        break;
      }
      case 'M':
        minute = to_int(v);
        break;
      case 'S':
        second = to_int(v);
        break;
      case 'f':
        fraction = to_int(v + std::string(6 - v.size(), '0'));
        break;
      case 'A':
        weekday = index_of(kWeekdayNames, 7, v);
        break;
      case 'a':
        weekday = index_of(kWeekdayAbbr, 7, v);
        break;
      case 'w':
        weekday = to_int(v) == 0 ? 6 : to_int(v) - 1;
        break;
      case 'u':
        weekday = to_int(v) - 1;
        break;
      case 'j':
        julian = to_int(v);
        break;
      case 'U':
      case 'W':
        week_of_year = to_int(v);
        week_starts_monday = d == 'W';
        break;
      case 'V':
        iso_week = to_int(v);
        break;
      case 'z': {
        if (v == "Z") {
          offset_micros = 0;
          break;
        }
        std::string z = v;
        if (z[3] == ':') {
          z.erase(3, 1);
          if (z.size() > 5) {
            if (z[5] != ':') raise_value_error("Inconsistent use of : in " + v);
            z.erase(5, 1);
          }
        }
        int64_t seconds = to_int(z.substr(1, 2)) * 3600 + to_int(z.substr(3, 2)) * 60 +
                          (z.size() >= 7 ? to_int(z.substr(5, 2)) : 0);
        std::string frac = z.size() > 8 ? z.substr(8) : "";
        int64_t micros = seconds * 1000000 + to_int(frac + std::string(6 - frac.size(), '0'));
        offset_micros = z[0] == '-' ? -micros : micros;
        break;
      }
      case 'Z':
        zone_name = v;
        break;  // names the %z offset, if any
      default:
        break;
    }
  }
  if (!year && iso_year) {
    if (!iso_week || !weekday)
      raise_value_error(
          "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday "
          "directive ('%A', '%a', '%w', or '%u').");
    if (julian)
      raise_value_error(
          "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use "
          "'%Y' instead.");
  } else if (!week_of_year && iso_week) {
    if (!weekday)
      raise_value_error(
          "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday "
          "directive ('%A', '%a', '%w', or '%u').");
    raise_value_error(
        "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year "
        "'%G' instead.");
  }
  bool leap_year_fix = false;
  if (!year && month == 2 && day == 29) {
    year = 1904;  // so that Feb 29 survives the day-of-year step
    leap_year_fix = true;
  } else if (!year) {
    year = 1900;
  }
  if (!julian && weekday) {
    if (week_of_year) {
      julian = julian_from_week(*year, *week_of_year, *weekday, week_starts_monday);
    } else if (iso_year && iso_week) {
      int correction = Date::from_ymd(*iso_year, 1, 4).isoweekday() + 3;
      int ordinal = *iso_week * 7 + *weekday + 1 - correction;
      int y = *iso_year;
      if (ordinal < 1) {
        ordinal += Date::from_ymd(y, 1, 1).toordinal();
        --y;
        ordinal -= Date::from_ymd(y, 1, 1).toordinal();
      }
      year = y;
      julian = ordinal;
    }
    if (julian && *julian <= 0) {
      year = *year - 1;
      julian = *julian + (is_leap_year(*year) ? 366 : 365);
    }
  }
  if (!julian) {
    Date::from_ymd(*year, month, day);  // raises "day is out of range for month"
  } else {
    Date result = Date::from_ordinal(*julian - 1 + Date::from_ymd(*year, 1, 1).toordinal());
    year = result.year();
    month = result.month();
    day = result.day();
  }
  if (leap_year_fix) year = 1900;
  TzRef tz;
  if (offset_micros) {
    TimeDelta offset = TimeDelta::from_dsu(0, 0, *offset_micros);
    tz = zone_name && !zone_name->empty() ? fixed_zone(offset, zone_name) : fixed_zone(offset);
  }
  return from_fields(*year, month, day, hour, minute, second, fraction, tz);
}

}  // namespace quire::lang::time
