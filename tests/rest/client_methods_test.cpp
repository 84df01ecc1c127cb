// frappe.client.* over /api/method (spec §8.2; Frappe's frappe/client.py):
// each built-in with the arguments and answer shapes Frappe's clients use,
// and the verbs Frappe allows for the writes.

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

// A submittable DocType with a child table.
Json invoice_doctypes() {
  return Json::parse(R"([
    {"name": "Bill Line", "module": "Custom", "custom": 1, "istable": 1,
     "fields": [{"fieldname": "item", "fieldtype": "Data", "label": "Item"}]},
    {"name": "Bill", "module": "Custom", "custom": 1, "autoname": "hash", "is_submittable": 1,
     "fields": [{"fieldname": "amount", "fieldtype": "Int", "label": "Amount"},
                {"fieldname": "lines", "fieldtype": "Table", "options": "Bill Line",
                 "label": "Lines"}],
     "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                      "delete": 1, "submit": 1, "cancel": 1}]}])");
}

class ClientMethods : public ::testing::Test {
 protected:
  void SetUp() override {
    server.start();
    admin = std::make_unique<Client>(server.admin());
    for (const auto& doctype : invoice_doctypes()) {
      auto r = admin->post_json("/api/resource/DocType", doctype);
      ASSERT_EQ(r.status, 200) << r.body;
    }
  }
  HttpResult call(const std::string& method, const Json& args) {
    return admin->post_json("/api/method/" + method, args);
  }
  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(ClientMethods, InsertGetGetValueGetCountAndGetList) {
  auto inserted =
      call("frappe.client.insert", {{"doc", {{"doctype", "ToDo"}, {"description", "alpha"}}}});
  ASSERT_EQ(inserted.status, 200) << inserted.body;
  const std::string name = inserted.json["message"]["name"].get<std::string>();
  auto many = call("frappe.client.insert_many",
                   {{"docs", Json::array({{{"doctype", "ToDo"}, {"description", "beta"}},
                                          {{"doctype", "ToDo"}, {"description", "gamma"}}})}});
  ASSERT_EQ(many.status, 200) << many.body;
  ASSERT_EQ(many.json["message"].size(), 2u) << many.body;

  auto got = admin->get("/api/method/frappe.client.get?doctype=ToDo&name=" + name);
  EXPECT_EQ(got.json["message"]["description"], "alpha") << got.body;
  auto by_filters = admin->get("/api/method/frappe.client.get?doctype=ToDo&filters=" +
                               q(R"({"description": "beta"})"));
  EXPECT_EQ(by_filters.json["message"]["name"], many.json["message"][0]) << by_filters.body;
  // A Single without name or filters.
  auto single = admin->get("/api/method/frappe.client.get?doctype=System Settings");
  EXPECT_EQ(single.status, 200) << single.body;
  EXPECT_EQ(single.json["message"]["name"], "System Settings") << single.body;

  auto value = admin->get(
      "/api/method/frappe.client.get_value?doctype=ToDo&fieldname=description"
      "&filters=" +
      name);
  EXPECT_EQ(value.json["message"], Json({{"description", "alpha"}})) << value.body;
  auto plain = admin->get(
      "/api/method/frappe.client.get_value?doctype=ToDo&fieldname=description&as_dict=0&filters=" +
      q(R"({"description": "gamma"})"));
  EXPECT_EQ(plain.json["message"], "gamma") << plain.body;

  auto count = admin->get("/api/method/frappe.client.get_count?doctype=ToDo&filters=" +
                          q(R"([["description", "in", ["alpha", "beta"]]])"));
  EXPECT_EQ(count.json["message"], 2) << count.body;
  auto list = admin->get(
      "/api/method/frappe.client.get_list?doctype=ToDo&fields=" + q(R"(["description"])") +
      "&order_by=" + q("description desc") + "&limit_page_length=2");
  EXPECT_EQ(list.json["message"], Json::parse(R"([{"description": "gamma"},
                                                  {"description": "beta"}])"))
      << list.body;
}

TEST_F(ClientMethods, SaveSetValueSubmitCancelAndDelete) {
  auto bill =
      call("frappe.client.insert",
           {{"doc",
             {{"doctype", "Bill"}, {"amount", 5}, {"lines", Json::array({{{"item", "pen"}}})}}}})
          .json["message"];
  ASSERT_TRUE(bill.is_object());
  const std::string name = bill["name"].get<std::string>();
  bill["amount"] = 7;
  auto saved = call("frappe.client.save", {{"doc", bill}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json["message"]["amount"], 7);
  auto set = call("frappe.client.set_value",
                  {{"doctype", "Bill"}, {"name", name}, {"fieldname", {{"amount", 9}}}});
  EXPECT_EQ(set.json["message"]["amount"], 9) << set.body;

  // A child row inserted on its own is saved through its parent, which comes back.
  auto child = call("frappe.client.insert", {{"doc",
                                              {{"doctype", "Bill Line"},
                                               {"item", "ink"},
                                               {"parent", name},
                                               {"parenttype", "Bill"},
                                               {"parentfield", "lines"}}}});
  ASSERT_EQ(child.status, 200) << child.body;
  EXPECT_EQ(child.json["message"]["name"], name) << child.body;
  EXPECT_EQ(child.json["message"]["lines"].size(), 2u) << child.body;

  Json current = admin->get("/api/resource/Bill/" + name).json["data"];
  auto submitted = call("frappe.client.submit", {{"doc", current}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json["message"]["docstatus"], 1);
  auto cancelled = call("frappe.client.cancel", {{"doctype", "Bill"}, {"name", name}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json["message"]["docstatus"], 2);

  auto deleted = admin->send(bhttp::verb::delete_, "/api/method/frappe.client.delete",
                             Json{{"doctype", "Bill"}, {"name", name}}.dump(), "application/json");
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_FALSE(deleted.json.contains("message")) << "None leaves the key out";
  EXPECT_EQ(admin->get("/api/resource/Bill/" + name).status, 404);
}

TEST_F(ClientMethods, WritesRefuseTheVerbsFrappeRefuses) {
  for (const char* method : {"frappe.client.insert", "frappe.client.insert_many",
                             "frappe.client.save", "frappe.client.submit", "frappe.client.cancel",
                             "frappe.client.set_value", "frappe.client.delete"}) {
    auto r = admin->get(std::string("/api/method/") + method);
    EXPECT_EQ(r.status, 403) << method << ": " << r.body;
    EXPECT_EQ(r.server_message(), "Not permitted") << method;
  }
  auto put_delete = admin->put_json("/api/method/frappe.client.delete", {{"doctype", "ToDo"}});
  EXPECT_EQ(put_delete.status, 403) << put_delete.body;
  // Reads take GET and POST alike.
  EXPECT_EQ(call("frappe.client.get_count", {{"doctype", "ToDo"}}).status, 200);
  EXPECT_EQ(admin->get("/api/method/frappe.client.get_count?doctype=ToDo").status, 200);
}

TEST_F(ClientMethods, InsertManyTakesAtMostTwoHundred) {
  Json docs = Json::array();
  for (int i = 0; i < 201; ++i) docs.push_back({{"doctype", "ToDo"}, {"description", "x"}});
  auto r = call("frappe.client.insert_many", {{"docs", docs}});
  EXPECT_EQ(r.status, 417) << r.body;
  EXPECT_EQ(r.server_message(), "Only 200 inserts allowed in one request");
  EXPECT_EQ(admin->get("/api/method/frappe.client.get_count?doctype=ToDo").json["message"], 0);
}

}  // namespace
}  // namespace quire::rest_testing
