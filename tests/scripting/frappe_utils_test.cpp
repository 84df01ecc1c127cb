// frappe.utils against results derived by hand from Frappe's own code
// (frappe/utils/data.py, develop): each expectation names the step of the
// Frappe function it follows. Float printing itself is the language's and is
// checked against python3 by the language tests.

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using FrappeUtils = ScriptingTest;

TEST_F(FrappeUtils, FltFollowsDataPy) {
  // flt docstring examples: flt("43.5", precision=0) == 44, flt("42.5",
  // precision=0) == 42 (banker's legacy rounding, precision 0 returns an int),
  // flt("10,500.5666", precision=2) == 10500.57, flt("a") == 0.0.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.flt('43.5', precision=0), u.flt('42.5', precision=0))\n"
                "print(u.flt('10,500.5666', precision=2), u.flt('a'), u.flt(None), u.flt(3))\n"
                "print(u.flt(2.675, 2), u.flt(1.005, 2), u.flt(-0.5, 0), u.flt(True))\n"),
            // 2.675*100 = 267.49999999999997 -> round(.., 8) = 267.5 -> decimal part .5 -> 268
            // 1.005*100 = 100.49999999999999 -> round 100.5 -> 101; -0.5: floor -1 odd -> 0
            "44 42\n10500.57 0.0 0.0 3.0\n2.68 1.01 0 1.0\n");
}

// flt/rounded on half-way and near-half-way values (products such as qty *
// rate, k * 0.005, odd multiples of 5e-9 that round(x, 8) meets) against
// Frappe's own definitions run by python3.
constexpr const char* kRoundingValues =
    "vals = [0.0, -0.0, 1e-9, 5e-9, 4.9999999e-9, -5e-9, 1.5e-8, 45035996.27370495,\n"
    "        45035996.0, 45035996.27370497, 1e15, 2.5, -2.5, 0.125, 1e-300, -1e-300,\n"
    "        123456789.123456785, 2.675, 1.005, 1e-201, 9007199254740993.0]\n"
    // Exact ties of round(x, 8): x * 1e8 == m + 0.5 (x = k / 512, k odd).
    "vals += [k / 512 for k in range(-41, 42, 2)]\n"
    "for i in range(-300, 301):\n"
    "    vals += [i * 0.005, i / 200, i * 0.0005 + 1000, (2 * i + 1) * 5e-9,\n"
    "             (2 * i + 1) / 2e8, i + 0.000000005, i * 1.0000000005]\n"
    "for q in range(1, 30):\n"
    "    for r in (0.1, 0.7, 1.15, 2.675, 19.99, 333.333, 1234.565, 0.0005):\n"
    "        vals += [q * r, -q * r]\n"
    "seed = 12345\n"
    "for _ in range(400):\n"
    "    seed = (seed * 1103515245 + 12345) % 2147483648\n"
    "    vals += [(seed - 1073741824) / 9973.0, seed / 1e9, seed / 1e17]\n"
    "for v in vals:\n"
    "    print(repr(v), repr(flt(v, 2)), repr(flt(v, 0)), repr(flt(v, 3)), repr(flt(v, 6)),\n"
    "          repr(rounded(v)), repr(rounded(v, 1)))\n";

constexpr const char* kFrappeRounding =
    "import math\n"
    "def _bankers_rounding_legacy(num, precision):\n"
    "    multiplier = 10**precision\n"
    "    num = round(num * multiplier if precision else num, 8)\n"
    "    floor_num = math.floor(num)\n"
    "    decimal_part = num - floor_num\n"
    "    if not precision and decimal_part == 0.5:\n"
    "        num = floor_num if (floor_num % 2 == 0) else floor_num + 1\n"
    "    else:\n"
    "        if decimal_part == 0.5:\n"
    "            num = floor_num + 1\n"
    "        else:\n"
    "            num = round(num)\n"
    "    return (num / multiplier) if precision else num\n"
    "def rounded(num, precision=0):\n"
    "    return _bankers_rounding_legacy(num, int(precision))\n"
    "def flt(s, precision=None):\n"
    "    if isinstance(s, str):\n"
    "        s = s.replace(',', '')\n"
    "    try:\n"
    "        num = float(s)\n"
    "        if precision is not None:\n"
    "            num = rounded(num, precision)\n"
    "    except Exception:\n"
    "        num = 0\n"
    "    return num\n";

