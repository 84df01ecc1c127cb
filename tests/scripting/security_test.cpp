// Abusing the API a script is given (shared/spec/sandbox-attacks.md): privilege,
// SQL, transactions, recursion across scripts.

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

using ScriptSecurity = SecurityTest;

TEST_F(ScriptSecurity, AGuestScriptCannotCreateAServerScript) {
  add_api_script(
      "escalate", "escalate",
      "frappe.get_doc({'doctype': 'Server Script', 'name': 'evil', 'script_type': 'API', "
      "'api_method': 'evil', 'allow_guest': 1, 'script': 'pass'})"
      ".insert(ignore_permissions=True)\n",
      true);
  become_guest();
  auto r = run_api_script(*scripts, *session, "escalate", Json::object(), "POST");
  EXPECT_EQ(r->status, 403);
  become_admin();
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

// Every statement that writes, changes the connection or reaches a file is
// refused (PermissionError) or fails to prepare; none leaves a trace.
TEST_F(ScriptSecurity, SqlWritesFilesAndEngineChangesLeaveNoTrace) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  char dir_template[] = "/tmp/quire-sql-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  std::string dir = dir_template;
  std::string file = dir + "/out.db";
  const std::string statements[] = {
      "insert into tabToDo (name, description) values ('x', 'new') returning name",
      "delete from tabToDo returning *",
      "update tabToDo set description = 'x' returning name",
      "replace into tabToDo (name, description) values ('x', 'new')",
      "with d as (delete from tabToDo returning name) select * from d",
      "select * from tabToDo; delete from tabToDo",
      "select 1; select 2",
      "select load_extension('" + dir + "/evil.so')",
      "select writefile('" + file + "', 'x')",
      "select readfile('/etc/passwd')",
      "select * from pragma_table_info('tabToDo')",
      "pragma journal_mode = delete",
      "vacuum into '" + file + "'",
      "attach database '" + file + "' as x",
      "select 1 into outfile '" + file + "'",
      "create temp table t (x)",
      "create temp trigger t after insert on tabToDo begin delete from tabToDo; end",
      "begin",
      "commit",
      "savepoint s",
      "rollback",
      "analyze",
      "reindex",
  };
  for (const auto& sql : statements) {
    std::string out = run("frappe.db.sql(\"" + sql + "\")\n");
    EXPECT_TRUE(out.rfind("PermissionError: ", 0) == 0 || out.rfind("RuntimeError: ", 0) == 0)
        << sql << " -> " << out;
  }
  EXPECT_EQ(run("print(frappe.db.sql('select name, description from tabToDo', "
                "as_dict=1)[0].description)\n"),
            "keep\n");
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
  EXPECT_FALSE(std::filesystem::exists(file));
  std::filesystem::remove_all(dir);
}

TEST_F(ScriptSecurity, SqlParametersAreBoundNeverSpliced) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  EXPECT_EQ(run("print(frappe.db.sql('select %s', (\"x'); delete from tabToDo; --\",)))\n"),
            "((\"x'); delete from tabToDo; --\",),)\n");
  EXPECT_EQ(run("print(frappe.db.sql('select count(*) from tabToDo where description = %(d)s', "
                "{'d': \"x' or '1'='1\"}))\n"),
            "((0,),)\n");
  EXPECT_EQ(run("print(frappe.db.sql('select count(*) from tabToDo where description in %s', "
                "[[\"keep') or ('1'='1\", 'none']]))\n"),
            "((0,),)\n");
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "keep"}}), 1);
}

TEST_F(ScriptSecurity, SqlCannotReadAnyOfQuiresOwnTables) {
  // __Auth holds secrets, __Sessions the session hashes and CSRF tokens, the
  // job queue the arguments other scripts passed: none is a DocType.
  db->execute("CREATE TABLE `__Sessions` (`sid_hash` TEXT, `user` TEXT, `csrf_token` TEXT)");
  db->execute("INSERT INTO `__Sessions` VALUES ('hash', 'Administrator', 'csrf')");
  db->execute("CREATE TABLE `__job_queue` (`id` INTEGER, `args` TEXT)");
  db->execute("INSERT INTO `__Auth` VALUES ('User', 'Administrator', 'password', 'hash', 0)");
  for (const char* sql :
       {"select * from __Sessions", "select * from __SESSIONS", "select * from main.__Sessions",
        "select (select csrf_token from __Sessions)", "select * from __job_queue",
        "with x as (select * from __Auth) select * from x",
        "select name from tabToDo where name in (select name from __Auth)",
        "select * from tabToDo join __Auth on 1 = 1", "select * from __schema"}) {
    std::string out = run(std::string("print(frappe.db.sql(\"") + sql + "\"))\n");
    EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << sql << " -> " << out;
  }
  // DocType tables and the schema stay readable.
  EXPECT_EQ(run("print(frappe.db.sql(\"select count(*) from sqlite_master where name = "
                "'tabToDo'\"))\n"),
            "((1,),)\n");
}

