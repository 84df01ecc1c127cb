// frappe.utils' global_date_format, get_timestamp and get_eta against
// python3 running data.py's definitions over babel, time and datetime (the
// Debian interpreter: python3-babel installs there).

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsDates = ScriptingTest;

// Debian's python3 (its packages: babel) in UTC.
std::string debian_python(const std::string& program) {
  return run_python(program, "TZ=UTC /usr/bin/python3");
}

TEST_F(UtilsDates, GlobalDateFormatIsBabels) {
  const char* body =
      "for d in ['2024-01-05', '2023-12-31 23:59:59', '0987-07-04']:\n"
      "    print(*[global_date_format(d, f) for f in ('short', 'medium', 'long', 'full', "
      "'d MMM y', 'EEE, dd/MM/yy')], sep='|')\n"
      "    print(global_date_format(d))\n";
  std::string expected = debian_python(
      "import datetime\n"
      "try:\n"
      "    import babel.dates\n"
      "except ImportError:\n"
      "    print('SKIP python3-babel')\n"
      "    raise SystemExit\n"
      "def global_date_format(date, format='long'):\n"
      "    date = datetime.datetime.fromisoformat(date).date()\n"
      "    return babel.dates.format_date(date, locale='en', format=format)\n" +
      std::string(body));
  if (expected.rfind("SKIP", 0) == 0) GTEST_SKIP() << expected;
  EXPECT_EQ(run(std::string("global_date_format = frappe.utils.global_date_format\n") + body),
            expected);
}

TEST_F(UtilsDates, TimestampAndEta) {
  session->clock = [] { return std::string("2025-03-12 10:00:00.000000"); };
  const char* body =
      "print(repr(get_timestamp('2024-01-15')), repr(get_timestamp('1969-12-31 23:00:00')))\n"
      "for p in (25, 7, 100, 0.5, 150):\n"
      "    print(get_eta('2025-03-12 09:58:30', p))\n"
      "print(get_eta('2025-03-10 10:00:00.5', 3))\n";
  std::string expected = debian_python(
      "import datetime, time\n"
      "now = datetime.datetime(2025, 3, 12, 10)\n"
      "def get_timestamp(date):\n"
      "    return time.mktime(datetime.datetime.fromisoformat(date).date().timetuple())\n"
      "def get_eta(from_time, percent_complete):\n"
      "    diff = (now - datetime.datetime.fromisoformat(from_time)).total_seconds()\n"
      "    return str(datetime.timedelta(seconds=(100 - percent_complete) / percent_complete * "
      "diff))\n" +
      std::string(body));
  EXPECT_EQ(run(std::string("get_timestamp = frappe.utils.get_timestamp\n"
                            "get_eta = frappe.utils.get_eta\n") +
                body),
            expected);
  EXPECT_EQ(run("frappe.utils.get_eta('2025-03-12 09:00:00', 0)\n"),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(run("frappe.utils.get_eta('2025-03-12 09:00:00', 0.0)\n"),
            "ZeroDivisionError: float division by zero");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST_F(UtilsDates, TimeZones) {
  // The site's zone (UTC when System Settings has none; Frappe would say
  // Asia/Kolkata there), and pytz's localize(UTC).astimezone(zone) as
  // python3's zoneinfo gives it.
  std::string expected = debian_python(
      "import datetime\n"
      "from zoneinfo import ZoneInfo\n"
      "utc = datetime.datetime(2025, 3, 12, 10, 0, 0, tzinfo=ZoneInfo('UTC'))\n"
      "print('UTC')\n"
      "print(utc.astimezone(ZoneInfo('UTC')))\n"
      "print('Asia/Kolkata')\n"
      "print(utc.astimezone(ZoneInfo('Asia/Kolkata')))\n"
      "print(utc.astimezone(ZoneInfo('America/New_York')))\n");
  std::string got =
      run("u = frappe.utils\n"
          "utc = u.get_datetime('2025-03-12 10:00:00')\n"
          "print(u.get_system_timezone())\n"
          "print(u.convert_utc_to_system_timezone(utc))\n"
          "frappe.db.set_value('System Settings', 'System Settings', 'time_zone', 'Asia/Kolkata')\n"
          "print(u.get_system_timezone())\n"
          "print(u.convert_utc_to_system_timezone(utc))\n"
          "frappe.db.set_value('System Settings', 'System Settings', 'time_zone', "
          "'America/New_York')\n"
          "print(u.convert_utc_to_system_timezone(utc))\n");
  EXPECT_EQ(got, expected);
  // get_datetime_in_timezone: now in the zone; an unknown zone gives UTC.
  EXPECT_EQ(run("print(frappe.utils.get_datetime_in_timezone('Asia/Kolkata').utcoffset(), "
                "frappe.utils.get_datetime_in_timezone('Nowhere/City').utcoffset())\n"),
            "5:30:00 0:00:00\n");
}

}  // namespace
}  // namespace quire::scripting::testing
