// frappe.qb in server scripts: every builder name returns the rows the
// equivalent hand-written frappe.db.sql returns (both run in the same
// script), values are bound parameters (never SQL text), names are checked,
// and nothing but a SELECT ever runs.

#include "model/read_sql.h"
#include "qb_fixture.h"
#include "scripting/linter.h"

namespace quire::scripting::testing {
namespace {

TEST_F(QueryBuilder, SelectFieldsWhereEquals) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.name, t.description).where(t.status == 'Open')"
                    ".orderby(t.description).run()",
                    "frappe.db.sql(\"select name, description from tabToDo where status = 'Open' "
                    "order by description\")",
                    3),
            kSame);
}

TEST_F(QueryBuilder, StringsStarItemAccessAndDocTypeNames) {
  EXPECT_EQ(compare("frappe.qb.from_('ToDo').select('description', t['priority'])"
                    ".orderby('description').run()",
                    "frappe.db.sql('select description, priority from tabToDo order by "
                    "description')",
                    5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select('*').where(t.name.isnotnull()).run(as_dict=True)",
                    "frappe.db.sql('select * from tabToDo', as_dict=True)", 5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(frappe.qb.Table('tabToDo')).select(frappe.qb.Field("
                    "'description')).orderby('description').run()",
                    "frappe.db.sql('select description from tabToDo order by description')", 5),
            kSame);
  EXPECT_EQ(compare("t.select(t.star).run(as_dict=1)",
                    "frappe.db.sql('select * from tabToDo', as_dict=1)", 5),
            kSame);
}

TEST_F(QueryBuilder, ComparisonsAndBooleanOperators) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.status == 'Open') & "
                    "(t.priority != 'Low')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Open' and "
                    "priority <> 'Low' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.status == 'Closed') | "
                    "(t.priority == 'Low')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Closed' or "
                    "priority = 'Low' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(~(t.status == 'Open'))"
                    ".orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where not status = 'Open' "
                    "order by description\")",
                    2),
            kSame);
  // Repeated where() is AND; an OR inside an AND keeps its brackets.
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.status == 'Open') | "
                    "(t.status == 'Closed')).where(t.priority == 'High').orderby(t.description)"
                    ".run()",
                    "frappe.db.sql(\"select description from tabToDo where (status = 'Open' or "
                    "status = 'Closed') and priority = 'High' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.date < '2025-03-01') & "
                    "(t.date >= '2025-01-05')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where date < '2025-03-01' "
                    "and date >= '2025-01-05' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.date <= '2025-03-01') & "
                    "(t.date > '2025-01-05')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where date <= '2025-03-01' "
                    "and date > '2025-01-05' order by description\")",
                    2),
            kSame);
}

TEST_F(QueryBuilder, CriterionMethods) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.priority.isin(['High', "
                    "'Low'])).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where priority in ('High', "
                    "'Low') order by description\")",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.priority.notin(('High',"
                    "))).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where priority not in "
                    "('High') order by description\")",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.description.like('%a'))"
                    ".orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where description like '%a' "
                    "order by description\")",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.description.not_like("
                    "'%a')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where description not like "
                    "'%a' order by description\")"),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.date.isnull())"
                    ".orderby(t.description).run()",
                    "frappe.db.sql('select description from tabToDo where date is null order by "
                    "description')"),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.date.isnotnull())"
                    ".orderby(t.description).run()",
                    "frappe.db.sql('select description from tabToDo where date is not null order "
                    "by description')",
                    4),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.date.notnull())"
                    ".orderby(t.description).run()",
                    "frappe.db.sql('select description from tabToDo where not date is null order "
                    "by description')",
                    4),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.date.between("
                    "'2025-02-01', '2025-03-10')).orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where date between "
                    "'2025-02-01' and '2025-03-10' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(t.description.isin("
                    "frappe.qb.from_(t).select(t.description).where(t.priority == 'High')))"
                    ".orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where description in "
                    "(select description from tabToDo where priority = 'High') order by "
                    "description\")",
                    2),
            kSame);
}

// Dates and datetimes are bound by their text, as Frappe's PyPika writes them.
TEST_F(QueryBuilder, DateValues) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where((t.date >= "
                    "frappe.utils.getdate('2025-02-10')) & (t.modified > "
                    "frappe.utils.get_datetime('2000-01-01 10:00:00'))).orderby(t.description)"
                    ".run()",
                    "frappe.db.sql(\"select description from tabToDo where date >= '2025-02-10' "
                    "and modified > '2000-01-01 10:00:00' order by description\")",
                    3),
            kSame);
}

