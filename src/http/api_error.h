#pragma once

#include <stdexcept>
#include <string>

#include "http/types.h"

namespace quire::http {

// An error the REST layer raises itself, for Frappe classes the model layer
// does not have (CSRFTokenError, InvalidAuthorizationToken,
// TooManyRequestsError, UnsupportedMediaType...) and for malformed requests.
// The envelope is built exactly like a model::FrappeError's.
class ApiError : public std::runtime_error {
 public:
  ApiError(Status status, std::string exc_type, const std::string& message, std::string title = {})
      : std::runtime_error(message),
        status_(status),
        exc_type_(std::move(exc_type)),
        title_(std::move(title)) {}
  Status status() const { return status_; }
  const std::string& exc_type() const { return exc_type_; }
  const std::string& title() const { return title_; }

 private:
  Status status_;
  std::string exc_type_;
  std::string title_;
};

// A request the client got wrong: 400 BadRequest with `message`.
[[noreturn]] inline void bad_request(const std::string& message) {
  throw ApiError(Status::bad_request, "BadRequest", message);
}

}  // namespace quire::http
