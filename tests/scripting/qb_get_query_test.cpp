// frappe.qb.get_query: Frappe's query Engine over get_all-style arguments
// (fields with aliases, aggregates, Link-field and child-table columns;
// every filter form; order_by descending unless "asc"; group_by, limit,
// offset, distinct), returning a builder that keeps composing. Each result
// is compared with the hand-written frappe.db.sql of the same query.

#include "qb_fixture.h"

namespace quire::scripting::testing {
namespace {

using QbGetQuery = QueryBuilder;

TEST_F(QbGetQuery, FieldsFiltersAndOrder) {
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['name', 'description as d'], "
                    "filters={'status': 'Open'}, order_by='description asc').run(as_dict=True)",
                    "frappe.db.sql(\"select name, description as d from tabToDo where status = "
                    "'Open' order by description\", as_dict=True)",
                    3),
            kSame);
  // Without a direction the Engine sorts descending; fields default to name.
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', order_by='description').run()",
                    "frappe.db.sql('select name from tabToDo order by description desc')", 5),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query(t, fields='description, priority', filters=[['priority',"
                    " 'in', ['High', 'Low']], ['description', 'like', '%a%']], order_by="
                    "'priority desc, description asc').run()",
                    "frappe.db.sql(\"select description, priority from tabToDo where priority in "
                    "('High', 'Low') and description like '%a%' order by priority desc, "
                    "description\")",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=[['ToDo', "
                    "'date', 'between', ['2025-02-01', '2025-03-10']]], order_by='description "
                    "asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where date between "
                    "'2025-02-01' and '2025-03-10' order by description\")",
                    2),
            kSame);
  // A name, a list of names, `is set`, or_filters.
  EXPECT_EQ(run("names = frappe.get_all('ToDo', pluck='name', order_by='description')\n"
                "q = frappe.qb.get_query\n"
                "print(q('ToDo', filters=names[0]).run(pluck=True) == names[:1], "
                "sorted(q('ToDo', filters=names[1:3]).run(pluck=True)) == sorted(names[1:3]))\n"
                "print(len(q('ToDo', filters={'date': ['is', 'set']}).run()), "
                "len(q('ToDo', filters={'status': 'Open'}, or_filters={'priority': 'High', "
                "'description': 'beta'}).run()))\n"),
            "True True\n4 2\n");
}

TEST_F(QbGetQuery, GroupLimitOffsetDistinctAggregates) {
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['priority', 'count(name) as n', "
                    "{'MAX': 'description', 'as': 'last'}], group_by='priority', order_by="
                    "'priority asc').run(as_dict=True)",
                    "frappe.db.sql('select priority, count(name) as n, max(description) as last "
                    "from tabToDo group by priority order by priority', as_dict=True)",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], order_by='description "
                    "asc', limit=2, offset=1).run()",
                    "frappe.db.sql('select description from tabToDo order by description limit 2 "
                    "offset 1')",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['status'], distinct=True, offset=1, "
                    "order_by='status asc').run()",
                    "frappe.db.sql('select distinct status from tabToDo order by status limit -1 "
                    "offset 1')",
                    2),
            kSame);
}

// group_by and order_by may name a field's or a function's alias (the
// Engine's field_aliases / function_aliases).
TEST_F(QbGetQuery, AliasesInGroupAndOrder) {
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['priority as p', {'COUNT': '*', 'as': "
                    "'n'}], group_by='p', order_by='n desc, p asc').run(as_dict=True)",
                    "frappe.db.sql('select priority as p, count(*) as n from tabToDo group by p "
                    "order by n desc, p', as_dict=True)",
                    3),
            kSame);
}

