// frappe.request (werkzeug's Request as Frappe's scripts read it) and
// frappe.utils.get_host_name_from_request (frappe/utils/data.py).
//
// frappe.request is one immortal object shared by every run: its properties
// read the request of the run that asks (RequestState::incoming), so binding
// it costs a run nothing. Outside HTTP Frappe gives `{}`: a new empty dict.
// What it answers follows werkzeug (sansio/request.py, sansio/utils.py):
// `path` is percent-decoded, `full_path` always carries a "?", `host` drops
// the scheme's default port, headers are EnvironHeaders (case-insensitive
// get, names title-cased as the WSGI environ gives them back).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/utils_request.h"

#include <cctype>

#include "lang/sandbox/host.h"
#include "scripting/native_util.h"
#include "scripting/run_state.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// quire serves plain HTTP (a TLS proxy in front tells it by X-Forwarded-Proto,
// which werkzeug's Request does not read without ProxyFix).
constexpr std::string_view kScheme = "http";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "x-api-key" -> "X-Api-Key": str.title() on the environ key's words, as
// EnvironHeaders gives names back (letters after a non-letter are upper).
std::string title_case(std::string_view name) {
  std::string out;
  bool after_letter = false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c == '_' ? '-' : c);
    bool letter = std::isalpha(u);
    out += static_cast<char>(letter ? (after_letter ? std::tolower(u) : std::toupper(u)) : u);
    after_letter = letter;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Replaces bytes that are not UTF-8 with U+FFFD (bytes.decode(errors="replace")).
std::string valid_utf8(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok && n > 1 && c < 0xC2) ok = false;  // overlong two-byte forms
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return valid_utf8(out);
}

std::string_view raw_path(const IncomingRequest& r) {
  std::string_view t = r.target();
  return t.substr(0, t.find('?'));
}

std::string_view query_string(const IncomingRequest& r) {
  std::string_view t = r.target();
  auto q = t.find('?');
  return q == std::string_view::npos ? std::string_view() : t.substr(q + 1);
}

std::string path_of(const IncomingRequest& r) {
  std::string path = percent_decode(raw_path(r), false);
  std::size_t start = path.find_first_not_of('/');
  return "/" + (start == std::string::npos ? std::string() : path.substr(start));
}

// urllib.parse.quote(text, safe) as werkzeug's get_current_url quotes a path
// or query (safe also keeps what was already percent-encoded).
std::string quote(std::string_view text, std::string_view safe) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' ||
        safe.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      static const char digits[] = "0123456789ABCDEF";
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

// uri_to_iri as werkzeug's url shows it: escaped UTF-8 sequences
// ("%C3%A9") read as their characters, ASCII escapes ("%20") kept.
std::string iri(std::string_view uri) {
  std::string out;
  std::size_t i = 0;
  while (i < uri.size()) {
    std::string bytes;
    std::size_t j = i;
    while (j + 2 < uri.size() && uri[j] == '%' && hex_value(uri[j + 1]) >= 8 &&
           hex_value(uri[j + 2]) >= 0) {
      bytes += static_cast<char>(hex_value(uri[j + 1]) * 16 + hex_value(uri[j + 2]));
      j += 3;
    }
    if (!bytes.empty() && valid_utf8(bytes) == bytes) {
      out += bytes;
      i = j;
    } else {
      out += uri[i++];
    }
  }
  return out;
}

std::string base_url(const IncomingRequest& r) {
  std::string path = path_of(r);
  return iri(std::string(kScheme) + "://" + request_host(r) + "/" +
             quote(std::string_view(path).substr(1), "!$&'()*+,/:;=@%"));
}

std::string url_of(const IncomingRequest& r) {
  std::string url = base_url(r);
  std::string_view query = query_string(r);
  if (!query.empty()) url += "?" + quote(query, "!$&'()*+,/:;=?@%");
  return iri(url);
}

