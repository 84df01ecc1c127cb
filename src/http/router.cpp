#include "http/router.h"

#include <exception>

#include "http/json_response.h"

namespace quire::http {

void Router::add(std::string path, Handler handler) {
  exact_[std::move(path)] = std::move(handler);
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

Response Router::handle(const Request& request) const {
  auto path = path_of(to_std(request.target()));
  auto found = exact_.find(std::string(path));
  if (found == exact_.end()) {
    return error_response(Status::not_found, "DoesNotExistError",
                          "Not found: " + std::string(path));
  }
  try {
    return found->second(request);
  } catch (const std::exception& e) {
    return error_response(Status::internal_server_error, "Exception", e.what());
  }
}

}  // namespace quire::http
