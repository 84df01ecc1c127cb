#pragma once

#include <string_view>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace quire::http {

// Requests and responses are Beast messages with the body held in a string:
// bodies are capped (Limits::max_body), so buffering them whole is safe.
using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;
using Status = boost::beast::http::status;

// Beast (Boost 1.74) has its own string_view type.
inline std::string_view to_std(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

}  // namespace quire::http
