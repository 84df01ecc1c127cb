// start_site_jobs: what `quire serve` holds beside its HTTP server.
#include "jobs/site_jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "jobs_fixture.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;

TEST(StartSiteJobs, RunsJobsWithTheGivenHandlersAndStopsWhenDestroyed) {
  JobsDatabase site;
  model::MetaStore metas;
  model::EventRegistry events;
  std::atomic<int> ran{0};
  {
    auto jobs = start_site_jobs(site.opener(), nlohmann::json{{"background_workers", 1}}, "a.local",
                                metas, events);
    ASSERT_NE(jobs->pool(), nullptr);
    ASSERT_NE(jobs->scheduler(), nullptr);
    jobs->handlers().add("app.count", [&](JobContext&) { ++ran; });
    auto db = site.open();
    EnqueueRequest request;
    request.method = "app.count";
    for (int i = 0; i < 3; ++i) jobs->queue().enqueue(*db, request);
    jobs->pool()->notify();
    for (int i = 0; i < 3000 && ran.load() < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  EXPECT_EQ(ran.load(), 3);
  auto db = site.open();
  EXPECT_EQ(testing::scalar(*db, "SELECT count(*) FROM `__job_queue` WHERE `status` = 'finished'"),
            3);
}

TEST(StartSiteJobs, PauseSchedulerKeepsTheSchedulerOut) {
  JobsDatabase site;
  model::MetaStore metas;
  model::EventRegistry events;
  auto jobs =
      start_site_jobs(site.opener(), nlohmann::json{{"pause_scheduler", 1}}, "a", metas, events);
  EXPECT_EQ(jobs->scheduler(), nullptr);
  EXPECT_NE(jobs->pool(), nullptr);
}

}  // namespace
}  // namespace quire::jobs