TEST_F(QueryBuilder, CriterionAllAnyAndEmptyCriterion) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(frappe.qb.terms.Criterion."
                    "all([t.status == 'Open', t.priority == 'High'])).run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Open' and "
                    "priority = 'High'\")"),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).where(frappe.qb.terms.Criterion."
                    "any([t.status == 'Closed', t.priority == 'Low'])).orderby(t.description)"
                    ".run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Closed' or "
                    "priority = 'Low' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "c = frappe.qb.terms.EmptyCriterion()\n"
                "for p in ['High', 'Low']:\n"
                "    c |= t.priority == p\n"
                "q = frappe.qb.from_(t).select(t.description).where(c)\n"
                "print(len(q.run()), q.where(frappe.qb.terms.EmptyCriterion()).get_sql() == "
                "q.get_sql())\n"),
            "3 True\n");
}

TEST_F(QueryBuilder, ArithmeticAliasesAndFunctions) {
  // Operands of different sizes (description lengths), so a swapped or
  // regrouped operand changes the numbers.
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "n = frappe.qb.functions('LENGTH', t.description)\n"
                "a = frappe.qb.from_(t).select((n + 1).as_('a'), 2 * n - 1, n / 2, (10 - n) * 3, "
                "100 / (n - 2), n * n - n).orderby(t.description).run()\n"
                "b = frappe.db.sql('select length(description) + 1 as a, 2 * "
                "length(description) - 1, length(description) / 2, (10 - length(description)) "
                "* 3, 100 / (length(description) - 2), length(description) * "
                "length(description) - length(description) from tabToDo order by "
                "description')\n"
                "print(a == b, len(set(r[3] for r in a)) > 1)\n"),
            "True True\n");
  // Unaliased expressions are named by their SQL text; an alias names the key.
  EXPECT_EQ(compare("frappe.qb.from_(t).select((t.idx * 2).as_('double')).run(as_dict=True)",
                    "frappe.db.sql('select idx * 2 as `double` from tabToDo', as_dict=True)", 5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.priority, frappe.qb.functions('COUNT', '*')"
                    ".as_('n'), frappe.qb.functions('MAX', t.description).as_('last'))"
                    ".groupby(t.priority).having(frappe.qb.functions('COUNT', '*') > 1)"
                    ".orderby(t.priority).run(as_dict=True)",
                    "frappe.db.sql('select priority, count(*) as n, max(description) as last "
                    "from tabToDo group by priority having count(*) > 1 order by priority', "
                    "as_dict=True)",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(frappe.qb.functions('SUM', t.idx), "
                    "frappe.qb.functions('MIN', t.description), frappe.qb.functions('AVG', "
                    "t.idx), frappe.qb.functions('COALESCE', t.date, 'none'), "
                    "frappe.qb.functions('IFNULL', t.allocated_to, '-'), "
                    "frappe.qb.functions('UPPER', t.status), frappe.qb.terms.Function("
                    "'LENGTH', t.description, alias='len')).groupby(t.name).orderby(t.name).run()",
                    "frappe.db.sql(\"select sum(idx), min(description), avg(idx), "
                    "coalesce(date, 'none'), ifnull(allocated_to, '-'), upper(status), "
                    "length(description) from tabToDo group by name order by name\")",
                    5),
            kSame);
}

TEST_F(QueryBuilder, CaseValueWrapperAndPseudoColumn) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(frappe.qb.terms.Case().when(t.priority == "
                    "'High', 'urgent').when(t.priority == 'Low', 'later').else_('normal')"
                    ".as_('p'), frappe.qb.terms.ValueWrapper(7, alias='seven'), "
                    "frappe.qb.terms.PseudoColumn('upper(description)')).orderby(t.description)"
                    ".run(as_dict=True)",
                    "frappe.db.sql(\"select case when priority = 'High' then 'urgent' when "
                    "priority = 'Low' then 'later' else 'normal' end as p, 7 as seven, "
                    "upper(description) from tabToDo order by description\", as_dict=True)",
                    5),
            kSame);
}

TEST_F(QueryBuilder, OrderLimitOffsetDistinct) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).orderby(t.description, "
                    "order=frappe.qb.desc).limit(2).offset(1).run()",
                    "frappe.db.sql('select description from tabToDo order by description desc "
                    "limit 2 offset 1')",
                    2),
            kSame);
  EXPECT_EQ(
      compare("frappe.qb.from_(t).select(t.priority).orderby(t.priority, "
              "order=frappe.qb.terms.Order.asc).distinct().run()",
              "frappe.db.sql('select distinct priority from tabToDo order by priority asc')", 3),
      kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).orderby(t.description).offset(3)"
                    ".run()",
                    "frappe.db.sql('select description from tabToDo order by description limit -1 "
                    "offset 3')",
                    2),
            kSame);
  EXPECT_EQ(run("print(frappe.qb.desc, frappe.qb.asc)\n"),
            "<Order.desc: 'DESC'> <Order.asc: 'ASC'>\n");
}

