// A write that finds SQLite's write lock held by another connection (a long
// job or request) for the whole busy timeout: a 503 QueryTimeoutError with
// Retry-After in Frappe's error envelope, the request's transaction rolled
// back (nothing half-written), and the same write succeeding once the lock is
// gone. In a script, the write raises frappe.QueryTimeoutError, which the
// script may catch. Each locked request waits the busy timeout (5 s).

#include "rest_fixture.h"
#include "write_lock.h"

namespace quire::rest_testing {
namespace {

constexpr const char* kBusyProbe = R"(
try:
    frappe.db.set_value("ToDo", frappe.form_dict.name, "description", "from script")
    frappe.response["message"] = "written"
except frappe.QueryTimeoutError as e:
    frappe.response["message"] = "caught: " + str(e)
)";

constexpr const char* kUncaught =
    "frappe.db.set_value('ToDo', frappe.form_dict.name, 'description', 'from script')\n";

class DatabaseBusy : public ::testing::Test {
 protected:
  void SetUp() override {
    server.enable_server_scripts();
    server.start();
    admin = std::make_unique<Client>(server.admin());
  }
  HttpResult todos(const std::string& description) {
    return admin->get("/api/resource/ToDo?filters=" +
                      q(Json::array({Json::array({"description", "=", description})}).dump()));
  }
  RestServer server;
  std::unique_ptr<Client> admin;  // logged in before any lock (login writes a session)
};

TEST_F(DatabaseBusy, AWriteWaitingOutTheLockIsA503WithRetryAfter) {
  {
    WriteLock lock(site_database(server.dir()));
    auto r = admin->post_json("/api/resource/ToDo", {{"description", "while locked"}});
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_EQ(r.headers["Retry-After"], "5") << r.body;
    EXPECT_EQ(r.exc_type(), "QueryTimeoutError") << r.body;
    EXPECT_NE(r.server_message().find("busy"), std::string::npos) << r.body;
    EXPECT_NE(r.server_message().find("try again"), std::string::npos) << r.body;

    auto v2 = admin->post_json("/api/v2/document/ToDo", {{"description", "while locked"}});
    EXPECT_EQ(v2.status, 503) << v2.body;
    EXPECT_EQ(v2.json["errors"][0]["type"], "QueryTimeoutError") << v2.body;
  }
  auto none = todos("while locked");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json["data"].empty()) << none.body;

  auto after = admin->post_json("/api/resource/ToDo", {{"description", "while locked"}});
  EXPECT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(todos("while locked").json["data"].size(), 1u);
}

TEST_F(DatabaseBusy, AScriptsWriteRaisesACatchableQueryTimeoutError) {
  // A GET API script reads in a deferred transaction; its set_value then
  // needs the write lock the other connection holds.
  for (auto [name, script] : {std::pair{"busy_probe", kBusyProbe}, {"busy_uncaught", kUncaught}}) {
    auto created = admin->post_json(
        "/api/resource/Server Script",
        {{"name", name}, {"script_type", "API"}, {"api_method", name}, {"script", script}});
    ASSERT_EQ(created.status, 200) << created.body;
  }
  auto todo = admin->post_json("/api/resource/ToDo", {{"description", "before"}});
  ASSERT_EQ(todo.status, 200) << todo.body;
  std::string name = todo.json["data"]["name"];
  {
    WriteLock lock(site_database(server.dir()));
    auto r = admin->get("/api/method/busy_probe?name=" + q(name));
    EXPECT_EQ(r.status, 200) << r.body;
    std::string message = r.json.value("message", "");
    EXPECT_EQ(message.rfind("caught: ", 0), 0u) << r.body;
    EXPECT_NE(message.find("try again"), std::string::npos) << r.body;
    // Not caught: the request's answer is the same 503 as a REST write's.
    auto uncaught = admin->get("/api/method/busy_uncaught?name=" + q(name));
    EXPECT_EQ(uncaught.status, 503) << uncaught.body;
    EXPECT_EQ(uncaught.exc_type(), "QueryTimeoutError") << uncaught.body;
    EXPECT_EQ(uncaught.headers["Retry-After"], "5") << uncaught.body;
  }
  auto stored = admin->get("/api/resource/ToDo/" + name);
  EXPECT_EQ(stored.json["data"]["description"], "before") << stored.body;
}

}  // namespace
}  // namespace quire::rest_testing
