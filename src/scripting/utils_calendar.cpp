#include "scripting/utils_calendar.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "lang/lib/datetime.h"
#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using lang::time::Date;

namespace {

Type* g_utils = nullptr;

const char* const kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

// getdate(v) through frappe.utils.getdate (None/"" is today).
std::optional<Date> getdate(Isolate& I, Value v) {
  Value fn = type_lookup(g_utils, "getdate");
  Value d = v.is_undef() ? call0(I, fn) : call1(I, fn, v);
  if (d.is_exc()) return std::nullopt;
  auto out = datetime::as_date(d);
  if (!out) {
    if (auto dt = datetime::as_datetime(d)) out = dt->date();
  }
  decref(d);
  if (!out) raise(I, types().TypeError, "expected a date");
  return out;
}

std::string date_text(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year(), d.month(), d.day());
  return buf;
}

Value date_result(Isolate& I, const Date& d, bool as_str) {
  if (as_str) return new_str(I, date_text(d));
  return guarded(I, [&]() -> Value { return datetime::new_date(I, d); });
}

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// relativedelta(months=n): the day clamped to the new month's length.
Date add_months(const Date& d, int n) {
  int index = d.year() * 12 + (d.month() - 1) + n;
  int y = index / 12, m = index % 12 + 1;
  return Date::from_ymd(y, m, std::min(d.day(), days_in_month(y, m)));
}

Date add_days(const Date& d, int n) {
  return Date::from_ordinal(d.toordinal() + n);
}

