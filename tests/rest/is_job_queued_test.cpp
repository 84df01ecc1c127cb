// is_job_queued(job_name, queue="default") in a server script (spec §3.6,
// Frappe's get_jobs(key="job_name") over queued and started jobs) against a
// live `quire serve` and its own job workers: a job enqueued by a script is
// found by its job_name (or, without one, by its method) while it waits or
// runs, in its queue only, and not once it has ended.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

class IsJobQueued : public ::testing::Test {
 protected:
  void SetUp() override {
    server.enable_server_scripts();
    // The spinning job ends at this deadline (a query that never finishes
    // on its own), so the test sees it queued or running, then gone.
    server.config("server_script_timeout_ms", 4000);
    server.config("pause_scheduler", true);
    server.start();
    admin = std::make_unique<Client>(server.admin());
    api_script("spin", "t.spin",
               "frappe.db.sql(\"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
               " SELECT count(*) FROM c\")\n");
    api_script("start", "t.start",
               "frappe.enqueue('t.spin', job_name='spinner', queue='long')\n"
               "frappe.enqueue('t.spin')\n"
               "frappe.response['message'] = 'queued'\n");
    api_script("ask", "t.ask",
               "frappe.response['message'] = [is_job_queued('spinner', 'long'),"
               " is_job_queued('spinner'), is_job_queued('t.spin'),"
               " is_job_queued('t.spin', queue='long'), is_job_queued('nothing')]\n");
  }

  void api_script(const std::string& name, const std::string& method, const std::string& source) {
    auto created = admin->post_json(
        "/api/resource/Server Script",
        {{"name", name}, {"script_type", "API"}, {"api_method", method}, {"script", source}});
    ASSERT_EQ(created.status, 200) << created.body;
  }

  Json ask() {
    // A GET: its read-only transaction does not wait for the write lock the
    // spinning jobs' transactions hold.
    auto answer = admin->get("/api/method/t.ask");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json["message"];
  }

  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(IsJobQueued, FindsAScriptsJobByNameAndQueueUntilItEnds) {
  auto started = admin->post_json("/api/method/t.start", Json::object());
  ASSERT_EQ(started.status, 200) << started.body;
  // Both jobs spin until the 4 s deadline: queued or running all along.
  EXPECT_EQ(ask(), Json::parse("[true, false, true, false, false]"));
  // Once they have failed at their deadline, neither is found.
  Json last;
  for (int i = 0; i < 600; ++i) {
    last = ask();
    if (last == Json::parse("[false, false, false, false, false]")) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(last, Json::parse("[false, false, false, false, false]"));
}

TEST_F(IsJobQueued, BadArgumentsAreTypeErrors) {
  api_script("bad", "t.bad",
             "try:\n"
             "    is_job_queued()\n"
             "except TypeError as e:\n"
             "    frappe.response['message'] = 'TypeError'\n");
  auto answer = admin->post_json("/api/method/t.bad", Json::object());
  EXPECT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json["message"], "TypeError");
}

}  // namespace
}  // namespace quire::rest_testing
