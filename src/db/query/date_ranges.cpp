#include "db/query/date_ranges.h"

#include <chrono>
#include <cstdio>

namespace quire::db::query {
namespace {

using std::chrono::days;
using std::chrono::month;
using std::chrono::months;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::years;

std::optional<year_month_day> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 ||
      std::sscanf(std::string(s.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format(year_month_day ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// Adds months the way Frappe's add_to_date (dateutil relativedelta) does:
// the day is clamped to the end of the target month.
year_month_day add_months(year_month_day d, int n) {
  auto ym = std::chrono::year_month{d.year(), d.month()} + months{n};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  auto day = d.day() > last.day() ? last.day() : d.day();
  return {ym.year(), ym.month(), day};
}

year_month_day add_days(year_month_day d, int n) {
  return sys_days{d} + days{n};
}

year_month_day month_start(year_month_day d) {
  return {d.year(), d.month(), std::chrono::day{1}};
}
year_month_day month_end(year_month_day d) {
  return std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}};
}
year_month_day quarter_start(year_month_day d) {
  unsigned m = static_cast<unsigned>(d.month());
  unsigned first = ((m - 1) / 3) * 3 + 1;
  return {d.year(), month{first}, std::chrono::day{1}};
}
year_month_day quarter_end(year_month_day d) {
  return month_end(add_months(quarter_start(d), 2));
}
year_month_day year_start(year_month_day d) {
  return {d.year(), month{1}, std::chrono::day{1}};
}
year_month_day year_end(year_month_day d) {
  return {d.year(), month{12}, std::chrono::day{31}};
}
year_month_day week_start(year_month_day d) {
  std::chrono::weekday wd{sys_days{d}};
  return add_days(d, -static_cast<int>(wd.c_encoding()));  // Sunday = 0
}
year_month_day week_end(year_month_day d) {
  return add_days(week_start(d), 6);
}

using Range = std::pair<year_month_day, year_month_day>;

}  // namespace

const char* timespan_names() {
  return "last week, last month, last quarter, last 6 months, last year, yesterday, today, "
         "tomorrow, this week, this month, this quarter, this year, next week, next month, "
         "next quarter, next 6 months, next year";
}

std::optional<std::pair<std::string, std::string>> timespan_range(std::string_view span,
                                                                  std::string_view today) {
  auto t = parse_date(today);
  if (!t) return std::nullopt;
  year_month_day d = *t;
  std::optional<Range> r;
  if (span == "last week") {
    auto w = add_days(d, -7);
    r = Range{week_start(w), week_end(w)};
  } else if (span == "last month") {
    auto m = add_months(d, -1);
    r = Range{month_start(m), month_end(m)};
  } else if (span == "last quarter") {
    auto q = add_months(d, -3);
    r = Range{quarter_start(q), quarter_end(q)};
  } else if (span == "last 6 months") {
    r = Range{quarter_start(add_months(d, -6)), quarter_end(add_months(d, -3))};
  } else if (span == "last year") {
    auto y = add_months(d, -12);
    r = Range{year_start(y), year_end(y)};
  } else if (span == "yesterday") {
    r = Range{add_days(d, -1), add_days(d, -1)};
  } else if (span == "today") {
    r = Range{d, d};
  } else if (span == "tomorrow") {
    r = Range{add_days(d, 1), add_days(d, 1)};
  } else if (span == "this week") {
    r = Range{week_start(d), week_end(d)};
  } else if (span == "this month") {
    r = Range{month_start(d), month_end(d)};
  } else if (span == "this quarter") {
    r = Range{quarter_start(d), quarter_end(d)};
  } else if (span == "this year") {
    r = Range{year_start(d), year_end(d)};
  } else if (span == "next week") {
    auto w = add_days(d, 7);
    r = Range{week_start(w), week_end(w)};
  } else if (span == "next month") {
    auto m = add_months(d, 1);
    r = Range{month_start(m), month_end(m)};
  } else if (span == "next quarter") {
    auto q = add_months(d, 3);
    r = Range{quarter_start(q), quarter_end(q)};
  } else if (span == "next 6 months") {
    r = Range{quarter_start(add_months(d, 3)), quarter_end(add_months(d, 6))};
  } else if (span == "next year") {
    auto y = add_months(d, 12);
    r = Range{year_start(y), year_end(y)};
  }
  if (!r) return std::nullopt;
  return std::pair{format(r->first), format(r->second)};
}

std::optional<std::pair<std::string, std::string>> relative_range(std::string_view op,
                                                                  std::string_view value,
                                                                  std::string_view today) {
  std::string period;
  if (value == "1 week")
    period = "week";
  else if (value == "1 month")
    period = "month";
  else if (value == "3 months")
    period = "quarter";
  else if (value == "6 months")
    period = "6 months";
  else if (value == "1 year")
    period = "year";
  else
    return std::nullopt;
  std::string prefix = op == "previous" ? "last " : op == "next" ? "next " : "";
  if (prefix.empty()) return std::nullopt;
  return timespan_range(prefix + period, today);
}

}  // namespace quire::db::query
