// The `frappe` namespace: lists, values, sql, messages, session and helpers
// (spec §3.6-§3.7, §6); call shapes from script-usage.md §3.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class FrappeApi : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    for (const char* d : {"alpha", "beta", "gamma"}) {
      insert(Json{{"doctype", "ToDo"}, {"description", d}, {"priority", "High"}});
    }
    insert(Json{{"doctype", "ToDo"}, {"description", "delta"}, {"priority", "Low"}});
  }
};

TEST_F(FrappeApi, GetAllWithDictFiltersFieldsAndPluck) {
  EXPECT_EQ(run("rows = frappe.get_all('ToDo', filters={'priority': 'High'}, "
                "fields=['description', 'priority'], order_by='description asc')\n"
                "for r in rows:\n"
                "    print(r.description, r['priority'], r.get('nothing'))\n"
                "print(frappe.get_all('ToDo', filters={'priority': ['!=', 'High']}, "
                "pluck='description'))\n"
                "print(len(frappe.db.get_all('ToDo')), len(frappe.get_list('ToDo', limit=2)))\n"),
            "alpha High None\nbeta High None\ngamma High None\n['delta']\n4 2\n");
}

TEST_F(FrappeApi, GetAllAsList) {
  EXPECT_EQ(run("print(frappe.get_all('ToDo', filters={'description': 'beta'}, "
                "fields=['description', 'priority'], as_list=True))\n"),
            "(('beta', 'High'),)\n");
}

TEST_F(FrappeApi, GetValueShapes) {
  EXPECT_EQ(run("n = frappe.db.get_value('ToDo', {'description': 'alpha'})\n"
                "print(len(n))\n"
                "print(frappe.db.get_value('ToDo', n, 'description'))\n"
                "print(frappe.db.get_value('ToDo', n, ['description', 'priority']))\n"
                "d = frappe.db.get_value('ToDo', n, ['description', 'priority'], as_dict=True)\n"
                "print(d.description, d['priority'])\n"
                "print(frappe.db.get_value('ToDo', 'missing', 'description'))\n"
                "print(frappe.get_value('ToDo', n, 'priority'))\n"),
            "10\nalpha\n('alpha', 'High')\nalpha High\nNone\nHigh\n");
}

TEST_F(FrappeApi, SetValueExistsCount) {
  EXPECT_EQ(run("n = frappe.db.get_value('ToDo', {'description': 'alpha'})\n"
                "frappe.db.set_value('ToDo', n, 'status', 'Closed')\n"
                "frappe.db.set_value('ToDo', n, {'priority': 'Low'})\n"
                "print(frappe.db.get_value('ToDo', n, ['status', 'priority']))\n"
                "print(frappe.db.exists('ToDo', n) == n, frappe.db.exists('ToDo', 'zz'))\n"
                "print(frappe.db.exists({'doctype': 'ToDo', 'description': 'beta'}) is not None)\n"
                "print(frappe.db.count('ToDo'), frappe.db.count('ToDo', {'priority': 'Low'}))\n"),
            "('Closed', 'Low')\nTrue None\nTrue\n4 2\n");
}

TEST_F(FrappeApi, SqlSelectsWithParametersAndShapes) {
  EXPECT_EQ(run("r = frappe.db.sql('select description from `tabToDo` where priority = %s "
                "order by description', ('High',))\n"
                "print(r)\n"
                "r = frappe.db.sql('select description from `tabToDo` where description = "
                "%(d)s', {'d': 'delta'}, as_dict=1)\n"
                "print(r[0].description, r[0]['description'])\n"
                "print(frappe.db.sql(\"select count(*) from tabToDo where description like "
                "'%%a'\", ())[0][0])\n"),
            "(('alpha',), ('beta',), ('gamma',))\ndelta delta\n4\n");
}

TEST_F(FrappeApi, SqlRefusesWrites) {
  // spec §3.10 / §12.2 case 31.
  EXPECT_EQ(run("frappe.db.sql('update tabToDo set description = NULL')\n"),
            "PermissionError: Query must be of SELECT or read-only WITH type.");
  EXPECT_EQ(run("print(frappe.db.count('ToDo', {'description': ['is', 'set']}))\n"), "4\n");
}

TEST_F(FrappeApi, EscapeDoublesPercent) {
  EXPECT_EQ(run("print(frappe.db.escape(\"it's 5%\"))\nprint(frappe.db.escape('5%', False))\n"),
            "'it''s 5%%'\n'5%'\n");
}

TEST_F(FrappeApi, ThrowRaisesValidationErrorAndRecordsTheMessage) {
  EXPECT_EQ(run("frappe.throw('Bad value')\n"), "ValidationError: Bad value");
  ASSERT_EQ(last_messages.size(), 1u);
  EXPECT_EQ(last_messages[0]["message"], "Bad value");
  EXPECT_EQ(last_messages[0]["indicator"], "red");
  EXPECT_EQ(last_messages[0]["raise_exception"], 1);
  EXPECT_EQ(run("frappe.throw('No', frappe.PermissionError, title='T')\n"), "PermissionError: No");
  EXPECT_EQ(last_messages[0]["title"], "T");
}

TEST_F(FrappeApi, ExceptCatchesThrowByClassAndByException) {
  EXPECT_EQ(run("try:\n    frappe.throw('x')\nexcept Exception as e:\n    print('caught', e)\n"
                "try:\n    frappe.throw('y')\nexcept frappe.ValidationError:\n    print('v')\n"),
            "caught x\nv\n");
}

