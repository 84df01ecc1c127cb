// frappe.utils get_filter, evaluate_filters, compare and sanitize_column
// (utils_filters.cpp) against python3 running frappe/utils/data.py's
// definitions (the DocType lookups left out: they are checked by hand on
// ToDo below, following get_filter's meta step).

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsFilters = ScriptingTest;

// data.py's definitions for doctype None (no meta), with frappe._dict as a
// dict subclass and frappe.throw as an exception carrying the message.
const char* kReference = R"PY(import datetime, json, math, operator

class _dict(dict):
    __getattr__ = dict.get
    def __setattr__(self, k, v):
        self[k] = v

def flt(s, precision=None):
    if isinstance(s, str):
        s = s.replace(",", "")
    try:
        return float(s)
    except Exception:
        return 0.0

def cint(s, default=0):
    try:
        return int(s)
    except Exception:
        try:
            return int(float(s))
        except Exception:
            return default

def cstr(s):
    return "" if s is None else str(s)

def sbool(x):
    try:
        val = x.lower()
        if val in ("true", "1"):
            return True
        elif val in ("false", "0"):
            return False
        return x
    except Exception:
        return x

def cast(fieldtype, value=None):
    if fieldtype in ("Currency", "Float", "Percent"):
        value = flt(value)
    elif fieldtype in ("Int", "Check"):
        value = cint(sbool(value))
    elif fieldtype in ("Data", "Text", "Small Text", "Long Text", "Text Editor", "Select", "Link",
                       "Dynamic Link"):
        value = cstr(value)
    elif fieldtype == "Date":
        value = datetime.date.fromisoformat(value) if value else datetime.date(1, 1, 1)
    return value

operator_map = {
    "^": lambda a, b: (a or "").startswith(b),
    "in": lambda a, b: operator.contains(b, a),
    "not in": lambda a, b: not operator.contains(b, a),
    "=": operator.eq, "!=": operator.ne, ">": operator.gt, "<": operator.lt,
    ">=": operator.ge, "<=": operator.le,
    "not None": lambda a, b: a and True or False,
    "None": lambda a, b: (not a) and True or False,
}

def compare(val1, condition, val2, fieldtype=None):
    ret = False
    if fieldtype:
        val1 = cast(fieldtype, val1)
        val2 = cast(fieldtype, val2)
    if condition in operator_map:
        ret = operator_map[condition](val1, val2)
    return ret

VALID = ("=", "!=", ">", "<", ">=", "<=", "like", "not like", "in", "not in", "is", "between",
         "descendants of", "ancestors of", "not descendants of", "not ancestors of", "timespan",
         "previous", "next")

def get_filter(doctype, f):
    if isinstance(f, dict):
        key, value = next(iter(f.items()))
        f = [doctype, key, value[0], value[1]] if isinstance(value, (list, tuple)) else [doctype, key, "=", value]
    if not isinstance(f, (list, tuple)):
        raise Exception("Filter must be a tuple or list (in a list)")
    if len(f) == 3:
        f = (doctype, f[0], f[1], f[2])
    elif len(f) > 4:
        f = f[0:4]
    elif len(f) != 4:
        raise Exception("Filter must have 4 values (doctype, fieldname, operator, value): {0}".format(str(f)))
    f = _dict(doctype=f[0], fieldname=f[1], operator=f[2], value=f[3])
    if not f.operator:
        f.operator = "="
    if f.operator.lower() not in VALID:
        raise Exception("Operator must be one of {0}".format(", ".join(VALID)))
    f.fieldtype = None
    return f

def evaluate_filters(doc, filters):
    if isinstance(filters, dict):
        for key, value in filters.items():
            f = get_filter(None, {key: value})
            if not compare(doc.get(f.fieldname), f.operator, f.value, f.fieldtype):
                return False
    elif isinstance(filters, (list, tuple)):
        for d in filters:
            f = get_filter(None, d)
            if not compare(doc.get(f.fieldname), f.operator, f.value, f.fieldtype):
                return False
    return True

def show(thunk):
    try:
        r = thunk()
        print(json.dumps(r, default=str, sort_keys=True))
    except Exception as e:
        print("ERROR", str(e))
)PY";

