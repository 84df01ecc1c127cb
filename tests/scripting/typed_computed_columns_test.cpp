// Computed columns of frappe.db.sql typed as Frappe's MariaDB driver types
// them (pymysql with Frappe's conversions: NEWDECIMAL -> float): max/min/
// coalesce/ifnull of a Date column give datetime.date, sum/avg give float
// (MariaDB sums integers as DECIMAL), count gives int; an expression the
// reader does not know stays as SQLite returns it. The expected objects are
// python3's repr of the same dates and numbers, computed at test time.

#include "python_reference.h"
#include "qb_fixture.h"

namespace quire::scripting::testing {
namespace {

using TypedComputedColumns = QueryBuilder;

// What a value is, said the same way by the script and by python3 (scripts
// may not read `__name__`).
const std::string kKind =
    "def kind(v):\n"
    "    if v is None: return 'None'\n"
    "    if isinstance(v, str): return 'str'\n"
    "    if isinstance(v, bool): return 'bool'\n"
    "    if isinstance(v, int): return 'int'\n"
    "    if isinstance(v, float): return 'float'\n"
    "    if hasattr(v, 'hour'): return 'datetime'\n"
    "    if hasattr(v, 'year'): return 'date'\n"
    "    return 'other'\n";

TEST_F(TypedComputedColumns, AggregatesOfDateColumnsAreDates) {
  EXPECT_EQ(
      run(kKind + "r = frappe.db.sql('select max(date), min(`date`) as first, max(creation), "
                  "coalesce(max(date), null), ifnull(t.date, null) from `tabToDo` t where "
                  "t.description = %s', 'alpha')[0]\n"
                  "print(repr(r[0]), repr(r[1]), kind(r[2]), repr(r[3]), repr(r[4]))\n"
                  "d = frappe.db.sql('select MAX(date) last, date(creation) as made from tabToDo',"
                  " as_dict=True)[0]\n"
                  "print(repr(d['last']), kind(d.made))\n"),
      run_python("import datetime\n"
                 "a = datetime.date(2025, 1, 5)\n"
                 "print(repr(a), repr(a), 'datetime', repr(a), repr(a))\n"
                 "print(repr(datetime.date(2025, 3, 15)), 'date')\n"));
}

TEST_F(TypedComputedColumns, SumsAndAveragesAreFloatsCountsInts) {
  EXPECT_EQ(
      run(kKind + "r = frappe.db.sql('select sum(idx), avg(docstatus), count(*), count(distinct "
                  "status), ifnull(sum(docstatus), 0), max(idx) from tabToDo')[0]\n"
                  "print(repr(r[0]), repr(r[1]), repr(r[2]), r[3], repr(r[4]), kind(r[5]))\n"
                  "print(frappe.db.sql('select sum(docstatus) from tabToDo where 1 = 0'))\n"),
      run_python("print(repr(float(0)), repr(0.0), repr(5), 3, repr(0.0), 'int')\n"
                 "print(((None,),))\n"));
}

TEST_F(TypedComputedColumns, OtherExpressionsStayAsTheEngineGives) {
  // A date joined with text, a CASE, an arithmetic result: not typed.
  EXPECT_EQ(
      run(kKind + "r = frappe.db.sql(\"select max(date) || '', case when 1 then date end, "
                  "coalesce(date, ''), idx + 1 from tabToDo where description = 'alpha'\")[0]\n"
                  "print([kind(v) for v in r])\n"
                  "w = frappe.db.sql('with x as (select date from tabToDo) select max(date) "
                  "from x')\n"
                  "print(kind(w[0][0]))\n"
                  "print(kind(frappe.db.sql('select *, max(date) from tabToDo')[0][-1]))\n"),
      "['str', 'str', 'str', 'int']\nstr\nstr\n");
}

// frappe.qb queries run through frappe.db.sql: their computed columns too.
TEST_F(TypedComputedColumns, QueryBuilderAggregates) {
  EXPECT_EQ(
      run(kKind + "t = frappe.qb.DocType('ToDo')\n"
                  "fn = frappe.qb.functions\n"
                  "r = frappe.qb.from_(t).select(fn('MAX', t.date).as_('last'), fn('SUM', t.idx), "
                  "fn('COUNT', '*')).run(as_dict=True)[0]\n"
                  "print(repr(r.last), sorted(kind(v) for v in r.values()))\n"
                  "q = frappe.qb.get_query('ToDo', fields=['max(date) as last', 'status'], "
                  "group_by='status', order_by='status asc')\n"
                  "print([repr(x.last) for x in q.run(as_dict=True)])\n"),
      run_python("import datetime\n"
                 "print(repr(datetime.date(2025, 3, 15)), ['date', 'float', 'int'])\n"
                 "print([repr(None), repr(datetime.date(2025, 3, 15)), "
                 "repr(datetime.date(2025, 3, 1))])\n"));
}

}  // namespace
}  // namespace quire::scripting::testing
