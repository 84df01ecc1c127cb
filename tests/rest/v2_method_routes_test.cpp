// /api/v2/method/<doctype>/<method> (spec §8.3, Frappe's v2 handle_rpc_call
// with a doctype): the method of the DocType's controller module, a
// whitelisted built-in there or an API Server Script named by that dotted
// path; the whitelist rules of every method call.

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

class V2MethodRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    server.enable_server_scripts();
    server.start();
    admin = std::make_unique<Client>(server.admin());
  }
  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(V2MethodRoutes, ABuiltInControllerFunctionIsCalledThroughItsDoctype) {
  // frappe.core.doctype.user.user.generate_keys, as /api/v2/method/User/generate_keys.
  auto r = admin->post_json("/api/v2/method/User/generate_keys", {{"user", "Administrator"}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_TRUE(r.json["data"].is_object()) << r.body;
  const std::string key = r.json["data"]["api_key"].get<std::string>();
  const std::string secret = r.json["data"]["api_secret"].get<std::string>();
  // The keys work: the same call a token client would make.
  Client token = server.client();
  token.headers["Authorization"] = "token " + key + ":" + secret;
  auto who = token.get("/api/v2/method/frappe.auth.get_logged_user");
  EXPECT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(who.json["data"], "Administrator");
}

TEST_F(V2MethodRoutes, AnApiScriptNamedByTheControllerPathAnswersForTheDoctype) {
  auto created = admin->post_json(
      "/api/resource/Server Script",
      {{"name", "todo-summary"},
       {"script_type", "API"},
       {"api_method", "frappe.desk.doctype.todo.todo.summary"},
       {"script",
        "frappe.response['message'] = {'open': frappe.db.count('ToDo', {'status': 'Open'}),"
        " 'who': frappe.form_dict.get('who')}\n"}});
  ASSERT_EQ(created.status, 200) << created.body;
  ASSERT_EQ(admin->post_json("/api/resource/ToDo", {{"description", "one"}}).status, 200);
  auto r = admin->get("/api/v2/method/ToDo/summary?who=me");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["data"], Json({{"open", 1}, {"who", "me"}})) << r.body;
  // The same script by its full name, v1 and v2.
  auto v1 = admin->get("/api/method/frappe.desk.doctype.todo.todo.summary");
  EXPECT_EQ(v1.json["message"]["open"], 1) << v1.body;
  // A custom DocType's module is an app of its own name.
  auto doctype = admin->post_json(
      "/api/resource/DocType",
      {{"name", "Book Loan"},
       {"module", "Library Management"},
       {"custom", 1},
       {"fields", Json::array({{{"fieldname", "title"}, {"fieldtype", "Data"}, {"label", "T"}}})},
       {"permissions", Json::array({{{"role", "System Manager"}, {"read", 1}}})}});
  ASSERT_EQ(doctype.status, 200) << doctype.body;
  ASSERT_EQ(admin
                ->post_json("/api/resource/Server Script",
                            {{"name", "loan-ping"},
                             {"script_type", "API"},
                             {"api_method",
                              "library_management.library_management.doctype.book_loan.book_loan."
                              "ping"},
                             {"script", "frappe.response['message'] = 'pong'\n"}})
                .status,
            200);
  auto custom = admin->get("/api/v2/method/Book Loan/ping");
  EXPECT_EQ(custom.status, 200) << custom.body;
  EXPECT_EQ(custom.json["data"], "pong") << custom.body;
}

TEST_F(V2MethodRoutes, UnknownDoctypesAndMethodsAre404AndGuestsMeetTheWhitelist) {
  auto no_doctype = admin->get("/api/v2/method/No Such Type/anything");
  EXPECT_EQ(no_doctype.status, 404) << no_doctype.body;
  EXPECT_EQ(no_doctype.json["errors"][0]["type"], "DoesNotExistError") << no_doctype.body;
  auto no_method = admin->get("/api/v2/method/ToDo/no_such_method");
  EXPECT_EQ(no_method.status, 404) << no_method.body;
  auto guest =
      server.client().post_json("/api/v2/method/User/generate_keys", {{"user", "Administrator"}});
  EXPECT_EQ(guest.status, 403) << guest.body;
  EXPECT_EQ(guest.json["errors"][0]["type"], "PermissionError") << guest.body;
}

}  // namespace
}  // namespace quire::rest_testing
