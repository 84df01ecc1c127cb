// /api/resource and /api/v2/document over real HTTP: list arguments,
// insert, read, update, delete, envelopes and status codes (spec §8.2-§8.4).

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

class Resource : public ::testing::Test {
 protected:
  void SetUp() override {
    server.start();
    admin = std::make_unique<Client>(server.admin());
  }
  // Inserts a ToDo and returns its name.
  std::string todo(const std::string& description, const std::string& status = "Open",
                   const std::string& priority = "Medium") {
    auto r = admin->post_json(
        "/api/resource/ToDo",
        {{"description", description}, {"status", status}, {"priority", priority}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json["data"]["name"].get<std::string>();
  }
  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(Resource, InsertReturnsTheDocumentUnderData) {
  auto r = admin->post_json("/api/resource/ToDo", {{"description", "write tests"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& doc = r.json["data"];
  EXPECT_EQ(doc["doctype"], "ToDo");
  EXPECT_EQ(doc["description"], "write tests");
  EXPECT_EQ(doc["status"], "Open");  // the field's default
  EXPECT_EQ(doc["owner"], "Administrator");
  EXPECT_EQ(doc["docstatus"], 0);
  EXPECT_FALSE(doc.contains("__islocal"));
  EXPECT_FALSE(doc["name"].get<std::string>().empty());
}

TEST_F(Resource, InsertAcceptsAFormEncodedDataField) {
  auto r = admin->post_form("/api/resource/ToDo",
                            {{"data", Json{{"description", "from a form"}}.dump()}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["data"]["description"], "from a form");
}

TEST_F(Resource, GetReadsOneDocument) {
  auto name = todo("read me");
  auto r = admin->get("/api/resource/ToDo/" + name);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["data"]["name"], name);
  EXPECT_EQ(r.json["data"]["description"], "read me");
}

TEST_F(Resource, PutUpdatesAndDeleteAnswers202) {
  auto name = todo("before");
  auto r = admin->put_json("/api/resource/ToDo/" + name, {{"description", "after"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["data"]["description"], "after");
  EXPECT_EQ(admin->get("/api/resource/ToDo/" + name).json["data"]["description"], "after");

  auto d = admin->del("/api/resource/ToDo/" + name);
  EXPECT_EQ(d.status, 202) << d.body;
  EXPECT_EQ(d.json, Json({{"data", "ok"}}));
  auto gone = admin->get("/api/resource/ToDo/" + name);
  EXPECT_EQ(gone.status, 404) << gone.body;
  EXPECT_EQ(gone.exc_type(), "DoesNotExistError");
  EXPECT_FALSE(gone.json.contains("exception"));  // Frappe leaves it out for 404
  EXPECT_EQ(admin->del("/api/resource/ToDo/" + name).status, 404);
}

TEST_F(Resource, ListDefaultsToNamesAndTwentyRows) {
  for (int i = 0; i < 25; ++i) todo("item " + std::to_string(i));
  auto r = admin->get("/api/resource/ToDo");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["data"].size(), 20u);
  EXPECT_EQ(r.json["data"][0].size(), 1u);  // only "name"
  EXPECT_TRUE(r.json["data"][0].contains("name"));
}

TEST_F(Resource, ListHonoursFieldsFiltersOrderAndPaging) {
  todo("alpha", "Open", "High");
  todo("beta", "Closed", "Low");
  todo("gamma", "Open", "Low");
  todo("delta", "Cancelled", "Medium");
  std::string base = "/api/resource/ToDo?fields=" + q(R"(["description","status"])");

  auto open = admin->get(base + "&filters=" + q(R"([["status","=","Open"]])") +
                         "&order_by=" + q("description asc"));
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(open.json["data"], Json::parse(R"([{"description":"alpha","status":"Open"},
                                               {"description":"gamma","status":"Open"}])"));

  auto dict_filter = admin->get(base + "&filters=" + q(R"({"priority":"Low"})") +
                                "&order_by=" + q("description desc"));
  EXPECT_EQ(dict_filter.json["data"].size(), 2u);
  EXPECT_EQ(dict_filter.json["data"][0]["description"], "gamma");

  auto either =
      admin->get(base + "&or_filters=" + q(R"([["status","=","Closed"],["priority","=","High"]])") +
                 "&order_by=" + q("description asc"));
  ASSERT_EQ(either.status, 200) << either.body;
  EXPECT_EQ(either.json["data"].size(), 2u);
  EXPECT_EQ(either.json["data"][0]["description"], "alpha");
  EXPECT_EQ(either.json["data"][1]["description"], "beta");

  auto page =
      admin->get(base + "&order_by=" + q("description asc") + "&limit_start=1&limit_page_length=2");
  EXPECT_EQ(page.json["data"].size(), 2u);
  EXPECT_EQ(page.json["data"][0]["description"], "beta");
  EXPECT_EQ(page.json["data"][1]["description"], "delta");

  auto limit_alias = admin->get(base + "&order_by=" + q("description asc") + "&limit=1");
  EXPECT_EQ(limit_alias.json["data"].size(), 1u);

  auto as_list = admin->get(base + "&order_by=" + q("description asc") + "&as_dict=0&limit=1");
  EXPECT_EQ(as_list.json["data"], Json::parse(R"([["alpha","Open"]])"));
}

TEST_F(Resource, TheSameRoutesAnswerUnderV1) {
  auto r = admin->post_json("/api/v1/resource/ToDo", {{"description", "v1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto name = r.json["data"]["name"].get<std::string>();
  EXPECT_EQ(admin->get("/api/v1/resource/ToDo/" + name).json["data"]["description"], "v1");
  EXPECT_EQ(admin->get("/api/v1/resource/ToDo").json["data"].size(), 1u);
  EXPECT_EQ(admin->get("/api/v1/method/ping").json, Json({{"message", "pong"}}));
}

TEST_F(Resource, V2DocumentRoutesUseDataAndHasNextPage) {
  for (int i = 0; i < 3; ++i) todo("v2 " + std::to_string(i));
  auto page = admin->get("/api/v2/document/ToDo?limit=2");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json["data"].size(), 2u);
  EXPECT_EQ(page.json["has_next_page"], true);
  auto last = admin->get("/api/v2/document/ToDo?limit=2&start=2");
  EXPECT_EQ(last.json["data"].size(), 1u);
  EXPECT_EQ(last.json["has_next_page"], false);

  auto created = admin->post_json("/api/v2/document/ToDo", {{"description", "made in v2"}});
  ASSERT_EQ(created.status, 200) << created.body;
  auto name = created.json["data"]["name"].get<std::string>();
  auto patched = admin->send(bhttp::verb::patch, "/api/v2/document/ToDo/" + name,
                             Json{{"status", "Closed"}}.dump(), "application/json");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json["data"]["status"], "Closed");
  EXPECT_EQ(admin->get("/api/v2/doctype/ToDo/count").json["data"], 4);
  EXPECT_EQ(admin->get("/api/v2/doctype/ToDo/meta").json["data"]["name"], "ToDo");
  auto deleted = admin->del("/api/v2/document/ToDo/" + name);
  EXPECT_EQ(deleted.status, 202);
  EXPECT_EQ(deleted.json["data"], "ok");

  auto missing = admin->get("/api/v2/document/ToDo/" + name);
  EXPECT_EQ(missing.status, 404);
  ASSERT_TRUE(missing.json.contains("errors")) << missing.body;
  EXPECT_EQ(missing.json["errors"][0]["type"], "DoesNotExistError");
  EXPECT_EQ(admin->get("/api/v2/method/ping").json, Json({{"data", "pong"}}));
  auto logged = admin->get("/api/v2/method/frappe.auth.get_logged_user");
  EXPECT_EQ(logged.json, Json({{"data", "Administrator"}}));
}

TEST_F(Resource, GetRequestsAreRolledBack) {
  // A write reached through GET (run_doc_method "save" via GET) is undone:
  // Frappe commits only POST/PUT/PATCH/DELETE.
  auto name = todo("unchanged");
  Json doc = admin->get("/api/resource/ToDo/" + name).json["data"];
  doc["description"] = "changed";
  auto r = admin->get("/api/method/run_doc_method?method=save&docs=" + q(doc.dump()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["docs"][0]["description"], "changed");
  EXPECT_EQ(admin->get("/api/resource/ToDo/" + name).json["data"]["description"], "unchanged");
  // frappe.client's writes refuse GET outright (client.py: methods=["POST", "PUT"]).
  auto refused = admin->get("/api/method/frappe.client.set_value?doctype=ToDo&name=" + name +
                            "&fieldname=description&value=changed");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.server_message(), "Not permitted");
}

}  // namespace
}  // namespace quire::rest_testing