const char* kCalls[] = {
    "compare(1, '=', 1)",
    "compare('abc', '^', 'ab')",
    "compare(None, '^', '')",
    "compare(2, 'in', [1, 2])",
    "compare(2, 'not in', (1, 2))",
    "compare(3, '>=', 3.0)",
    "compare('', 'None', 'x')",
    "compare(0, 'not None', 1)",
    "compare(1, 'like', 1)",
    "compare('10', '>', '9', 'Int')",
    "compare('10', '>', '9')",
    "compare('true', '=', 1, 'Check')",
    "compare('1,000.5', '=', 1000.5, 'Currency')",
    "compare(None, '=', '', 'Data')",
    "compare('', '<', '2024-01-01', 'Date')",
    "get_filter(None, {'status': 'Open'})",
    "get_filter(None, {'status': ['!=', 'Closed']})",
    "get_filter(None, ['status', None, 'Open'])",
    "get_filter(None, ('', 'status', 'like', '%a%', 'extra'))",
    "get_filter(None, ['status', '='])",
    "get_filter(None, 'status')",
    "get_filter(None, ['x', 'LIKE', 1])",
    "get_filter(None, ['x', 'nope', 1])",
    "evaluate_filters({'a': 1, 'b': 'xyz'}, {'a': 1, 'b': ['^', 'xy']})",
    "evaluate_filters({'a': 1, 'b': 'xyz'}, [['a', '>', 0], ['b', 'in', ['q']]])",
    "evaluate_filters({'a': 5}, (('a', '<', 9), ('missing', 'None', None)))",
    "evaluate_filters({'a': 5}, 'anything')",
    "evaluate_filters({'a': 5}, [['a', 'between', [1, 9]]])",
};

TEST_F(UtilsFilters, MatchDataPy) {
  std::string body;
  for (const char* c : kCalls) body += std::string("show(lambda: ") + c + ")\n";
  std::string expected = run_python(std::string(kReference) + body);
  ASSERT_EQ(expected.find("Traceback"), std::string::npos) << expected;
  std::string got =
      run("u = frappe.utils\n"
          "compare, get_filter, evaluate_filters = u.compare, u.get_filter, u.evaluate_filters\n"
          "def show(thunk):\n"
          "    try:\n"
          "        r = thunk()\n"
          "        print(json.dumps(r, default=str, sort_keys=True))\n"
          "    except Exception as e:\n"
          "        print('ERROR', str(e))\n" +
          body);
  EXPECT_EQ(got, expected);
}

TEST_F(UtilsFilters, FieldtypeFromTheDocTypeAndSanitizedColumns) {
  // get_filter's meta step: ToDo.status is a Select, ToDo.date a Date; a
  // standard field (name) has no DocField, so no fieldtype.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.get_filter('ToDo', ['status', '=', 'Open']).fieldtype, "
                "u.get_filter('ToDo', {'date': ['>', '2024-01-01']}).fieldtype, "
                "u.get_filter('ToDo', ['name', '=', 'x']).fieldtype)\n"),
            "Select Date None\n");
  EXPECT_EQ(run("frappe.utils.get_filter('No Such', ['a', '=', 1])\n"),
            "DoesNotExistError: DocType No Such not found");
  // sanitize_column: a , ' ( ) or ; is refused, unless the text uses
  // ifnull, where only SQL keywords as whole words (split on spaces) are:
  // "(select" is not one.
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.sanitize_column('status'), u.sanitize_column('ifnull(a, 0)'))\n"
                "for c in ['a;drop', \"x'\", 'ifnull(a, 0) or 1', 'IFNULL(a, (SELECT 1))', "
                "'count(*)']:\n"
                "    try:\n"
                "        u.sanitize_column(c)\n"
                "    except frappe.DataError as e:\n"
                "        print(str(e))\n"),
            "None None\nInvalid field name a;drop\nInvalid field name x'\n"
            "Invalid field name ifnull(a, 0) or 1\nInvalid field name count(*)\n");
  EXPECT_NE(run("frappe.utils.get_filter('ToDo', ['a,b', '=', 1])\n").find("Invalid field name"),
            std::string::npos);
}

}  // namespace
}  // namespace quire::scripting::testing
