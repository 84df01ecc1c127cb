// frappe.make_get_request, make_post_request, make_put_request,
// make_patch_request and make_delete_request (frappe/integrations/utils.py
// make_request): the request through http_client.h under the site's network
// rules, then Frappe's handling of the answer:
//   raise_for_status() (requests' HTTPError "404 Client Error: Not Found for
//   url: ..."); a Content-Type of exactly "text/plain; charset=utf-8" is
//   parse_qs'd into {name: [values]}; an application/...json one is decoded;
//   any other non-empty body is returned as text; otherwise None.
// On any failure Frappe calls frappe.log_error() and re-raises: an Error Log
// is inserted (titled "Error", as log_error() without a title) in the run's
// transaction, then the exception propagates.
#include <algorithm>
#include <cctype>
#include <string>

#include "lang/lib/json.h"
#include "lang/sandbox/host.h"
#include "lang/text/codecs.h"
#include "lang/vm/interp.h"
#include "model/lifecycle.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/http_client.h"
#include "scripting/native_util.h"
#include "scripting/server_scripts.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// requests.exceptions, as scripts see them (they cannot import requests, so
// they meet these only through `except Exception` and type(e).__name__).
struct RequestsErrors {
  Type* base;  // RequestException (an OSError, as in requests)
  Type* http;
  Type* connection;
  Type* timeout;
  Type* connect_timeout;
  Type* read_timeout;
  Type* too_many_redirects;
  Type* missing_schema;
  Type* invalid_url;
  Type* blocked;  // the SSRF guard's refusal (Frappe's BlockedRequest)
};

const RequestsErrors& errors() {
  static const RequestsErrors e = [] {
    RequestsErrors r{};
    r.base = host::define_exception("RequestException", types().OSError);
    r.http = host::define_exception("HTTPError", r.base);
    r.connection = host::define_exception("ConnectionError", r.base);
    r.timeout = host::define_exception("Timeout", r.base);
    r.connect_timeout = host::define_exception("ConnectTimeout", r.timeout);
    r.read_timeout = host::define_exception("ReadTimeout", r.timeout);
    r.too_many_redirects = host::define_exception("TooManyRedirects", r.base);
    r.missing_schema = host::define_exception("MissingSchema", r.base);
    r.invalid_url = host::define_exception("InvalidURL", r.base);
    r.blocked = host::define_exception("BlockedRequest", r.base);
    return r;
  }();
  return e;
}

// urllib.parse.quote_plus: what urlencode writes for a key or a value.
void quote_plus_into(std::string_view s, std::string& out) {
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
}

// Calls fn(key, value) for every pair of a mapping (its items()) or of a
// sequence of 2-item pairs, as requests' to_key_val_list.
template <typename Fn>
bool each_pair(Isolate& I, Value v, const char* what, Fn&& fn) {
  Value items = v;
  if (is_dict(v) || is_attr_dict(v)) {
    items = call_method(I, v, "items", nullptr, 0);  // a new reference
    if (items.is_exc()) return false;
  } else {
    incref(items);
  }
  Value it = get_iter(I, items);
  decref(items);
  if (it.is_exc()) return false;
  bool ok = true;
  for (;;) {
    Value pair = iter_next(I, it);
    if (pair.is_undef()) break;
    if (pair.is_exc()) {
      ok = false;
      break;
    }
    if (!(is_tuple(pair) && as_tuple(pair)->size == 2) &&
        !(is_list(pair) && as_list(pair)->items.size() == 2)) {
      decref(pair);
      raise(I, types().ValueError,
            std::string(what) + ": cannot encode objects that are not 2-tuples");
      ok = false;
      break;
    }
    Value k = is_tuple(pair) ? as_tuple(pair)->items()[0] : as_list(pair)->items[0];
    Value val = is_tuple(pair) ? as_tuple(pair)->items()[1] : as_list(pair)->items[1];
    ok = fn(k, val);
    decref(pair);
    if (!ok) break;
  }
  decref(it);
  return ok;
}