Date quarter_start(const Date& d) {
  return Date::from_ymd(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
}

Date quarter_ending(const Date& d) {
  int m = ((d.month() - 1) / 3 + 1) * 3;
  return Date::from_ymd(d.year(), m, days_in_month(d.year(), m));
}

// Sunday-based: (weekday() + 1) % 7 days back.
Date week_start(const Date& d) {
  return add_days(d, -((d.weekday() + 1) % 7));
}

Date month_end(const Date& d) {
  return Date::from_ymd(d.year(), d.month(), days_in_month(d.year(), d.month()));
}

bool dt_and_as_str(Isolate& I, const char* fname, Value* args, std::size_t nargs,
                   const Tuple* kwnames, const char* first, std::optional<Date>& d, bool& as_str) {
  Value a[2];
  if (!parse_args(I, fname, args, nargs, kwnames, {first, "as_str"}, 1, a)) return false;
  if (!opt_bool(I, a[1], as_str)) return false;
  d = getdate(I, a[0]);
  return d.has_value();
}

QUIRE_NATIVE(c_get_quarter_start) {
  std::optional<Date> d;
  bool as_str = false;
  if (!dt_and_as_str(I, "get_quarter_start", args, nargs, kwnames, "dt", d, as_str))
    return Value::exc();
  return date_result(I, quarter_start(*d), as_str);
}

QUIRE_NATIVE(c_get_first_day_of_week) {
  std::optional<Date> d;
  bool as_str = false;
  if (!dt_and_as_str(I, "get_first_day_of_week", args, nargs, kwnames, "dt", d, as_str))
    return Value::exc();
  return date_result(I, week_start(*d), as_str);
}

QUIRE_NATIVE(c_get_year_start) {
  std::optional<Date> d;
  bool as_str = false;
  if (!dt_and_as_str(I, "get_year_start", args, nargs, kwnames, "dt", d, as_str))
    return Value::exc();
  return date_result(I, Date::from_ymd(d->year(), 1, 1), as_str);
}

std::optional<Date> one_date(Isolate& I, const char* fname, Value* args, std::size_t nargs,
                             const Tuple* kwnames, const char* name) {
  Value a[1];
  if (!parse_args(I, fname, args, nargs, kwnames, {name}, 1, a)) return std::nullopt;
  return getdate(I, a[0]);
}

QUIRE_NATIVE(c_get_last_day_of_week) {
  auto d = one_date(I, "get_last_day_of_week", args, nargs, kwnames, "dt");
  if (!d) return Value::exc();
  return date_result(I, add_days(week_start(*d), 6), false);
}

QUIRE_NATIVE(c_get_quarter_ending) {
  auto d = one_date(I, "get_quarter_ending", args, nargs, kwnames, "date");
  if (!d) return Value::exc();
  return date_result(I, quarter_ending(*d), false);
}

// data.py goes through add_to_date on a string, so the result is a str.
QUIRE_NATIVE(c_get_year_ending) {
  auto d = one_date(I, "get_year_ending", args, nargs, kwnames, "date");
  if (!d) return Value::exc();
  return new_str(I, date_text(Date::from_ymd(d->year(), 12, 31)));
}

QUIRE_NATIVE(c_get_weekdays) {
  std::vector<Value> names;
  for (const char* n : kWeekdays) names.push_back(new_str(I, n));
  Value out = new_list_from(I, names.data(), names.size());
  for (Value v : names) decref(v);
  return out;
}

QUIRE_NATIVE(c_get_weekday) {
  Value a[1];
  if (!parse_args(I, "get_weekday", args, nargs, kwnames, {"datetime"}, 0, a)) return Value::exc();
  int t = given(a[0]) ? truthy(I, a[0]) : 0;
  if (t < 0) return Value::exc();
  std::optional<Date> d;
  if (t == 0) {
    d = getdate(I, Value());
  } else if (auto dt = datetime::as_datetime(a[0])) {
    d = dt->date();
  } else if (auto day = datetime::as_date(a[0])) {
    d = day;
  } else {
    std::string message = "'";  // built in steps: GCC 12's -Wrestrict misfires on "x" + str
    message += type_name(a[0]);
    message += "' object has no attribute 'weekday'";
    return raise(I, types().AttributeError, message);
  }
  if (!d) return Value::exc();
  return new_str(I, kWeekdays[d->weekday()]);
}

// get_timespan_date_range(timespan): a pair of dates (some str, as data.py's
// add_to_date / get_year_ending give them), None for an unknown timespan.
QUIRE_NATIVE(c_get_timespan_date_range) {
  Value a[1];
  if (!parse_args(I, "get_timespan_date_range", args, nargs, kwnames, {"timespan"}, 1, a))
    return Value::exc();
  if (!is_str(a[0])) return Value::none();
  std::string span(as_str(a[0])->view());
  auto today = getdate(I, Value());
  if (!today) return Value::exc();
  const Date t = *today;
  struct End {
    Date date;
    bool text = false;
  };
  auto year_end = [](const Date& d) { return End{Date::from_ymd(d.year(), 12, 31), true}; };
  auto year_start = [](const Date& d) { return End{Date::from_ymd(d.year(), 1, 1)}; };
  auto first = [](const Date& d) { return End{Date::from_ymd(d.year(), d.month(), 1)}; };
  std::optional<std::pair<End, End>> range;
  if (span == "last week") {
    range = {{week_start(add_days(t, -7))}, {add_days(week_start(add_days(t, -7)), 6)}};
  } else if (span == "last month") {
    range = {first(add_months(t, -1)), {month_end(add_months(t, -1))}};
  } else if (span == "last quarter") {
    range = {{quarter_start(add_months(t, -3))}, {quarter_ending(add_months(t, -3))}};
  } else if (span == "last 6 months") {
    range = {{quarter_start(add_months(t, -6))}, {quarter_ending(add_months(t, -3))}};
  } else if (span == "last year") {
    range = {year_start(add_months(t, -12)), year_end(add_months(t, -12))};
  } else if (span == "yesterday") {
    range = {{add_days(t, -1), true}, {add_days(t, -1), true}};
  } else if (span == "today") {
    range = {{t, true}, {t, true}};
  } else if (span == "tomorrow") {
    range = {{add_days(t, 1), true}, {add_days(t, 1), true}};
  } else if (span == "this week") {
    range = {{week_start(t)}, {add_days(week_start(t), 6)}};
  } else if (span == "this month") {
    range = {first(t), {month_end(t)}};
  } else if (span == "this quarter") {
    range = {{quarter_start(t)}, {quarter_ending(t)}};
  } else if (span == "this year") {
    range = {year_start(t), year_end(t)};
  } else if (span == "next week") {
    range = {{week_start(add_days(t, 7))}, {add_days(week_start(add_days(t, 7)), 6)}};
  } else if (span == "next month") {
    range = {first(add_months(t, 1)), {month_end(add_months(t, 1))}};
  } else if (span == "next quarter") {
    range = {{quarter_start(add_months(t, 3))}, {quarter_ending(add_months(t, 3))}};
  } else if (span == "next 6 months") {
    range = {{quarter_start(add_months(t, 3))}, {quarter_ending(add_months(t, 6))}};
  } else if (span == "next year") {
    range = {year_start(add_months(t, 12)), year_end(add_months(t, 12))};
  }
  if (!range) return Value::none();
  Value items[2] = {date_result(I, range->first.date, range->first.text),
                    date_result(I, range->second.date, range->second.text)};
  if (items[0].is_exc() || items[1].is_exc()) {
    for (Value v : items) {
      if (!v.is_exc()) decref(v);
    }
    return Value::exc();
  }
  Value out = new_tuple_from(I, items, 2);
  decref(items[0]);
  decref(items[1]);
  return out;
}

// get_date_str / get_datetime_str: a str read by get_datetime, then strftime.
template <bool WithTime>
QUIRE_NATIVE(c_get_stamp_str) {
  Value a[1];
  if (!parse_args(I, WithTime ? "get_datetime_str" : "get_date_str", args, nargs, kwnames,
                  {WithTime ? "datetime_obj" : "date_obj"}, 1, a))
    return Value::exc();
  Value obj = a[0];
  bool owned = false;
  if (is_str(obj)) {
    obj = call1(I, type_lookup(g_utils, "get_datetime"), obj);
    if (obj.is_exc()) return obj;
    owned = true;
  }
  Value format = new_str(I, WithTime ? "%Y-%m-%d %H:%M:%S.%f" : "%Y-%m-%d");
  Value r = call_method(I, obj, "strftime", &format, 1);
  decref(format);
  if (owned) decref(obj);
  return r;
}

QUIRE_NATIVE(c_get_user_date_format) {
  return new_str(I, system_setting("date_format", "yyyy-mm-dd"));
}

QUIRE_NATIVE(c_get_user_time_format) {
  return new_str(I, system_setting("time_format", "HH:mm:ss"));
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "[N day[s], ]H:M:S[.f]" (data.py's TIMEDELTA_DAY/BASE patterns) as
// microseconds; false when it does not match.
bool timedelta_text(std::string_view s, std::int64_t& out) {
  std::int64_t days = 0;
  if (auto p = s.find(" day"); p != std::string_view::npos) {
    std::string_view d = s.substr(0, p);
    bool negative = !d.empty() && d[0] == '-';
    if (!all_digits(negative ? d.substr(1) : d)) return false;
    days = std::stoll(std::string(d));
    auto comma = s.find(", ", p);
    if (comma == std::string_view::npos) return false;
    s = s.substr(comma + 2);
  }
  auto c1 = s.find(':');
  auto c2 = c1 == std::string_view::npos ? c1 : s.find(':', c1 + 1);
  if (c2 == std::string_view::npos) return false;
  std::string_view h = s.substr(0, c1), m = s.substr(c1 + 1, c2 - c1 - 1), sec = s.substr(c2 + 1);
  std::string_view whole = sec.substr(0, sec.find('.'));
  if (!all_digits(h) || !all_digits(m) || !all_digits(whole)) return false;
  double seconds = 0;
  try {
    seconds = std::stod(std::string(sec));
  } catch (...) {
    return false;
  }
  out = ((days * 24 + std::stoll(std::string(h))) * 60 + std::stoll(std::string(m))) * 60000000LL +
        static_cast<std::int64_t>(std::llround(seconds * 1e6));
  return true;
}

Value timedelta_value(Isolate& I, std::int64_t micros) {
  return guarded(I, [&]() -> Value {
    return datetime::new_timedelta(I, lang::time::TimeDelta::from_microseconds(micros));
  });
}

// The time of day dateutil reads in `text` as microseconds, through get_time;
// false with the exception pending.
bool parsed_time(Isolate& I, Value text, std::int64_t& out) {
  Value t = call1(I, type_lookup(g_utils, "get_time"), text);
  if (t.is_exc()) return false;
  auto time = datetime::as_time(t);
  decref(t);
  out = time ? time->micros_of_day() : 0;
  return true;
}

// to_timedelta(time_str): a time or a str as a timedelta; anything else as it is.
QUIRE_NATIVE(c_to_timedelta) {
  Value a[1];
  if (!parse_args(I, "to_timedelta", args, nargs, kwnames, {"time_str"}, 1, a)) return Value::exc();
  if (auto t = datetime::as_time(a[0])) return timedelta_value(I, t->micros_of_day());
  if (!is_str(a[0])) {
    incref(a[0]);
    return a[0];
  }
  std::string_view s = as_str(a[0])->view();
  auto colon = s.find(':');
  if (colon != std::string_view::npos && all_digits(s.substr(0, colon)) &&
      std::stoll(std::string(s.substr(0, colon))) > 23) {
    // dateutil refuses the hour; to_timedelta does not catch it.
    return raise(I, types().ValueError, "hour must be in 0..23: " + std::string(s));
  }
  std::int64_t micros = 0;
  if (!parsed_time(I, a[0], micros)) return Value::exc();
  return timedelta_value(I, micros);
}

// get_timedelta(time): a timedelta as it is; "" / None as 0:0:0; hours past
// 23 and "N days, H:M:S" through parse_timedelta; anything unreadable None.
QUIRE_NATIVE(c_get_timedelta) {
  Value a[1];
  if (!parse_args(I, "get_timedelta", args, nargs, kwnames, {"time"}, 0, a)) return Value::exc();
  if (datetime::as_timedelta(a[0])) {
    incref(a[0]);
    return a[0];
  }
  int t = given(a[0]) ? truthy(I, a[0]) : 0;
  if (t < 0) return Value::exc();
  if (t == 0) return timedelta_value(I, 0);
  if (!is_str(a[0])) return Value::none();
  std::int64_t micros = 0;
  std::string_view s = as_str(a[0])->view();
  auto colon = s.find(':');
  bool long_hours = colon != std::string_view::npos && all_digits(s.substr(0, colon)) &&
                    std::stoll(std::string(s.substr(0, colon))) > 23;
  if (s.find("day") != std::string_view::npos || long_hours) {
    if (timedelta_text(s, micros)) return timedelta_value(I, micros);
    return Value::none();
  }
  if (!parsed_time(I, a[0], micros)) {
    // Dropped as data.py's `except Exception` does (a limit error still propagates).
    if (I.uncatchable) return Value::exc();
    Value pending = I.pending;
    I.pending = Value();
    decref(pending);
    return Value::none();
  }
  return timedelta_value(I, micros);
}

// get_time_str(timedelta_obj): "H:M:S" of its seconds, unpadded.
QUIRE_NATIVE(c_get_time_str) {
  Value a[1];
  if (!parse_args(I, "get_time_str", args, nargs, kwnames, {"timedelta_obj"}, 1, a))
    return Value::exc();
  Value td = a[0];
  bool owned = false;
  if (is_str(td)) {
    td = c_to_timedelta(I, a, 1, nullptr, nullptr);
    if (td.is_exc()) return td;
    owned = true;
  }
  auto delta = datetime::as_timedelta(td);
  if (owned) decref(td);
  if (!delta) {
    return raise(I, types().AttributeError,
                 "object has no attribute 'seconds' (get_time_str takes a timedelta)");
  }
  auto total = delta->total_microseconds();
  std::int64_t day_micros =
      static_cast<std::int64_t>(((total % 86400000000LL) + 86400000000LL) % 86400000000LL);
  std::int64_t seconds = day_micros / 1000000;
  return new_str(I, std::to_string(seconds / 3600) + ":" + std::to_string(seconds % 3600 / 60) +
                        ":" + std::to_string(seconds % 60));
}

}  // namespace

void add_calendar_functions(Type* utils) {
  g_utils = utils;
  host::define_method(utils, "get_quarter_start", c_get_quarter_start);
  host::define_method(utils, "get_quarter_ending", c_get_quarter_ending);
  host::define_method(utils, "get_first_day_of_week", c_get_first_day_of_week);
  host::define_method(utils, "get_last_day_of_week", c_get_last_day_of_week);
  host::define_method(utils, "get_year_start", c_get_year_start);
  host::define_method(utils, "get_year_ending", c_get_year_ending);
  host::define_method(utils, "get_weekdays", c_get_weekdays);
  host::define_method(utils, "get_weekday", c_get_weekday);
  host::define_method(utils, "get_timespan_date_range", c_get_timespan_date_range);
  host::define_method(utils, "get_date_str", c_get_stamp_str<false>);
  host::define_method(utils, "get_datetime_str", c_get_stamp_str<true>);
  host::define_method(utils, "get_user_date_format", c_get_user_date_format);
  host::define_method(utils, "get_user_format", c_get_user_date_format);
  host::define_method(utils, "get_user_time_format", c_get_user_time_format);
  host::define_method(utils, "to_timedelta", c_to_timedelta);
  host::define_method(utils, "get_timedelta", c_get_timedelta);
  host::define_method(utils, "get_time_str", c_get_time_str);
}

}  // namespace quire::scripting
