#include "jobs/cron.h"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace quire::jobs {
namespace {

struct FieldSpec {
  const char* name;
  int min;
  int max;
  // Names accepted in place of numbers, indexed from `min` ("jan" = 1).
  const std::array<const char*, 12>* names;
  int name_count;
};

constexpr std::array<const char*, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char*, 12> kDayNames = {"sun", "mon", "tue", "wed", "thu", "fri",
                                                   "sat", "",    "",    "",    "",    ""};

const FieldSpec kFields[5] = {
    {"minute", 0, 59, nullptr, 0},
    {"hour", 0, 23, nullptr, 0},
    {"day-of-month", 1, 31, nullptr, 0},
    {"month", 1, 12, &kMonthNames, 12},
    // 7 is accepted as a second Sunday and folded onto 0 after parsing.
    {"day-of-week", 0, 7, &kDayNames, 7},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void fail(const FieldSpec& field, std::string_view item, const std::string& why) {
  throw CronError("invalid cron " + std::string(field.name) + " field '" + std::string(item) +
                  "': " + why);
}

int parse_value(const FieldSpec& field, std::string_view item, std::string_view text) {
  if (text.empty()) fail(field, item, "missing number");
  if (field.names != nullptr && std::isalpha(static_cast<unsigned char>(text[0]))) {
    const std::string name = lower(text);
    for (int i = 0; i < field.name_count; ++i) {
      if (name == (*field.names)[i]) return field.min == 0 ? i : i + 1;
    }
    fail(field, item, "unknown name '" + std::string(text) + "'");
  }
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    fail(field, item, "'" + std::string(text) + "' is not a number");
  }
  if (value < field.min || value > field.max) {
    fail(field, item,
         std::to_string(value) + " is out of range " + std::to_string(field.min) + "-" +
             std::to_string(field.max));
  }
  return value;
}

// Parses one comma-separated field into a bitset of allowed values.
std::vector<bool> parse_field(const FieldSpec& field, std::string_view text) {
  std::vector<bool> allowed(static_cast<size_t>(field.max + 1), false);
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string_view item = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (item.empty()) fail(field, text, "empty list item");

    std::string_view range = item;
    int step = 1;
    if (const size_t slash = item.find('/'); slash != std::string_view::npos) {
      range = item.substr(0, slash);
      const std::string_view step_text = item.substr(slash + 1);
      auto [end, ec] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
      if (step_text.empty() || ec != std::errc() || end != step_text.data() + step_text.size()) {
        fail(field, item, "step '" + std::string(step_text) + "' is not a number");
      }
      if (step < 1 || step > field.max) {
        fail(field, item, "step must be between 1 and " + std::to_string(field.max));
      }
    }

    int first = field.min;
    int last = field.max;
    if (range != "*") {
      if (const size_t dash = range.find('-'); dash != std::string_view::npos) {
        first = parse_value(field, item, range.substr(0, dash));
        last = parse_value(field, item, range.substr(dash + 1));
        if (first > last) {
          fail(
              field, item,
              "range start " + std::to_string(first) + " is after its end " + std::to_string(last));
        }
      } else {
        first = parse_value(field, item, range);
        // "5/15" means from 5 to the end in steps of 15, as in Vixie cron.
        last = (item.find('/') != std::string_view::npos) ? field.max : first;
      }
    }
    for (int v = first; v <= last; v += step) allowed[static_cast<size_t>(v)] = true;

    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return allowed;
}

std::string_view expand_alias(std::string_view text) {
  const std::string name = lower(text);
  if (name == "@yearly" || name == "@annually") return "0 0 1 1 *";
  if (name == "@monthly") return "0 0 1 * *";
  if (name == "@weekly") return "0 0 * * 0";
  if (name == "@daily" || name == "@midnight") return "0 0 * * *";
  if (name == "@hourly") return "0 * * * *";
  throw CronError("unknown cron alias '" + std::string(text) +
                  "' (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)");
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month];
}

// The longest gap between two firings of a satisfiable expression is a
// 29 February that falls on no restricted weekday, across a non-leap century
// year: under nine years. Ten years of days bounds the search.
constexpr int kHorizonDays = 366 * 10;

}  // namespace

