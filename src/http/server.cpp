#include "http/server.h"

#include <csignal>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

namespace quire::http {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

std::vector<std::unique_ptr<asio::io_context>> make_loops(unsigned count) {
  std::vector<std::unique_ptr<asio::io_context>> loops;
  for (unsigned i = 0; i < count; ++i) loops.push_back(std::make_unique<asio::io_context>(1));
  return loops;
}

}  // namespace

Server::Server(ServerOptions options, const Router& router, const AccessLog& log)
    : options_(std::move(options)),
      workers_(options_.workers ? options_.workers
                                : std::max(1u, std::thread::hardware_concurrency())),
      handler_threads_(options_.handler_threads
                           ? options_.handler_threads
                           : std::max(4u, 2 * std::max(1u, std::thread::hardware_concurrency()))),
      context_{router, log, options_.limits, stopping_, registry_},
      loops_(make_loops(workers_)),
      control_(asio::make_strand(*loops_.front())),
      acceptor_(control_),
      signals_(control_),
      drain_timer_(control_),
      accept_retry_(control_) {
  for (auto& loop : loops_) keep_running_.push_back(asio::make_work_guard(*loop));
  handler_pool_ = std::make_unique<asio::thread_pool>(handler_threads_);
  context_.handler_pool = handler_pool_.get();
}

Server::~Server() {
  handler_pool_->stop();
  handler_pool_->join();
}

void Server::listen() {
  auto where = options_.host + ":" + std::to_string(options_.port);
  boost::system::error_code ec;
  tcp::resolver resolver(*loops_.front());
  auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || endpoints.empty()) {
    throw std::runtime_error("cannot listen on " + where + ": " +
                             (ec ? ec.message() : "host not found"));
  }
  tcp::endpoint endpoint = *endpoints.begin();
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor_.close();
    throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
  }
}

unsigned short Server::port() const {
  return acceptor_.local_endpoint().port();
}

void Server::accept() {
  acceptor_.async_accept(loops_[next_loop_++ % loops_.size()]->get_executor(),
                         [this](boost::system::error_code ec, tcp::socket socket) {
                           if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
                           if (ec) {
                             // Usually out of file descriptors: wait a little instead of spinning.
                             std::cerr << "quire: accept failed: " << ec.message() << "\n";
                             accept_retry_.expires_after(std::chrono::milliseconds(50));
                             accept_retry_.async_wait([this](boost::system::error_code wait_ec) {
                               if (!wait_ec && !stopping_) accept();
                             });
                             return;
                           }
                           socket.set_option(tcp::no_delay(true), ec);
                           std::make_shared<Connection>(std::move(socket), context_)->start();
                           accept();
                         });
}

void Server::wait_for_signal() {
  signals_.async_wait([this](boost::system::error_code ec, int) {
    if (ec) return;
    if (stopping_) {
      // A second signal: the operator does not want to wait for the drain.
      stop_loops();
      return;
    }
    stop();
    wait_for_signal();
  });
}

void Server::handle_signals() {
  signals_.add(SIGINT);
  signals_.add(SIGTERM);
  asio::post(control_, [this] { wait_for_signal(); });
}

void Server::run() {
  if (!acceptor_.is_open())
    throw std::logic_error("Server::run() needs a successful listen() first");
  asio::post(control_, [this] { accept(); });
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < workers_; ++i) threads.emplace_back([this, i] { loops_[i]->run(); });
  loops_.front()->run();
  for (auto& thread : threads) thread.join();
}

void Server::stop() {
  if (stopping_.exchange(true)) return;
  asio::post(control_, [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    accept_retry_.cancel();
    registry_.close_idle();
    drain(std::chrono::steady_clock::now() + options_.limits.drain_timeout);
  });
}

void Server::stop_loops() {
  for (auto& loop : loops_) loop->stop();
}

void Server::drain(std::chrono::steady_clock::time_point deadline) {
  // Connections still busy finish their request and close themselves; check
  // on them a few times a second until none is left or time is up.
  if (registry_.size() == 0 || std::chrono::steady_clock::now() >= deadline) {
    boost::system::error_code ignored;
    // Give SIGINT/SIGTERM back to their default action.
    signals_.cancel(ignored);
    signals_.clear(ignored);
    // Loops now return once their last connection is gone...
    keep_running_.clear();
    // ...or at once, when the drain ran out of time.
    if (registry_.size() != 0) stop_loops();
    return;
  }
  drain_timer_.expires_after(std::chrono::milliseconds(20));
  drain_timer_.async_wait([this, deadline](boost::system::error_code ec) {
    if (!ec) drain(deadline);
  });
}

}  // namespace quire::http
