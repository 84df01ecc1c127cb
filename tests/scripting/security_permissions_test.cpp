// Permission bypasses a Script Manager or a guest might try through the API
// a script is given (shared/spec/sandbox-attacks.md "Privilege"): each test
// attacks first, then checks the damage did not happen.

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

using ScriptPermissions = SecurityTest;

TEST_F(ScriptPermissions, GetListChecksReadPermissionOnLinkedDocTypes) {
  // Frappe's get_list checks read permission on a DocType a Link-field column
  // joins in (db_query.py append_link_table); Role is System Manager only.
  insert(Json{{"doctype", "Role"}, {"role_name", "Secret Role"}});
  insert(Json{{"doctype", "ToDo"}, {"description", "mine"}, {"role", "Secret Role"}});
  become("u1@example.com", {"All", "Guest"});
  EXPECT_EQ(run("print(frappe.get_list('ToDo', fields=['name', 'role.role_name']))\n"),
            "PermissionError: No permission for Role");
  EXPECT_EQ(
      run("print(frappe.get_list('ToDo', fields=['role.role_name'], order_by='role.role_name'))\n"),
      "PermissionError: No permission for Role");
  // get_all does not apply permissions (Frappe's too), nor does ignore_permissions.
  EXPECT_EQ(run("print(frappe.get_all('ToDo', fields=['role.role_name']))\n"),
            "[{'role_name': 'Secret Role'}]\n");
  EXPECT_EQ(run("print(frappe.get_list('ToDo', fields=['role.role_name'], "
                "ignore_permissions=True))\n"),
            "[{'role_name': 'Secret Role'}]\n");
  // A linked DocType the user may read joins as before.
  EXPECT_EQ(run("print(frappe.get_list('ToDo', fields=['description', 'allocated_to.name']))\n"),
            "[{'description': 'mine', 'name': None}]\n");
}

TEST_F(ScriptPermissions, RewritingTheSessionOrFlagsGrantsNothing) {
  insert(Json{{"doctype", "Role"}, {"role_name", "Secret Role"}});
  become("u1@example.com", {"All", "Guest"});
  EXPECT_EQ(run("frappe.session.user = 'Administrator'\n"
                "frappe.flags.ignore_permissions = True\n"
                "frappe.user = 'Administrator'\n"
                "print(frappe.session.user, frappe.has_permission('Role', 'read'))\n"
                "frappe.get_list('Role')\n"),
            "Administrator False\nPermissionError: No permission to read Role");
  EXPECT_EQ(session->user, "u1@example.com");
  // The next run starts from the real session again.
  EXPECT_EQ(run("print(frappe.session.user, frappe.flags.ignore_permissions)\n"),
            "u1@example.com None\n");
}

TEST_F(ScriptPermissions, GetListForAnotherUserStillUsesTheSessionsPermissions) {
  // Frappe's get_list(user=...) evaluates permissions as that user, so a
  // guest script could list as Administrator; quire ignores `user`.
  insert(Json{{"doctype", "Role"}, {"role_name", "Secret Role"}});
  become_guest();
  EXPECT_EQ(run("frappe.get_list('Role', user='Administrator')\n"),
            "PermissionError: No permission to read Role");
  EXPECT_EQ(run("frappe.get_list('ToDo', fields=['role.role_name'], user='Administrator')\n")
                .rfind("PermissionError", 0),
            0u);
}

TEST_F(ScriptPermissions, WritesWithoutPermissionAreRefused) {
  insert(Json{{"doctype", "Role"}, {"role_name", "Secret Role"}});
  become("u1@example.com", {"All", "Guest"});
  EXPECT_EQ(run("frappe.get_doc({'doctype': 'Role', 'role_name': 'Mine'}).insert()\n"),
            "PermissionError: Insufficient Permission for Role (<strong>create</strong>)");
  EXPECT_EQ(run("d = frappe.get_doc('Role', 'Secret Role')\nd.disabled = 1\nd.save()\n"),
            "PermissionError: Insufficient Permission for Role (<strong>write</strong>)");
  EXPECT_EQ(run("frappe.delete_doc('Role', 'Secret Role')\n"),
            "PermissionError: Insufficient Permission for Role (<strong>delete</strong>)");
  become_admin();
  EXPECT_EQ(model::count(*session, "Role", Json{{"name", "Mine"}}), 0);
  EXPECT_EQ(model::count(*session, "Role", Json{{"name", "Secret Role"}}), 1);
}