TEST_F(FrappeUtils, FltAndRoundedOnHalfWayValuesMatchDataPy) {
  std::string expected = run_python(std::string(kFrappeRounding) + kRoundingValues);
  ASSERT_EQ(expected.find("Traceback"), std::string::npos) << expected;
  std::string got =
      run(std::string("flt, rounded = frappe.utils.flt, frappe.utils.rounded\n") + kRoundingValues);
  EXPECT_EQ(got, expected);
}

TEST_F(FrappeUtils, CintAndCstr) {
  // cint: int(s), else int(float(s)), else default.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.cint('100'), u.cint('a'), u.cint('1.9'), u.cint(None), u.cint(True), "
                "u.cint('x', 7))\n"
                "print(repr(u.cstr(None)), u.cstr(1.5), u.cstr('s'))\n"),
            "100 0 1 0 1 7\n'' 1.5 s\n");
}

TEST_F(FrappeUtils, RoundedFloorCeilSafeDiv) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.rounded(2.5), u.rounded(3.5), u.rounded(2.345, 2))\n"
                "print(u.floor('2.7'), u.ceil(2.1), u.safe_div(1, 0), u.safe_div(10, 4))\n"),
            "2 4 2.35\n2 3 0.0 2.5\n");
}

TEST_F(FrappeUtils, FmtMoney) {
  // Default number format "#,###.##", precision 2; currency symbol = the
  // currency code when there is no Currency record.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.fmt_money(1234567.891))\n"
                "print(u.fmt_money(-1234.5, currency='USD'))\n"
                "print(u.fmt_money(0), u.fmt_money(None), u.fmt_money('1000'))\n"
                "print(u.fmt_money(1234567.5, format='#,##,###.##'))\n"
                "print(u.fmt_money(1234.5, format='#.###,##'))\n"),
            "1,234,567.89\nUSD -1,234.50\n0.00 0.00 1,000.00\n12,34,567.50\n1.234,50\n");
}

TEST_F(FrappeUtils, MoneyInWords) {
  // Main currency INR (no Global Defaults), fraction "Cent", num2words "en"
  // merged as "one thousand, two hundred and thirty-four", '-' -> ' ', title().
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.money_in_words(1234.5))\n"
                "print(u.money_in_words(0))\n"
                "print(u.money_in_words(0.25, 'USD'))\n"
                "print(u.money_in_words(1000005))\n"
                "print(repr(u.money_in_words(-1)), repr(u.money_in_words('x')))\n"),
            "INR One Thousand, Two Hundred And Thirty Four and Fifty Cent only.\n"
            "INR Zero only.\n"
            "Twenty Five Cent only.\n"
            "INR One Million And Five only.\n"
            "'' ''\n");
}

TEST_F(FrappeUtils, MoneyInWordsInLakhAndCrore) {
  // data.py: number format "#,##,###.##" -> in_million = False -> num2words
  // "en_IN" (cards crore 10^7, lakh 10^5, then "en" from thousand down; the
  // same merge rules); in_words falls back to "en" from 10^10 (en_IN's MAXVAL).
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.in_words(12345678, in_million=False))\n"
                "print(u.in_words(100000, False), '|', u.in_words(10**10, False))\n"
                "frappe.db.set_value('System Settings', 'System Settings', 'number_format', "
                "'#,##,###.##')\n"
                "print(u.money_in_words(12345678.5))\n"
                "print(u.money_in_words(250000))\n"),
            "one crore, twenty three lakh, forty five thousand, six hundred and seventy eight\n"
            "one lakh | ten billion\n"
            "INR One Crore, Twenty Three Lakh, Forty Five Thousand, Six Hundred And Seventy Eight "
            "and Fifty Cent only.\n"
            "INR Two Lakh, Fifty Thousand only.\n");
}

