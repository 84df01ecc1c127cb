#include "jobs/cron.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace quire::jobs {
namespace {

CivilMinute at(int y, int mo, int d, int h, int mi) {
  return CivilMinute{y, mo, d, h, mi};
}

std::string show(const std::optional<CivilMinute>& t) {
  if (!t) return "never";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t->year, t->month, t->day, t->hour,
                t->minute);
  return buf;
}

struct NextCase {
  const char* expr;
  CivilMinute after;
  const char* expected;
};

// Next firing times worked out from the crontab(5) rules; 2026-11-21 is a Saturday.
TEST(Cron, NextFireTimes) {
  const NextCase cases[] = {
      {"* * * * *", at(2026, 11, 21, 10, 0), "2026-11-21 10:01"},
      {"* * * * *", at(2026, 12, 31, 23, 59), "2027-01-01 00:00"},
      {"*/15 * * * *", at(2026, 11, 21, 10, 7), "2026-11-21 10:15"},
      {"*/15 * * * *", at(2026, 11, 21, 10, 45), "2026-11-21 11:00"},
      {"0 * * * *", at(2026, 11, 21, 10, 0), "2026-11-21 11:00"},
      {"30 9 * * *", at(2026, 11, 21, 9, 30), "2026-11-22 09:30"},
      {"0 9-17 * * mon-fri", at(2026, 11, 21, 12, 0), "2026-11-23 09:00"},
      {"0 9-17/4 * * 1-5", at(2026, 11, 23, 9, 0), "2026-11-23 13:00"},
      {"0 0 * * 0", at(2026, 11, 21, 0, 0), "2026-11-22 00:00"},
      {"0 0 * * 7", at(2026, 11, 21, 0, 0), "2026-11-22 00:00"},
      {"0 0 1 * *", at(2026, 11, 21, 0, 0), "2026-12-01 00:00"},
      {"0 0 1 1 *", at(2026, 11, 21, 0, 0), "2027-01-01 00:00"},
      {"0 0 31 * *", at(2026, 11, 21, 0, 0), "2026-12-31 00:00"},
      {"0 0 29 2 *", at(2026, 3, 1, 0, 0), "2028-02-29 00:00"},
      {"0 0 29 2 *", at(2096, 3, 1, 0, 0), "2104-02-29 00:00"},
      // Both day fields restricted: either one matching is enough.
      {"0 12 1 * fri", at(2026, 11, 21, 0, 0), "2026-11-27 12:00"},
      {"0 12 25 * sun", at(2026, 11, 21, 0, 0), "2026-11-22 12:00"},
      // A stepped star restricts the field (croniter's reading), so OR applies.
      {"0 0 */10 * 1", at(2026, 11, 21, 0, 0), "2026-11-23 00:00"},
      {"5,10,50 8 * jan,jun *", at(2026, 11, 21, 0, 0), "2027-01-01 08:05"},
      {"10/20 * * * *", at(2026, 11, 21, 10, 31), "2026-11-21 10:50"},
      {"@hourly", at(2026, 11, 21, 10, 59), "2026-11-21 11:00"},
      {"@daily", at(2026, 11, 21, 10, 0), "2026-11-22 00:00"},
      {"@weekly", at(2026, 11, 22, 0, 0), "2026-11-29 00:00"},
      {"@monthly", at(2026, 11, 21, 10, 0), "2026-12-01 00:00"},
      {"@yearly", at(2026, 11, 21, 10, 0), "2027-01-01 00:00"},
      {"  0   3  *  *  *  ", at(2026, 11, 21, 10, 0), "2026-11-22 03:00"},
      {"0 0 30 2 *", at(2026, 1, 1, 0, 0), "never"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expr);
    EXPECT_EQ(show(CronExpr::parse(c.expr).next_after(c.after)), c.expected);
  }
}

TEST(Cron, DayOfWeek) {
  EXPECT_EQ(day_of_week(2026, 11, 21), 6);  // Saturday
  EXPECT_EQ(day_of_week(2000, 1, 1), 6);
  EXPECT_EQ(day_of_week(2024, 2, 29), 4);
  EXPECT_EQ(day_of_week(1970, 1, 1), 4);
}

TEST(Cron, BadExpressionsGiveClearErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "empty cron expression"},
      {"* * * *", "has 4"},
      {"* * * * * *", "has 6"},
      {"60 * * * *", "minute field '60': 60 is out of range 0-59"},
      {"* 24 * * *", "hour field '24'"},
      {"* * 0 * *", "day-of-month field '0'"},
      {"* * * 13 *", "month field '13'"},
      {"* * * * 8", "day-of-week field '8'"},
      {"*/0 * * * *", "step must be between"},
      {"*/x * * * *", "step 'x' is not a number"},
      {"5-1 * * * *", "range start 5 is after its end 1"},
      {"a * * * *", "'a' is not a number"},
      {"* * * foo *", "unknown name 'foo'"},
      {"1,,2 * * * *", "empty list item"},
      {"-5 * * * *", "missing number"},
      {"@often", "unknown cron alias '@often'"},
  };
  for (const auto& [expr, fragment] : cases) {
    SCOPED_TRACE(expr);
    try {
      CronExpr::parse(expr);
      ADD_FAILURE() << "accepted a bad expression";
    } catch (const CronError& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  }
}

// The fast search must agree with walking minute by minute.
TEST(Cron, NextAfterAgreesWithMinuteByMinuteSearch) {
  std::mt19937 rng(20261121);
  const char* minutes[] = {"*", "0", "*/7", "5,35", "10-20/5", "59"};
  const char* hours[] = {"*", "0", "9-17", "*/6", "23"};
  const char* doms[] = {"*", "1", "15", "31", "*/10", "28-31"};
  const char* months[] = {"*", "2", "jan,jul", "*/3", "12"};
  const char* dows[] = {"*", "0", "mon-fri", "sat", "*/2"};
  auto pick = [&](const auto& arr) { return arr[rng() % std::size(arr)]; };
  for (int i = 0; i < 300; ++i) {
    const std::string text = std::string(pick(minutes)) + " " + pick(hours) + " " + pick(doms) +
                             " " + pick(months) + " " + pick(dows);
    SCOPED_TRACE(text);
    const CronExpr expr = CronExpr::parse(text);
    CivilMinute t = at(2024 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12),
                       1 + static_cast<int>(rng() % 28), static_cast<int>(rng() % 24),
                       static_cast<int>(rng() % 60));
    const auto fast = expr.next_after(t);
    bool found = false;
    // Brute force: step minute by minute with simple calendar arithmetic.
    static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int steps = 0; steps < 60 * 24 * 366 * 2; ++steps) {
      if (++t.minute == 60) {
        t.minute = 0;
        if (++t.hour == 24) {
          t.hour = 0;
          const bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
          if (++t.day > (t.month == 2 && leap ? 29 : kDays[t.month])) {
            t.day = 1;
            if (++t.month == 13) {
              t.month = 1;
              ++t.year;
            }
          }
        }
      }
      if (expr.matches(t)) {
        found = true;
        break;
      }
    }
    // Within two years every satisfiable expression here fires; the ones that
    // never do (31 February) must be reported as never.
    EXPECT_EQ(show(fast), found ? show(t) : "never");
  }
}

TEST(Cron, FrappeFrequencies) {
  EXPECT_EQ(cron_for_frequency("All"), "*/4 * * * *");
  EXPECT_EQ(cron_for_frequency("All", 1), "*/1 * * * *");
  EXPECT_EQ(cron_for_frequency("Hourly"), "0 * * * *");
  EXPECT_EQ(cron_for_frequency("Hourly Long"), "0 * * * *");
  EXPECT_EQ(cron_for_frequency("Daily"), "0 0 * * *");
  EXPECT_EQ(cron_for_frequency("Daily Long"), "0 0 * * *");
  EXPECT_EQ(cron_for_frequency("Weekly"), "0 0 * * 0");
  EXPECT_EQ(cron_for_frequency("Weekly Long"), "0 0 * * 0");
  EXPECT_EQ(cron_for_frequency("Monthly"), "0 0 1 * *");
  EXPECT_EQ(cron_for_frequency("Monthly Long"), "0 0 1 * *");
  EXPECT_EQ(cron_for_frequency("Yearly"), "0 0 1 1 *");
  EXPECT_EQ(cron_for_frequency("Cron"), std::nullopt);
  EXPECT_EQ(cron_for_frequency("Fortnightly"), std::nullopt);
  for (const char* f : {"All", "Hourly", "Daily", "Weekly", "Monthly", "Yearly"}) {
    EXPECT_NO_THROW(CronExpr::parse(*cron_for_frequency(f))) << f;
  }
}

}  // namespace
}  // namespace quire::jobs