// Link-field and child-table columns join their tables as get_all does.
TEST_F(QbGetQuery, LinkAndChildTableFields) {
  insert(Json{{"doctype", "User"},
              {"email", "carl@example.com"},
              {"first_name", "Carl"},
              {"roles",
               Json::array({Json{{"role", "System Manager"}}, Json{{"role", "Script Manager"}}})}});
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description', 'allocated_to.first_name "
                    "as who'], filters={'allocated_to': ['is', 'set']}, order_by='description "
                    "asc').run()",
                    "frappe.db.sql('select t.description, u.first_name from tabToDo t left join "
                    "tabUser u on u.name = t.allocated_to where ifnull(t.allocated_to, \"\") <> "
                    "\"\" order by t.description')",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('User', fields=['name', 'roles.role'], filters={"
                    "'name': 'carl@example.com'}, order_by='roles.role asc').run()",
                    "frappe.db.sql(\"select u.name, r.role from tabUser u left join `tabHas "
                    "Role` r on r.parent = u.name and r.parenttype = 'User' and r.parentfield = "
                    "'roles' where u.name = 'carl@example.com' order by r.role\")",
                    2),
            kSame);
}

// {"roles": ["role"]}: each dict row gets its child rows (Frappe's
// execute_child_queries: by idx, parent/parentfield dropped unless asked
// for); tuple rows get nothing; only child queries select name.
TEST_F(QbGetQuery, ChildQueryFields) {
  insert(Json{{"doctype", "User"},
              {"email", "dora@example.com"},
              {"first_name", "Dora"},
              {"roles",
               Json::array({Json{{"role", "Script Manager"}}, Json{{"role", "System Manager"}}})}});
  EXPECT_EQ(
      run("q = frappe.qb.get_query('User', fields=['name', 'first_name', {'roles': ['role', "
          "'idx']}], filters={'name': ['in', ['dora@example.com', 'ann@example.com']]}, "
          "order_by='name asc')\n"
          "for row in q.run(as_dict=True):\n"
          "    print(row.name, row.first_name, [(r.role, r.idx) for r in row.roles], "
          "sorted(row.keys()))\n"
          "    if row.roles: print(sorted(row.roles[0].keys()))\n"
          "print(q.run()[0][:2])\n"
          "r = frappe.qb.get_query('User', fields=[{'roles': ['role', 'parent']}], "
          "filters={'name': 'dora@example.com'}).run(as_dict=True)[0]\n"
          "print(r.name, [(x.role, x.parent) for x in r.roles])\n"
          "print(frappe.db.sql('select role, idx from `tabHas Role` where parent = %s order by "
          "idx', 'dora@example.com'))\n"),
      "ann@example.com Ann [] ['first_name', 'name', 'roles']\n"
      "dora@example.com Dora [('Script Manager', 1), ('System Manager', 2)] ['first_name', "
      "'name', 'roles']\n"
      "['idx', 'role']\n"
      "('ann@example.com', 'Ann')\n"
      "dora@example.com [('Script Manager', 'dora@example.com'), ('System Manager', "
      "'dora@example.com')]\n"
      "(('Script Manager', 1), ('System Manager', 2))\n");
  EXPECT_EQ(run("frappe.qb.get_query('User', fields=['name', {'roles': 'role'}])\n"),
            "ValidationError: Child query fields for 'roles' must be a list or tuple.");
  EXPECT_EQ(run("frappe.qb.get_query('User', fields=[{'UPPER': 'name'}])\n"),
            "ValidationError: Unsupported function or operator: UPPER");
}

// What get_query returns is a frappe.qb query: it keeps composing.
TEST_F(QbGetQuery, TheBuilderKeepsComposing) {
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters={'status': "
                    "'Open'}).where(t.priority != 'Low').orderby(t.description).run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Open' and "
                    "priority <> 'Low' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description', "
                    "'allocated_to.first_name'], filters=t.status == 'Open').select(t.priority)"
                    ".where(t.description != 'zeta').limit(10).orderby(t.description).run()",
                    "frappe.db.sql(\"select t.description, u.first_name, t.priority from tabToDo "
                    "t left join tabUser u on u.name = t.allocated_to where t.status = 'Open' "
                    "and t.description <> 'zeta' order by t.description limit 10\")",
                    3),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=[t.description, frappe.qb.functions("
                    "'UPPER', t.status).as_('s')], filters={'status': 'Open'}).union(frappe.qb."
                    "get_query('ToDo', fields=['description', 'priority'], filters={'priority': "
                    "'High'})).run()",
                    "frappe.db.sql(\"select description, upper(status) as s from tabToDo where "
                    "status = 'Open' union select description, priority from tabToDo where "
                    "priority = 'High'\")",
                    4),
            kSame);
  EXPECT_EQ(run("q = frappe.qb.get_query('ToDo', fields=['name'], for_update=True)\n"
                "print(isinstance(q, frappe.qb.terms.Term), 'FOR UPDATE' in q.get_sql())\n"
                "frappe.qb.get_query('ToDo', update=True).set('status', 'x').run()\n"),
            "True False\nPermissionError: Only SELECT SQL allowed in scripting");
}

