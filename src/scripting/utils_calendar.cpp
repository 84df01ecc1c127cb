#include "scripting/utils_calendar.h"

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
}

}  // namespace quire::scripting
