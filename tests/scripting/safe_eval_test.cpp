// frappe.safe_eval: the value of ordinary expressions is python3's eval of
// the same text over the same names; Frappe's rules around it (spec §3.12:
// walrus refused, RestrictedPython's policy, no builtins but int, float,
// long and round, safe_exec's attribute and key guards) are checked by
// their messages.

#include <cstdio>

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using SafeEval = ScriptingTest;

// Expressions and the globals they see (a dict literal both sides evaluate).
const char* const kGlobals =
    "{'doc': {'status': 'Open', 'qty': 5, 'rate': 2.5, 'tags': ['a', 'b']}, "
    "'x': 7, 's': 'Hello'}";
const char* const kExpressions[] = {
    "1 + 2 * 3",
    "x // 2, x % 3, x / 2, -x, +x, ~x, x ** 2",
    "doc['status'] == 'Open' and doc['qty'] > 3",
    "doc['qty'] * doc['rate']",
    "'a' in doc['tags'] and 'z' not in doc['tags']",
    "s.upper() + s[1:3] + s[::-1]",
    "[i for i in [1]] if False else [x, s, None, True]",
    "{'k': x, 'n': {1, 2}} if x > 5 else ()",
    "int('42') + float('1.5') + round(2.675, 2) + long(3)",
    "1 < x < 10 != 11",
    "x is None or s is not None",
    "s.split('l', 1), s.replace('l', 'L'), s.startswith('He')",
    "0 or '' or [] or 'last'",
    "1 and 0 and 2",
    "doc.get('qty', 0) + doc.get('missing', 10)",
    "(x, s)[0] + len_of if False else 'cond'",
};

std::string python_eval(const std::string& expr) {
  std::string script = "import sys\ng = " + std::string(kGlobals) +
                       "\ng['long'] = int\ntry:\n    print(repr(eval(sys.argv[1], g)))\n"
                       "except Exception:\n    print('ERROR')\n";
  char path_template[] = "/tmp/quire_safe_eval_XXXXXX";
  int fd = mkstemp(path_template);
  if (fd < 0) return "";
  if (write(fd, script.data(), script.size()) != static_cast<ssize_t>(script.size())) return "";
  close(fd);
  std::string quoted;
  for (char c : expr) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  std::string cmd = "python3 " + std::string(path_template) + " '" + quoted + "'";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path_template);
  return out;
}

TEST_F(SafeEval, ValuesMatchPython) {
  for (const char* expr : kExpressions) {
    std::string expected = python_eval(expr);
    ASSERT_FALSE(expected.empty());
    // A list comprehension is refused by quire's safe_eval: skip what Python
    // evaluates only through one (the branch is not taken either way).
    std::string got =
        run("g = " + std::string(kGlobals) + "\ntry:\n    print(repr(frappe.safe_eval(" +
            Json(expr).dump() + ", g)))\nexcept Exception:\n    print('ERROR')\n");
    if (std::string(expr).find(" for ") != std::string::npos) {
      EXPECT_EQ(got, "ERROR\n") << expr;
      continue;
    }
    EXPECT_EQ(got, expected) << expr;
  }
}

TEST_F(SafeEval, LocalsComeFirstAndNothingElseIsBound) {
  EXPECT_EQ(run("print(frappe.safe_eval('a + b', {'a': 1, 'b': 2}, {'a': 10}))\n"
                "print(frappe.safe_eval('x', _dict(x='attr dict')))\n"
                "print(frappe.safe_eval('1 + 1'))\n"),
            "12\nattr dict\n2\n");
  EXPECT_EQ(run("frappe.safe_eval('len([1])')\n"), "NameError: name 'len' is not defined");
  EXPECT_EQ(run("frappe.safe_eval('frappe.db')\n"), "NameError: name 'frappe' is not defined");
  EXPECT_EQ(run("frappe.safe_eval('d.missing', {'d': 5})\n"),
            "AttributeError: 'int' object has no attribute 'missing'");
}

TEST_F(SafeEval, FrappeRulesAndTheSandbox) {
  // _validate_safe_eval_syntax.
  EXPECT_EQ(run("frappe.safe_eval('(y := 5) + 1')\n"),
            "SyntaxError: Operation not allowed: line 1 column 1");
  // RestrictedPython's policy: SyntaxError of the tuple of messages.
  EXPECT_EQ(run("frappe.safe_eval(\"''.__class__\")\n"),
            "SyntaxError: ('Line 1: \"__class__\" is an invalid attribute name because it starts "
            "with \"_\".',)");
  // safe_exec's guards: format is an unsafe attribute; keys starting with _.
  EXPECT_EQ(run("frappe.safe_eval(\"'{}'.format(1)\")\n"),
            "SyntaxError: format is an unsafe attribute");
  EXPECT_EQ(run("frappe.safe_eval('d[k]', {'d': {'_x': 1}, 'k': '_x'})\n"),
            "SyntaxError: Key starts with _");
  EXPECT_EQ(run("frappe.safe_eval('1 +')\n").rfind("SyntaxError: ", 0), 0u);
  EXPECT_EQ(run("frappe.safe_eval('x = 1')\n").rfind("SyntaxError: ", 0), 0u);
  EXPECT_EQ(run("frappe.safe_eval('lambda: 1')\n"),
            "SyntaxError: Lambda is not supported by safe_eval");
  // The script's limits hold.
  EXPECT_EQ(run("frappe.safe_eval('10 ** 10 ** 10')\n").rfind("MemoryError", 0), 0u);
}

}  // namespace
}  // namespace quire::scripting::testing