TEST_F(QueryBuilder, JoinsAndTableAliases) {
  EXPECT_EQ(compare("frappe.qb.from_(t).join(frappe.qb.DocType('User')).on(t.allocated_to == "
                    "frappe.qb.DocType('User').name).select(t.description, "
                    "frappe.qb.DocType('User').first_name).orderby(t.description).run()",
                    "frappe.db.sql('select tabToDo.description, tabUser.first_name from tabToDo "
                    "join tabUser on tabToDo.allocated_to = tabUser.name order by "
                    "tabToDo.description')",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).left_join(frappe.qb.DocType('User', alias='u'))"
                    ".on(t.allocated_to == frappe.qb.DocType('User', alias='u').name)"
                    ".select('description', frappe.qb.DocType('User', alias='u').user_type)"
                    ".orderby('description').run()",
                    "frappe.db.sql('select tabToDo.description, u.user_type from tabToDo left "
                    "join tabUser u on tabToDo.allocated_to = u.name order by "
                    "tabToDo.description')",
                    5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t.as_('x')).select(t.as_('x').description)"
                    ".where(t.as_('x').status == 'Open').orderby('description').run()",
                    "frappe.db.sql(\"select x.description from tabToDo x where x.status = 'Open' "
                    "order by description\")",
                    3),
            kSame);
}

TEST_F(QueryBuilder, RunShapesAreDbSqlShapes) {
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description).orderby(t.description)"
                    ".run(pluck='description')",
                    "frappe.db.sql('select description from tabToDo order by description', "
                    "pluck='description')",
                    5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.from_(t).select(t.description, t.date).orderby(t.description)"
                    ".run(as_list=1)",
                    "frappe.db.sql('select description, date from tabToDo order by "
                    "description', as_list=1)",
                    5),
            kSame);
  // Date columns come back typed as frappe.db.sql types them.
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "r = frappe.qb.from_(t).select(t.date).where(t.description == 'alpha').run()\n"
                "print(isinstance(r, tuple), r[0][0].year)\n"),
            "True 2025\n");
}

TEST_F(QueryBuilder, ValuesAreBoundParameters) {
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.from_(t).select(t.name).where((t.status == \"x' OR '1'='1\") | "
                "(t.idx > 5)).limit(3)\n"
                "print(q.get_sql())\n"
                "print(str(q) == q.get_sql())\n"
                "print(q.walk()[1])\n"
                "print(q.run())\n"
                "print(t.description.like('%a') & t.idx.isin([1, 2]))\n"),
            "SELECT `name` FROM `tabToDo` WHERE `status`=%(param1)s OR `idx`>%(param2)s "
            "LIMIT 3\n"
            "True\n"
            "{'param1': \"x' OR '1'='1\", 'param2': 5}\n"
            "()\n"
            "`description` LIKE %(param1)s AND `idx` IN (%(param2)s,%(param3)s)\n");
  // walk() is what run() hands to frappe.db.sql.
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.from_(t).select(t.description).where(t.priority == 'High')\n"
                "print(q.run() == frappe.db.sql(*q.walk()))\n"),
            "True\n");
  EXPECT_EQ(run("print(frappe.qb.DocType('Sales Invoice'), repr(frappe.qb.DocType('ToDo')))\n"
                "s = frappe.qb.DocType('Sales Invoice')\n"
                "print(frappe.qb.from_(s).select(s.name).get_sql())\n"),
            "`tabSales Invoice` `tabSales_Invoice` Table('tabToDo')\n"
            "SELECT `tabSales_Invoice`.`name` FROM `tabSales Invoice` `tabSales_Invoice`\n");
}

