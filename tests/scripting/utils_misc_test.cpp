// The frappe.utils names of utils_misc.cpp. Where Frappe's function is a
// library call (hashlib, mimetypes, urllib.parse.quote) the expectation is
// python3's own output of that call; the rest follow frappe/utils/data.py,
// each expectation worked from that code.

#include <cstdio>

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsMisc = ScriptingTest;

std::string python(const std::string& code) {
  std::string cmd = "python3 -c '" + code + "'";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

TEST_F(UtilsMisc, HashesAreHashlibs) {
  EXPECT_EQ(
      run("u = frappe.utils\n"
          "print(u.sha256_hash('quire'), u.sha256_hash(''), u.sha256_hash('\\u00e9t\\u00e9'))\n"),
      python("import hashlib\n"
             "print(*(hashlib.sha256(s.encode()).hexdigest() for s in "
             "(\"quire\", \"\", \"\\u00e9t\\u00e9\")))"));
  // generate_hash: token_hex(ceil(length / 2))[:length], fresh each call.
  EXPECT_EQ(run("u = frappe.utils\n"
                "a, b = u.generate_hash(), u.generate_hash(length=7)\n"
                "print(len(a), len(b), a != u.generate_hash(), "
                "all(c in '0123456789abcdef' for c in a + b), len(u.generate_hash('x', 0)))\n"),
            "56 7 True True 56\n");
}

TEST_F(UtilsMisc, IsImageIsMimetypes) {
  const char* paths[] = {"a.jpg",  "b.PNG",    "https://example.com/bed.jpg?v=129",
                         "c.svg",  "d.pdf",    "e",
                         ".png",   "f.tar.gz", "g.png.gz",
                         "h.webp", "i.txt"};
  std::string list, expected_code =
                        "import mimetypes\nprint(*(str((mimetypes.guess_type(p.split(\"?\", "
                        "1)[0])[0] or \"\").startswith(\"image/\")) for p in (";
  for (const char* p : paths) {
    list += std::string("'") + p + "', ";
    expected_code += std::string("\"") + p + "\", ";
  }
  expected_code += ")))";
  EXPECT_EQ(run("u = frappe.utils\nprint(*(u.is_image(p) for p in (" + list + ")))\n"),
            python(expected_code));
}

TEST_F(UtilsMisc, QuotedIsUrllibQuote) {
  EXPECT_EQ(
      run("print(frappe.utils.quoted('a b/c?d=é&e~f\\'g%h'))\n"),
      python("from urllib.parse import quote\n"
             "print(quote(\"a b/c?d=é&e~f\\x27g%h\".encode(), safe=b\"~@#$&()*!+=:;,.?/\\x27\"))"));
}

TEST_F(UtilsMisc, ListsAndText) {
  // comma_sep(list, pattern, add_quotes); new_line_sep joins with "\n ";
  // filter_strip_join drops falsy items and strips the rest.
  EXPECT_EQ(
      run("u = frappe.utils\n"
          "print(u.comma_sep(['a', 'b', 'c'], '{0} or {1}'), u.comma_sep([1, 2], '{0}+{1}', "
          "False))\n"
          "print(repr(u.comma_sep([], 'x')), u.comma_sep(('one',), 'x'), u.comma_sep('s', 'x'))\n"
          "print(repr(u.new_line_sep(['a', 2])), repr(u.new_line_sep([])), u.new_line_sep('t'))\n"
          "print(repr(u.filter_strip_join([' a ', None, '', 0, 'b '], '-')))\n"
          "print(bool(u.is_html('<p>x</p>')), u.is_html('a < b > c'), u.is_html('<>'), "
          "u.is_html(5))\n"
          "print(u.is_subset([1, 2], [2, 3, 1]), u.is_subset([1, 4], [1]), "
          "u.get_number_format_info('#.###,##'), u.get_number_format_info('x'))\n"
          "print(u.url_contains_port('http://h:80'), u.url_contains_port('http://h'))\n"),
      "'a', 'b' or 'c' 1+2\n'' one s\n'a\\n 2' '' t\n'a-b'\nTrue True False False\n"
      "True False (',', '.', 2) ('.', ',', 2)\nTrue False\n");
}

TEST_F(UtilsMisc, FiltersAndCompare) {
  EXPECT_EQ(
      run("u = frappe.utils\n"
          "print(u.make_filter_tuple('ToDo', 'status', 'Open'), "
          "u.make_filter_tuple('ToDo', 'qty', ['>', 5]))\n"
          "print(u.make_filter_dict([['ToDo', 'a', '=', 1], ['ToDo', 'b', 'in', [2]]]))\n"
          "print(u.compare(5, '>', 3), u.compare('abc', '^', 'ab'), u.compare(None, '^', 'a'), "
          "u.compare(2, 'in', [1, 2]), u.compare(0, 'None', None), u.compare(1, 'like', 1))\n"),
      "['ToDo', 'status', '=', 'Open'] ['ToDo', 'qty', '>', 5]\n"
      "{'a': ('=', 1), 'b': ('in', [2])}\n"
      "True True False True True False\n");
}

TEST_F(UtilsMisc, UrlsOnTheSiteUrl) {
  // get_url builds on ScriptSettings::site_url (http://localhost:8000 here).
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_url(), u.get_url('/app/todo'), u.get_host_name())\n"
                "print(u.get_absolute_url('Sales Invoice', 'SINV 1'))\n"
                "print(u.get_url_to_report('Stock Ledger'))\n"
                "print(u.get_url_to_report('R', 'Report Builder', 'Sales Order'))\n"
                "print(u.get_url_to_report_with_filters('R', 'a=1'))\n"
                "print(u.get_link_to_report('R', filters={'a': 1, 'b': [['x', 'y']]}))\n"
                "print(u.parse_json('{\"a\": 1}').a)\n"),
            "http://localhost:8000 http://localhost:8000/app/todo localhost:8000\n"
            "/app/sales-invoice/SINV%201\n"
            "http://localhost:8000/app/query-report/Stock%20Ledger\n"
            "http://localhost:8000/app/sales-order/view/report/R\n"
            "http://localhost:8000/app/query-report/R?a=1\n"
            "<a href='http://localhost:8000/app/query-report/R?a=1&b=[\"x\",\"y\"]'>R</a>\n"
            "1\n");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST_F(UtilsMisc, EncodeParseValAvatarAndCurrencyRounding) {
  // encode / parse_val as data.py (python3's str.encode and str(timedelta)).
  std::string got =
      run("u = frappe.utils\n"
          "print(u.encode('é'), u.encode(['a', 1, 'ü'], 'latin-1'), u.encode(5))\n"
          "print(u.parse_val(u.getdate('2024-01-05')), u.parse_val(u.get_datetime('2024-01-05 "
          "10:11:12')), u.parse_val(u.get_timedelta('26:07:08')), u.parse_val(True), "
          "u.parse_val(2.5), u.parse_val('x'))\n");
  std::string expected = python(
      "import datetime\n"
      "print(\"é\".encode(), [\"a\".encode(\"latin-1\"), 1, \"ü\".encode(\"latin-1\")], 5)\n"
      "td = datetime.timedelta(hours=26, minutes=7, seconds=8)\n"
      "print(str(datetime.date(2024, 1, 5)), str(datetime.datetime(2024, 1, 5, 10, 11, 12)), "
      "\":\".join(str(td).split(\":\")[:2]), int(True), 2.5, \"x\")");
  EXPECT_EQ(got, expected);
  // get_user_info_for_avatar: the User's email, user_image, full_name; the id
  // for all three (image "") when there is no such User.
  insert(Json{{"doctype", "User"}, {"email", "ann@example.com"}, {"first_name", "Ann"}});
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_user_info_for_avatar('ann@example.com'))\n"
                "print(u.get_user_info_for_avatar('nobody@example.com'))\n"),
            "{'email': 'ann@example.com', 'image': None, 'name': 'Ann'}\n"
            "{'email': 'nobody@example.com', 'image': '', 'name': 'nobody@example.com'}\n");
  // No Currency DocType: smallest_currency_fraction_value is 0, so
  // flt(rounded(value), precision) (banker's legacy rounding to an integer).
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.round_based_on_smallest_currency_fraction(2.5, 'INR'), "
                "u.round_based_on_smallest_currency_fraction(3.5, 'INR', 0), "
                "u.round_based_on_smallest_currency_fraction(10.126, 'USD'))\n"),
            "2.0 4 10.0\n");
}

}  // namespace
}  // namespace quire::scripting::testing