int day_of_week(int year, int month, int day) {
  // Sakamoto's method.
  static constexpr int kOffsets[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
}

CronExpr CronExpr::parse(std::string_view text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) {
    trimmed.remove_prefix(1);
  }
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) {
    trimmed.remove_suffix(1);
  }
  if (trimmed.empty()) throw CronError("empty cron expression");
  const std::string_view body = trimmed.front() == '@' ? expand_alias(trimmed) : trimmed;

  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    const size_t start = i;
    while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i > start) fields.push_back(body.substr(start, i - start));
  }
  if (fields.size() != 5) {
    throw CronError(
        "a cron expression has 5 fields (minute hour day-of-month month day-of-week), '" +
        std::string(trimmed) + "' has " + std::to_string(fields.size()));
  }

  CronExpr expr;
  expr.text_ = std::string(trimmed);
  const auto minutes = parse_field(kFields[0], fields[0]);
  const auto hours = parse_field(kFields[1], fields[1]);
  const auto days = parse_field(kFields[2], fields[2]);
  const auto months = parse_field(kFields[3], fields[3]);
  const auto weekdays = parse_field(kFields[4], fields[4]);
  for (int v = 0; v < 60; ++v) expr.minutes_[v] = minutes[v];
  for (int v = 0; v < 24; ++v) expr.hours_[v] = hours[v];
  for (int v = 1; v <= 31; ++v) expr.days_of_month_[v] = days[v];
  for (int v = 1; v <= 12; ++v) expr.months_[v] = months[v];
  for (int v = 0; v < 7; ++v) expr.days_of_week_[v] = weekdays[v];
  if (weekdays[7]) expr.days_of_week_[0] = true;
  // As in croniter (which Frappe uses): a field is "restricted" unless it
  // allows every value, so "*/2" restricts while "1-31" does not.
  expr.day_of_month_restricted_ = (expr.days_of_month_ >> 1).count() != 31;
  expr.day_of_week_restricted_ = !expr.days_of_week_.all();
  return expr;
}

bool CronExpr::day_matches(int year, int month, int day) const {
  const bool dom = days_of_month_[day];
  const bool dow = days_of_week_[day_of_week(year, month, day)];
  if (day_of_month_restricted_ && day_of_week_restricted_) return dom || dow;
  return dom && dow;
}

bool CronExpr::matches(const CivilMinute& when) const {
  return minutes_[when.minute] && hours_[when.hour] && months_[when.month] &&
         day_matches(when.year, when.month, when.day);
}

std::optional<CivilMinute> CronExpr::next_after(const CivilMinute& after) const {
  // Start one minute later, carrying into hour and day; the day loop below
  // handles the carry into the next day by starting that day at 00:00.
  int year = after.year, month = after.month, day = after.day;
  int start_hour = after.hour, start_minute = after.minute + 1;
  if (start_minute == 60) {
    start_minute = 0;
    ++start_hour;
  }
  for (int n = 0; n < kHorizonDays; ++n) {
    if (start_hour < 24 && months_[month] && day_matches(year, month, day)) {
      for (int h = start_hour; h < 24; ++h) {
        if (!hours_[h]) continue;
        for (int m = (h == start_hour ? start_minute : 0); m < 60; ++m) {
          if (minutes_[m]) return CivilMinute{year, month, day, h, m};
        }
      }
    }
    start_hour = 0;
    start_minute = 0;
    if (++day > days_in_month(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> cron_for_frequency(std::string_view frequency,
                                              int all_interval_minutes) {
  if (frequency == "All") {
    if (all_interval_minutes < 1) all_interval_minutes = 1;
    return "*/" + std::to_string(all_interval_minutes) + " * * * *";
  }
  if (frequency == "Hourly" || frequency == "Hourly Long" || frequency == "Hourly Maintenance") {
    return "0 * * * *";
  }
  if (frequency == "Daily" || frequency == "Daily Long" || frequency == "Daily Maintenance") {
    return "0 0 * * *";
  }
  if (frequency == "Weekly" || frequency == "Weekly Long") return "0 0 * * 0";
  if (frequency == "Monthly" || frequency == "Monthly Long") return "0 0 1 * *";
  if (frequency == "Yearly" || frequency == "Annual") return "0 0 1 1 *";
  return std::nullopt;
}

}  // namespace quire::jobs
