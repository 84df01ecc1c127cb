// frappe.utils comma_and/comma_or, strip_html, escape_html, format_duration
// and pretty_date. Expected values follow frappe/utils/data.py (comma_sep,
// _striptags_re, html_escape_table, format_duration, pretty_date), worked by
// hand from that code; the session clock is fixed at 2025-03-12 10:00:0x.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsText = ScriptingTest;

TEST_F(UtilsText, CommaAndCommaOr) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.comma_and(['a', 'b', 'c']))\n"
                "print(u.comma_or(('x', 2), add_quotes=False))\n"
                "print(repr(u.comma_and([])), u.comma_and([5]), u.comma_and('text'))\n"),
            "'a', 'b' and 'c'\nx or 2\n'' 5 text\n");
}

TEST_F(UtilsText, StripAndEscapeHtml) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.strip_html('<p class=\"x\">Hi <b>there</b><!-- a > b --></p> 1 < 2'))\n"
                "print(u.strip_html('a<!--\\n-->b'), u.strip_html('a<!-- x -->y -->b'))\n"
                "print(u.escape_html('<a href=\"x\">Tom & Jerry\\'s</a>'))\n"
                "print(u.escape_html(5))\n"),
            "Hi there 1 < 2\nab ay -->b\n&lt;a href=&quot;x&quot;&gt;Tom &amp; "
            "Jerry&apos;s&lt;/a&gt;\n5\n");
}

TEST_F(UtilsText, FormatDuration) {
  // data.py's docstring example: 12885 -> '3h 34m 45s'.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.format_duration(12885))\n"
                "print(u.format_duration(90061), '|', u.format_duration(90061, hide_days=True))\n"
                "print(repr(u.format_duration(0)), u.format_duration('61.9'), "
                "u.format_duration(-1))\n"),
            "3h 34m 45s\n1d 1h 1m 1s | 25h 1m 1s\n'' 1m 1s -1d 23h 59m 59s\n");
}

TEST_F(UtilsText, PrettyDate) {
  // now() is 2025-03-12 10:00:0x.xxxxxx (the fixture's clock).
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.pretty_date('2025-03-12 09:59:59.000000'))\n"
                "print(u.pretty_date('2025-03-12 09:58:30.5'))\n"
                "print(u.pretty_date('2025-03-12 09:15:00.0'))\n"
                "print(u.pretty_date('2025-03-12 08:30:00.0'))\n"
                "print(u.pretty_date('2025-03-12 01:00:00.0'))\n"
                "print(u.pretty_date('2025-03-11 09:00:00.0'))\n"
                "print(u.pretty_date(u.get_datetime('2025-03-08 09:00:00')))\n"
                "print(u.pretty_date('2025-03-01 09:00:00.0'))\n"
                "print(u.pretty_date('2025-02-10 09:00:00.0'))\n"
                "print(u.pretty_date('2025-01-20 09:00:00.0'))\n"
                "print(u.pretty_date('2024-10-01 09:00:00.0'))\n"
                "print(u.pretty_date('2024-01-01 09:00:00.0'))\n"
                "print(u.pretty_date('2020-01-01 09:00:00.0'))\n"
                "print(repr(u.pretty_date(None)))\n"
                "u.pretty_date('2025-03-12')\n"),
            "just now\n1 minute ago\n45 minutes ago\n1 hour ago\n9 hours ago\nYesterday\n"
            "4 days ago\n1 week ago\n4 weeks ago\n1 month ago\n5 months ago\n1 year ago\n"
            "5 years ago\n''\n"
            "ValueError: time data '2025-03-12' does not match format '%Y-%m-%d %H:%M:%S.%f'");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// time_diff, get_time, format_time, format_datetime: data.py's definitions
// (get_datetime(a) - get_datetime(b); dateutil's time of a string, hours past
// 23 through parse_timedelta; babel patterns with System Settings' formats,
// "dd-mm-yyyy" and "HH:mm:ss" on this site). 2025-01-15 is a Wednesday.
TEST_F(UtilsText, TimesAndTheirFormats) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.time_diff('2025-03-12 10:00:00', '2025-03-11 08:30:00'))\n"
                "print(u.get_time('9:05'), u.get_time('25:00:00'), "
                "u.get_time('2012-01-19 17:21:00'), "
                "u.get_time(u.get_datetime('2025-01-01 08:15:30')))\n"
                "print(u.format_time('9:05'), '|', u.format_time('13:05:09', 'hh:mm a'), '|', "
                "repr(u.format_time(None)))\n"
                "print(u.format_datetime('2025-01-15 08:05:09'))\n"
                "print(u.format_datetime('2025-01-15 18:05:09', 'EEE, d MMM yyyy h:mm a'))\n"
                "print(u.format_datetime('2025-01-15', \"dd-MM-yyyy 'at' HH\"), "
                "u.format_datetime(''))\n"
                "u.get_time('soon')\n"),
            "1 day, 1:30:00\n09:05:00 01:00:00 17:21:00 08:15:30\n"
            "09:05:00 | 01:05 PM | ''\n15-01-2025 08:05:09\nWed, 15 Jan 2025 6:05 PM\n"
            "15-01-2025 at 00 None\nValueError: Unknown string format: soon");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// The calendar helpers of data.py (weeks from Sunday, Frappe's default
