// Abusing the API a script is given (shared/spec/sandbox-attacks.md): privilege,
// SQL, transactions, recursion across scripts.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using ScriptSecurity = ScriptingTest;

TEST_F(ScriptSecurity, AGuestScriptCannotCreateAServerScript) {
  add_api_script(
      "escalate", "escalate",
      "frappe.get_doc({'doctype': 'Server Script', 'name': 'evil', 'script_type': 'API', "
      "'api_method': 'evil', 'allow_guest': 1, 'script': 'pass'})"
      ".insert(ignore_permissions=True)\n",
      true);
  session->user = "Guest";
  session->roles = {"Guest"};
  auto r = run_api_script(*scripts, *session, "escalate", Json::object(), "POST");
  EXPECT_EQ(r->status, 403);
  session->user = "Administrator";
  EXPECT_EQ(model::count(*session, "Server Script", Json{{"name", "evil"}}), 0);
}

TEST_F(ScriptSecurity, SqlIsOneReadOnlyStatement) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  for (const char* sql :
       {"select 1; delete from tabToDo", "delete from tabToDo",
        "with x as (select 1) delete from tabToDo", "update tabToDo set description = 'x'",
        "drop table tabToDo", "attach database '/tmp/x.db' as x", "pragma writable_schema = 1"}) {
    std::string out = run(std::string("frappe.db.sql(\"") + sql + "\")\n");
    EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << sql << " -> " << out;
  }
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "keep"}}), 1);
}

TEST_F(ScriptSecurity, SqlCannotReadCredentials) {
  std::string out = run("print(frappe.db.sql('select * from __Auth'))\n");
  EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << out;
}

TEST_F(ScriptSecurity, GetAllFieldsAndOrderByAreNotInjectable) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  std::string out =
      run("frappe.get_all('ToDo', fields=['name from tabToDo; delete from tabToDo --'])\n");
  EXPECT_NE(out.find("Error"), std::string::npos) << out;
  out = run("frappe.get_all('ToDo', order_by='(select password from __Auth)')\n");
  EXPECT_NE(out.find("Error"), std::string::npos) << out;
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
}

TEST_F(ScriptSecurity, PermissionQueryConditionsMustBeAReadOnlyExpression) {
  add_script("bad pq", Json{{"script_type", "Permission Query"},
                            {"reference_doctype", "ToDo"},
                            {"script", "conditions = '1=1); delete from tabToDo; --'\n"}});
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  model::ListArgs a;
  a.doctype = "ToDo";
  EXPECT_THROW(model::get_list(*session, a), model::FrappeError);
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
}

TEST_F(ScriptSecurity, ScriptsTriggeringEachOtherAreStopped) {
  add_event_script("todo makes note", "ToDo", "After Insert",
                   "frappe.get_doc({'doctype': 'Note', 'title': 'n'}).insert()\n");
  add_event_script("note makes todo", "Note", "After Insert",
                   "frappe.get_doc({'doctype': 'ToDo', 'description': 't'}).insert()\n");
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "start"}});
    FAIL() << "expected the nesting limit";
  } catch (const model::FrappeError& e) {
    EXPECT_NE(std::string(e.what()).find("nested more than"), std::string::npos) << e.what();
  }
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
  EXPECT_EQ(model::count(*session, "Note"), 0);
}

TEST_F(ScriptSecurity, RunScriptCallingItselfIsStopped) {
  add_api_script("self", "self_call", "run_script('self')\n");
  auto r = run_api_script(*scripts, *session, "self_call", Json::object(), "POST");
  EXPECT_EQ(r->status, 417);
  EXPECT_NE(r->body["exception"].get<std::string>().find("nested more than"), std::string::npos);
}

}  // namespace
}  // namespace quire::scripting::testing