// werkzeug url_decode: "a=1&b=&c" -> first value of each name, blanks kept.
Value query_dict(Isolate& I, std::string_view query) {
  Dict* d = alloc_dict(I);
  Value out = Value::object(d);
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string key = percent_decode(pair.substr(0, eq), true);
    std::string value =
        eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
    Value k = new_str(I, key);
    bool seen = !dict_get_str(d, key).is_undef();
    Value v = seen ? Value::none() : new_str(I, value);
    bool ok = seen || dict_set(I, d, k, v);
    decref(k);
    if (!seen) decref(v);
    if (!ok) {
      decref(out);
      return Value::exc();
    }
  }
  return out;
}

// The Cookie header as werkzeug's parse_cookie reads it ("a=1; b=2").
Value cookie_dict(Isolate& I, const IncomingRequest& r) {
  Dict* d = alloc_dict(I);
  Value out = Value::object(d);
  std::string_view header = r.header("cookie").value_or("");
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(start, end - start);
    start = end + 1;
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    auto trim = [](std::string_view s) {
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      return s;
    };
    std::string_view value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    std::string key = valid_utf8(trim(pair.substr(0, eq)));
    Value k = new_str(I, key);
    Value v = new_str(I, valid_utf8(value));
    bool ok = !dict_get_str(d, key).is_undef() || dict_set(I, d, k, v);
    decref(k);
    decref(v);
    if (!ok) {
      decref(out);
      return Value::exc();
    }
  }
  return out;
}

Value optional_str(Isolate& I, std::optional<std::string_view> s) {
  return s ? new_str(I, valid_utf8(*s)) : Value::none();
}

std::string mimetype_of(const IncomingRequest& r) {
  std::string_view type = r.header("content-type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  return lower(type);
}

// The request of the run that reads frappe.request.
const IncomingRequest* served(Isolate& I) {
  RunState* run = current_run();
  if (!run || !run->request.incoming) {
    raise(I, types().RuntimeError, "frappe.request is read outside the request it belongs to");
    return nullptr;
  }
  return run->request.incoming;
}

#define REQUEST_PROPERTY(fn, expr)        \
  QUIRE_NATIVE(fn) {                      \
    const IncomingRequest* r = served(I); \
    if (!r) return Value::exc();          \
    return expr;                          \
  }

REQUEST_PROPERTY(rq_method, new_str(I, valid_utf8(r->method())))
REQUEST_PROPERTY(rq_path, new_str(I, path_of(*r)))
REQUEST_PROPERTY(rq_full_path, new_str(I, path_of(*r) + "?" + valid_utf8(query_string(*r))))
REQUEST_PROPERTY(rq_query_string, new_bytes(I, query_string(*r)))
REQUEST_PROPERTY(rq_scheme, new_str(I, kScheme))
REQUEST_PROPERTY(rq_host, new_str(I, request_host(*r)))
REQUEST_PROPERTY(rq_host_url, new_str(I, std::string(kScheme) + "://" + request_host(*r) + "/"))
REQUEST_PROPERTY(rq_base_url, new_str(I, base_url(*r)))
REQUEST_PROPERTY(rq_url, new_str(I, url_of(*r)))
REQUEST_PROPERTY(rq_remote_addr, new_str(I, valid_utf8(r->remote_addr())))
REQUEST_PROPERTY(rq_is_secure, Value::boolean(false))
REQUEST_PROPERTY(rq_args, query_dict(I, query_string(*r)))
REQUEST_PROPERTY(rq_cookies, cookie_dict(I, *r))
REQUEST_PROPERTY(rq_content_type, optional_str(I, r->header("content-type")))
REQUEST_PROPERTY(rq_mimetype, new_str(I, mimetype_of(*r)))
REQUEST_PROPERTY(rq_data, new_bytes(I, r->body()))
REQUEST_PROPERTY(rq_is_json, Value::boolean(mimetype_of(*r) == "application/json" ||
                                            (mimetype_of(*r).rfind("application/", 0) == 0 &&
                                             mimetype_of(*r).ends_with("+json"))))

// get_data(cache=True, as_text=False, parse_form_data=False).
QUIRE_NATIVE(rq_get_data) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get_data", args + 1, nargs - 1, kwnames,
                  {"cache", "as_text", "parse_form_data"}, 0, a))
    return Value::exc();
  bool as_text = false;
  if (!opt_bool(I, a[1], as_text)) return Value::exc();
  return as_text ? new_str(I, valid_utf8(r->body())) : new_bytes(I, r->body());
}

