// frappe.qb queries made of queries and PyPika's less common terms: union /
// union_all (+, *), with_ (CTEs, recursive ones stopped by the deadline),
// for_update, Interval date arithmetic (compared with python3's
// dateutil.relativedelta, which clamps month ends as MariaDB's DATE_ADD),
// Tuple, Bracket, CustomFunction, Tables, and the typed qb.max/min of dates.
// Results are compared with the equivalent frappe.db.sql in the same script.

#include "python_reference.h"
#include "qb_fixture.h"

namespace quire::scripting::testing {
namespace {

using QbCompose = QueryBuilder;

TEST_F(QbCompose, UnionAndUnionAll) {
  const std::string high = "frappe.qb.from_(t).select(t.description).where(t.priority == 'High')";
  const std::string open = "frappe.qb.from_(t).select(t.description).where(t.status == 'Open')";
  const std::string sql_high = "select description from tabToDo where priority = 'High'";
  const std::string sql_open = "select description from tabToDo where status = 'Open'";
  EXPECT_EQ(
      compare(high + ".union(" + open + ").orderby('description').run()",
              "frappe.db.sql(\"" + sql_high + " union " + sql_open + " order by description\")", 4),
      kSame);
  EXPECT_EQ(compare("(" + high + " + " + open + ").run()",
                    "frappe.db.sql(\"" + sql_high + " union " + sql_open + "\")", 4),
            kSame);
  // union all keeps the duplicate (alpha is Open and High).
  EXPECT_EQ(compare("(" + high + " * " + open +
                        ").orderby('description', order=frappe.qb.desc)"
                        ".limit(3).offset(1).run()",
                    "frappe.db.sql(\"" + sql_high + " union all " + sql_open +
                        " order by description desc limit 3 offset 1\")",
                    3),
            kSame);
  EXPECT_EQ(compare(high + ".union_all(" + open + ").union(" + high + ").run()",
                    "frappe.db.sql(\"" + sql_high + " union all " + sql_open + " union " +
                        sql_high + "\")",
                    4),
            kSame);
  // A member with its own ORDER BY and LIMIT keeps them (SQLite takes no
  // brackets around a compound member: it is read through a subquery).
  EXPECT_EQ(compare(high + ".orderby(t.description).limit(1).union_all(" + open +
                        ".orderby(t.description, order=frappe.qb.desc).limit(1)).run()",
                    "frappe.db.sql(\"select * from (" + sql_high +
                        " order by description limit 1) union all select * from (" + sql_open +
                        " order by description desc limit 1)\")",
                    2),
            kSame);
  // A union is a subquery like any query, and runs as_dict.
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.priority).where(t.description.isin(" + high +
                        " + " + open + ")).distinct().orderby(t.priority).run(as_dict=True)",
                    "frappe.db.sql(\"select distinct priority from tabToDo where description in "
                    "(" +
                        sql_high + " union " + sql_open + ") order by priority\", as_dict=True)",
                    3),
            kSame);
  EXPECT_EQ(
      run("t = frappe.qb.DocType('ToDo')\n"
          "u = frappe.qb.from_(t).select(t.name) + frappe.qb.from_(t).select(t.name)\n"
          "print(isinstance(u, frappe.qb.terms.Term), hasattr(u, 'where'))\n"
          "frappe.qb.from_(t).select(t.name).union(t)\n"),
      "True False\nTypeError: union() query must be a SELECT query (frappe.qb.from_(...)...), "
      "not Table");
}

TEST_F(QbCompose, CommonTableExpressions) {
  EXPECT_EQ(compare("frappe.qb.with_(frappe.qb.from_(t).select(t.description, t.priority)"
                    ".where(t.status == 'Open'), 'open_todos').from_(frappe.qb.Table("
                    "'open_todos')).select('description').where(frappe.qb.Field('priority') != "
                    "'Low').orderby('description').run()",
                    "frappe.db.sql(\"with open_todos as (select description, priority from "
                    "tabToDo where status = 'Open') select description from open_todos where "
                    "priority <> 'Low' order by description\")",
                    2),
            kSame);
  // A query's own with_, two CTEs, the second reading the first.
  EXPECT_EQ(compare("frappe.qb.from_('ToDo').select(t.name).with_(frappe.qb.from_(t).select("
                    "t.idx), 'a').with_(frappe.qb.from_(frappe.qb.Table('a')).select("
                    "frappe.qb.functions('COUNT', '*').as_('n')), 'b').from_(frappe.qb.Table('b'))"
                    ".select(frappe.qb.Field('n')).run()",
                    "frappe.db.sql('with a as (select idx from tabToDo), b as (select count(*) "
                    "as n from a) select name, n from tabToDo, b')",
                    5),
            kSame);
  // A bounded recursive CTE (SQLite needs no RECURSIVE keyword).
  EXPECT_EQ(run("c = frappe.qb.Table('c')\n"
                "step = frappe.qb.from_(c).select(c.x + 1).where(c.x < 500)\n"
                "base = frappe.qb.select(frappe.qb.terms.ValueWrapper(1, alias='x'))\n"
                "q = frappe.qb.with_(base.union_all(step), 'c').from_(c).select("
                "frappe.qb.functions('SUM', c.x))\n"
                "print(q.run() == frappe.db.sql('with recursive c(x) as (select 1 union all "
                "select x + 1 from c where x < 500) select sum(x) from c'), q.run()[0][0])\n"),
            "True 125250.0\n");  // MariaDB's SUM is a DECIMAL: a float in Frappe
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "frappe.qb.with_(frappe.qb.update(t).set(t.status, 'x'), 'w')\n"),
            "TypeError: with_() query must be a SELECT query (frappe.qb.from_(...)...), not "
            "QueryBuilder");
}

