// A Scheduler Event script's Scheduled Job Log (issue 8, spec §2.3 and
// §3.11): what the script printed is the log's debug_log, and when the script
// fails the "Failed" log's details carry its traceback — the script's name
// and line, and the error as CPython words it (computed by python3 here).
//
// The scripts are created over REST on a live `quire serve`, so the Server
// Script controller makes their Scheduled Job Types; a job for each type is
// enqueued with `quire jobs enqueue` (or `quire execute-script --enqueue`)
// and the server's own workers run it.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "../../rest/python_traceback.h"
#include "../../rest/rest_fixture.h"

namespace quire::rest_testing {
namespace {

const char* kPrinter =
    "print(\"hello from\", \"the scheduler\")\n"
    "frappe.log(\"and from frappe.log\")\n"
    "print(6 * 7)\n";

const char* kBreaker =
    "print(\"before the error\")\n"
    "values = {}\n"
    "values[\"missing\"]\n";

class ScriptJobLog : public ::testing::Test {
 protected:
  void SetUp() override {
    auto enabled = server.run({"set-config", "-g", "server_script_enabled", "1"});
    ASSERT_EQ(enabled.code, 0) << enabled.err;
    // Only the jobs this test enqueues run.
    server.config("pause_scheduler", true);
    server.start();
    admin = std::make_unique<Client>(server.admin());
  }

  // Creates a Yearly Scheduler Event script (Frappe gives it create_log = 1)
  // and returns its Scheduled Job Type's name.
  std::string make_scheduled_script(const std::string& name, const std::string& source) {
    auto created =
        admin->post_json("/api/resource/Server Script", {{"name", name},
                                                         {"script_type", "Scheduler Event"},
                                                         {"event_frequency", "Yearly"},
                                                         {"script", source}});
    EXPECT_EQ(created.status, 200) << created.body;
    auto types = admin->get(
        "/api/resource/Scheduled Job Type?fields=" + q(R"(["name","create_log"])") +
        "&filters=" + q(Json::array({Json::array({"server_script", "=", name})}).dump()));
    EXPECT_EQ(types.status, 200) << types.body;
    if (types.json["data"].size() != 1) {
      ADD_FAILURE() << "no Scheduled Job Type for " << name << ": " << types.body;
      return {};
    }
    EXPECT_EQ(types.json["data"][0]["create_log"], 1);
    return types.json["data"][0]["name"].get<std::string>();
  }

  // Enqueues one run of the job type and waits for its log.
  Json run_and_wait_for_log(const std::string& job_type) {
    auto enqueued = server.run({"jobs", "enqueue", "quire.run_scheduled_job", "--args",
                                Json{{"job_type", job_type}}.dump()});
    EXPECT_EQ(enqueued.code, 0) << enqueued.err;
    return wait_for_log(job_type);
  }

  // The job type's first Scheduled Job Log, waiting up to a minute for the
  // server's workers to write it.
  Json wait_for_log(const std::string& job_type) {
    const std::string query =
        "/api/resource/Scheduled Job Log?fields=" + q(R"(["status","details","debug_log"])") +
        "&filters=" + q(Json::array({Json::array({"scheduled_job_type", "=", job_type})}).dump());
    for (int i = 0; i < 600; ++i) {
      auto logs = admin->get(query);
      if (logs.status == 200 && !logs.json["data"].empty()) return logs.json["data"][0];
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "no Scheduled Job Log for " << job_type << "\n" << server.server_err();
    return Json::object();
  }

  RestServer server;
  std::unique_ptr<Client> admin;
};

TEST_F(ScriptJobLog, ACompleteRunKeepsWhatTheScriptPrinted) {
  const std::string type = make_scheduled_script("printer", kPrinter);
  ASSERT_FALSE(type.empty());
  Json log = run_and_wait_for_log(type);
  EXPECT_EQ(log.value("status", ""), "Complete") << log.dump();
  // print() joins its arguments with a space, as CPython; frappe.log lands
  // in the same debug log (spec §3.11), in order.
  EXPECT_EQ(log.value("debug_log", ""), "hello from the scheduler\nand from frappe.log\n42\n")
      << log.dump();
}

TEST_F(ScriptJobLog, AFailedRunKeepsTheTracebackWithTheScriptsNameAndLine) {
  const std::string type = make_scheduled_script("breaker", kBreaker);
  ASSERT_FALSE(type.empty());
  Json log = run_and_wait_for_log(type);
  EXPECT_EQ(log.value("status", ""), "Failed") << log.dump();
  const std::string details = log.value("details", "");
  auto expected = python_error(server.dir(), "<serverscript>: breaker", kBreaker);
  ASSERT_NE(expected.file_line.find("line 3"), std::string::npos) << expected.file_line;
  EXPECT_NE(details.find("Traceback (most recent call last):"), std::string::npos) << details;
  EXPECT_NE(details.find(expected.file_line), std::string::npos)
      << "want: " << expected.file_line << "\nin: " << details;
  EXPECT_NE(details.find(expected.last_line), std::string::npos)
      << "want: " << expected.last_line << "\nin: " << details;
  // What it printed before failing is kept too (the rollback does not take it).
  EXPECT_EQ(log.value("debug_log", ""), "before the error\n") << log.dump();
  // And the job itself is recorded as failed with the same traceback.
  auto listed = server.run({"jobs", "list", "--status", "failed", "--json"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  auto jobs = Json::parse(listed.out);
  ASSERT_EQ(jobs.size(), 1u) << listed.out;
  EXPECT_NE(jobs[0]["error"].get<std::string>().find(expected.last_line), std::string::npos);
}

TEST_F(ScriptJobLog, ExecuteScriptEnqueueRunsTheScriptThroughTheQueue) {
  const std::string type = make_scheduled_script("queued-printer", kPrinter);
  ASSERT_FALSE(type.empty());
  auto enqueued = server.run({"execute-script", "queued-printer", "--enqueue"});
  ASSERT_EQ(enqueued.code, 0) << enqueued.err;
  EXPECT_NE(enqueued.out.find("enqueued job "), std::string::npos) << enqueued.out;
  // The server's workers run it; its log is written as for a scheduled run.
  Json log = wait_for_log(type);
  EXPECT_EQ(log.value("status", ""), "Complete") << log.dump();
  EXPECT_EQ(log.value("debug_log", ""), "hello from the scheduler\nand from frappe.log\n42\n");
}

}  // namespace
}  // namespace quire::rest_testing
