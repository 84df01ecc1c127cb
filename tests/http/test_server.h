#pragma once

#include <sys/socket.h>
#include <sys/time.h>

#include <string>
#include <string_view>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/access_log.h"
#include "http/api_routes.h"
#include "http/server.h"

namespace quire::http::testing {

// A server on a free port, run on its own thread for the length of a test.
class RunningServer {
 public:
  explicit RunningServer(Router router, Limits limits = {}, int log_fd = -1)
      : router_(std::move(router)),
        log_(log_fd),
        server_(ServerOptions{"127.0.0.1", 0, 2, limits}, router_, log_) {
    server_.listen();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~RunningServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  unsigned short port() const { return server_.port(); }
  Server& server() { return server_; }
  // Waits for run() to return (after stop()).
  void join() { thread_.join(); }

 private:
  Router router_;
  AccessLog log_;
  Server server_;
  std::thread thread_;
};

inline Router builtin_router() {
  Router router;
  add_builtin_routes(router);
  return router;
}

// A blocking client speaking raw bytes, so tests can send what no real client
// would. Reads give up after 10 s so a server bug fails a test instead of
// hanging it.
class RawClient {
 public:
  explicit RawClient(unsigned short port) : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    timeval timeout{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  void send(std::string_view bytes) {
    boost::asio::write(socket_, boost::asio::buffer(bytes.data(), bytes.size()));
  }

  // Stops sending; the server sees end of stream.
  void finish_sending() { socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_send); }

  Response read() {
    Response response;
    boost::beast::http::read(socket_, buffer_, response);
    return response;
  }

  // A response read with a parser, for interim (1xx) responses.
  Response read_header_only() {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    boost::beast::http::read_header(socket_, buffer_, parser);
    return parser.release();
  }

  // True when the server has closed the connection (nothing more to read).
  bool closed_by_server() {
    if (buffer_.size() != 0) return false;
    char byte;
    boost::system::error_code ec;
    socket_.read_some(boost::asio::buffer(&byte, 1), ec);
    return ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

inline std::string get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n" +
         std::string(extra_headers) + "\r\n";
}

}  // namespace quire::http::testing