class QbDeadline : public QueryBuilder {
 public:
  void configure(ScriptSettings& settings) override {
    settings.limits.timeout = std::chrono::milliseconds(300);
  }
};

// qb runs through frappe.db.sql's engine path, which the run's deadline
// interrupts: an endless recursive CTE is the script's time limit error.
TEST_F(QbDeadline, AnEndlessRecursiveCteStopsAtTheDeadline) {
  std::string out =
      run("c = frappe.qb.Table('c')\n"
          "base = frappe.qb.select(frappe.qb.terms.ValueWrapper(1, alias='x'))\n"
          "q = frappe.qb.with_(base.union_all(frappe.qb.from_(c).select(c.x + 1)), 'c').from_(c)"
          ".select(frappe.qb.functions('COUNT', '*'))\n"
          "try:\n"
          "    q.run()\n"
          "except Exception as e:\n"
          "    print('caught', e)\n");
  EXPECT_EQ(out.rfind("ScriptTimeoutError", 0), 0u) << out;
}

TEST_F(QbCompose, ForUpdateIsLeftOutOnSqlite) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.name).where(t.status == 'Open').for_update("
                    "nowait=True).orderby(t.name).run()",
                    "frappe.db.sql(\"select name from tabToDo where status = 'Open' order by "
                    "name\")",
                    3),
            kSame);
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.from_(t).select(t.name)\n"
                "print(q.for_update(skip_locked=True).get_sql() == q.get_sql())\n"),
            "True\n");
}

// Interval arithmetic against python3's relativedelta (month ends clamp, as
// MariaDB's DATE_ADD; SQLite's own '+1 months' would overflow into March).
TEST_F(QbCompose, IntervalDateArithmetic) {
  for (const char* d : {"2025-01-31", "2024-02-29", "2024-12-31"}) {
    insert(Json{{"doctype", "ToDo"}, {"description", std::string("end ") + d}, {"date", d}});
  }
  const std::string dates =
      "['2024-02-29', '2024-12-31', '2025-01-05', '2025-01-31', '2025-02-10', '2025-03-01', "
      "'2025-03-15']";
  std::string ours =
      run("I = frappe.qb.terms.Interval\n"
          "t = frappe.qb.DocType('ToDo')\n"
          "rows = frappe.qb.from_(t).select(t.date + I(months=1), t.date - I(months=1), "
          "t.date - I(days=40), I(weeks=1) + t.date, t.date + I(years=1, months=1, days=1), "
          "t.date + I(quarters=-1), t.date + I(hours=25, minutes=1, seconds=1, microseconds=5000))"
          ".where(t.date.isnotnull()).orderby(t.date).run()\n"
          "for r in rows:\n"
          "    print(*[str(v) for v in r])\n"
          "start = frappe.qb.terms.ValueWrapper(frappe.utils.getdate('2025-03-12'))\n"
          "print(len(frappe.qb.from_(t).select(t.name).where(t.date >= start - I(days=30))"
          ".run()))\n");
  std::string reference = run_python(
      "from datetime import date, datetime\n"
      "from dateutil.relativedelta import relativedelta as rd\n"
      "for s in " +
      dates +
      ":\n"
      "    d = date.fromisoformat(s)\n"
      "    dt = datetime.combine(d, datetime.min.time())\n"
      "    print(d + rd(months=1), d - rd(months=1), d - rd(days=40), d + rd(weeks=1), "
      "d + rd(years=1, months=1, days=1), d + rd(months=-3), (dt + rd(hours=25, minutes=1, "
      "seconds=1, microseconds=5000)).isoformat(' '))\n"
      "print(sum(1 for s in " +
      dates + " if date.fromisoformat(s) >= date(2025, 3, 12) - rd(days=30)))\n");
  EXPECT_EQ(ours, reference);
  // A datetime keeps its time; NULL stays NULL.
  EXPECT_EQ(run("I = frappe.qb.terms.Interval\n"
                "t = frappe.qb.DocType('ToDo')\n"
                "r = frappe.qb.from_(t).select(t.modified, t.modified + I(days=1), t.date + "
                "I(days=1)).where(t.date.isnull()).run()[0]\n"
                "print(str(r[1]) == str(frappe.utils.add_days(r[0], 1)), r[2])\n"),
            "True None\n");
  EXPECT_EQ(run("I = frappe.qb.terms.Interval\n"
                "t = frappe.qb.DocType('ToDo')\n"
                "print(I(days=2), I(years=1, months=2))\n"
                "I(days=1) - t.date\n"),
            "INTERVAL '2' DAY INTERVAL '1 2' YEAR_MONTH\nTypeError: an Interval can only be "
            "added to a date or datetime term, or subtracted from one");
  EXPECT_EQ(run("frappe.qb.terms.Interval(days=1.5)\n"),
            "TypeError: Interval() days must be an int, not float");
}

