// The crash test of issue 8: enqueue 10,000 jobs, kill -9 the worker process
// mid-way, start it again: every job ran, none was lost, and duplicates are
// counted and reported.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "jobs/job_queue.h"
#include "jobs_fixture.h"

extern char** environ;

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::scalar;

pid_t start_worker(const std::string& db, const std::string& runs, Millis lease_ms) {
  std::string program = QUIRE_JOBS_CRASH_WORKER;
  std::string lease = std::to_string(lease_ms);
  char* argv[] = {program.data(), const_cast<char*>(db.c_str()), const_cast<char*>(runs.c_str()),
                  lease.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv, environ) != 0) return -1;
  return pid;
}

// Polls `done` (up to a minute) and reports whether it became true.
template <typename Done>
bool wait_for(Done done) {
  for (int i = 0; i < 60'000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(CrashTest, KillNineMidwayLosesNoJobAndCountsDuplicates) {
  JobsDatabase site;
  const std::string runs_path = site.path() + ".runs";
  SystemClock clock;
  JobQueue queue(clock);
  auto db = site.open();
  db->execute("CREATE TABLE done (job INTEGER NOT NULL)");
  constexpr int kJobs = 10'000;
  db::in_transaction(*db, [&] {
    for (int i = 0; i < kJobs; ++i) {
      EnqueueRequest r;
      r.method = "test.record";
      queue.enqueue(*db, r);
    }
  });
  auto finished = [&] { return queue.counts(*db)[JobStatus::finished]; };

  // A short lease so the restarted worker takes the dead one's jobs soon.
  pid_t first = start_worker(site.path(), runs_path, 2000);
  ASSERT_GT(first, 0);
  ASSERT_TRUE(wait_for([&] { return finished() >= kJobs * 3 / 10; }));
  ASSERT_EQ(kill(first, SIGKILL), 0);
  int status = 0;
  waitpid(first, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  const std::int64_t finished_at_kill = finished();
  const std::int64_t running_at_kill = queue.counts(*db)[JobStatus::running];
  EXPECT_LT(finished_at_kill, kJobs) << "the kill came mid-way";

  pid_t second = start_worker(site.path(), runs_path, 60'000);
  ASSERT_GT(second, 0);
  bool drained = wait_for([&] { return queue.pending(*db) == 0; });
  kill(second, SIGTERM);
  waitpid(second, &status, 0);
  ASSERT_TRUE(drained);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a clean stop on SIGTERM";

  // Every job finished and its transaction committed exactly once.
  auto counts = queue.counts(*db);
  EXPECT_EQ(counts[JobStatus::finished], kJobs);
  EXPECT_EQ(counts[JobStatus::failed], 0);
  EXPECT_EQ(scalar(*db, "SELECT count(*) FROM done"), kJobs);
  EXPECT_EQ(scalar(*db, "SELECT count(DISTINCT job) FROM done"), kJobs);
  // The jobs the dead worker held were delivered again. (More may have been:
  // a lease that runs out on a starved machine is redelivered too.)
  const std::int64_t redelivered =
      scalar(*db, "SELECT count(*) FROM `__job_queue` WHERE `attempts` > 1");
  EXPECT_GE(redelivered, running_at_kill);
  EXPECT_EQ(scalar(*db, "SELECT count(*) FROM `__job_queue` WHERE `attempts` = 0"), 0);

  // Runs as the handler saw them: at least once each; the duplicates are
  // runs cut short by the kill.
  std::map<std::int64_t, int> runs;
  std::ifstream in(runs_path);
  std::int64_t id = 0;
  std::int64_t lines = 0;
  while (in >> id) {
    ++runs[id];
    ++lines;
  }
  EXPECT_EQ(runs.size(), static_cast<size_t>(kJobs)) << "no job was lost";
  const std::int64_t duplicates = lines - static_cast<std::int64_t>(runs.size());
  // A job starts only after renewing its claim under the write lock, so only
  // the (at most one per thread) jobs running at the kill can run twice.
  EXPECT_LE(duplicates, 2);
  std::cout << "crash test: killed after " << finished_at_kill << " of " << kJobs << " jobs with "
            << running_at_kill << " in flight; " << redelivered << " redelivered, " << duplicates
            << " duplicate runs, 0 lost" << std::endl;
  RecordProperty("duplicate_runs", static_cast<int>(duplicates));
  RecordProperty("redelivered", static_cast<int>(redelivered));
}

}  // namespace
}  // namespace quire::jobs