// requests' _encode_params: key=value pairs joined with &, a list value
// repeating its key, None values left out.
bool urlencode(Isolate& I, Value v, const char* what, std::string& out) {
  return each_pair(I, v, what, [&](Value k, Value val) {
    std::string key;
    if (!str_into(I, k, key)) return false;
    auto add = [&](Value one) {
      if (one.is_none()) return true;
      std::string text;
      if (!str_into(I, one, text)) return false;
      if (!out.empty()) out += '&';
      quote_plus_into(key, out);
      out += '=';
      quote_plus_into(text, out);
      return true;
    };
    if (is_list(val) || is_tuple(val)) {
      std::size_t n = is_list(val) ? as_list(val)->items.size() : as_tuple(val)->size;
      for (std::size_t i = 0; i < n; ++i) {
        if (!add(is_list(val) ? as_list(val)->items[i] : as_tuple(val)->items()[i])) return false;
      }
      return true;
    }
    return add(val);
  });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// urllib.parse.unquote_plus (invalid UTF-8 becomes U+FFFD).
std::string unquote_plus(std::string_view s) {
  std::string raw;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      raw += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      raw += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      raw += s[i];
    }
  }
  std::string out;
  text::decode(raw, text::Codec::Utf8, "replace", out);
  return out;
}

// urllib.parse.parse_qs(text): {name: [values]} in first-seen order; fields
// without "=" or with an empty value are dropped (keep_blank_values=False).
Value parse_qs(Isolate& I, std::string_view text) {
  Dict* d = alloc_dict(I);
  Value result = Value::object(d);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t amp = text.find('&', start);
    std::string_view field =
        text.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    start = amp == std::string_view::npos ? text.size() + 1 : amp + 1;
    auto eq = field.find('=');
    if (field.empty() || eq == std::string_view::npos || eq + 1 == field.size()) continue;
    Value name = new_str(I, unquote_plus(field.substr(0, eq)));
    Value value = new_str(I, unquote_plus(field.substr(eq + 1)));
    bool error = false;
    Value list = dict_get(I, d, name, error);
    if (list.is_undef()) {
      list = new_list_from(I, &value, 0);
      dict_set(I, d, name, list);
      decref(list);
    }
    list_append(I, as_list(list), value);
    decref(name);
  }
  return result;
}

// response.text: the body decoded with the Content-Type charset (requests
// reads a text/* body without one as ISO-8859-1), else as UTF-8.
std::string response_text(const HttpResponse& r, const std::string& content_type) {
  std::string lower = content_type;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  text::Codec codec = text::Codec::Utf8;
  if (auto cs = lower.find("charset="); cs != std::string::npos) {
    std::string name = lower.substr(cs + 8);
    name = name.substr(0, name.find(';'));
    name.erase(std::remove(name.begin(), name.end(), '"'), name.end());
    if (auto c = text::find_codec(name)) codec = *c;
  } else if (lower.find("text") != std::string::npos) {
    codec = text::Codec::Latin1;
  }
  std::string out;
  text::decode(r.body, codec, "replace", out);
  return out;
}

// What make_request returns for a successful response.
Value decode_response(Isolate& I, const HttpResponse& r) {
  auto ct = r.header("Content-Type");
  if (!ct) return Value::none();
  if (*ct == "text/plain; charset=utf-8") return parse_qs(I, response_text(r, *ct));
  std::string media = ct->substr(0, ct->find(';'));
  if (ct->rfind("application/", 0) == 0 && media.size() >= 4 &&
      media.compare(media.size() - 4, 4, "json") == 0) {
    std::string text = response_text(r, *ct);
    return json::load_text(I, text, json::LoadOptions{});
  }
  std::string text = response_text(r, *ct);
  if (text.empty()) return Value::none();
  return new_str(I, text);
}

// frappe.log_error() inside make_request's except: an Error Log in the run's
// transaction (rolled back with it if the exception is not caught).
void log_request_error(Isolate& I, RunState& run) {
  if (I.pending.is_undef() || I.uncatchable) return;
  std::string line = exception_line(I, I.pending);
  Value pending = I.pending;
  I.pending = Value();
  try {
    Json values = {{"doctype", "Error Log"}, {"method", "Error"}, {"error", line}};
    auto doc = model::doc_from_dict(run.session, values);
    model::InsertOptions o;
    o.ignore_permissions = true;
    o.ignore_links = true;
    model::insert(run.session, *doc, o);
  } catch (...) {
    // The request's own error is what the script must see.
  }
  I.pending = pending;
}

Value raise_failure(Isolate& I, const HttpResult& result) {
  const RequestsErrors& e = errors();
  switch (result.failure) {
    case HttpFailure::Stopped:
      // The run's deadline or cancel(): the run's own limit error.
      if (!check_limits(I)) return Value::exc();
      return raise(I, types().RuntimeError, result.message);
    case HttpFailure::TooLarge:
      return raise(I, types().MemoryError, result.message);
    case HttpFailure::Blocked:
      return raise(I, e.blocked, result.message);
    case HttpFailure::TooManyRedirects:
      return raise(I, e.too_many_redirects, result.message);
    case HttpFailure::MissingSchema:
      return raise(I, e.missing_schema, result.message);
    case HttpFailure::InvalidUrl:
      return raise(I, e.invalid_url, result.message);
    case HttpFailure::ConnectTimeout:
      return raise(I, e.connect_timeout, result.message);
    case HttpFailure::ReadTimeout:
      return raise(I, e.read_timeout, result.message);
    case HttpFailure::Connection:
    case HttpFailure::None:
      break;
  }
  return raise(I, e.connection, result.message);
}

