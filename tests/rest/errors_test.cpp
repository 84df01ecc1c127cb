// Error classes, status codes and envelopes (spec §8.4, §9.3), and malformed
// requests: every one a 4xx with a clear message, never a 500.

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

class Errors : public ::testing::Test {
 protected:
  void SetUp() override {
    server.config("http_max_body_bytes", 4096);
    server.start();
    admin = std::make_unique<Client>(server.admin());
  }
  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(Errors, UnknownRouteIs404WithFrappesEnvelope) {
  auto r = admin->get("/api/nothing/here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.exc_type(), "DoesNotExistError");
}

TEST_F(Errors, UnknownDoctypeIs404) {
  auto r = admin->get("/api/resource/No Such Type");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.exc_type(), "DoesNotExistError");
  EXPECT_EQ(r.server_message(), "DocType No Such Type not found");
  EXPECT_EQ(admin->post_json("/api/resource/Nope", {{"a", 1}}).status, 404);
}

TEST_F(Errors, ValidationErrorsAre417WithTheExceptionLine) {
  // ToDo's description is mandatory.
  auto r = admin->post_json("/api/resource/ToDo", {{"status", "Open"}});
  EXPECT_EQ(r.status, 417) << r.body;
  EXPECT_EQ(r.exc_type(), "MandatoryError");
  EXPECT_TRUE(
      r.json["exception"].get<std::string>().starts_with("frappe.exceptions.MandatoryError: "))
      << r.body;
  auto message =
      Json::parse(Json::parse(r.json["_server_messages"].get<std::string>())[0].get<std::string>());
  EXPECT_EQ(message["indicator"], "red");
  EXPECT_EQ(message["raise_exception"], 1);

  auto bad_select =
      admin->post_json("/api/resource/ToDo", {{"description", "x"}, {"status", "Not A Status"}});
  EXPECT_EQ(bad_select.status, 417) << bad_select.body;
}

TEST_F(Errors, DuplicateNameIs409AndDuplicateUniqueValueIs417) {
  // v2 honours a given name whatever the naming rule.
  auto first =
      admin->post_json("/api/v2/document/ToDo", {{"name", "todo-1"}, {"description", "a"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json["data"]["name"], "todo-1");
  auto again =
      admin->post_json("/api/v2/document/ToDo", {{"name", "todo-1"}, {"description", "b"}});
  EXPECT_EQ(again.status, 409) << again.body;
  ASSERT_TRUE(again.json.contains("errors")) << again.body;
  EXPECT_EQ(again.json["errors"][0]["type"], "DuplicateEntryError");
  EXPECT_EQ(admin->get("/api/resource/ToDo/todo-1").json["data"]["description"], "a");
  // Role names are a unique field: Frappe's UniqueValidationError (417).
  ASSERT_EQ(admin->post_json("/api/resource/Role", {{"role_name", "Auditor"}}).status, 200);
  auto unique = admin->post_json("/api/resource/Role", {{"role_name", "Auditor"}});
  EXPECT_EQ(unique.status, 417) << unique.body;
  EXPECT_EQ(unique.exc_type(), "UniqueValidationError");
}

TEST_F(Errors, MalformedJsonIs400) {
  auto r = admin->send(bhttp::verb::post, "/api/resource/ToDo",
                       "{\"description\": ", "application/json");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.exc_type(), "BadRequest");
  auto scalar = admin->send(bhttp::verb::post, "/api/resource/ToDo", "42", "application/json");
  EXPECT_EQ(scalar.status, 400) << scalar.body;
}

TEST_F(Errors, UnreadableBodyTypeIs415) {
  auto r = admin->send(bhttp::verb::post, "/api/resource/ToDo", "<xml/>", "application/xml");
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(r.exc_type(), "UnsupportedMediaType");
}

TEST_F(Errors, OversizedBodyIs413) {
  std::string big(8192, 'x');
  auto r = admin->post_json("/api/resource/ToDo", {{"description", big}});
  EXPECT_EQ(r.status, 413) << r.body;
}

TEST_F(Errors, MalformedListArgumentsAre4xx) {
  auto bad_filters = admin->get("/api/resource/ToDo?filters=" + q("[[\"status\",\"=\""));
  EXPECT_EQ(bad_filters.status, 400) << bad_filters.body;
  auto unknown_field = admin->get("/api/resource/ToDo?fields=" + q(R"(["no_such_field"])"));
  EXPECT_EQ(unknown_field.status / 100, 4) << unknown_field.body;
  auto injection = admin->get("/api/resource/ToDo?fields=" + q(R"(["name; drop table tabToDo"])"));
  EXPECT_EQ(injection.status, 417) << injection.body;
  EXPECT_EQ(injection.exc_type(), "DataError");
  auto bad_operator = admin->get("/api/resource/ToDo?filters=" + q(R"([["status","~","x"]])"));
  EXPECT_EQ(bad_operator.status / 100, 4) << bad_operator.body;
  auto bad_order = admin->get("/api/resource/ToDo?order_by=" + q("(select 1)"));
  EXPECT_EQ(bad_order.status / 100, 4) << bad_order.body;
  // Frappe's cint: text where a number belongs reads as the default.
  EXPECT_EQ(admin->get("/api/resource/ToDo?limit_start=abc&limit=xyz").status, 200);
  // The table is still there.
  EXPECT_EQ(admin->get("/api/resource/ToDo").status, 200);
}

TEST_F(Errors, WrongTypesInDocumentsAre4xx) {
  auto list_in_field =
      admin->post_json("/api/resource/ToDo", {{"description", Json::array({1, 2})}});
  EXPECT_EQ(list_in_field.status, 417) << list_in_field.body;
  auto not_object = admin->post_json("/api/method/frappe.client.insert", {{"doc", "[1,2]"}});
  EXPECT_EQ(not_object.status, 417) << not_object.body;
  auto no_doctype = admin->post_json("/api/method/frappe.client.insert", {{"doc", {{"a", 1}}}});
  EXPECT_EQ(no_doctype.status, 417) << no_doctype.body;
  auto update_with_list = admin->put_json("/api/resource/ToDo/x", Json::array({1}));
  EXPECT_EQ(update_with_list.status / 100, 4) << update_with_list.body;
}

TEST_F(Errors, UnknownMethodIs404AndWrongVerbIs405) {
  auto r = admin->get("/api/method/no.such.method");
  EXPECT_EQ(r.status, 404) << r.body;
  auto verb = admin->send(bhttp::verb::patch, "/api/resource/ToDo", "{}", "application/json");
  EXPECT_EQ(verb.status, 405) << verb.body;
}

TEST_F(Errors, PercentEncodedNamesAndNoiseInThePath) {
  auto created = admin->post_json("/api/resource/Role", {{"role_name", "Sales / Support"}});
  ASSERT_EQ(created.status, 200) << created.body;
  auto r = admin->get("/api/resource/Role/" + q("Sales / Support"));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["data"]["name"], "Sales / Support");
  EXPECT_EQ(admin->get("/api/resource/Role/%ZZ%").status, 404);
  EXPECT_EQ(admin->get("/api/resource//").status, 404);
}

}  // namespace
}  // namespace quire::rest_testing
