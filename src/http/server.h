#pragma once

#include <atomic>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

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
};

// An HTTP/1.1 server: one io_context run by a pool of worker threads, each
// connection on its own strand. Handlers run on the worker threads, so a
// handler may block for as long as its work takes without stalling the
// other workers' connections.
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

  // From now on SIGINT and SIGTERM call stop(); a second signal during the
  // drain stops at once. Call before announcing the server, so a signal sent
  // as soon as it is announced is handled, not fatal.
  void handle_signals();

  // Serves until stop() and the shutdown has drained.
  void run();

  // Graceful shutdown: stop accepting, close idle keep-alive connections, let
  // requests in flight finish (for up to limits.drain_timeout), then return
  // from run(). Safe to call from any thread, any number of times.
  void stop();

 private:
  void accept();
  void wait_for_signal();
  void drain(std::chrono::steady_clock::time_point deadline);

  ServerOptions options_;
  unsigned workers_;
  // Declared before io_ so they outlive it: connections still alive when
  // io_ is destroyed (after a drain timeout) unregister themselves on the way.
  std::atomic<bool> stopping_{false};
  ConnectionRegistry registry_;
  ConnectionContext context_;
  boost::asio::io_context io_;
  // The acceptor, signals and timers are touched only on this strand, so
  // their handlers never race one another across worker threads.
  boost::asio::strand<boost::asio::io_context::executor_type> control_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer drain_timer_;
  boost::asio::steady_timer accept_retry_;
};

}  // namespace quire::http
