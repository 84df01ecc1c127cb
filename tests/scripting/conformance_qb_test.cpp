// Frappe's own query-builder tests (spec §12 cases 13, 14, 32, 33, 34):
// test_server_script.py test_restricted_qb and test_safe_exec.py
// test_query_builder, test_safe_query_builder, test_safe_query_builder_in_render.

#include "model/read_sql.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

// A site has users (Frappe's test site has many; this one gets two).
class ConformanceQb : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    for (const char* email : {"ann@example.com", "bob@example.com"}) {
      insert(Json{{"doctype", "User"}, {"email", email}, {"first_name", "Test"}});
    }
  }
};

// Case 13: an API script's qb UPDATE raises PermissionError and the row keeps
// its value (set before by a whitelisted frappe.db.set_value). Case 14: the
// same script as a qb SELECT runs.
TEST_F(ConformanceQb, Case13_14_RestrictedQb) {
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "QbScriptTestNote"}});
  const std::string name = todo->name_text();
  auto script = add_api_script(
      "test_qb_restrictions", "test_qb_restrictions",
      "frappe.db.set_value(\"ToDo\", \"" + name + "\", \"description\", \"safe\")\n", true);
  auto r = run_api_script(*scripts, *session, "test_qb_restrictions", Json::object(), "POST");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "description"), "safe");

  auto save_script = [&](const std::string& body) {
    auto doc = model::get_doc(*session, "Server Script", "test_qb_restrictions");
    doc->set("script", body);
    model::save(*session, *doc);
  };
  save_script(
      "todo = frappe.qb.DocType(\"ToDo\")\n"
      "frappe.qb.update(todo).set(todo.description, \"unsafe\").where(todo.name == \"" +
      name + "\").run()\n");
  r = run_api_script(*scripts, *session, "test_qb_restrictions", Json::object(), "POST");
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.dump().find("PermissionError"), std::string::npos) << r->body.dump();
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "description"), "safe");

  save_script(
      "todo = frappe.qb.DocType(\"ToDo\")\n"
      "frappe.response['message'] = frappe.qb.from_(todo).select(todo.name)"
      ".where(todo.name == \"" +
      name + "\").run()\n");
  r = run_api_script(*scripts, *session, "test_qb_restrictions", Json::object(), "POST");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body["message"], Json::array({Json::array({name})})) << r->body.dump();
}

// Case 32: a PseudoColumn select equals the raw SQL result.
TEST_F(ConformanceQb, Case32_PseudoColumnSelect) {
  std::string out = run(
      "out = frappe.qb.from_(\"User\").select(frappe.qb.terms.PseudoColumn(\"Max(name)\")).run()\n"
      "print(out)\n"
      "print(out == frappe.db.sql(\"SELECT Max(name) FROM tabUser\"))\n");
  Json expected = model::read_sql(*session, "SELECT Max(name) FROM tabUser");
  EXPECT_EQ(out, "(('" + expected[0][0].get<std::string>() + "',),)\nTrue\n");
}

// Case 33: a qb DELETE from script code is refused, and nothing is deleted.
TEST_F(ConformanceQb, Case33_DeleteRefused) {
  Json before = model::read_sql(*session, "SELECT count(*) FROM tabUser");
  EXPECT_EQ(run("frappe.qb.from_(\"User\").delete().run()\n"),
            "PermissionError: Only SELECT SQL allowed in scripting");
  EXPECT_EQ(model::read_sql(*session, "SELECT count(*) FROM tabUser"), before);
}

// Case 34: the same delete inside render_template is refused; a select renders.
TEST_F(ConformanceQb, Case34_QbInTemplates) {
  Json before = model::read_sql(*session, "SELECT count(*) FROM tabUser");
  EXPECT_EQ(
      run("frappe.render_template(\"\"\" {{ frappe.qb.from_(\"User\").delete().run() }} \"\"\")\n")
          .rfind("PermissionError: Query must be of SELECT or read-only WITH type.", 0),
      0u);
  EXPECT_EQ(model::read_sql(*session, "SELECT count(*) FROM tabUser"), before);
  std::string out =
      run("print(frappe.render_template(\"\"\" {{ frappe.qb.from_(\"User\").select(\"*\").run() "
          "}} \"\"\").startswith(' (('))\n"
          "print(frappe.render_template(\"{{ frappe.qb.from_('User').select('name')"
          ".where(frappe.qb.Field('name') == 'bob@example.com').run(pluck=True) }}\"))\n");
  EXPECT_EQ(out, "True\n['bob@example.com']\n");
}

}  // namespace
}  // namespace quire::scripting::testing