// ---- headers: werkzeug's EnvironHeaders.

struct Tag {
  char unused = 0;
};

const host::ValueType& headers_type() {
  static const host::ValueType t = host::define_value_type("EnvironHeaders");
  return t;
}

// Every header with EnvironHeaders' name; values of a repeated name joined
// by "," as the WSGI server folds them into one environ key.
std::vector<std::pair<std::string, std::string>> header_list(const IncomingRequest& r) {
  std::vector<std::pair<std::string, std::string>> out;
  r.each_header([&](std::string_view name, std::string_view value) {
    std::string title = title_case(name);
    for (auto& [n, v] : out) {
      if (n == title) {
        v += "," + std::string(value);
        return;
      }
    }
    out.emplace_back(std::move(title), std::string(value));
  });
  return out;
}

std::optional<std::string> header_value(const IncomingRequest& r, std::string_view name) {
  std::string wanted = title_case(name);
  for (auto& [n, v] : header_list(r)) {
    if (n == wanted) return v;
  }
  return std::nullopt;
}

bool key_text(Isolate& I, Value key, std::string& out) {
  if (!is_str(key)) {
    raise_key_error(I, key);
    return false;
  }
  out = std::string(as_str(key)->view());
  return true;
}

QUIRE_NATIVE(hd_get) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get", args + 1, nargs - 1, kwnames, {"key", "default", "type"}, 1, a))
    return Value::exc();
  if (!is_str(a[0])) return raise(I, types().TypeError, "header names are str");
  auto value = header_value(*r, as_str(a[0])->view());
  if (!value) {
    Value fallback = a[1].is_undef() ? Value::none() : a[1];
    incref(fallback);
    return fallback;
  }
  Value text = new_str(I, valid_utf8(*value));
  if (!given(a[2]) || text.is_exc()) return text;
  // type=int & co: a failing conversion gives the default (ValueError caught).
  Value converted = call(I, a[2], &text, 1);
  decref(text);
  if (!converted.is_exc()) return converted;
  if (I.uncatchable || !isinstance(I.pending, types().ValueError)) return converted;
  decref(I.pending);
  I.pending = Value();
  Value fallback = a[1].is_undef() ? Value::none() : a[1];
  incref(fallback);
  return fallback;
}

QUIRE_NATIVE(hd_getitem) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  std::string key;
  if (!key_text(I, args[1], key)) return Value::exc();
  auto value = header_value(*r, key);
  if (!value) return raise_key_error(I, args[1]);
  return new_str(I, valid_utf8(*value));
}

QUIRE_NATIVE(hd_contains) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  return Value::boolean(is_str(args[1]) && header_value(*r, as_str(args[1])->view()).has_value());
}

QUIRE_NATIVE(hd_len) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  return Value::integer(static_cast<std::int64_t>(header_list(*r).size()));
}

// What keys(), values(), items() and iteration give: lists (werkzeug gives
// generators; a list iterates the same).
enum class Part { kKeys, kValues, kItems };

Value header_parts(Isolate& I, Part part) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  std::vector<Value> items;
  for (auto& [n, v] : header_list(*r)) {
    Value name = new_str(I, valid_utf8(n));
    Value value = new_str(I, valid_utf8(v));
    if (part == Part::kKeys) {
      decref(value);
      items.push_back(name);
    } else if (part == Part::kValues) {
      decref(name);
      items.push_back(value);
    } else {
      Value pair[2] = {name, value};
      items.push_back(new_tuple_from(I, pair, 2));
      decref(name);
      decref(value);
    }
  }
  Value list = new_list_from(I, items.data(), items.size());
  for (Value v : items) decref(v);
  return list;
}

QUIRE_NATIVE(hd_keys) {
  return header_parts(I, Part::kKeys);
}
QUIRE_NATIVE(hd_values) {
  return header_parts(I, Part::kValues);
}
QUIRE_NATIVE(hd_items) {
  return header_parts(I, Part::kItems);
}
QUIRE_NATIVE(hd_iter) {
  Value list = header_parts(I, Part::kItems);
  if (list.is_exc()) return list;
  Value it = new_iter(I, IterKind::Seq, list);
  decref(list);
  return it;
}

