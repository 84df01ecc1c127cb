#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include "http/access_log.h"
#include "http/connection.h"
#include "http/limits.h"
#include "http/router.h"

namespace quire::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  // 0 lets the system choose a free port (see Server::port()).
  unsigned short port = 8000;
  // Threads serving requests; 0 means one per core.
  unsigned workers = 0;
  Limits limits;
  // Threads running Execution::worker_pool handlers (database and script
  // work); 0 means two per core, at least 4: SQLite readers run in parallel
  // and a handler waiting on the write lock should not idle the machine.
  unsigned handler_threads = 0;
};

// An HTTP/1.1 server with one event loop (io_context) per worker thread:
// each connection lives on one loop for its whole life, so its handlers never
// contend with other threads for locks or wake-ups. A handler that blocks holds
// up only the connections of its own loop.
class Server {
 public:
  Server(ServerOptions options, const Router& router, const AccessLog& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Throws std::runtime_error naming the address when it
  // cannot (address in use, host not found, no permission).
  void listen();

  // The bound port, valid after listen().
  unsigned short port() const;

  // The number of worker threads run() will use.
  unsigned workers() const { return workers_; }
  unsigned handler_threads() const { return handler_threads_; }

  // From now on SIGINT and SIGTERM call stop(); a second signal during the
  // drain stops at once. Call before announcing the server, so a signal sent
  // as soon as it is announced is handled, not fatal.
  void handle_signals();

  // Serves until stop() and the shutdown has drained. Throws std::logic_error
  // unless listen() succeeded.
  void run();

  // Graceful shutdown: stop accepting, close idle keep-alive connections, let
  // requests in flight finish (for up to limits.drain_timeout), then return
  // from run(). Safe to call from any thread, any number of times.
  void stop();

 private:
  void accept();
  void wait_for_signal();
  void drain(std::chrono::steady_clock::time_point deadline);
  void stop_loops();

  ServerOptions options_;
  unsigned workers_;
  unsigned handler_threads_;
  // Declared before the loops so they outlive them: connections still alive
  // when a loop is destroyed (after a drain timeout) unregister themselves.
  std::atomic<bool> stopping_{false};
  ConnectionRegistry registry_;
  ConnectionContext context_;
  using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
  std::vector<std::unique_ptr<boost::asio::io_context>> loops_;
  // Keep every loop running while it has no connection, until the drain ends.
  std::vector<WorkGuard> keep_running_;
  size_t next_loop_ = 0;
  // The acceptor, signals and timers live on the first loop, on this strand.
  boost::asio::strand<boost::asio::io_context::executor_type> control_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer drain_timer_;
  boost::asio::steady_timer accept_retry_;
  // Declared last, so it is destroyed (stopped and joined) first: no handler
  // can then post to a loop that is gone.
  std::unique_ptr<boost::asio::thread_pool> handler_pool_;
};

}  // namespace quire::http
