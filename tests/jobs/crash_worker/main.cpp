// The worker process of the crash test (tests/jobs/crash_test.cpp): runs a
// WorkerPool on a database until SIGTERM. Its one handler, test.record,
// appends the job's id to a runs file (outside the transaction, so a run cut
// short by kill -9 still shows) and inserts it into `done` (inside, so it
// commits exactly when the job does).
//
//   quire_jobs_crash_worker DATABASE RUNS_FILE LEASE_MS

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "db/sqlite/sqlite_database.h"
#include "jobs/job_queue.h"
#include "jobs/queue_schema.h"
#include "jobs/worker_pool.h"

int main(int argc, char** argv) {
  using namespace quire;
  if (argc != 4) {
    std::cerr << "usage: quire_jobs_crash_worker DATABASE RUNS_FILE LEASE_MS\n";
    return 2;
  }
  const std::string path = argv[1];
  int runs = ::open(argv[2], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (runs < 0) {
    std::cerr << "cannot open " << argv[2] << "\n";
    return 1;
  }
  // Block the stop signals before any thread starts, so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  jobs::SystemClock clock;
  jobs::JobQueue queue(clock);
  jobs::HandlerRegistry handlers;
  handlers.add("test.record", [runs](jobs::JobContext& context) {
    std::string line = std::to_string(context.job.id) + "\n";
    if (::write(runs, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      throw std::runtime_error("cannot write the runs file");
    }
    context.db.query("INSERT INTO done (job) VALUES (?)", {db::Value{context.job.id}});
  });
  jobs::WorkerOptions options;
  options.threads = 2;
  options.lease_ms = std::atol(argv[3]);
  options.idle_poll_ms = 20;
  jobs::WorkerPool pool(
      [path] { return std::unique_ptr<db::Database>(db::SqliteDatabase::open(path, false)); },
      queue, handlers, clock, options);
  pool.start();
  int received = 0;
  sigwait(&stop_signals, &received);
  pool.stop();
  return 0;
}
