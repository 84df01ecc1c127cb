#pragma once

#include <chrono>
#include <cstddef>

namespace quire::http {

// What one request may cost the server. Exceeding a size limit gets the
// matching 4xx (413 body, 414 URL, 431 headers) and the connection is closed.
struct Limits {
  std::size_t max_body = 10 * 1024 * 1024;
  std::size_t max_url = 8 * 1024;
  // The whole header block, request line included.
  std::size_t max_header = 32 * 1024;
  // How long a connection may take to deliver a request, and how long an idle
  // keep-alive connection is kept open.
  std::chrono::seconds read_timeout{30};
  // After a shutdown begins, how long in-flight requests get to finish.
  std::chrono::seconds drain_timeout{10};
};

}  // namespace quire::http