TEST_F(ScriptSecurity, PasswordFieldsNeverReachAScript) {
  // Frappe keeps Password values in __Auth and asterisks in the table; every
  // way a script reads a User must give the asterisks.
  insert(Json{{"doctype", "User"},
              {"email", "u1@example.com"},
              {"first_name", "U"},
              {"api_key", "key1"},
              {"api_secret", "s3cret-value"},
              {"new_password", "p4ssw0rd-value"}});
  ASSERT_EQ(db->query("SELECT count(*) FROM `__Auth` WHERE `password` = 's3cret-value'")[0][0],
            db::Value{std::int64_t{1}});
  std::string out =
      run("u = 'u1@example.com'\n"
          "d = frappe.get_doc('User', u)\n"
          "print(d.api_secret, d.new_password, d.get('api_secret'))\n"
          "print(d.as_dict())\n"
          "print(frappe.db.get_value('User', u, ['api_secret', 'new_password']))\n"
          "print(frappe.get_all('User', fields=['*']))\n"
          "print(frappe.get_list('User', fields=['api_secret', 'new_password']))\n"
          "print(frappe.db.get_values('User', {'name': u}, '*'))\n"
          "print(frappe.db.sql('select * from tabUser'))\n"
          "print(frappe.render_template('{{ doc.api_secret }}', {'doc': d}))\n"
          "print(frappe.get_all('User', filters={'api_secret': 's3cret-value'}))\n");
  EXPECT_EQ(out.find("s3cret"), std::string::npos) << out;
  EXPECT_EQ(out.find("p4ssw0rd"), std::string::npos) << out;
  EXPECT_NE(out.find("************"), std::string::npos) << out;
}

TEST_F(ScriptSecurity, GetAllAndGetValueArgumentsAreNotInjectable) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  // Each either fails or matches nothing; none may return the row or change it.
  for (const char* call : {
           "frappe.get_all('ToDo', filters={'description': \"x' or '1'='1\"})",
           "frappe.get_all('ToDo', filters={'description': ['like', \"%' or 1=1 --\"]})",
           "frappe.get_all('ToDo', filters={\"description') or 1=1 --\": 'x'})",
           "frappe.get_all('ToDo', filters=[['ToDo', 'description', '= 1 or 1=', 'x']])",
           "frappe.get_all('ToDo', filters=[['ToDo`; drop table tabToDo; --', 'name', '=', 'x']])",
           "frappe.get_all('ToDo', filters={'description': ['in', [\"a') or ('1'='1\"]]})",
           "frappe.get_all('ToDo', filters='1=1')",
           "frappe.get_all('ToDo', or_filters={'description': \"x' or 1=1 --\"})",
           "frappe.get_all('ToDo', fields=['name from tabToDo; delete from tabToDo --'])",
           "frappe.get_all('ToDo', fields=['count(*) as n from __Auth --'])",
           "frappe.get_all('ToDo', fields=['(select password from __Auth) as p'])",
           "frappe.get_all('ToDo', fields=['__Auth.password'])",
           "frappe.get_all('ToDo', fields=['`tab__Auth`.password'])",
           "frappe.get_all('ToDo', fields=['name as \"x\", (select 1) as y'])",
           "frappe.get_all('ToDo', group_by='name having 1=1')",
           "frappe.get_all('ToDo', order_by='description; drop table tabToDo')",
           "frappe.get_all('ToDo', order_by='(case when 1 then name end)')",
           "frappe.get_all('ToDo', pluck='name from tabToDo --')",
           "frappe.db.get_value('ToDo', \"x' or '1'='1\", 'description')",
           "frappe.db.get_value('ToDo', {'description': 'keep'}, 'description from tabToDo --')",
           "frappe.db.get_value('ToDo', {'name': ['!=', '']}, 'name', order_by='(select 1)')",
           "frappe.db.get_value('tabToDo`; drop table x; --', 'x')",
           "frappe.db.exists('ToDo', {\"description') or ('1\": 'x'})",
           "frappe.db.count('ToDo', {'description': ['in', ['a', \"b') or 1=1 --\"]]})",
       }) {
    std::string out = run(std::string("r = ") + call + "\nprint('rows' if r else 'nothing')\n");
    EXPECT_TRUE(out == "nothing\n" || out.rfind("DataError", 0) == 0 ||
                out.rfind("ValidationError", 0) == 0 || out.rfind("DoesNotExistError", 0) == 0)
        << call << " -> " << out;
  }
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "keep"}}), 1);
}

// frappe.sendmail folds CR/LF in header values (sender, subject ...) to a
// space, so whatever later writes the Email Queue out as a message cannot be
// made to emit extra headers (Bcc: ...); recipients split at line breaks.
TEST_F(ScriptSecurity, SendmailHeadersCannotCarryLineBreaks) {
  std::string out =
      run("try:\n"
          "    frappe.sendmail(recipients=['a@example.com'], sender='s@example.com\\r\\nBcc: "
          "v@evil.test', subject='hi\\r\\nBcc: v@evil.test', message='m')\n"
          "except Exception as e:\n"
          "    print('refused')\n"
          "for q in frappe.get_all('Email Queue', fields=['sender', 'subject', 'recipients']):\n"
          "    print(repr(q.sender), repr(q.subject), repr(q.recipients))\n");
  EXPECT_EQ(out.find("\\r"), std::string::npos) << out;
  EXPECT_EQ(out.find("\\n"), std::string::npos) << out;
  // Queued, with each line break folded to one space.
  EXPECT_NE(out.find("'hi Bcc: v@evil.test'"), std::string::npos) << out;
}

TEST_F(ScriptSecurity, QueryBuilderQueriesGoThroughTheSameReadOnlyPath) {
  // frappe.qb runs what it builds through frappe.db.sql: the same authorizer,
  // hidden tables and deadline.
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  for (const char* q :
       {"frappe.qb.from_('__Auth').select('*').run()", "frappe.qb.from_('ToDo').delete().run()",
        "frappe.qb.update('ToDo').set('description', 'x').run()"}) {
    std::string out = run(std::string(q) + "\n");
    EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << q << " -> " << out;
  }
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "keep"}}), 1);
}

}  // namespace
}  // namespace quire::scripting::testing
