#pragma once
// Cron expressions: the standard five fields (minute hour day-of-month month
// day-of-week) with lists, ranges, steps and names, the @hourly-style aliases,
// and Frappe's scheduler frequencies mapped onto them.
//
// Semantics follow croniter, which Frappe uses: when both the day-of-month and
// day-of-week fields are restricted (neither allows every value), a day matches
// if EITHER matches; day-of-week 0 and 7 are both Sunday.
// Times are civil (wall-clock) minutes in whatever zone the caller works in;
// converting to and from UTC is the scheduler's job, not the parser's.

#include <bitset>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace quire::jobs {

// A wall-clock minute. Seconds are not part of cron.
struct CivilMinute {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59

  friend bool operator==(const CivilMinute&, const CivilMinute&) = default;
  friend auto operator<=>(const CivilMinute&, const CivilMinute&) = default;
};

// Thrown for a malformed expression; what() names the field and the problem.
class CronError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class CronExpr {
 public:
  // Parses an expression such as "*/15 9-17 * * mon-fri" or "@daily".
  // Throws CronError with a message fit to show a user.
  static CronExpr parse(std::string_view text);

  // The first minute strictly after `after` that matches, or nullopt if none
  // exists within the search horizon (e.g. "0 0 30 2 *", which never fires).
  std::optional<CivilMinute> next_after(const CivilMinute& after) const;

  bool matches(const CivilMinute& when) const;

  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;  // bit 0 unused
  std::bitset<13> months_;         // bit 0 unused
  std::bitset<7> days_of_week_;    // 0 = Sunday
  bool day_of_month_restricted_ = false;
  bool day_of_week_restricted_ = false;

  bool day_matches(int year, int month, int day) const;
};

// Frappe's Scheduled Job Type frequencies ("All", "Hourly", "Daily Long",
// "Cron", ...) as cron text. "All" runs every `all_interval_minutes` minutes
// (Frappe: scheduler_interval // 60, 4 by default). Returns nullopt for an
// unknown frequency; for "Cron" the caller supplies cron_format itself.
std::optional<std::string> cron_for_frequency(std::string_view frequency,
                                              int all_interval_minutes = 4);

// Day of week of a civil date, 0 = Sunday.
int day_of_week(int year, int month, int day);

}  // namespace quire::jobs
