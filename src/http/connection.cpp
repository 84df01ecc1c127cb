#include "http/connection.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/json_response.h"

namespace quire::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

// True for Beast's HTTP parse errors (bad method, bad header, bad chunk, ...),
// which the client caused and which deserve a 400 rather than a silent close.
bool is_parse_error(const beast::error_code& ec) {
  return ec && &ec.category() == &bhttp::make_error_code(bhttp::error::bad_method).category();
}

}  // namespace

void ConnectionRegistry::add(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  live_.emplace(connection.get(), connection);
}

void ConnectionRegistry::remove(const Connection* connection) {
  std::lock_guard lock(mutex_);
  live_.erase(connection);
}

size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return live_.size();
}

void ConnectionRegistry::close_idle() const {
  std::lock_guard lock(mutex_);
  for (const auto& [key, weak] : live_) {
    if (auto connection = weak.lock()) connection->close_if_idle();
  }
}

Connection::Connection(asio::ip::tcp::socket socket, ConnectionContext& context)
    : context_(context), stream_(std::move(socket)) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  remote_ip_ = ec ? "-" : endpoint.address().to_string();
  remote_ = ec ? "-" : remote_ip_ + ":" + std::to_string(endpoint.port());
}

Connection::~Connection() {
  context_.registry.remove(this);
}

void Connection::start() {
  context_.registry.add(shared_from_this());
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
}

void Connection::close_if_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_) self->stream_.cancel();
  });
}

void Connection::read_request() {
  idle_ = buffer_.size() == 0;
  if (idle_ && context_.stopping) return close();
  header_done_ = false;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(context_.limits.max_header));
  parser_->body_limit(context_.limits.max_body);
  stream_.expires_after(context_.limits.read_timeout);
  bhttp::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
}

void Connection::on_header(beast::error_code ec) {
  idle_ = false;
  started_ = std::chrono::steady_clock::now();
  started_wall_ = std::chrono::system_clock::now();
  if (ec == bhttp::error::header_limit) {
    // Blame the URL (414) when the request line is what overflowed, else the
    // header fields (431). Beast sets the target as soon as it has parsed the
    // request line; until then the line is still at the front of the buffer.
    auto target = parser_->get().target();
    bool url_too_long = target.size() > context_.limits.max_url;
    if (target.empty()) {
      std::string_view raw(static_cast<const char*>(buffer_.data().data()), buffer_.size());
      auto line_end = raw.find("\r\n");
      url_too_long = line_end == std::string_view::npos || line_end > context_.limits.max_url + 32;
    }
    if (url_too_long) return reject_url_too_long();
    return reject(bhttp::status::request_header_fields_too_large, "RequestHeaderFieldsTooLarge",
                  "The request headers are larger than " +
                      std::to_string(context_.limits.max_header) + " bytes");
  }
  if (ec) return on_read_error(ec, "The request ended before its header");

  header_done_ = true;
  const auto& request = parser_->get();
  if (request.target().size() > context_.limits.max_url) return reject_url_too_long();
  if (parser_->is_done()) return answer(request.keep_alive());

  auto read_body = [self = shared_from_this()] {
    bhttp::async_read(self->stream_, self->buffer_, *self->parser_,
                      [self](beast::error_code ec, size_t) { self->on_body(ec); });
  };
  if (beast::iequals(request[bhttp::field::expect], "100-continue")) {
    // The client waits for this before sending a body it was told it may send.
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this(), read_body](beast::error_code ec, size_t) {
                        if (ec) return self->close();
                        read_body();
                      });
    return;
  }
  read_body();
}

void Connection::on_body(beast::error_code ec) {
  if (ec) return on_read_error(ec, "The request body was cut short");
  answer(parser_->get().keep_alive());
}

void Connection::on_read_error(beast::error_code ec, std::string_view cut_short) {
  if (ec == bhttp::error::body_limit) {
    return reject(
        bhttp::status::payload_too_large, "RequestEntityTooLarge",
        "The request body is larger than " + std::to_string(context_.limits.max_body) + " bytes");
  }
  if (ec == bhttp::error::partial_message) {
    return reject(bhttp::status::bad_request, "BadRequest", cut_short);
  }
  if (is_parse_error(ec) && ec != bhttp::error::end_of_stream) {
    return reject(bhttp::status::bad_request, "BadRequest", "Malformed request: " + ec.message());
  }
  // The client left, the read timed out, or the server is closing idle connections.
  close();
}

void Connection::reject_url_too_long() {
  reject(bhttp::status::uri_too_long, "RequestURITooLarge",
         "The request URL is longer than " + std::to_string(context_.limits.max_url) + " bytes");
}

void Connection::answer(bool keep_alive) {
  const auto& request = parser_->get();
  auto path = path_of(to_std(request.target()));
  RouteContext route_context;
  route_context.remote_ip = remote_ip_;
  const Router::Route* route = context_.router.match(path, route_context.params);
  if (route == nullptr) {
    response_ = Router::not_found(path);
    return send(keep_alive && !context_.stopping);
  }
  if (route->execution == Execution::worker_pool && context_.handler_pool != nullptr) {
    // The request stays in parser_, untouched: nothing reads from the socket
    // until the response has been sent.
    asio::post(*context_.handler_pool, [self = shared_from_this(), route, keep_alive,
                                        route_context = std::move(route_context)]() mutable {
      Response response;
      try {
        response = Router::run(*route, self->parser_->get(), route_context);
      } catch (...) {
        response = error_response(bhttp::status::internal_server_error, "Exception",
                                  "The server failed to answer this request");
      }
      asio::post(self->stream_.get_executor(),
                 [self, keep_alive, response = std::move(response)]() mutable {
                   self->deliver(std::move(response), keep_alive);
                 });
    });
    return;
  }
  try {
    response_ = Router::run(*route, request, route_context);
  } catch (...) {
    response_ = error_response(bhttp::status::internal_server_error, "Exception",
                               "The server failed to answer this request");
  }
  send(keep_alive && !context_.stopping);
}

void Connection::deliver(Response response, bool keep_alive) {
  response_ = std::move(response);
  send(keep_alive && !context_.stopping);
}

void Connection::reject(bhttp::status status, std::string_view exc_type, std::string_view message) {
  response_ = error_response(status, exc_type, message);
  // After a bad request the rest of the stream cannot be trusted: close.
  send(false);
}

void Connection::send(bool keep_alive) {
  response_.version(11);
  response_.keep_alive(keep_alive);
  response_.set(bhttp::field::server, "quire");
  response_.prepare_payload();
  if (header_done_ && parser_->get().method() == bhttp::verb::head) {
    // HEAD: the same headers as GET, Content-Length included, and no body.
    auto length = response_.body().size();
    response_.body().clear();
    response_.content_length(length);
  }
  stream_.expires_after(context_.limits.read_timeout);
  bhttp::async_write(stream_, response_,
                     [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                       self->on_sent(keep_alive, ec);
                     });
}

void Connection::on_sent(bool keep_alive, beast::error_code ec) {
  bool known = header_done_;
  const auto& request = parser_->get();
  context_.log.write({
      .time = started_wall_,
      .remote = remote_,
      .method = known ? to_std(request.method_string()) : std::string_view("-"),
      .target = known ? to_std(request.target()) : std::string_view("-"),
      .status = response_.result_int(),
      .bytes = response_.body().size(),
      .duration = std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now() - started_),
  });
  if (ec || !keep_alive) return close();
  response_ = {};
  read_request();
}

void Connection::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace quire::http
