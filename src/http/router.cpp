#include "http/router.h"

#include <cstdio>
#include <exception>

#include "http/json_response.h"

namespace quire::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = path.starts_with('/') ? 1 : 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_placeholder(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

void Router::add(std::string path, SimpleHandler handler, Execution execution) {
  exact_[std::move(path)] = {
      [handler = std::move(handler)](const Request& request, const RouteContext&) {
        return handler(request);
      },
      execution};
}

void Router::add(std::string path, Handler handler, Execution execution) {
  exact_[std::move(path)] = {std::move(handler), execution};
}

void Router::add_pattern(std::string pattern, Handler handler, Execution execution) {
  Pattern entry;
  for (auto part : split_path(pattern)) entry.segments.emplace_back(part);
  entry.route = {std::move(handler), execution};
  patterns_.push_back(std::move(entry));
}

const Router::Route* Router::match(std::string_view path, std::vector<std::string>& params) const {
  params.clear();
  if (auto found = exact_.find(std::string(path)); found != exact_.end()) return &found->second;
  auto parts = split_path(path);
  for (const auto& pattern : patterns_) {
    if (pattern.segments.size() != parts.size()) continue;
    bool matched = true;
    params.clear();
    for (size_t i = 0; i < parts.size() && matched; ++i) {
      if (is_placeholder(pattern.segments[i])) {
        if (parts[i].empty())
          matched = false;
        else
          params.push_back(percent_decode(parts[i]));
      } else {
        matched = pattern.segments[i] == parts[i];
      }
    }
    if (matched) return &pattern.route;
  }
  params.clear();
  return nullptr;
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

Response Router::not_found(std::string_view path) {
  return error_response(Status::not_found, "DoesNotExistError", "Not found: " + std::string(path));
}

Response Router::run(const Route& route, const Request& request, RouteContext& context) {
  try {
    return route.handler(request, context);
  } catch (const std::exception& e) {
    // Internals stay on the server (api_handler's envelope decides who may
    // see a traceback; a plain route has no user to ask about).
    std::string line =
        "quire: 500 on " + std::string(to_std(request.target())) + ": " + e.what() + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
    return error_response(Status::internal_server_error, "Exception", "Internal Server Error");
  }
}

Response Router::handle(const Request& request, std::string_view remote_ip) const {
  auto path = path_of(to_std(request.target()));
  RouteContext context;
  context.remote_ip = remote_ip;
  const Route* route = match(path, context.params);
  if (route == nullptr) return not_found(path);
  return run(*route, request, context);
}

}  // namespace quire::http
