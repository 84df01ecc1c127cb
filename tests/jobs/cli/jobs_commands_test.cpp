// The job commands through the real binary: quire worker, quire scheduler,
// quire jobs.

#include <gtest/gtest.h>

#include <signal.h>

#include <nlohmann/json.hpp>

#include "../../cli/process.h"
#include "../../support/temp_dir.h"

namespace quire::testing {
namespace {

class JobCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = run_quire(dir_.path(), {"new-site", "a.local", "--admin-password", "pw"});
    ASSERT_EQ(created.code, 0) << created.err;
  }
  Result quire(const std::vector<std::string>& args) { return run_quire(dir_.path(), args); }

  TempDir dir_;
};

TEST_F(JobCommands, EnqueuedJobsRunInABurstWorkerAndAreListed) {
  auto enqueued = quire({"jobs", "enqueue", "quire.noop", "--count", "25"});
  ASSERT_EQ(enqueued.code, 0) << enqueued.err;
  EXPECT_EQ(enqueued.out, "enqueued 25 jobs\n");
  ASSERT_EQ(quire({"jobs", "enqueue", "app.missing", "--queue", "short"}).code, 0);

  auto burst = quire({"worker", "--burst", "--threads", "2"});
  ASSERT_EQ(burst.code, 0) << burst.err;
  EXPECT_NE(burst.out.find("ran 26 jobs (1 failed)"), std::string::npos) << burst.out;

  auto failed = quire({"jobs", "list", "--status", "failed"});
  EXPECT_NE(failed.out.find("failed  short  app.missing  attempts 1"), std::string::npos)
      << failed.out;
  EXPECT_NE(failed.out.find("no handler for method 'app.missing'"), std::string::npos);

  auto listed = quire({"jobs", "list", "--json", "--limit", "100"});
  ASSERT_EQ(listed.code, 0);
  auto json = nlohmann::json::parse(listed.out);
  ASSERT_EQ(json.size(), 26u);
  EXPECT_EQ(json[1]["status"], "finished");
  EXPECT_EQ(json[1]["method"], "quire.noop");
  EXPECT_EQ(json[1]["attempts"], 1);
}

TEST_F(JobCommands, RetryAndPurge) {
  ASSERT_EQ(quire({"jobs", "enqueue", "app.missing"}).code, 0);
  ASSERT_EQ(quire({"jobs", "enqueue", "quire.noop"}).code, 0);
  ASSERT_EQ(quire({"worker", "--burst"}).code, 0);

  auto retried = quire({"jobs", "retry", "1"});
  EXPECT_EQ(retried.code, 0) << retried.err;
  EXPECT_EQ(retried.out, "queued 1 failed job again\n");
  auto again = quire({"jobs", "retry", "1"});
  EXPECT_EQ(again.code, 1) << "job 1 is queued now, not failed";
  EXPECT_EQ(quire({"jobs", "retry"}).code, 2) << "neither an id nor --all";

  auto purged = quire({"jobs", "purge", "--status", "finished"});
  EXPECT_EQ(purged.out, "purged 1 job\n");
  auto listed = quire({"jobs", "list"});
  EXPECT_NE(listed.out.find("queued  default  app.missing"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("quire.noop"), std::string::npos) << listed.out;
}

TEST_F(JobCommands, BadInputIsAUsageErrorWithAClearMessage) {
  auto queue = quire({"jobs", "enqueue", "m", "--queue", "urgent"});
  EXPECT_EQ(queue.code, 2);
  EXPECT_EQ(queue.err, "quire: unknown queue 'urgent': use short, default or long\n");
  auto args = quire({"jobs", "enqueue", "m", "--args", "[1]"});
  EXPECT_EQ(args.code, 2);
  EXPECT_EQ(args.err, "quire: job args must be a JSON object, not [1]\n");
  auto worker_queue = quire({"worker", "--queue", "urgent", "--burst"});
  EXPECT_EQ(worker_queue.code, 2);
  EXPECT_NE(worker_queue.err.find("unknown queue 'urgent'"), std::string::npos);
  EXPECT_EQ(quire({"jobs", "list", "--status", "lost"}).code, 2);
  EXPECT_EQ(quire({"scheduler"}).code, 2) << "needs enable, disable or status";
  EXPECT_EQ(quire({"jobs", "list", "--site", "nope.local"}).code, 2);
  auto none = quire({"jobs", "list"});
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out, "") << "nothing was enqueued by the bad commands";
}

TEST_F(JobCommands, SchedulerEnableDisableStatus) {
  auto status = quire({"scheduler", "status"});
  ASSERT_EQ(status.code, 0) << status.err;
  EXPECT_NE(status.out.find("scheduler: enabled\nleader: none running\n"
                            "jobs: 0 queued, 0 running, 0 finished, 0 failed\n"),
            std::string::npos)
      << status.out;
  EXPECT_EQ(quire({"scheduler", "disable"}).out, "scheduler disabled for site a.local\n");
  EXPECT_EQ(quire({"scheduler", "status"}).out.rfind("scheduler: disabled\n", 0), 0u);
  EXPECT_EQ(quire({"scheduler", "enable"}).out, "scheduler enabled for site a.local\n");
  EXPECT_EQ(quire({"scheduler", "status"}).out.rfind("scheduler: enabled\n", 0), 0u);
}

TEST_F(JobCommands, AWorkerStopsCleanlyOnSigterm) {
  Process worker(dir_.path(), {"worker", "--threads", "1"});
  ASSERT_TRUE(worker.wait_for_err("running jobs of site a.local"));
  ASSERT_EQ(quire({"jobs", "enqueue", "quire.noop", "--count", "3"}).code, 0);
  // The idle worker polls the queue; wait until it has run them.
  bool ran = false;
  for (int i = 0; i < 3000 && !ran; ++i) {
    ran = quire({"jobs", "list", "--status", "queued"}).out.empty();
    if (!ran) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(ran);
  worker.signal(SIGTERM);
  EXPECT_EQ(worker.wait(), 0);
  EXPECT_NE(worker.err().find("worker stopped after 3 finished and 0 failed jobs"),
            std::string::npos)
      << worker.err();
}

}  // namespace
}  // namespace quire::testing