// timeout=: seconds, or (connect, read) as requests takes it (the read part
// is the whole request's time here).
bool timeout_arg(Isolate& I, Value v, HttpRequest& req) {
  if (!given(v)) return true;
  auto ms = [&I](Value x, std::chrono::milliseconds& out) {
    if (x.is_none()) return true;
    double seconds = 0;
    if (!to_double(I, x, seconds)) return false;
    if (!(seconds > 0)) {
      raise(I, types().ValueError,
            "Attempted to set timeout to " + std::to_string(seconds) +
                ", but the timeout cannot be set to a value less than or equal to 0.");
      return false;
    }
    out = std::chrono::milliseconds(static_cast<std::int64_t>(std::min(seconds, 1e9) * 1000));
    if (out.count() == 0) out = std::chrono::milliseconds(1);
    return true;
  };
  if (is_tuple(v) && as_tuple(v)->size == 2) {
    return ms(as_tuple(v)->items()[0], req.connect_timeout) &&
           ms(as_tuple(v)->items()[1], req.timeout);
  }
  return ms(v, req.timeout);
}

}  // namespace

bool send_script_request(Isolate& I, const ScriptRequest& a, HttpResponse& out) {
  RunState* run = need_run(I);
  if (!run) return false;
  static const HttpPolicy default_policy;
  const HttpPolicy& policy = run->scripts ? run->scripts->settings().http : default_policy;
  HttpRequest req;
  req.method = a.method;
  req.timeout = policy.timeout;
  req.connect_timeout = policy.connect_timeout;
  req.max_redirects = policy.max_redirects;
  if (!str_into(I, a.url, req.url)) return false;
  // Leading and trailing white space is dropped, as requests does.
  while (!req.url.empty() && std::isspace(static_cast<unsigned char>(req.url.back())))
    req.url.pop_back();
  req.url.erase(0, req.url.find_first_not_of(" \t\r\n"));

  if (given(a.params)) {
    std::string query;
    if (is_str(a.params)) {
      query = std::string(as_str(a.params)->view());
    } else if (!urlencode(I, a.params, "params", query)) {
      return false;
    }
    if (!query.empty()) {
      auto hash = req.url.find('#');
      std::string fragment = hash == std::string::npos ? "" : req.url.substr(hash);
      if (hash != std::string::npos) req.url.erase(hash);
      req.url += (req.url.find('?') == std::string::npos ? "?" : "&") + query + fragment;
    }
  }
  if (given(a.headers)) {
    bool ok = each_pair(I, a.headers, "headers", [&](Value k, Value v) {
      std::string name, value;
      if (!str_into(I, k, name) || (!v.is_none() && !str_into(I, v, value))) return false;
      if (name.find_first_of("\r\n:") != std::string::npos ||
          value.find_first_of("\r\n") != std::string::npos) {
        raise(I, types().ValueError, "Invalid header: " + name);
        return false;
      }
      if (!v.is_none()) req.headers.emplace_back(name, value);
      return true;
    });
    if (!ok) return false;
  }
  req.headers.insert(req.headers.end(), a.extra_headers.begin(), a.extra_headers.end());
  bool has_type = std::any_of(req.headers.begin(), req.headers.end(), [](const auto& h) {
    std::string n = h.first;
    std::transform(n.begin(), n.end(), n.begin(), ::tolower);
    return n == "content-type";
  });
  // data= (a str body, or form fields); json= only when data is empty.
  bool data_given = false;
  if (given(a.data)) {
    bool truthy = false;
    if (!is_true(I, a.data, truthy)) return false;
    data_given = truthy;
  }
  if (data_given) {
    std::string body;
    if (is_str(a.data)) {
      body = std::string(as_str(a.data)->view());
    } else if (is_kind(a.data, Kind::Bytes)) {
      body = std::string(static_cast<Bytes*>(a.data.o)->view());
    } else {
      if (!urlencode(I, a.data, "data", body)) return false;
      if (!has_type) req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    }
    req.body = std::move(body);
  } else if (given(a.json)) {
    std::string body;
    json::DumpOptions o;
    o.allow_nan = false;
    if (!json::dump_into(I, a.json, o, body)) return false;
    if (!has_type) req.headers.emplace_back("Content-Type", "application/json");
    req.body = std::move(body);
  }
  if (given(a.auth)) {
    Value au = a.auth;
    bool truthy = false;
    if (!is_true(I, au, truthy)) return false;
    if (truthy) {
      bool pair = (is_tuple(au) && as_tuple(au)->size == 2) ||
                  (is_list(au) && as_list(au)->items.size() == 2);
      if (!pair) {
        raise(I, types().TypeError, "auth must be a (username, password) tuple");
        return false;
      }
      Value u = is_tuple(au) ? as_tuple(au)->items()[0] : as_list(au)->items[0];
      Value p = is_tuple(au) ? as_tuple(au)->items()[1] : as_list(au)->items[1];
      std::pair<std::string, std::string> creds;
      if (!str_into(I, u, creds.first) || !str_into(I, p, creds.second)) return false;
      req.basic_auth = std::move(creds);
    }
  }
  if (!timeout_arg(I, a.timeout, req)) return false;
  // Never longer than the site allows. The run's deadline stops the request
  // through the stop flag (then the run ends with its own limit error); the
  // run's length plus a grace second only bounds the transfer should the
  // flag never come, without racing the deadline's error.
  req.timeout = std::min(req.timeout, policy.timeout);
  if (I.timeout_ms > 0) {
    req.timeout = std::min(req.timeout, std::chrono::milliseconds(I.timeout_ms + 1000));
  }
  req.connect_timeout = std::min(req.connect_timeout, req.timeout);
  // The body must fit what is left of the script's memory.
  std::size_t used = I.heap.bytes_used(), limit = I.heap.limit();
  std::size_t room = limit > used ? limit - used : 0;
  req.max_response_bytes = std::min(policy.max_response_bytes, room);

  HttpResult result = http_perform(req, policy.allow, I.cancel);
  if (!result.ok()) {
    raise_failure(I, result);
    return false;
  }
  out = std::move(result.response);
  return true;
}