TEST_F(QueryBuilder, WritesBuildButNeverRun) {
  const std::string before = todo_descriptions();
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.update(t).set(t.description, 'hacked').where(t.status == 'Open')\n"
                "print(q.get_sql())\n"
                "q.run()\n"),
            "UPDATE `tabToDo` SET `description`=%(param1)s WHERE `status`=%(param2)s\n"
            "PermissionError: Only SELECT SQL allowed in scripting");
  EXPECT_EQ(run("q = frappe.qb.from_('ToDo').delete().where(frappe.qb.Field('status') == 'Open')\n"
                "print(q.get_sql())\n"
                "q.run()\n"),
            "DELETE FROM `tabToDo` WHERE `status`=%(param1)s\n"
            "PermissionError: Only SELECT SQL allowed in scripting");
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.into(t).columns('name', t.description).insert(('n1', 'd1'), "
                "('n2', 'd2'))\n"
                "print(q.get_sql())\n"
                "print(t.insert('n3', 'd3').get_sql())\n"
                "q.run()\n"),
            "INSERT INTO `tabToDo` (`name`,`description`) VALUES "
            "(%(param1)s,%(param2)s),(%(param3)s,%(param4)s)\n"
            "INSERT INTO `tabToDo` VALUES (%(param1)s,%(param2)s)\n"
            "PermissionError: Only SELECT SQL allowed in scripting");
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "t.update().set('status', 'Closed').run()\n"),
            "PermissionError: Only SELECT SQL allowed in scripting");
  // A query PyPika renders empty (no columns) is no SELECT either.
  EXPECT_EQ(run("frappe.qb.from_('ToDo').run()\n"),
            "PermissionError: Only SELECT SQL allowed in scripting");
  // Inside a template the refusal is read_sql's (Frappe's in_render_safe_exec).
  EXPECT_EQ(run("frappe.render_template(\"{{ frappe.qb.from_('ToDo').delete().run() }}\")\n"),
            "PermissionError: Query must be of SELECT or read-only WITH type.");
  EXPECT_EQ(todo_descriptions(), before);
}

TEST_F(QueryBuilder, InjectionThroughNamesIsRefused) {
  for (const char* attempt : {
           "t['name` FROM tabToDo; DELETE FROM tabToDo; --']",
           "frappe.qb.Field('x\\'; DROP TABLE tabToDo')",
           "t.description.as_('x` FROM tabUser --')",
           "frappe.qb.from_(t).select(t.name).orderby('name; DELETE FROM tabToDo')",
           "frappe.qb.from_(t).select('name, (select count(*) from tabUser)')",
           "frappe.qb.DocType('ToDo`; DELETE FROM `tabToDo')",
           "frappe.qb.functions('COUNT(*); DELETE FROM tabToDo; SELECT MAX', t.name)",
           "frappe.qb.Table('tabToDo', alias='a\"b')",
       }) {
    std::string out = run(std::string("t = frappe.qb.DocType('ToDo')\nx = ") + attempt + "\n");
    EXPECT_EQ(out.rfind("ValueError: invalid ", 0), 0u) << attempt << " -> " << out;
  }
  EXPECT_EQ(todo_descriptions().find("alpha") != std::string::npos, true);
}

TEST_F(QueryBuilder, PseudoColumnIsRawButStillReadOnly) {
  const std::string before = todo_descriptions();
  for (const char* raw : {
           "1; DELETE FROM tabToDo",
           "1 FROM tabToDo; UPDATE tabToDo SET description = 'x'; SELECT 1",
           "(SELECT password FROM __Auth)",
       }) {
    std::string out = run(std::string("print(frappe.qb.from_('ToDo').select(frappe.qb.terms."
                                      "PseudoColumn(\"") +
                          raw + "\")).run())\n");
    EXPECT_EQ(out.rfind("PermissionError: Query must be of SELECT or read-only WITH type.", 0), 0u)
        << raw << " -> " << out;
  }
  // The credential table is out of reach by name too.
  EXPECT_EQ(run("a = frappe.qb.DocType('__Auth')\n"
                "frappe.qb.from_(a).select('*').run()\n")
                .rfind("PermissionError: Query must be of SELECT", 0),
            0u);
  // A '%' in raw SQL is a literal percent, not a parameter.
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "print(frappe.qb.from_(t).select(t.description).where(frappe.qb.terms."
                "PseudoColumn(\"description like '%100\\\\%%' escape '\\\\'\")).run())\n"),
            "(('epsilon 100%',),)\n");
  EXPECT_EQ(todo_descriptions(), before);
}

