#include "scripting/string_dates.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "lang/lib/datetime.h"
#include "lang/numeric/float_ops.h"
#include "model/db_api.h"
#include "model/time_zone.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Proleptic Gregorian day numbers (days since 1970-01-01), H. Hinnant's algorithms.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned month_days(std::int64_t y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

enum class Kind { Text, Date, DateTime };

struct Stamp {
  std::int64_t year = 1970;
  unsigned month = 1, day = 1;
  std::int64_t micros = 0;  // of the day
  bool has_time = false;
  Kind kind = Kind::Text;
};

// A datetime.date / datetime.datetime value as a Stamp (false for anything else).
bool stamp_of_object(Value v, Stamp& out) {
  if (auto dt = lang::datetime::as_datetime(v)) {
    out.year = dt->year();
    out.month = static_cast<unsigned>(dt->month());
    out.day = static_cast<unsigned>(dt->day());
    out.micros = ((static_cast<std::int64_t>(dt->hour()) * 60 + dt->minute()) * 60 + dt->second()) *
                     1000000 +
                 dt->microsecond();
    out.has_time = true;
    out.kind = Kind::DateTime;
    return true;
  }
  if (auto d = lang::datetime::as_date(v)) {
    out.year = d->year();
    out.month = static_cast<unsigned>(d->month());
    out.day = static_cast<unsigned>(d->day());
    out.kind = Kind::Date;
    return true;
  }
  return false;
}

Value date_value(Isolate& I, std::int64_t y, unsigned m, unsigned d) {
  return guarded(I, [&]() -> Value {
    return lang::datetime::new_date(I, lang::time::Date::from_ymd(y, m, d));
  });
}

Value datetime_value(Isolate& I, std::int64_t y, unsigned m, unsigned d, std::int64_t micros) {
  return guarded(I, [&]() -> Value {
    std::int64_t s = micros / 1000000;
    return lang::datetime::new_datetime(
        I, lang::time::DateTime::from_fields(y, m, d, s / 3600, s / 60 % 60, s % 60,
                                             micros % 1000000));
  });
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, std::int64_t& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD" with an optional " HH:MM[:SS[.ffffff]]".
bool parse_stamp(std::string_view s, Stamp& out) {
  std::int64_t y, mo, d;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  if (mo < 1 || mo > 12 || d < 1 || d > month_days(y, static_cast<unsigned>(mo))) return false;
  out.year = y;
  out.month = static_cast<unsigned>(mo);
  out.day = static_cast<unsigned>(d);
  if (s.size() == 10) return true;
  if (s[10] != ' ' && s[10] != 'T') return false;
  std::int64_t h, mi, sec = 0, frac = 0;
  if (!digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi)) return false;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, sec)) return false;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      std::size_t start = ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      std::string f(s.substr(start, pos - start));
      if (f.empty()) return false;
      f = (f + "000000").substr(0, 6);
      frac = std::stoll(f);
    }
  }
  if (pos != s.size() || h > 23 || mi > 59 || sec > 59) return false;
  out.micros = ((h * 60 + mi) * 60 + sec) * 1000000 + frac;
  out.has_time = true;
  return true;
}