TEST_F(FrappeApi, MsgprintCollectsMessages) {
  EXPECT_EQ(
      run("frappe.msgprint('Hello')\nfrappe.msgprint('Again', title='T', indicator='green')\n"),
      "");
  ASSERT_EQ(last_messages.size(), 2u);
  EXPECT_EQ(last_messages[0]["message"], "Hello");
  EXPECT_EQ(last_messages[0]["title"], "Message");
  EXPECT_EQ(last_messages[1]["indicator"], "green");
}

TEST_F(FrappeApi, SessionRolesAndNames) {
  EXPECT_EQ(run("print(frappe.session.user, frappe.user)\n"
                "print('System Manager' in frappe.get_roles())\n"
                "print(_('Hello'), frappe._('x'), frappe.bold('b'))\n"),
            "Administrator Administrator\nTrue\nHello x <strong>b</strong>\n");
}

TEST_F(FrappeApi, AttrDictBehavesAsFrappesDict) {
  // frappe._dict: attribute access; missing keys read as None (spec §3.6).
  EXPECT_EQ(run("d = _dict({'a': 1})\nd.b = 2\nd['c'] = 3\n"
                "print(d.a, d.b, d['c'], d.zz, len(d), 'a' in d, sorted(d.keys()))\n"
                "e = _dict(x=1)\nprint(e.x, e.get('y', 5))\n"),
            "1 2 3 None 3 True ['a', 'b', 'c']\n1 5\n");
}

TEST_F(FrappeApi, AsJsonAndParseJson) {
  // frappe.as_json: indent 1, sorted keys (frappe/__init__.py as_json).
  EXPECT_EQ(run("print(frappe.as_json({'b': 1, 'a': [1, 2]}))\n"
                "d = frappe.parse_json('{\"x\": {\"y\": 2}}')\nprint(d.x['y'])\n"),
            "{\n \"a\": [\n  1,\n  2\n ],\n \"b\": 1\n}\n2\n");
}

TEST_F(FrappeApi, LogErrorInsertsAnErrorLog) {
  EXPECT_EQ(run("e = frappe.log_error('Title here', 'details')\n"
                "print(e.doctype, e.method, e.error)\n"
                "print(frappe.db.count('Error Log'))\n"),
            "Error Log Title here details\n1\n");
}

TEST_F(FrappeApi, PrintAndLogGoToTheDebugLog) {
  EXPECT_EQ(run("print('a', 1)\nlog('b')\nfrappe.log('c')\n"), "a 1\nb\nc\n");
}

TEST_F(FrappeApi, FormDictAndResponse) {
  RequestState request;
  request.form_dict = Json{{"customer", "C1"}, {"_", "123"}};
  RequestScope scope(*session, request);
  RunState state(*session, request);
  auto program = compile_script("t",
                                "frappe.response['message'] = frappe.form_dict.customer + "
                                "args['customer'] + str(frappe.form_dict.get('_'))\n");
  execute(*program, state);
  EXPECT_EQ(request.response["message"], "C1C1None");
}

// Frappe drops the "_" cache-buster from form_dict's top level; a nested "_"
// is a value like any other.
TEST_F(FrappeApi, FormDictDropsTheCacheBusterAtTheTopLevelOnly) {
  RequestState request;
  request.form_dict = Json{{"_", "123"}, {"filters", {{"_", "kept"}}}};
  RequestScope scope(*session, request);
  RunState state(*session, request);
  execute(*compile_script("t",
                          "frappe.response['message'] = [sorted(frappe.form_dict), "
                          "frappe.form_dict.filters['_'], len(args)]\n"),
          state);
  EXPECT_EQ(request.response["message"], Json::array({Json::array({"filters"}), "kept", 1}));
}

// form_dict is converted only for scripts that can name it (run_state.h): a
// script reaching it by a computed attribute name or through args still sees
// it, and one that cannot name it leaves the request's form_dict as it was.
TEST_F(FrappeApi, FormDictReachedByComputedNamesAndLeftAloneOtherwise) {
  RequestState request;
  request.form_dict = Json{{"customer", "C1"}, {"_", "123"}};
  RequestScope scope(*session, request);
  auto run_source = [&](const std::string& source) {
    RunState state(*session, request);
    execute(*compile_script("t", source), state);
  };
  run_source("frappe.response['message'] = getattr(frappe, 'form_' + 'dict').customer\n");
  EXPECT_EQ(request.response["message"], "C1");
  run_source("frappe.response['message'] = args.customer + 'x'\n");
  EXPECT_EQ(request.response["message"], "C1x");
  Json before = request.form_dict;
  run_source("frappe.response['message'] = 'untouched'\n");
  EXPECT_EQ(request.response["message"], "untouched");
  EXPECT_EQ(request.form_dict, before);
  run_source("frappe.form_dict['added'] = 1\n");
  EXPECT_EQ(request.form_dict.value("added", 0), 1);
}

TEST_F(FrappeApi, NewDocGetLastDocDeleteDoc) {
  EXPECT_EQ(run("d = frappe.get_last_doc('ToDo')\nprint(d.description)\n"
                "frappe.delete_doc('ToDo', d.name)\n"
                "print(frappe.db.count('ToDo'))\n"
                "frappe.delete_doc('ToDo', 'missing')\nprint('ok')\n"),
            "delta\n3\nok\n");
}

TEST_F(FrappeApi, CallRefusesMethodsThatAreNotWhitelisted) {
  // spec §12.2 case 35.
  EXPECT_EQ(run("print(frappe.call('ping'))\n"), "pong\n");
  EXPECT_EQ(run("frappe.call('frappe.get_user')\n").rfind("PermissionError:", 0), 0u);
}

}  // namespace
}  // namespace quire::scripting::testing