TEST_F(FrappeUtils, InWords) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "for n in (0, 7, 21, 100, 110, 1100, 2000000, 1001000, 123456789):\n"
                "    print(u.in_words(n))\n"),
            "zero\nseven\ntwenty one\none hundred\none hundred and ten\n"
            "one thousand, one hundred\ntwo million\none million, one thousand\n"
            "one hundred and twenty three million, four hundred and fifty six thousand, "
            "seven hundred and eighty nine\n");
}

TEST_F(FrappeUtils, StringDates) {
  // add_to_date on a string returns a string (as_string = True); a space in
  // the input makes it a datetime string with microseconds.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.add_days('2024-01-31', 1), u.add_months('2024-01-31', 1), "
                "u.add_years('2024-02-29', 1))\n"
                "print(u.add_days('2024-01-31 10:00:00', -31))\n"
                "print(u.add_to_date('2024-01-01', hours=5))\n"
                "print(u.date_diff('2024-03-01', '2024-02-01'), u.month_diff('2024-03-01', "
                "'2024-01-15'))\n"
                "print(u.formatdate('2024-03-05', 'dd-mm-yyyy'))\n"
                "print(u.nowdate() == u.today(), len(u.now()), u.now()[:10] == u.today())\n"),
            "2024-02-01 2024-02-29 2025-02-28\n2023-12-31 10:00:00.000000\n"
            "2024-01-01 05:00:00.000000\n29 3\n05-03-2024\nTrue 26 True\n");
}

TEST_F(FrappeUtils, DateObjects) {
  // getdate/get_datetime give datetime values; add_to_date on a date stays a
  // date (relativedelta), and on a datetime a datetime.
  EXPECT_EQ(
      run("u = frappe.utils\n"
          "d = u.getdate('2024-01-31')\n"
          "print(d, d.year, d.month, d.day, d.weekday())\n"
          "print(u.add_days(d, 1), u.add_months(d, 1), u.add_to_date(d, hours=2))\n"
          "print((u.getdate('2024-03-01') - d).days, u.date_diff(u.getdate('2024-03-01'), d))\n"
          "print(u.get_datetime('2024-01-01 10:00:00'), u.get_datetime(d))\n"
          "print(u.getdate('0000-00-00'), u.get_datetime(''), u.getdate() == "
          "u.getdate(u.today()))\n"
          "print(u.now_datetime().date() == u.getdate(), u.getdate(u.get_datetime('2024-05-06 "
          "01:02:03')))\n"),
      "2024-01-31 2024 1 31 2\n2024-02-01 2024-02-29 2024-01-31 02:00:00\n"
      "30 30\n2024-01-01 10:00:00 2024-01-31 00:00:00\nNone None True\nTrue 2024-05-06\n");
}

TEST_F(FrappeUtils, MonthEdgesAndTimeDifferences) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_first_day('2024-02-15'), u.get_first_day('2024-11-15', 0, 3), "
                "u.get_first_day('2024-02-15', as_str=True))\n"
                "print(u.get_last_day('2024-02-15'), u.get_last_day('2023-02-01'))\n"
                "print(u.time_diff_in_seconds('2024-01-01 10:00:00', '2024-01-01 09:30:00'), "
                "u.time_diff_in_hours('2024-01-02', '2024-01-01 01:00:00'))\n"),
            "2024-02-01 2025-02-01 2024-02-01\n2024-02-29 2023-02-28\n1800.0 23.0\n");
}

TEST_F(FrappeUtils, UrlsToForms) {
  // get_url_to_form: get_url("/app/" + quoted(slug(doctype)) + "/" + quoted(name)).
  EXPECT_EQ(
      run("print(frappe.utils.get_url_to_form('Sales Invoice', 'SINV 0001/a'))\n"
          "print(frappe.utils.get_url_to_list('ToDo'))\n"),
      "http://localhost:8000/app/sales-invoice/SINV%200001/a\nhttp://localhost:8000/app/todo\n");
}

TEST_F(FrappeUtils, UnknownUtilsNameIsAnAttributeError) {
  EXPECT_EQ(run("frappe.utils.os\n").rfind("AttributeError", 0), 0u);
}

}  // namespace
}  // namespace quire::scripting::testing
