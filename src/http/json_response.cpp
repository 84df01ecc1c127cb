#include "http/json_response.h"

#include <nlohmann/json.hpp>

namespace quire::http {

Response json_response(Status status, const nlohmann::json& body) {
  Response response{status, 11};
  response.set(boost::beast::http::field::content_type, "application/json");
  // Replace invalid UTF-8 rather than throw: a body must always be produced.
  response.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response error_response(Status status, std::string_view exc_type, std::string_view message) {
  nlohmann::json server_message = {
      {"message", message}, {"title", "Message"}, {"indicator", "red"}, {"raise_exception", 1}};
  auto replace = nlohmann::json::error_handler_t::replace;
  nlohmann::json messages = nlohmann::json::array({server_message.dump(-1, ' ', false, replace)});
  return json_response(status, {{"exc_type", exc_type},
                                {"_server_messages", messages.dump(-1, ' ', false, replace)}});
}

}  // namespace quire::http