TEST_F(QbCompose, TupleBracketAndCustomFunction) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(frappe.qb.terms.Tuple("
                    "t.status, t.priority).isin([('Open', 'High'), ('Closed', 'High'), ('Open', "
                    "'Low')])).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where (status, priority) in "
                    "(('Open', 'High'), ('Closed', 'High'), ('Open', 'Low')) order by "
                    "description\")",
                    3),
            kSame);
  EXPECT_EQ(
      compare("frappe.qb.from_(t).select(t.description).where(frappe.qb.terms.Tuple(t.status, "
              "t.priority) == ('Open', 'Low')).run()",
              "frappe.db.sql(\"select description from tabToDo where (status, priority) = "
              "('Open', 'Low')\")"),
      kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select((frappe.qb.terms.Bracket(t.idx + 1) * 2).as_("
                    "'b'), frappe.qb.terms.CustomFunction('LENGTH', ['text'])(t.description, "
                    "alias='len')).orderby(t.description).run(as_dict=True)",
                    "frappe.db.sql('select (idx + 1) * 2 as b, length(description) as len from "
                    "tabToDo order by description', as_dict=True)",
                    5),
            kSame);
  EXPECT_EQ(run("f = frappe.qb.terms.CustomFunction('DATE_FORMAT', ['date', 'format'])\n"
                "f(1)\n"),
            "TypeError: Function DATE_FORMAT require these arguments (date, format), (1) "
            "passed");
  EXPECT_EQ(run("print(frappe.qb.terms.CustomFunction('COALESCE')(None, 2, 3).get_sql())\n"),
            "COALESCE(%(param1)s,%(param2)s,%(param3)s)\n");
  EXPECT_EQ(run("frappe.qb.terms.CustomFunction('x); drop table y; --')\n").rfind("ValueError", 0),
            0u);
}

TEST_F(QbCompose, TablesAndNoSchemas) {
  EXPECT_EQ(compare("(lambda a, b: frappe.qb.from_(a).join(b).on(a.allocated_to == b.name)"
                    ".select(a.description, b.first_name).orderby(a.description).run())("
                    "*frappe.qb.Tables('tabToDo', ('tabUser', 'u')))",
                    "frappe.db.sql('select t.description, u.first_name from tabToDo t join "
                    "tabUser u on t.allocated_to = u.name order by t.description')",
                    3),
            kSame);
  EXPECT_EQ(run("print(hasattr(frappe.qb, 'Schema'))\nfrappe.qb.Table('x', schema='s')\n"),
            "False\nTypeError: Table() schemas are not supported: one database per site");
}

// The max/min of a Date or Datetime field is typed as its column is.
TEST_F(QbCompose, MaxAndMinOfDatesAreDates) {
  EXPECT_EQ(run("d = frappe.qb.max('ToDo', 'date')\n"
                "m = frappe.qb.min('ToDo', 'modified')\n"
                "print(d == frappe.utils.getdate('2025-03-15'), repr(d), "
                "repr(m)[:17])\n"
                "print(m == frappe.db.sql('select modified from tabToDo order by modified limit "
                "1')[0][0])\n"
                "print(frappe.qb.max('ToDo', 'date', {'status': 'Nothing'}), "
                "frappe.qb.max('ToDo', 'description', {'priority': 'Low'}))\n"),
            "True datetime.date(2025, 3, 15) datetime.datetime\nTrue\n0 beta\n");
}

}  // namespace
}  // namespace quire::scripting::testing