TEST_F(ScriptPermissions, OnlyScriptManagersSaveServerScriptsEvenWithIgnorePermissions) {
  // Frappe: ServerScript.validate calls frappe.only_for("Script Manager", True),
  // which ignore_permissions does not skip.
  become("u1@example.com", {"All", "Guest", "System Manager"});
  std::string out =
      run("frappe.get_doc({'doctype': 'Server Script', 'name': 'evil', 'script_type': 'API', "
          "'api_method': 'evil', 'allow_guest': 1, 'script': "
          "'pass'}).insert(ignore_permissions=True)\n");
  EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << out;
  become_admin();
  EXPECT_EQ(model::count(*session, "Server Script", Json{{"name", "evil"}}), 0);
}

TEST_F(ScriptPermissions, NoOneButAScriptManagerChangesOrRemovesAServerScript) {
  // Dropping a Permission Query script would widen what every user lists.
  add_script("pq", Json{{"script_type", "Permission Query"},
                        {"reference_doctype", "ToDo"},
                        {"script", "conditions = '1=1'\n"}});
  become("u1@example.com", {"All", "Guest", "System Manager"});
  for (const char* attack :
       {"frappe.delete_doc('Server Script', 'pq', ignore_permissions=True)",
        "frappe.rename_doc('Server Script', 'pq', 'pq2', ignore_permissions=True)",
        "d = frappe.get_doc('Server Script', 'pq')\nd.disabled = "
        "1\nd.save(ignore_permissions=True)"}) {
    std::string out = run(std::string(attack) + "\n");
    EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << attack << " -> " << out;
  }
  become_admin();
  EXPECT_EQ(run("print(frappe.db.get_value('Server Script', 'pq', 'disabled'))\n"), "0\n");
}

TEST_F(ScriptPermissions, AGuestScriptCannotCallAScriptThatRefusesGuests) {
  // Frappe's execute_api_server_script refuses Guest for every way in:
  // the URL, frappe.call and run_script.
  add_api_script("private", "private_method",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'by private'})"
                 ".insert(ignore_permissions=True)\n");
  add_api_script("via call", "via_call", "frappe.call('private_method')\n", true);
  add_api_script("via run_script", "via_run_script", "run_script('private')\n", true);
  add_api_script("via enqueue now", "via_enqueue_now",
                 "frappe.enqueue('private_method', now=True)\n", true);
  become_guest();
  for (const char* method : {"via_call", "via_run_script", "via_enqueue_now"}) {
    auto r = run_api_script(*scripts, *session, method, Json::object(), "POST");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << method << " " << r->body.dump();
    EXPECT_EQ(r->body["exc_type"], "PermissionError") << method;
  }
  become_admin();
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

TEST_F(ScriptPermissions, FrappeCallReachesNoInternalMethod) {
  // Only API scripts and ping are whitelisted: nothing that would run as
  // another user or reach the host.
  for (const char* method :
       {"frappe.client.get_value", "frappe.client.set_value", "frappe.client.insert",
        "run_doc_method", "frappe.desk.form.save.savedocs", "frappe.core.doctype.user.user.sign_up",
        "frappe.auth.get_logged_user", "frappe.utils.safe_exec.safe_exec",
        "frappe.integrations.utils.make_get_request", "os.system", "__import__"}) {
    std::string out = run(std::string("frappe.call('") + method + "')\n");
    EXPECT_EQ(out.rfind("PermissionError", 0), 0u) << method << " -> " << out;
    EXPECT_NE(out.find(std::string("<strong>") + method + "</strong> is not whitelisted"),
              std::string::npos)
        << out;
  }
}

TEST_F(ScriptPermissions, RateLimitCountsCallsFromOtherScriptsToo) {
  // A rate-limited script called in a loop through frappe.call from a script
  // without a limit is still limited (the client is the same).
  add_script("limited", Json{{"script_type", "API"},
                             {"api_method", "limited"},
                             {"allow_guest", 1},
                             {"enable_rate_limit", 1},
                             {"rate_limit_count", 3},
                             {"rate_limit_seconds", 3600},
                             {"script",
                              "frappe.get_doc({'doctype': 'ToDo', 'description': 'x'})"
                              ".insert(ignore_permissions=True)\n"}});
  add_api_script("looper", "looper", "for i in range(20):\n    frappe.call('limited')\n", true);
  become_guest();
  RequestState request;
  request.http_method = "POST";
  request.client_ip = "203.0.113.9";
  auto r = run_api_script(*scripts, *session, "looper", request);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 417) << r->body.dump();
  EXPECT_EQ(r->body["exc_type"], "RateLimitExceededError");
  become_admin();
  // The failed request rolled back: not even the three allowed inserts stay.
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

}  // namespace
}  // namespace quire::scripting::testing
