#include "http/request_data.h"

#include <boost/beast/http/field.hpp>

#include "http/api_error.h"
#include "http/router.h"

namespace quire::http {
namespace bhttp = boost::beast::http;

Json parse_urlencoded(std::string_view text) {
  Json out = Json::object();
  size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    auto pair = text.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      auto key = percent_decode(pair.substr(0, eq), true);
      auto value =
          eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
      if (!key.empty()) out[key] = std::move(value);
    }
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    auto pair = header.substr(start, end - start);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    while (!pair.empty() && pair.back() == ' ') pair.remove_suffix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      auto value = pair.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      out.emplace(std::string(pair.substr(0, eq)), percent_decode(value));
    }
    start = end + 1;
  }
  return out;
}

namespace {

// JSON from a client is at most this deeply nested. nlohmann parses any depth
// without recursing, but copying or converting the value recurses once per
// level: a body of 200k '[' would overflow the stack of whatever touches it
// next. CPython's json gives up near the same depth (its recursion limit).
constexpr int max_json_depth = 1000;

struct TooDeep {};

// The text as JSON (discarded when malformed); 400 when nested deeper than
// max_json_depth.
Json parse_client_json(std::string_view text) {
  auto refuse_deep = [](int depth, Json::parse_event_t event, Json&) {
    if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
      if (depth >= max_json_depth) throw TooDeep{};
    }
    return true;
  };
  try {
    return Json::parse(text, refuse_deep, false);
  } catch (const TooDeep&) {
    bad_request("The JSON is nested more than " + std::to_string(max_json_depth) + " levels deep");
  }
}

bool is_json_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type == "application/json" ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

bool is_form_type(std::string_view content_type) {
  return content_type.starts_with("application/x-www-form-urlencoded");
}

}  // namespace

Json form_dict(const Request& request) {
  auto target = to_std(request.target());
  Json out = Json::object();
  auto question = target.find('?');
  if (question != std::string_view::npos) {
    auto query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    out = parse_urlencoded(query);
  }
  const auto& body = request.body();
  auto content_type = to_std(request[bhttp::field::content_type]);
  bool blank = body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!blank) {
    if (is_json_type(content_type) ||
        (content_type.empty() && (body.front() == '{' || body.front() == '['))) {
      Json parsed = parse_client_json(body);
      if (parsed.is_discarded()) bad_request("The request body is not valid JSON");
      if (parsed.is_array()) {
        out["data"] = std::move(parsed);
      } else if (parsed.is_object()) {
        // Frappe takes the JSON body alone when there is one.
        out = std::move(parsed);
      } else {
        bad_request("The JSON body must be an object or a list");
      }
    } else if (is_form_type(content_type) || content_type.empty() ||
               content_type.starts_with("text/plain")) {
      // Some clients send form data as text/plain; it is read as a form too.
      Json form = parse_urlencoded(body);
      for (auto& [key, value] : form.items()) out[key] = value;
    } else {
      throw ApiError(Status::unsupported_media_type, "UnsupportedMediaType",
                     "Unsupported request body type: " + std::string(content_type));
    }
  }
  out.erase("_");
  return out;
}

Json parse_json_arg(const Json& value) {
  if (!value.is_string()) return value;
  const auto& text = value.get_ref<const std::string&>();
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (text[first] != '{' && text[first] != '[')) return value;
  Json parsed = parse_client_json(text);
  if (parsed.is_discarded())
    bad_request("Malformed JSON in request argument: " + text.substr(0, 200));
  return parsed;
}

long long int_arg(const Json& args, const char* key, long long fallback) {
  auto found = args.find(key);
  if (found == args.end() || found->is_null()) return fallback;
  if (found->is_number_integer()) return found->get<long long>();
  if (found->is_number()) return static_cast<long long>(found->get<double>());
  if (found->is_boolean()) return found->get<bool>() ? 1 : 0;
  if (found->is_string()) {
    const auto& text = found->get_ref<const std::string&>();
    try {
      size_t used = 0;
      double v = std::stod(text, &used);
      if (used > 0 && v > -9.2e18 && v < 9.2e18) return static_cast<long long>(v);
    } catch (...) {
    }
    return fallback;
  }
  return fallback;
}

bool bool_arg(const Json& args, const char* key, bool fallback) {
  auto found = args.find(key);
  if (found == args.end() || found->is_null()) return fallback;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_number()) return found->get<double>() != 0;
  if (found->is_string()) {
    const auto& t = found->get_ref<const std::string&>();
    if (t == "1" || t == "true" || t == "True" || t == "yes") return true;
    if (t == "0" || t == "false" || t == "False" || t == "no" || t.empty()) return false;
  }
  return fallback;
}

std::optional<std::string> string_arg(const Json& args, const char* key) {
  auto found = args.find(key);
  if (found == args.end() || found->is_null()) return std::nullopt;
  if (found->is_string()) return found->get<std::string>();
  return found->dump();
}

}  // namespace quire::http