QUIRE_NATIVE(hd_repr) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  std::string out = "EnvironHeaders([";
  bool first = true;
  for (auto& [n, v] : header_list(*r)) {
    out += (first ? "(" : ", (") + std::string("'") + n + "', '" + valid_utf8(v) + "')";
    first = false;
  }
  return new_str(I, out + "])");
}

// The one object of view type `t` (frappe.request, its headers): it holds
// nothing, its methods read the request being served; `repr` is its
// __repr__ and __str__.
Value singleton_view(const host::ValueType& t, NativeFn repr) {
  host::define_special(t, "__repr__", repr);
  host::define_special(t, "__str__", repr);
  Tag tag;
  return host::immortal_value(t.impl, &tag, sizeof tag);
}

Value headers_value() {
  static const Value v = [] {
    const host::ValueType& t = headers_type();
    host::define_method(t, "get", hd_get);
    host::define_method(t, "keys", hd_keys);
    host::define_method(t, "values", hd_values);
    host::define_method(t, "items", hd_items);
    host::define_special(t, "__getitem__", hd_getitem);
    host::define_special(t, "__contains__", hd_contains);
    host::define_special(t, "__len__", hd_len);
    host::define_special(t, "__iter__", hd_iter);
    return singleton_view(t, hd_repr);
  }();
  return v;
}

QUIRE_NATIVE(rq_headers) {
  if (!served(I)) return Value::exc();
  return headers_value();
}

QUIRE_NATIVE(rq_repr) {
  const IncomingRequest* r = served(I);
  if (!r) return Value::exc();
  return new_str(I, "<Request '" + url_of(*r) + "' [" + std::string(r->method()) + "]>");
}

Value request_object() {
  static const Value v = [] {
    host::ValueType t = host::define_value_type("Request");
    struct Property {
      const char* name;
      NativeFn fn;
    };
    static const Property properties[] = {
        {"method", rq_method},
        {"path", rq_path},
        {"full_path", rq_full_path},
        {"query_string", rq_query_string},
        {"scheme", rq_scheme},
        {"host", rq_host},
        {"host_url", rq_host_url},
        {"url_root", rq_host_url},
        {"base_url", rq_base_url},
        {"url", rq_url},
        {"remote_addr", rq_remote_addr},
        {"is_secure", rq_is_secure},
        {"args", rq_args},
        {"cookies", rq_cookies},
        {"headers", rq_headers},
        {"content_type", rq_content_type},
        {"mimetype", rq_mimetype},
        {"data", rq_data},
        {"is_json", rq_is_json},
    };
    for (const auto& p : properties) host::define_property(t, p.name, p.fn);
    host::define_method(t, "get_data", rq_get_data);
    return singleton_view(t, rq_repr);
  }();
  return v;
}

// get_host_name_from_request(): "http(s)://" + request.host inside a request
// whose host is known, else None (the function falls off its end).
QUIRE_NATIVE(u_get_host_name_from_request) {
  if (!parse_args(I, "get_host_name_from_request", args, nargs, kwnames, {}, 0, nullptr))
    return Value::exc();
  RunState* run = current_run();
  const IncomingRequest* r = run ? run->request.incoming : nullptr;
  if (!r) return Value::none();
  std::string host = request_host(*r);
  if (host.empty()) return Value::none();
  bool https = header_value(*r, "X-Forwarded-Proto").value_or("") == "https";
  return new_str(I, (https ? "https://" : "http://") + valid_utf8(host));
}

}  // namespace

std::string request_host(const IncomingRequest& request) {
  std::string host(request.header("host").value_or(""));
  if (host.ends_with(":80")) host.resize(host.size() - 3);
  return host;
}

void add_request_functions(Type* utils) {
  host::define_method(utils, "get_host_name_from_request", u_get_host_name_from_request);
}

Value request_value(Isolate& I, const RunState& run) {
  if (run.request.incoming) return request_object();
  return Value::object(alloc_dict(I));
}

}  // namespace quire::scripting
