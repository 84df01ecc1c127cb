// Shapes of data that cross between a script and the host: structures that
// contain themselves or nest without bound must end the run with an error,
// never overflow the native stack (which would take the process down).

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

using ScriptData = SecurityTest;

TEST_F(ScriptData, SelfContainingResultsAreAnErrorNotACrash) {
  // CPython's json.dumps: "ValueError: Circular reference detected".
  add_api_script("cyclic flags", "cyclic_flags", "x = []\nx.append(x)\nfrappe.flags = x\n");
  auto r = run_api_script(*scripts, *session, "cyclic_flags", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body.value("exc_type", ""), "ValueError") << r->body.dump();
  EXPECT_EQ(r->body.value("exception", ""), "ValueError: Circular reference detected");
  // A frappe.response that cannot be encoded is left out of the answer (the
  // engine keeps the request's own), still without harm to the process.
  add_api_script("cyclic response", "cyclic_response",
                 "d = {}\nd['self'] = d\nfrappe.response['message'] = d\n");
  r = run_api_script(*scripts, *session, "cyclic_response", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->body.contains("message")) << r->body.dump();
  // Shared (not cyclic) parts are fine.
  add_api_script("shared", "shared", "x = [1]\nfrappe.flags = [x, x, {'a': x}]\n");
  r = run_api_script(*scripts, *session, "shared", Json::object(), "POST");
  EXPECT_EQ(r->body["message"], Json::parse(R"([[1], [1], {"a": [1]}])"));
}

TEST_F(ScriptData, SelfContainingArgumentsAreAnError) {
  insert(Json{{"doctype", "ToDo"}, {"description", "keep"}});
  for (const char* call :
       {"frappe.get_all('ToDo', filters=f)", "frappe.db.get_value('ToDo', f, 'name')",
        "frappe.enqueue('do_work', x=f)", "frappe.db.set_value('ToDo', {'description': 'keep'}, f)",
        "frappe.get_doc({'doctype': 'ToDo', 'description': f}).insert()",
        "frappe.db.sql('select %(a)s', f)"}) {
    std::string out = run(std::string("f = {'a': 1}\nf['b'] = [f]\n") + call + "\n");
    EXPECT_EQ(out, "ValueError: Circular reference detected") << call;
  }
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "keep"}}), 1);
}

TEST_F(ScriptData, DeeplyNestedResultsAreARecursionError) {
  add_api_script("deep", "deep",
                 "x = []\nfor i in range(200000):\n    x = [x]\nfrappe.flags = x\n");
  auto r = run_api_script(*scripts, *session, "deep", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body["exc_type"], "RecursionError") << r->body.dump();
  // Nesting within the limit still works.
  add_api_script("nested", "nested",
                 "x = []\nfor i in range(50):\n    x = [x]\nfrappe.flags = x\n");
  r = run_api_script(*scripts, *session, "nested", Json::object(), "POST");
  Json expected = Json::array();
  for (int i = 0; i < 50; ++i) expected = Json::array({expected});
  EXPECT_EQ(r->body["message"], expected);
}

TEST_F(ScriptData, DeeplyNestedRequestParametersAreARecursionError) {
  // A guest controls form_dict: a request body of nested brackets.
  add_api_script("echo", "echo", "frappe.response['message'] = 'ran'\n", true);
  add_api_script("count", "count_levels",
                 "x = frappe.form_dict.tree\nn = 0\nwhile x:\n    x = x[0]\n    n += 1\n"
                 "frappe.response['message'] = n\n",
                 true);
  // Built by moving each level into the next: Json::array({deep}) copies the
  // whole tree per level (quadratic: 20 s for 20,000 levels).
  Json deep = Json::array();
  for (int i = 0; i < 20000; ++i) {
    Json outer = Json::array();
    outer.push_back(std::move(deep));
    deep = std::move(outer);
  }
  become_guest();
  RequestState request;
  request.http_method = "POST";
  request.form_dict["deep"] = std::move(deep);
  auto r = run_api_script(*scripts, *session, "echo", request);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body["exc_type"], "RecursionError") << r->body.dump().substr(0, 200);
  // An ordinary nested body is read as it was sent.
  Json tree = Json::array({0});
  for (int i = 0; i < 100; ++i) tree = Json::array({tree});
  r = run_api_script(*scripts, *session, "count_levels", Json{{"tree", tree}}, "POST");
  EXPECT_EQ(r->body["message"], 101) << r->body.dump().substr(0, 200);
}

}  // namespace
}  // namespace quire::scripting::testing
