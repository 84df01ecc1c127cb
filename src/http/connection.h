#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include "http/access_log.h"
#include "http/limits.h"
#include "http/router.h"

namespace quire::http {

class Connection;

// The live connections, so a shutdown can close the idle ones and wait for the
// busy ones to finish.
class ConnectionRegistry {
 public:
  void add(const std::shared_ptr<Connection>& connection);
  void remove(const Connection* connection);
  size_t size() const;
  // Asks every live connection to close if it is idle (see Connection).
  void close_idle() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> live_;
};

// What every connection of one server shares.
struct ConnectionContext {
  const Router& router;
  const AccessLog& log;
  const Limits& limits;
  const std::atomic<bool>& stopping;
  ConnectionRegistry& registry;
  // Where Execution::worker_pool handlers run (null: on the event loop).
  boost::asio::thread_pool* handler_pool = nullptr;
};

// One client connection: reads requests one after another (keep-alive,
// pipelining), answers each through the router, enforces the size limits and
// timeouts, and logs every response. All its work runs on its own strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, ConnectionContext& context);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start();

  // Closes the connection if it is waiting for a new request with nothing
  // received yet; a connection in the middle of a request finishes it (and
  // then closes, since the server is stopping). Safe from any thread.
  void close_if_idle();

 private:
  void read_request();
  void on_header(boost::beast::error_code ec);
  void on_body(boost::beast::error_code ec);
  // Answers a failed read: 413 for a body over the limit, 400 for a request
  // that is malformed or cut short (`cut_short` says which part); otherwise
  // (client gone, timeout, shutdown) closes quietly.
  void on_read_error(boost::beast::error_code ec, std::string_view cut_short);
  void reject_url_too_long();
  void answer(bool keep_alive);
  // Sends a response computed on the handler pool, back on this connection's loop.
  void deliver(Response response, bool keep_alive);
  void reject(boost::beast::http::status status, std::string_view exc_type,
              std::string_view message);
  void send(bool keep_alive);
  void on_sent(bool keep_alive, boost::beast::error_code ec);
  void close();

  ConnectionContext& context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  Response response_;
  std::string remote_;
  std::string remote_ip_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::system_clock::time_point started_wall_;
  // True while waiting for the first byte of the next request.
  bool idle_ = false;
  bool header_done_ = false;
};

}  // namespace quire::http