// Frappe's Engine (query.py, develop): [cond, "or", cond, "and", cond]
// combined left to right, a condition itself such a list, one group
// [[cond, "or", cond]], a single [field, op, value] list, [field, value].
TEST_F(QbGetQuery, NestedFilters) {
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=[['status', "
                    "'=', 'Closed'], 'or', ['priority', '=', 'Low']], order_by='description "
                    "asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Closed' or "
                    "priority = 'Low' order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=[[['status', "
                    "'=', 'Open'], 'and', ['priority', '=', 'Medium']], 'or', ['ToDo', "
                    "'description', 'like', 'g%'], 'and', ('priority', '!=', 'Low')], "
                    "order_by='description asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where ((status = 'Open' and "
                    "priority = 'Medium') or description like 'g%') and priority <> 'Low' order "
                    "by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=[[['status', "
                    "'Cancelled'], 'or', [['priority', '=', 'High'], 'and', ['date', '>', "
                    "'2025-02-01']]]], order_by='description asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Cancelled' "
                    "or (priority = 'High' and date > '2025-02-01') order by description\")",
                    2),
            kSame);
  // One simple filter as the whole list; or_filters nested too.
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=['status', "
                    "'=', 'Open'], or_filters=[['priority', '=', 'High'], 'or', ['priority', "
                    "'=', 'Low']], order_by='description asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Open' and "
                    "(priority = 'High' or priority = 'Low') order by description\")",
                    2),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('ToDo', fields=['description'], filters=[['status', "
                    "'Open'], {'priority': 'Low'}, t.description != 'x'], order_by='description "
                    "asc').run()",
                    "frappe.db.sql(\"select description from tabToDo where status = 'Open' and "
                    "priority = 'Low' order by description\")",
                    1),
            kSame);
}

// Malformed nested filters: Frappe's messages (ValidationError, the list
// shown as Python's str() of it), never a crash.
TEST_F(QbGetQuery, MalformedNestedFilters) {
  auto error = [&](const std::string& filters) {
    return run("frappe.qb.get_query('ToDo', filters=" + filters + ")\n");
  };
  EXPECT_EQ(error("[['status', '=', 'Open'], 'xor', ['priority', '=', 'High']]"),
            "ValidationError: Error parsing nested filters: [['status', '=', 'Open'], 'xor', "
            "['priority', '=', 'High']]. Expected 'and' or 'or' operator, found: xor");
  EXPECT_EQ(error("[['status', '=', 'Open'], 'or']"),
            "ValidationError: Error parsing nested filters: [['status', '=', 'Open'], 'or']. "
            "Filter condition missing after operator: or");
  EXPECT_EQ(error("[['status', '=', 'Open'], 'or', 'x']"),
            "ValidationError: Error parsing nested filters: [['status', '=', 'Open'], 'or', "
            "'x']. Invalid filter condition: x. Expected a list or tuple.");
  EXPECT_EQ(error("['or', ['status', '=', 'Open']]"),
            "ValidationError: Error parsing nested filters: ['or', ['status', '=', 'Open']]. "
            "Invalid start for filter condition: or. Expected a list or tuple.");
  EXPECT_EQ(error("[['status', '=', 'Open'], 'or', ['a', 'b', 'c', 'd', 'e', 'f']]"),
            "ValidationError: Error parsing nested filters: [['status', '=', 'Open'], 'or', "
            "['a', 'b', 'c', 'd', 'e', 'f']]. Invalid simple filter format: ['a', 'b', 'c', "
            "'d', 'e', 'f']");
  EXPECT_EQ(error("[['status', '=', 'Open'], 5]"),
            "ValueError: Invalid item type in filter list: int. Expected list, tuple, dict, or "
            "Criterion.");
  EXPECT_EQ(error("[['status']]"), "ValueError: Unknown filter format: ['status']");
}

TEST_F(QbGetQuery, ErrorsAndPermissions) {
  EXPECT_EQ(run("frappe.qb.get_query('No Such Type')\n"),
            "DoesNotExistError: DocType No Such Type not found");
  EXPECT_EQ(run("frappe.qb.get_query('ToDo', fields=['nosuch']).run()\n").rfind("DataError", 0),
            0u);
  EXPECT_EQ(run("frappe.qb.get_query('ToDo', fields=['name; drop table x']).run()\n")
                .rfind("DataError", 0),
            0u);
  EXPECT_EQ(run("frappe.qb.get_query('ToDo', limit=-1)\n"),
            "TypeError: Limit must be a non-negative integer");
  // ignore_permissions=True by default (Frappe's Engine); False applies get_list's rules.
  session->user = "nobody@example.com";
  session->roles = {"Guest"};
  EXPECT_EQ(run("print(len(frappe.qb.get_query('ToDo').run()))\n"
                "frappe.qb.get_query('ToDo', ignore_permissions=False).run()\n")
                .rfind("5\nPermissionError", 0),
            0u);
}

// ignore_permissions=False as `user=` (Note: All reads only its own), a
// child table through `parent_doctype=` (the parent's conditions over an
// INNER JOIN of the parent), Frappe's "Insufficient Permission" otherwise.
TEST_F(QbGetQuery, PermissionsAsAUserAndThroughTheParent) {
  insert(Json{{"doctype", "User"}, {"email", "eve@example.com"}, {"first_name", "Eve"}});
  auto mine = insert(Json{{"doctype", "Note"},
                          {"title", "eve's"},
                          {"seen_by", Json::array({Json{{"user", "ann@example.com"}},
                                                   Json{{"user", "bob@example.com"}}})}});
  insert(Json{{"doctype", "Note"},
              {"title", "admin's"},
              {"seen_by", Json::array({Json{{"user", "eve@example.com"}}})}});
  db->query("UPDATE `tabNote` SET `owner` = 'eve@example.com' WHERE `name` = ?",
            {mine->name().get<std::string>()});
  EXPECT_EQ(compare("frappe.qb.get_query('Note', fields=['title'], ignore_permissions=False, "
                    "user='eve@example.com').run()",
                    "frappe.db.sql(\"select title from tabNote where owner = "
                    "'eve@example.com'\")"),
            kSame);
  EXPECT_EQ(compare("frappe.qb.get_query('Note Seen By', fields=['user'], filters={'parentfield':"
                    " 'seen_by'}, order_by='user asc', ignore_permissions=False, "
                    "parent_doctype='Note', user='eve@example.com').run()",
                    "frappe.db.sql(\"select s.user from `tabNote Seen By` s join tabNote n on "
                    "n.name = s.parent where n.owner = 'eve@example.com' order by s.user\")",
                    2),
            kSame);
  // As the session's own user (Administrator) every row; the session is unchanged after.
  EXPECT_EQ(run("q = frappe.qb.get_query\n"
                "print(len(q('Note Seen By', ignore_permissions=False, parent_doctype='Note')"
                ".run()), frappe.session.user)\n"),
            "3 Administrator\n");
  auto refused = [&](const std::string& arguments) {
    return run("frappe.qb.get_query(" + arguments + ", ignore_permissions=False)\n");
  };
  EXPECT_EQ(refused("'Note Seen By', user='eve@example.com'"),
            "PermissionError: Insufficient Permission for <strong>Note Seen By</strong>");
  EXPECT_EQ(refused("'Note Seen By', user='eve@example.com', parent_doctype='ToDo'"),
            "PermissionError: Insufficient Permission for <strong>Note Seen By</strong>");
  EXPECT_EQ(refused("'ToDo', user='Guest'"),
            "PermissionError: Insufficient Permission for <strong>ToDo</strong>");
  EXPECT_EQ(run("print(len(frappe.qb.get_query('ToDo', user='Guest').run()))\n"), "5\n");
}

}  // namespace
}  // namespace quire::scripting::testing