TEST_F(QueryBuilder, WrongArgumentsAreTypeErrors) {
  struct Case {
    const char* code;
    const char* error;
  };
  const Case cases[] = {
      {"t.name.isin(5)",
       "TypeError: isin() takes a list, tuple or set of values, or a query, not int"},
      {"t.name == [1, 2]",
       "TypeError: the compared value must be a field, a term or a single value, not list"},
      {"frappe.qb.from_(t).select(t.name).orderby(t.name, order='desc')",
       "TypeError: orderby() order must be frappe.qb.desc or frappe.qb.asc (Order), not str"},
      {"frappe.qb.from_(t).select(t.name).limit('5')", "TypeError: limit() takes an int, not str"},
      {"frappe.qb.from_(5)",
       "TypeError: from_() table must be a table (frappe.qb.DocType) or a DocType name, not int"},
      {"frappe.qb.from_(t).select(t.name).where(t.name == 1, 2)",
       "TypeError: where() takes exactly one argument (2 given)"},
      {"frappe.qb.DocType(5)", "TypeError: DocType name must be str, not int"},
      {"frappe.qb.from_(t).select(t.name).run(bogus=1)",
       "TypeError: 'bogus' is an invalid keyword argument for sql()"},
      {"frappe.qb.functions.Count",
       "AttributeError: 'builtin_function_or_method' object has no attribute 'Count'"},
  };
  for (const auto& c : cases) {
    std::string out = run(std::string("t = frappe.qb.DocType('ToDo')\nx = ") + c.code + "\n");
    EXPECT_EQ(out, c.error) << c.code;
  }
}

TEST_F(QueryBuilder, LongChainsStayFlat) {
  // c |= ... 500 times is one OR of 500 criteria, not 500 levels; any() of
  // 2,000 is one too (and SQLite, which nests at most 1,000 operators, runs it).
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "c = frappe.qb.terms.EmptyCriterion()\n"
                "for i in range(500):\n"
                "    c |= t.description == 'd%d' % i\n"
                "c |= t.priority == 'High'\n"
                "print(frappe.qb.from_(t).select(t.description).where(c).orderby(t.description)"
                ".run() == frappe.db.sql(\"select description from tabToDo where priority = "
                "'High' order by description\"))\n"),
            "True\n");
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "c = frappe.qb.terms.Criterion.any([t.description == 'd%d' % i for i in "
                "range(2000)] + [t.priority == 'High'])\n"
                "print(frappe.qb.from_(t).select(t.description).where(c).orderby(t.description)"
                ".run() == frappe.db.sql(\"select description from tabToDo where priority = "
                "'High' order by description\"))\n"),
            "True\n");
}

TEST_F(QueryBuilder, DeepNestingIsRefused) {
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "x = t.idx\n"
                "for i in range(1000):\n"
                "    x = x + 1\n"),
            "RecursionError: query builder expression nested too deeply");
}

TEST_F(QueryBuilder, HugeQueriesAreRefused) {
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "q = frappe.qb.from_(t).select(t.name).where(t.name.isin(list(range(200000))))\n"),
            "ValueError: query builder expression too large (over 1 MiB; use fewer values)");
}

// frappe.qb.max/min/avg/sum(doctype, field, filters): the first value or 0.
TEST_F(QueryBuilder, Aggregates) {
  EXPECT_EQ(run("print(frappe.qb.max('ToDo', 'description') == frappe.db.sql('select "
                "max(description) from tabToDo')[0][0])\n"
                "print(frappe.qb.min('ToDo', 'description', {'status': 'Open'}) == "
                "frappe.db.sql(\"select min(description) from tabToDo where status = 'Open'\")"
                "[0][0])\n"
                "print(str(frappe.qb.max('ToDo', 'date', [['priority', '=', 'High']])) == "
                "str(frappe.db.sql(\"select max(date) from tabToDo where priority = 'High'\")"
                "[0][0]))\n"
                "print(frappe.qb.sum('ToDo', 'idx'), frappe.qb.avg('ToDo', 'idx', {'status': "
                "'Nothing'}), frappe.qb.max('ToDo', 'description', {'status': 'Nothing'}))\n"),
            "True\nTrue\nTrue\n0 0 0\n");
  EXPECT_EQ(run("frappe.qb.max('ToDo', 'idx) from tabUser --')\n").rfind("ValueError: invalid", 0),
            0u);
}

// Saving a script that uses frappe.qb does not warn about an unknown name.
TEST_F(QueryBuilder, LinterKnowsQb) {
  for (const auto& finding : lint_script("API", "", "t = frappe.qb.DocType('ToDo')\n")) {
    EXPECT_EQ(finding.message.find("frappe.qb"), std::string::npos) << finding.message;
  }
  EXPECT_FALSE(lint_script("API", "", "frappe.qbx.run()\n").empty());
}

TEST_F(QueryBuilder, Isinstance) {
  EXPECT_EQ(run("t = frappe.qb.DocType('ToDo')\n"
                "terms = frappe.qb.terms\n"
                "print(isinstance(t, frappe.qb.Table), isinstance(t.name, frappe.qb.Field), "
                "isinstance(t.name == 1, terms.Criterion), isinstance(t.name, terms.Term), "
                "isinstance(terms.PseudoColumn('x'), terms.PseudoColumn))\n"),
            "True True True True True\n");
}

}  // namespace
}  // namespace quire::scripting::testing