namespace {

Value make_request(Isolate& I, const char* method, const char* fname, Value* args,
                   std::size_t nargs, const Tuple* kwnames) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (nargs > 1) {
    return raise(I, types().TypeError,
                 std::string(fname) + "() takes 1 positional argument but " +
                     std::to_string(nargs) + " were given");
  }
  enum { kUrl, kAuth, kHeaders, kData, kJson, kParams, kTimeout, kCount };
  Value a[kCount];
  if (!parse_args(I, fname, args, nargs, kwnames,
                  {"url", "auth", "headers", "data", "json", "params", "timeout"}, 1, a))
    return Value::exc();
  ScriptRequest request{method,   a[kUrl],    a[kAuth],    a[kHeaders], a[kData],
                        a[kJson], a[kParams], a[kTimeout], {}};
  HttpResponse response;
  Value out;
  if (!send_script_request(I, request, response)) {
    out = Value::exc();
  } else if (response.status >= 400 && response.status < 600) {
    const auto& r = response;
    out =
        raise(I, errors().http,
              std::to_string(r.status) + (r.status < 500 ? " Client Error: " : " Server Error: ") +
                  r.reason + " for url: " + r.url);
  } else {
    out = decode_response(I, response);
  }
  if (out.is_exc()) log_request_error(I, *run);
  return out;
}

#define QUIRE_HTTP_VERB(fn, verb, name)                       \
  QUIRE_NATIVE(fn) {                                          \
    return make_request(I, verb, name, args, nargs, kwnames); \
  }
QUIRE_HTTP_VERB(f_make_get_request, "GET", "make_get_request")
QUIRE_HTTP_VERB(f_make_post_request, "POST", "make_post_request")
QUIRE_HTTP_VERB(f_make_put_request, "PUT", "make_put_request")
QUIRE_HTTP_VERB(f_make_patch_request, "PATCH", "make_patch_request")
QUIRE_HTTP_VERB(f_make_delete_request, "DELETE", "make_delete_request")
#undef QUIRE_HTTP_VERB

}  // namespace

void add_http_functions(Type* frappe_names) {
  errors();
  host::define_method(frappe_names, "make_get_request", f_make_get_request);
  host::define_method(frappe_names, "make_post_request", f_make_post_request);
  host::define_method(frappe_names, "make_put_request", f_make_put_request);
  host::define_method(frappe_names, "make_patch_request", f_make_patch_request);
  host::define_method(frappe_names, "make_delete_request", f_make_delete_request);
}

}  // namespace quire::scripting