// first_day_of_the_week); today is 2025-03-12, a Wednesday.
// get_year_ending and the day spans go through add_to_date on a str, so
// they are str; the rest are dates.
TEST_F(UtilsText, CalendarHelpers) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_quarter_start('2025-05-20'), u.get_quarter_start('2025-05-20', "
                "as_str=True) == '2025-04-01', u.get_quarter_ending('2025-05-20'))\n"
                "print(u.get_first_day_of_week('2025-03-12'), u.get_last_day_of_week("
                "u.getdate('2025-03-12')))\n"
                "print(repr(u.get_year_start('2025-05-20', as_str=True)), "
                "repr(u.get_year_ending('2025-05-20')))\n"
                "print(u.get_weekday(u.getdate('2025-03-12')), u.get_weekdays()[6], "
                "u.get_weekday())\n"
                "for span in ['last week', 'last month', 'last 6 months', 'this year', "
                "'yesterday', 'next quarter', 'next year', 'someday']:\n"
                "    print(span, repr(u.get_timespan_date_range(span)))\n"),
            "2025-04-01 True 2025-06-30\n2025-03-09 2025-03-15\n'2025-01-01' '2025-12-31'\n"
            "Wednesday Sunday Wednesday\n"
            "last week (datetime.date(2025, 3, 2), datetime.date(2025, 3, 8))\n"
            "last month (datetime.date(2025, 2, 1), datetime.date(2025, 2, 28))\n"
            "last 6 months (datetime.date(2024, 7, 1), datetime.date(2024, 12, 31))\n"
            "this year (datetime.date(2025, 1, 1), '2025-12-31')\n"
            "yesterday ('2025-03-11', '2025-03-11')\n"
            "next quarter (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))\n"
            "next year (datetime.date(2026, 1, 1), '2026-12-31')\n"
            "someday None\n");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// strip, get_link_to_form, is_invalid_date_string as data.py writes them.
TEST_F(UtilsText, StripLinkAndInvalidDates) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(repr(u.strip('\\ufeff  a\\u200bb  ')), repr(u.strip(None)), "
                "repr(u.strip('xxaxx', 'x')))\n"
                "print(u.get_link_to_form('Sales Invoice', 'SI-1'))\n"
                "print(u.get_link_to_form('ToDo', 'T 1', 'Task'))\n"
                "print(u.is_invalid_date_string('0000-00-00 00:00'), "
                "u.is_invalid_date_string(''), u.is_invalid_date_string(5), "
                "u.is_invalid_date_string('2025-01-01'))\n"),
            "'ab' '' 'a'\n"
            "<a href=\"http://localhost:8000/app/sales-invoice/SI-1\">SI-1</a>\n"
            "<a href=\"http://localhost:8000/app/todo/T%201\">Task</a>\n"
            "True True True False\n");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// get_date_str / get_datetime_str (strftime of get_datetime), the user
// formats (System Settings: dd-mm-yyyy here), to_timedelta, get_timedelta
// (parse_timedelta past 23 hours, None when unreadable) and get_time_str
// (divmod of .seconds, unpadded), as data.py.
TEST_F(UtilsText, DateStringsAndTimedeltas) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_date_str('2025-01-15 10:20:30'), '|', "
                "u.get_datetime_str(u.getdate('2025-01-15')))\n"
                "print(u.get_user_date_format(), u.get_user_time_format())\n"
                "print(u.to_timedelta('10:20:30'), '|', u.to_timedelta(u.get_time('08:00')), '|', "
                "u.to_timedelta(5))\n"
                "print(u.get_timedelta('25:00:00'), '|', u.get_timedelta('2 days, 1:02:03'), '|', "
                "u.get_timedelta(None), '|', u.get_timedelta('nonsense'))\n"
                "print(u.get_time_str('10:05:09'), u.get_time_str(u.get_timedelta('25:00:07')))\n"
                "u.to_timedelta('25:00:00')\n"),
            "2025-01-15 | 2025-01-15 00:00:00.000000\ndd-mm-yyyy HH:mm:ss\n"
            "10:20:30 | 8:00:00 | 5\n"
            "1 day, 1:00:00 | 2 days, 1:02:03 | 0:00:00 | None\n10:5:9 1:0:7\n"
            "ValueError: hour must be in 0..23: 25:00:00");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// remainder and unique as data.py writes them (flt(_, 0) gives an int).
TEST_F(UtilsText, RemainderAndUnique) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.remainder(10, 3), u.remainder(5.5, 2), u.remainder(7, 2, 0), "
                "u.remainder(-7, 3))\n"
                "print(u.unique([3, 1, 3, 'a', 1, 'a']), u.unique('abca'))\n"),
            "1.0 1.5 1 2.0\n[3, 1, 'a'] ['a', 'b', 'c']\n");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// getdate and friends read numeric layouts as dateutil's parser does
// (dateutil's resolve_ymd: with the year last, the first number is the
// month unless it is over 12 or dayfirst; with the year first, Y-M-D unless
// dayfirst, which applies to ISO dates too; YYYYMMDD).
TEST_F(UtilsText, NumericDateLayouts) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.getdate('15-01-2025'), u.getdate('01/02/2025'), "
                "u.getdate('2025.03.04'), u.getdate('20250115'))\n"
                "print(u.get_datetime('15-01-2025 10:30'), u.add_days('15-01-2025', 1))\n"
                "print(u.getdate('01/02/2025', parse_day_first=True), "
                "u.getdate('13/02/2025', True), u.getdate('2025-01-02', True))\n"
                "try:\n"
                "    u.getdate('2025/15/04')\n"
                "except frappe.ValidationError as e:\n"
                "    print(e)\n"
                "u.getdate('15-13-2025')\n"),
            "2025-01-15 2025-01-02 2025-03-04 2025-01-15\n"
            "2025-01-15 10:30:00 2025-01-16\n"
            "2025-02-01 2025-02-13 2025-02-01\n"
            "<strong>2025/15/04</strong> is not a valid date string.\n"
            "ValidationError: <strong>15-13-2025</strong> is not a valid date string.");
}

}  // namespace
}  // namespace quire::scripting::testing