// What dateutil's parser reads beyond the ISO form, for numeric dates:
// "D-M-YYYY" when the first number is over 12, else "M-D-YYYY" (dayfirst
// False; parse_day_first=True turns that round), "YYYY-M-D" ("YYYY-D-M"
// with dayfirst when the last is 12 or less, as dateutil's resolve_ymd), with "-",
// "/" or "." between, and "YYYYMMDD"; a time may follow. Other layouts
// (month names, two-digit years...) are not read.
bool parse_loose(std::string_view s, Stamp& out, bool dayfirst = false) {
  // dateutil applies dayfirst to ISO dates too: 2025-01-02 is 1 February then.
  if (!dayfirst && parse_stamp(s, out)) return true;
  std::int64_t y = 0, m = 0, d = 0;
  std::string rest;
  if (s.size() >= 8 && digits(s, 0, 8, y) && (s.size() == 8 || s[8] == ' ')) {
    m = y / 100 % 100;
    d = y % 100;
    y /= 10000;
    rest = std::string(s.substr(8));
  } else {
    std::size_t i = 0;
    auto number = [&](std::int64_t& value, std::size_t& width) {
      std::size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      width = i - start;
      return width > 0 && width <= 4 && digits(s, start, width, value);
    };
    std::int64_t a = 0, b = 0, c = 0;
    std::size_t wa = 0, wb = 0, wc = 0;
    if (!number(a, wa) || i >= s.size()) return false;
    char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.') return false;
    ++i;
    if (!number(b, wb) || wb > 2 || i >= s.size() || s[i] != sep) return false;
    ++i;
    if (!number(c, wc)) return false;
    rest = std::string(s.substr(i));
    if (wa == 4 && wc <= 2) {
      bool day_middle = dayfirst && c <= 12;  // a middle over 12 is then a bad month
      y = a;
      m = day_middle ? c : b;
      d = day_middle ? b : c;
    } else if (wc == 4 && wa <= 2) {
      bool day_first = a > 12 || (dayfirst && b <= 12);
      y = c;
      m = day_first ? b : a;
      d = day_first ? a : b;
    } else {
      return false;
    }
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return parse_stamp(std::string(buf) + rest, out);
}

std::string format_date(std::int64_t days) {
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string format_datetime(std::int64_t days, std::int64_t micros) {
  char buf[48];
  std::int64_t s = micros / 1000000;
  std::snprintf(buf, sizeof buf, " %02lld:%02lld:%02lld.%06lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                static_cast<long long>(micros % 1000000));
  return format_date(days) + buf;
}

std::string now_text(RunState* run) {
  return run ? run->session.now() : model::now_datetime_text();
}

Value invalid_date(Isolate& I) {
  return raise_frappe(I, "ValidationError", "Please select a valid date filter");
}

// A date argument as a Stamp: a string, or None/"" for today.
bool date_arg(Isolate& I, Value v, Stamp& out) {
  if (!given(v) || (is_str(v) && as_str(v)->nbytes == 0)) {
    parse_stamp(now_text(current_run()).substr(0, 10), out);
    return true;
  }
  if (stamp_of_object(v, out)) return true;
  if (!is_str(v)) {
    raise(I, types().TypeError,
          "expected a date, a datetime or a date string, not " + type_name(v));
    return false;
  }
  if (!parse_loose(as_str(v)->view(), out)) {
    raise_frappe(
        I, "ValidationError",
        "<strong>" + std::string(as_str(v)->view()) + "</strong> is not a valid date string.");
    return false;
  }
  return true;
}

bool number_arg(Isolate& I, Value v, double& out) {
  if (!given(v)) {
    out = 0;
    return true;
  }
  if (v.is_int()) {
    out = static_cast<double>(v.i);
    return true;
  }
  if (v.is_float()) {
    out = v.f;
    return true;
  }
  if (v.is_bool()) {
    out = v.b;
    return true;
  }
  raise(I, types().TypeError, "unsupported type for a date offset: '" + type_name(v) + "'");
  return false;
}

// add_to_date on a string (data.py add_to_date with relativedelta).
Value add_to_date_text(Isolate& I, Value date, Value years, Value months, Value weeks, Value days,
                       Value hours, Value minutes, Value seconds, bool as_datetime_flag) {
  Stamp s;
  if (date.is_none() || date.is_undef()) {
    parse_stamp(now_text(current_run()), s);
    s.kind = Kind::DateTime;
  } else if (!stamp_of_object(date, s)) {
    if (!is_str(date)) {
      return raise(I, types().TypeError,
                   "expected a date, a datetime or a date string, not " + type_name(date));
    }
    if (!parse_loose(as_str(date)->view(), s)) return invalid_date(I);
  }
  double y, mo, w, d, h, mi, sec;
  if (!number_arg(I, years, y) || !number_arg(I, months, mo) || !number_arg(I, weeks, w) ||
      !number_arg(I, days, d) || !number_arg(I, hours, h) || !number_arg(I, minutes, mi) ||
      !number_arg(I, seconds, sec))
    return Value::exc();
  if (y != std::floor(y) || mo != std::floor(mo)) {
    return raise(I, types().ValueError,
                 "Non-integer years and months are ambiguous and not currently supported.");
  }
  bool as_datetime = as_datetime_flag || h != 0 || s.has_time;
  // Years and months first, the day clamped to the month's length.
  std::int64_t total_months = s.year * 12 + (s.month - 1) + static_cast<std::int64_t>(y) * 12 +
                              static_cast<std::int64_t>(mo);
  std::int64_t year = total_months >= 0 ? total_months / 12 : (total_months - 11) / 12;
  unsigned month = static_cast<unsigned>(total_months - year * 12) + 1;
  if (year < 1 || year > 9999) return raise(I, types().ValueError, "year is out of range");
  unsigned day = std::min(s.day, month_days(year, month));
  std::int64_t day_number = days_from_civil(year, month, day);
  // Then the timedelta part, in microseconds (relativedelta normalises fractions the same way).
  double delta = ((w * 7 + d) * 86400.0 + h * 3600.0 + mi * 60.0 + sec) * 1e6;
  std::int64_t micros = s.micros + static_cast<std::int64_t>(std::llround(delta));
  std::int64_t day_shift =
      micros >= 0 ? micros / 86400000000LL : -((-micros + 86400000000LL - 1) / 86400000000LL);
  micros -= day_shift * 86400000000LL;
  day_number += day_shift;
  if (s.kind != Kind::Text) {
    std::int64_t y;
    unsigned m, d;
    civil_from_days(day_number, y, m, d);
    // relativedelta on a date stays a date unless hours were added (then Frappe
    // passes as_datetime); a datetime stays a datetime.
    if (s.kind == Kind::DateTime || h != 0 || as_datetime_flag)
      return datetime_value(I, y, m, d, micros);
    return date_value(I, y, m, d);
  }
  return new_str(I, as_datetime ? format_datetime(day_number, micros) : format_date(day_number));
}

// getdate(string_date=None): today for None/""; a datetime's date; a date as
// it is; None for Frappe's invalid date strings; else the parsed date.
QUIRE_NATIVE(d_getdate) {
  Value a[2];
  if (!parse_args(I, "getdate", args, nargs, kwnames, {"string_date", "parse_day_first"}, 0, a))
    return Value::exc();
  if (lang::datetime::as_date(a[0]) && !lang::datetime::as_datetime(a[0])) {
    incref(a[0]);
    return a[0];
  }
  if (is_str(a[0])) {
    std::string_view t = as_str(a[0])->view();
    if (t.rfind("0001-01-01", 0) == 0 || t.rfind("0000-00-00", 0) == 0) return Value::none();
  }
  Stamp s;
  bool dayfirst = false;
  if (!opt_bool(I, a[1], dayfirst)) return Value::exc();
  if (dayfirst && is_str(a[0]) && parse_loose(as_str(a[0])->view(), s, true))
    return date_value(I, s.year, s.month, s.day);
  if (!date_arg(I, a[0], s)) return Value::exc();
  return date_value(I, s.year, s.month, s.day);
}

// get_datetime(datetime_str=None): now for None; a datetime as it is; a date at midnight.
QUIRE_NATIVE(d_get_datetime) {
  Value a[1];
  if (!parse_args(I, "get_datetime", args, nargs, kwnames, {"datetime_str"}, 0, a))
    return Value::exc();
  if (lang::datetime::as_datetime(a[0])) {
    incref(a[0]);
    return a[0];
  }
  Stamp s;
  if (a[0].is_none() || a[0].is_undef()) {
    parse_stamp(now_text(current_run()), s);
  } else if (is_str(a[0])) {
    std::string_view t = as_str(a[0])->view();
    if (t.empty() || t.rfind("0001-01-01", 0) == 0 || t.rfind("0000-00-00", 0) == 0)
      return Value::none();
    if (!date_arg(I, a[0], s)) return Value::exc();
  } else if (!date_arg(I, a[0], s)) {
    return Value::exc();
  }
  return datetime_value(I, s.year, s.month, s.day, s.micros);
}

// get_first_day(dt, d_years=0, d_months=0, as_str=False): the first of the
// month, moved by whole months and years.
QUIRE_NATIVE(d_get_first_day) {
  Value a[4];
  if (!parse_args(I, "get_first_day", args, nargs, kwnames, {"dt", "d_years", "d_months", "as_str"},
                  1, a))
    return Value::exc();
  Stamp s;
  std::int64_t years = 0, months = 0;
  bool as_str = false;
  if (!date_arg(I, a[0], s) || !opt_int(I, a[1], years, 0) || !opt_int(I, a[2], months, 0) ||
      !opt_bool(I, a[3], as_str))
    return Value::exc();
  std::int64_t total = static_cast<std::int64_t>(s.month) - 1 + months;
  std::int64_t overflow = total >= 0 ? total / 12 : (total - 11) / 12;
  std::int64_t year = s.year + years + overflow;
  unsigned month = static_cast<unsigned>(total - overflow * 12) + 1;
  if (as_str) return new_str(I, format_date(days_from_civil(year, month, 1)));
  return date_value(I, year, month, 1);
}

// get_last_day(dt): the first day of the next month, minus one day.
QUIRE_NATIVE(d_get_last_day) {
  Value a[1];
  if (!parse_args(I, "get_last_day", args, nargs, kwnames, {"dt"}, 1, a)) return Value::exc();
  Stamp s;
  if (!date_arg(I, a[0], s)) return Value::exc();
  return date_value(I, s.year, s.month, month_days(s.year, s.month));
}

// time_diff_in_seconds / time_diff_in_hours: get_datetime(end) - get_datetime(start).
template <bool Hours>
QUIRE_NATIVE(d_time_diff) {
  Value a[2];
  if (!parse_args(I, Hours ? "time_diff_in_hours" : "time_diff_in_seconds", args, nargs, kwnames,
                  {"string_ed_date", "string_st_date"}, 2, a))
    return Value::exc();
  Stamp e, s;
  if (!date_arg(I, a[0], e) || !date_arg(I, a[1], s)) return Value::exc();
  std::int64_t micros =
      (days_from_civil(e.year, e.month, e.day) - days_from_civil(s.year, s.month, s.day)) *
          86400000000LL +
      e.micros - s.micros;
  // timedelta.total_seconds() divides the microseconds by 10**6.
  double seconds = static_cast<double>(micros) / 1e6;
  if (!Hours) return Value::real(seconds);
  return Value::real(lang::numeric::float_round(seconds / 3600, 6));
}

QUIRE_NATIVE(d_now_datetime) {
  Stamp s;
  parse_stamp(now_text(current_run()), s);
  return datetime_value(I, s.year, s.month, s.day, s.micros);
}

QUIRE_NATIVE(d_now) {
  return new_str(I, now_text(current_run()));
}

QUIRE_NATIVE(d_nowdate) {
  return new_str(I, now_text(current_run()).substr(0, 10));
}

QUIRE_NATIVE(d_nowtime) {
  return new_str(I, now_text(current_run()).substr(11));
}

QUIRE_NATIVE(d_add_to_date) {
  Value a[10];
  if (!parse_args(I, "add_to_date", args, nargs, kwnames,
                  {"date", "years", "months", "weeks", "days", "hours", "minutes", "seconds",
                   "as_string", "as_datetime"},
                  1, a))
    return Value::exc();
  bool as_datetime = false;
  if (!opt_bool(I, a[9], as_datetime)) return Value::exc();
  return add_to_date_text(I, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], as_datetime);
}

template <int Which>
QUIRE_NATIVE(d_add) {
  static const char* names[] = {"add_days", "add_months", "add_years"};
  static const char* second[] = {"days", "months", "years"};
  Value a[2];
  if (!parse_args(I, names[Which], args, nargs, kwnames, {"date", second[Which]}, 2, a))
    return Value::exc();
  Value none;
  return add_to_date_text(I, a[0], Which == 2 ? a[1] : none, Which == 1 ? a[1] : none, none,
                          Which == 0 ? a[1] : none, none, none, none, false);
}

QUIRE_NATIVE(d_date_diff) {
  Value a[2];
  if (!parse_args(I, "date_diff", args, nargs, kwnames, {"string_ed_date", "string_st_date"}, 2, a))
    return Value::exc();
  Stamp e, s;
  if (!date_arg(I, a[0], e) || !date_arg(I, a[1], s)) return Value::exc();
  return Value::integer(days_from_civil(e.year, e.month, e.day) -
                        days_from_civil(s.year, s.month, s.day));
}

QUIRE_NATIVE(d_month_diff) {
  Value a[2];
  if (!parse_args(I, "month_diff", args, nargs, kwnames, {"string_ed_date", "string_st_date"}, 2,
                  a))
    return Value::exc();
  Stamp e, s;
  if (!date_arg(I, a[0], e) || !date_arg(I, a[1], s)) return Value::exc();
  return Value::integer((e.year - s.year) * 12 + static_cast<std::int64_t>(e.month) -
                        static_cast<std::int64_t>(s.month) + 1);
}

// format_date with the user date format (System Settings, default
// "dd-mm-yyyy" patterns of dd, mm and yyyy), as babel renders such patterns.
QUIRE_NATIVE(d_format_date) {
  Value a[3];
  if (!parse_args(I, "format_date", args, nargs, kwnames,
                  {"string_date", "format_string", "parse_day_first"}, 0, a))
    return Value::exc();
  if (!given(a[0]) || (is_str(a[0]) && as_str(a[0])->nbytes == 0)) return new_str(I, "");
  Stamp s;
  if (!date_arg(I, a[0], s)) return Value::exc();
  std::string format;
  if (!opt_string(I, a[1], format, "format_string")) return Value::exc();
  if (format.empty()) {
    RunState* run = current_run();
    if (run) {
      try {
        auto meta = run->session.metas.find_meta("System Settings");
        if (meta && meta->field("date_format")) {
          Json v = model::get_single_value(run->session, "System Settings", "date_format");
          if (v.is_string()) format = v.get<std::string>();
        }
      } catch (...) {
      }
    }
    if (format.empty()) format = "yyyy-mm-dd";
  }
  char y[16], m[8], d[8];
  std::snprintf(y, sizeof y, "%04lld", static_cast<long long>(s.year));
  std::snprintf(m, sizeof m, "%02u", s.month);
  std::snprintf(d, sizeof d, "%02u", s.day);
  std::string out;
  for (std::size_t i = 0; i < format.size();) {
    if (format.compare(i, 4, "yyyy") == 0) {
      out += y;
      i += 4;
    } else if (format.compare(i, 2, "mm") == 0 || format.compare(i, 2, "MM") == 0) {
      out += m;
      i += 2;
    } else if (format.compare(i, 2, "dd") == 0) {
      out += d;
      i += 2;
    } else {
      out += format[i++];
    }
  }
  return new_str(I, out);
}

// time_diff(end, start): get_datetime(end) - get_datetime(start), a timedelta.
QUIRE_NATIVE(d_time_diff_delta) {
  Value a[2];
  if (!parse_args(I, "time_diff", args, nargs, kwnames, {"string_ed_date", "string_st_date"}, 2, a))
    return Value::exc();
  Stamp e, s;
  if (!date_arg(I, a[0], e) || !date_arg(I, a[1], s)) return Value::exc();
  std::int64_t micros =
      (days_from_civil(e.year, e.month, e.day) - days_from_civil(s.year, s.month, s.day)) *
          86400000000LL +
      e.micros - s.micros;
  return guarded(I, [&]() -> Value {
    return lang::datetime::new_timedelta(I, lang::time::TimeDelta::from_microseconds(micros));
  });
}

// "H:MM[:SS[.ffffff]]" as microseconds (hours may pass 23: Frappe's
// parse_timedelta path), false for anything else.
bool clock_micros(std::string_view t, std::int64_t& out) {
  auto colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
  std::int64_t h = 0, m = 0, sec = 0, frac = 0;
  if (!digits(t, 0, colon, h) || !digits(t, colon + 1, 2, m) || m > 59) return false;
  std::size_t pos = colon + 3;
  if (pos < t.size()) {
    if (t[pos] != ':' || !digits(t, pos + 1, 2, sec) || sec > 59) return false;
    pos += 3;
    if (pos < t.size()) {
      if (t[pos] != '.') return false;
      std::string f(t.substr(pos + 1));
      if (f.empty() || f.size() > 6 || !digits(f, 0, f.size(), frac)) return false;
      frac = std::stoll((f + "000000").substr(0, 6));
    }
  }
  out = ((h * 60 + m) * 60 + sec) * 1000000 + frac;
  return true;
}

// get_time's value as microseconds of the day (false + exception on error).
bool time_of_day(Isolate& I, Value v, std::int64_t& out) {
  if (auto dt = lang::datetime::as_datetime(v)) {
    out = dt->time().micros_of_day();
    return true;
  }
  if (auto t = lang::datetime::as_time(v)) {
    out = t->micros_of_day();
    return true;
  }
  if (auto td = lang::datetime::as_timedelta(v)) {
    // (datetime.min + td).time(): the part of the last day.
    auto total = td->total_microseconds();
    if (total < 0) {
      raise(I, types().OverflowError, "date value out of range");
      return false;
    }
    out = static_cast<std::int64_t>(total % 86400000000LL);
    return true;
  }
  if (!is_str(v)) {
    raise(I, types().TypeError, "Parser must be a string or character stream, not " + type_name(v));
    return false;
  }
  std::string_view t = as_str(v)->view();
  Stamp s;
  if (parse_stamp(t, s)) {
    out = s.micros;
    return true;
  }
  if (clock_micros(t, out)) {
    out %= 86400000000LL;
    return true;
  }
  raise(I, types().ValueError, "Unknown string format: " + std::string(t));
  return false;
}

QUIRE_NATIVE(d_get_time) {
  Value a[1];
  if (!parse_args(I, "get_time", args, nargs, kwnames, {"time_str"}, 1, a)) return Value::exc();
  if (lang::datetime::as_time(a[0])) {
    incref(a[0]);
    return a[0];
  }
  std::int64_t micros = 0;
  if (!time_of_day(I, a[0], micros)) return Value::exc();
  return guarded(I, [&]() -> Value {
    return lang::datetime::new_time(
        I, lang::time::Time::from_fields(micros / 3600000000LL, micros / 60000000 % 60,
                                         micros / 1000000 % 60, micros % 1000000));
  });
}

// A babel (CLDR) pattern in English: y, M, d, E, H, h, K, k, m, s, S, a and
// quoted literals; other letters as they are.
std::string babel_format(const std::string& pattern, const Stamp& s) {
  static const char* months[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  static const char* weekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday"};
  std::int64_t hour = s.micros / 3600000000LL, minute = s.micros / 60000000 % 60,
               second = s.micros / 1000000 % 60;
  auto padded = [](std::int64_t n, std::size_t width) {
    std::string t = std::to_string(n);
    return t.size() < width ? std::string(width - t.size(), '0') + t : t;
  };
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\'') {
      auto end = pattern.find('\'', i + 1);
      if (end == i + 1) {
        out += '\'';
      } else {
        out += pattern.substr(i + 1, (end == std::string::npos ? pattern.size() : end) - i - 1);
      }
      i = end == std::string::npos ? pattern.size() : end + 1;
      continue;
    }
    std::size_t n = 1;
    while (i + n < pattern.size() && pattern[i + n] == c) ++n;
    i += n;
    switch (c) {
      case 'y':
        out += n == 2 ? padded(s.year % 100, 2) : padded(s.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4   ? months[s.month - 1]
               : n == 3 ? std::string(months[s.month - 1]).substr(0, 3)
                        : padded(s.month, n);
        break;
      case 'd':
        out += padded(s.day, n);
        break;
      case 'E': {
        int wd = static_cast<int>(((days_from_civil(s.year, s.month, s.day) % 7) + 10) % 7);
        out += n >= 4 ? weekdays[wd] : std::string(weekdays[wd]).substr(0, 3);
        break;
      }
      case 'H':
        out += padded(hour, n);
        break;
      case 'k':
        out += padded(hour == 0 ? 24 : hour, n);
        break;
      case 'h':
        out += padded(hour % 12 == 0 ? 12 : hour % 12, n);
        break;
      case 'K':
        out += padded(hour % 12, n);
        break;
      case 'm':
        out += padded(minute, n);
        break;
      case 's':
        out += padded(second, n);
        break;
      case 'S':
        out += padded(s.micros % 1000000, 6).substr(0, n);
        break;
      case 'a':
        out += hour < 12 ? "AM" : "PM";
        break;
      default:
        out += std::string(n, c);
    }
  }
  return out;
}

// format_time(time_string, format_string): babel with the user time format
// (System Settings, "HH:mm:ss" by default); "" for an empty value.
QUIRE_NATIVE(d_format_time) {
  Value a[2];
  if (!parse_args(I, "format_time", args, nargs, kwnames, {"time_string", "format_string"}, 0, a))
    return Value::exc();
  int t = given(a[0]) ? truthy(I, a[0]) : 0;
  if (t < 0) return Value::exc();
  if (t == 0) return new_str(I, "");
  std::int64_t micros = 0;
  if (!time_of_day(I, a[0], micros)) return Value::exc();
  std::string format;
  if (!opt_string(I, a[1], format, "format_string")) return Value::exc();
  if (format.empty()) format = system_setting("time_format", "HH:mm:ss");
  Stamp s;
  s.micros = micros;
  return new_str(I, babel_format(format, s));
}

// format_datetime(datetime_string, format_string): babel with the user date
// format (mm read as MM) and time format; None for an empty value.
QUIRE_NATIVE(d_format_datetime) {
  Value a[2];
  if (!parse_args(I, "format_datetime", args, nargs, kwnames, {"datetime_string", "format_string"},
                  1, a))
    return Value::exc();
  int t = truthy(I, a[0]);
  if (t < 0) return Value::exc();
  if (t == 0) return Value::none();
  Stamp s;
  if (!date_arg(I, a[0], s)) return Value::exc();
  std::string format;
  if (!opt_string(I, a[1], format, "format_string")) return Value::exc();
  if (format.empty()) {
    std::string date_format = system_setting("date_format", "yyyy-mm-dd");
    for (std::size_t p = 0; (p = date_format.find("mm", p)) != std::string::npos; p += 2)
      date_format.replace(p, 2, "MM");
    format = date_format + " " + system_setting("time_format", "HH:mm:ss");
  }
  return new_str(I, babel_format(format, s));
}

// global_date_format(date, format="long"): babel.dates.format_date in
// English with a named width (short, medium, long, full: CLDR "en") or a
// babel pattern.
QUIRE_NATIVE(d_global_date_format) {
  Value a[2];
  if (!parse_args(I, "global_date_format", args, nargs, kwnames, {"date", "format"}, 1, a))
    return Value::exc();
  Stamp s;
  if (!date_arg(I, a[0], s)) return Value::exc();
  std::string format;
  if (!opt_string(I, a[1], format, "format", "long")) return Value::exc();
  static const std::pair<const char*, const char*> widths[] = {{"short", "M/d/yy"},
                                                               {"medium", "MMM d, y"},
                                                               {"long", "MMMM d, y"},
                                                               {"full", "EEEE, MMMM d, y"}};
  for (const auto& [name, pattern] : widths) {
    if (format == name) format = pattern;
  }
  s.micros = 0;
  return new_str(I, babel_format(format, s));
}

// get_timestamp(date): time.mktime(getdate(date).timetuple()), the date's
// midnight in seconds since the epoch. mktime reads the process time zone;
// quire's is UTC.
QUIRE_NATIVE(d_get_timestamp) {
  Value a[1];
  if (!parse_args(I, "get_timestamp", args, nargs, kwnames, {"date"}, 1, a)) return Value::exc();
  Stamp s;
  if (!date_arg(I, a[0], s)) return Value::exc();
  return Value::real(static_cast<double>(days_from_civil(s.year, s.month, s.day)) * 86400.0);
}

// get_eta(from_time, percent_complete): the time left at this pace,
// str(timedelta(seconds=(100 - p) / p * (now - from_time) seconds)).
QUIRE_NATIVE(d_get_eta) {
  Value a[2];
  if (!parse_args(I, "get_eta", args, nargs, kwnames, {"from_time", "percent_complete"}, 2, a))
    return Value::exc();
  Stamp now, from;
  parse_stamp(now_text(current_run()), now);
  if (!date_arg(I, a[0], from)) return Value::exc();
  double percent = 0;
  if (!number_arg(I, a[1], percent)) return Value::exc();
  if (percent == 0) {
    return raise(I, types().ZeroDivisionError,
                 a[1].is_float() ? "float division by zero" : "division by zero");
  }
  std::int64_t micros = (days_from_civil(now.year, now.month, now.day) -
                         days_from_civil(from.year, from.month, from.day)) *
                            86400000000LL +
                        now.micros - from.micros;
  double seconds = (100 - percent) / percent * (static_cast<double>(micros) / 1e6);
  Value kw = new_str(I, "seconds");
  Tuple* kwnames_seconds = alloc_tuple(I, 1);
  kwnames_seconds->items()[0] = kw;
  Value names = Value::object(kwnames_seconds);
  Value arg = Value::real(seconds);
  Value delta =
      lang::call(I, Value::object(lang::datetime::timedelta_type()), &arg, 0, kwnames_seconds);
  decref(names);
  if (delta.is_exc()) return delta;
  std::string text;
  bool ok = str_into(I, delta, text);
  decref(delta);
  return ok ? new_str(I, text) : Value::exc();
}

// get_system_timezone(): the site's time zone (System Settings). Frappe
// falls back to "Asia/Kolkata"; quire's clock runs in UTC when it is unset,
// so that is what is returned.
QUIRE_NATIVE(d_get_system_timezone) {
  if (nargs) return raise(I, types().TypeError, "get_system_timezone() takes no arguments");
  RunState* run = current_run();
  return new_str(I, run ? model::site_time_zone_name(run->session.db) : "UTC");
}

// convert_utc_to_timezone(utc_timestamp, time_zone): the naive UTC datetime
// as an aware one in the zone (UTC itself for an unknown zone, as Frappe's
// UnknownTimeZoneError path).
Value convert_utc_to_timezone(Isolate& I, Value utc_timestamp, const std::string& zone_name) {
  auto dt = lang::datetime::as_datetime(utc_timestamp);
  if (!dt) {
    return raise(I, types().TypeError,
                 "expected a datetime.datetime, not " + type_name(utc_timestamp));
  }
  lang::time::TzRef zone = lang::time::utc_zone();
  try {
    zone = lang::time::named_zone(zone_name);
  } catch (...) {
    // Unknown or malformed key: Frappe returns the UTC time (as zoneinfo's
    // UTC: astimezone(timezone.utc) gave the site's zone here).
    zone = lang::time::named_zone("UTC");
  }
  return guarded(I, [&]() -> Value {
    lang::time::DateTimeReplace change;
    change.tzinfo = lang::time::utc_zone();
    lang::time::DateTime utc = dt->replace(change);
    Value aware = lang::datetime::new_datetime(I, utc);
    if (aware.is_exc()) return aware;
    Value tz = lang::datetime::new_timezone(I, zone);
    if (tz.is_exc()) {
      decref(aware);
      return tz;
    }
    Value r = call_method(I, aware, "astimezone", &tz, 1);
    decref(aware);
    decref(tz);
    return r;
  });
}

QUIRE_NATIVE(d_convert_utc_to_system_timezone) {
  Value a[1];
  if (!parse_args(I, "convert_utc_to_system_timezone", args, nargs, kwnames, {"utc_timestamp"}, 1,
                  a))
    return Value::exc();
  RunState* run = current_run();
  return convert_utc_to_timezone(I, a[0],
                                 run ? model::site_time_zone_name(run->session.db) : "UTC");
}

// get_datetime_in_timezone(time_zone): now (the system clock's UTC) in the zone.
QUIRE_NATIVE(d_get_datetime_in_timezone) {
  Value a[1];
  if (!parse_args(I, "get_datetime_in_timezone", args, nargs, kwnames, {"time_zone"}, 1, a))
    return Value::exc();
  std::string zone;
  if (!arg_string(I, a[0], zone, "time_zone")) return Value::exc();
  std::int64_t micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  std::int64_t days = micros / 86400000000LL;
  Stamp s;
  civil_from_days(days, s.year, s.month, s.day);
  Value utc = datetime_value(I, s.year, s.month, s.day, micros % 86400000000LL);
  if (utc.is_exc()) return utc;
  Value r = convert_utc_to_timezone(I, utc, zone);
  decref(utc);
  return r;
}

}  // namespace

void add_string_date_functions(lang::Type* utils) {
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn functions[] = {
      {"now", d_now},
      {"time_diff", d_time_diff_delta},
      {"get_time", d_get_time},
      {"format_time", d_format_time},
      {"format_datetime", d_format_datetime},
      {"getdate", d_getdate},
      {"get_datetime", d_get_datetime},
      {"now_datetime", d_now_datetime},
      {"get_first_day", d_get_first_day},
      {"get_last_day", d_get_last_day},
      {"time_diff_in_seconds", d_time_diff<false>},
      {"time_diff_in_hours", d_time_diff<true>},
      {"nowdate", d_nowdate},
      {"today", d_nowdate},
      {"nowtime", d_nowtime},
      {"add_to_date", d_add_to_date},
      {"add_days", d_add<0>},
      {"add_months", d_add<1>},
      {"add_years", d_add<2>},
      {"date_diff", d_date_diff},
      {"month_diff", d_month_diff},
      {"format_date", d_format_date},
      {"formatdate", d_format_date},
      {"global_date_format", d_global_date_format},
      {"get_timestamp", d_get_timestamp},
      {"get_eta", d_get_eta},
      {"get_system_timezone", d_get_system_timezone},
      {"convert_utc_to_system_timezone", d_convert_utc_to_system_timezone},
      {"get_datetime_in_timezone", d_get_datetime_in_timezone},
  };
  for (const auto& f : functions) host::define_method(utils, f.name, f.fn);
  host::define_class_attr(utils, "DATE_FORMAT", intern("%Y-%m-%d"));
  host::define_class_attr(utils, "TIME_FORMAT", intern("%H:%M:%S.%f"));
  host::define_class_attr(utils, "DATETIME_FORMAT", intern("%Y-%m-%d %H:%M:%S.%f"));
}

}  // namespace quire::scripting
