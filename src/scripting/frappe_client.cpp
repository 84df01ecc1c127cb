// FrappeClient (frappe/frappeclient.py) on quire's outgoing HTTP: every call
// goes through send_script_request, so the site's allow-list, timeouts,
// redirect checks and the run's limits apply as for make_*_request.
//
// As Frappe: self.url, self.headers (Accept and a form content-type, plus
// `Authorization: token key:secret` with api_key/api_secret), login with
// username/password at construction, the answer's "message" (else "data")
// returned, an answer carrying "exc" raised as FrappeException with the
// server's traceback text. The session cookie (sid) is kept per client, as
// requests.Session keeps it. Calls naming a `cmd` (get_request/post_request
// and the helpers built on them) go to /api/method/<cmd>, which every Frappe
// version and quire answer (frappeclient.py posts them to the site's root
// with a cmd field; quire's REST layer accepts that too, for other clients).
// Cookies are kept by name only (no domain, path or expiry: one site per
// client). verify=False is accepted but certificates are always checked.
#include "scripting/frappe_client.h"

#include <strings.h>

#include <map>
#include <string>

#include "lang/lib/json.h"
#include "lang/sandbox/host.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

struct ClientErrors {
  Type* frappe;  // FrappeException: the server answered with an exception
  Type* auth;
  Type* site_expired;
  Type* site_unreachable;
};

const ClientErrors& client_errors() {
  static const ClientErrors e{
      host::define_exception("FrappeException"), host::define_exception("AuthError"),
      host::define_exception("SiteExpiredError"), host::define_exception("SiteUnreachableError")};
  return e;
}

// The hidden attribute holding the client's cookies ("a=1; b=2"); scripts
// cannot reach `_` names.
constexpr const char* kCookieJar = "_cookie_jar";

Value attribute(Isolate& I, Value self, const char* name) {
  return get_attr(I, self, as_str(intern(name)));
}

bool attribute_text(Isolate& I, Value self, const char* name, std::string& out) {
  Value v = attribute(I, self, name);
  if (v.is_exc()) return false;
  bool ok = v.is_none() || str_into(I, v, out);
  decref(v);
  return ok;
}

// Keeps what the server set (Set-Cookie name=value), dropping cleared ones.
bool remember_cookies(Isolate& I, Value self, const HttpResponse& response) {
  std::string jar;
  if (!attribute_text(I, self, kCookieJar, jar)) return false;
  std::map<std::string, std::string> cookies;
  std::size_t start = 0;
  while (start < jar.size()) {
    std::size_t end = jar.find("; ", start);
    std::string one = jar.substr(start, end == std::string::npos ? std::string::npos : end - start);
    auto eq = one.find('=');
    if (eq != std::string::npos) cookies[one.substr(0, eq)] = one.substr(eq + 1);
    start = end == std::string::npos ? jar.size() : end + 2;
  }
  for (const auto& [name, value] : response.headers) {
    if (name.size() != 10 || strncasecmp(name.c_str(), "set-cookie", 10) != 0) continue;
    std::string pair = value.substr(0, value.find(';'));
    auto eq = pair.find('=');
    if (eq == std::string::npos) continue;
    std::string key = pair.substr(0, eq), text = pair.substr(eq + 1);
    if (text.empty()) {
      cookies.erase(key);
    } else {
      cookies[key] = text;
    }
  }
  jar.clear();
  for (const auto& [name, value] : cookies) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
  Value v = new_str(I, jar);
  bool ok = host::set_attribute(I, self, kCookieJar, v);
  decref(v);
  return ok;
}

// One request of the client's session: its headers and cookies, params in
// the query, data as the form body (either may be Undef).
bool send(Isolate& I, Value self, const char* verb, const std::string& url, Value params,
          Value data, HttpResponse& out) {
  std::string jar;
  if (!attribute_text(I, self, kCookieJar, jar)) return false;
  Value headers = attribute(I, self, "headers");
  if (headers.is_exc()) return false;
  Value url_value = new_str(I, url);
  ScriptRequest request{verb, url_value, Value(), headers, data, Value(), params, Value(), {}};
  if (!jar.empty()) request.extra_headers.emplace_back("Cookie", jar);
  bool ok = send_script_request(I, request, out);
  decref(url_value);
  decref(headers);
  return ok && remember_cookies(I, self, out);
}

Value parse_body(Isolate& I, const HttpResponse& response) {
  return json::load_text(I, response.body, json::LoadOptions{});
}

// FrappeClient.post_process: the answer's JSON (a ValueError if it is not
// JSON), "exc" raised as FrappeException, else "message", else "data".
Value post_process(Isolate& I, const HttpResponse& response) {
  Value answer = parse_body(I, response);
  if (answer.is_exc() || !is_dict(answer)) {
    if (!answer.is_exc()) decref(answer);
    return answer.is_exc() ? answer : Value::none();
  }
  Dict* d = as_dict(answer);
  Value exc = dict_get_str(d, "exc");
  bool failed = false;
  if (!exc.is_undef() && !is_true(I, exc, failed)) {
    decref(answer);
    return Value::exc();
  }
  if (failed) {
    std::string text;
    bool have_text = str_into(I, exc, text);
    std::string message = text;
    Value decoded = is_str(exc) ? json::load_text(I, text, json::LoadOptions{}) : Value::exc();
    if (decoded.is_exc()) {
      I.pending = Value();  // not a JSON list: the raw text, as Frappe's except does
    } else {
      if (is_list(decoded) && !as_list(decoded)->items.empty() &&
          is_str(as_list(decoded)->items[0])) {
        message = "FrappeClient Request Failed\n\n" +
                  std::string(as_str(as_list(decoded)->items[0])->view());
      }
      decref(decoded);
    }
    decref(answer);
    if (!have_text) return Value::exc();
    return raise(I, client_errors().frappe, message);
  }
  for (const char* key : {"message", "data"}) {
    Value v = dict_get_str(d, key);
    if (!v.is_undef()) {
      incref(v);
      decref(answer);
      return v;
    }
  }
  decref(answer);
  return Value::none();
}

// json.dumps(v) with Python's defaults; frappe.as_json(v) when `as_json`.
Value dumps(Isolate& I, Value v, bool as_json) {
  json::DumpOptions o;
  Value fallback;
  if (as_json) {
    o.sort_keys = true;
    o.has_indent = true;
    o.indent = " ";
    o.item_separator = ",";
    fallback = new_native(I, json_handler, "json_handler");
    o.default_fn = fallback;
  }
  std::string out;
  bool ok = json::dump_into(I, v, o, out);
  if (as_json) decref(fallback);
  return ok ? new_str(I, out) : Value::exc();
}

// A dict built from (key, value) pairs; values are stolen, an Exc aborts.
Value make_dict(Isolate& I, std::initializer_list<std::pair<const char*, Value>> items) {
  Dict* d = alloc_dict(I);
  Value out = Value::object(d);
  bool failed = false;
  for (const auto& [key, value] : items) {
    if (value.is_exc()) {
      failed = true;
      continue;
    }
    if (!failed) dict_set(I, d, intern(key), value);
    decref(value);
  }
  if (failed) {
    decref(out);
    return Value::exc();
  }
  return out;
}

Value borrowed(Value v) {
  incref(v);
  return v;
}

// cstr(): "" for None, else str(v).
bool cstr(Isolate& I, Value v, std::string& out) {
  if (!given(v)) {
    out.clear();
    return true;
  }
  return str_into(I, v, out);
}

bool client_url(Isolate& I, Value self, std::string& out) {
  return attribute_text(I, self, "url", out);
}

// The table of a dict or a frappe._dict (scripts pass either), else null.
Dict* table_of(Isolate& I, Value v) {
  if (is_dict(v)) return as_dict(v);
  return is_attr_dict(v) ? attr_dict_table(I, v) : nullptr;
}

// FrappeClient.preprocess: dict and list values become JSON (in place).
bool preprocess(Isolate& I, Value params) {
  Dict* d = table_of(I, params);
  if (!d) return true;
  Value items = call_method(I, params, "items", nullptr, 0);
  if (items.is_exc()) return false;
  Value list = call1(I, Value::object(types().list), items);
  decref(items);
  if (list.is_exc()) return false;
  bool ok = true;
  for (Value pair : as_list(list)->items) {
    Value key = as_tuple(pair)->items()[0], value = as_tuple(pair)->items()[1];
    if (!is_dict(value) && !is_list(value)) continue;
    Value text = dumps(I, value, false);
    if (text.is_exc() || !dict_set(I, d, key, text)) ok = false;
    if (!text.is_exc()) decref(text);
    if (!ok) break;
  }
  decref(list);
  return ok;
}

// get_request / post_request: the params (cmd routed into the URL).
Value cmd_request(Isolate& I, Value self, const char* verb, Value params) {
  if (!preprocess(I, params)) return Value::exc();
  std::string url;
  if (!client_url(I, self, url)) return Value::exc();
  Value rest = borrowed(params);
  if (Dict* table = table_of(I, params)) {
    Value cmd = dict_get_str(table, "cmd");
    if (!cmd.is_undef()) {
      std::string method;
      if (!str_into(I, cmd, method)) {
        decref(rest);
        return Value::exc();
      }
      url += "/api/method/" + method;
      decref(rest);
      rest = call1(I, Value::object(types().dict), params);  // dict(params): a plain copy
      if (rest.is_exc()) return rest;
      if (dict_del(I, as_dict(rest), intern("cmd")) < 0) {
        decref(rest);
        return Value::exc();
      }
    }
  }
  HttpResponse response;
  bool get = std::string_view(verb) == "GET";
  bool ok = send(I, self, verb, url, get ? rest : Value(), get ? Value() : rest, response);
  decref(rest);
  return ok ? post_process(I, response) : Value::exc();
}

// A cmd request whose params the caller built (stolen).
Value cmd_request_owned(Isolate& I, Value self, const char* verb, Value params) {
  if (params.is_exc()) return params;
  Value out = cmd_request(I, self, verb, params);
  decref(params);
  return out;
}

// Parses a method's arguments after self.
bool method_args(Isolate& I, const char* name, Value* args, std::size_t nargs, const Tuple* kwnames,
                 std::initializer_list<const char*> params, std::size_t required, Value* out) {
  if (nargs == 0 || !isinstance(args[0], frappe_client_type())) {
    raise(I, types().TypeError,
          std::string("descriptor '") + name + "' requires a 'FrappeClient' object");
    return false;
  }
  return parse_args(I, name, args + 1, nargs - 1, kwnames, params, required, out);
}

Value resource_request(Isolate& I, Value self, const char* verb, const std::string& path,
                       Value params, Value data, bool as_attr_dict) {
  std::string url;
  if (!client_url(I, self, url)) return Value::exc();
  HttpResponse response;
  if (!send(I, self, verb, url + path, params, data, response)) return Value::exc();
  Value out = post_process(I, response);
  if (out.is_exc() || !as_attr_dict) return out;
  Value wrapped = attr_dict_construct(I, &out, 1, nullptr, nullptr);
  decref(out);
  return wrapped;
}

// "/api/resource/<doctype>[/<name>]" of a doc's doctype and name.
bool doc_path(Isolate& I, Value doc, bool with_name, std::string& out) {
  for (const char* key : {"doctype", "name"}) {
    if (!with_name && std::string_view(key) == "name") break;
    Value k = intern(key);
    Value v = call_method(I, doc, "get", &k, 1);
    if (v.is_exc()) return false;
    std::string text;
    bool ok = std::string_view(key) == "name" ? cstr(I, v, text) : str_into(I, v, text);
    decref(v);
    if (!ok) return false;
    out += (out.empty() ? "/api/resource/" : "/") + text;
  }
  return true;
}

Value login(Isolate& I, Value self, Value username, Value password) {
  Value data = make_dict(I, {{"usr", borrowed(username)}, {"pwd", borrowed(password)}});
  if (data.is_exc()) return data;
  std::string url;
  HttpResponse response;
  bool ok = client_url(I, self, url) &&
            send(I, self, "POST", url + "/api/method/login", Value(), data, response);
  decref(data);
  if (!ok) return Value::exc();
  const ClientErrors& e = client_errors();
  if (response.status == 502) return raise(I, e.site_unreachable, "");
  Value answer = parse_body(I, response);
  if (answer.is_exc()) {
    I.pending = Value();
    return raise(I, e.auth, "");
  }
  if (is_dict(answer)) {
    Value message = dict_get_str(as_dict(answer), "message");
    bool logged_in = is_str(message) && (as_str(message)->view() == "Logged In" ||
                                         as_str(message)->view() == "No App");
    if (response.status == 200 && logged_in) return answer;
    Value type = dict_get_str(as_dict(answer), "exc_type");
    if (is_str(type) && as_str(type)->view() == "SiteExpiredError") {
      decref(answer);
      return raise(I, e.site_expired, "");
    }
  }
  decref(answer);
  return raise(I, e.auth, "");
}

QUIRE_NATIVE(new_client) {
  enum { kUrl, kUser, kPassword, kVerify, kKey, kSecret, kSource, kCount };
  Value a[kCount];
  if (!parse_args(I, "FrappeClient", args, nargs, kwnames,
                  {"url", "username", "password", "verify", "api_key", "api_secret",
                   "frappe_authorization_source"},
                  1, a))
    return Value::exc();
  Value self = host::new_instance(I, frappe_client_type());
  if (self.is_exc()) return self;
  Value headers =
      make_dict(I, {{"Accept", borrowed(intern("application/json"))},
                    {"content-type", borrowed(intern("application/x-www-form-urlencoded"))}});
  bool ok = !headers.is_exc();
  auto set = [&](const char* name, Value v) {
    if (ok) ok = host::set_attribute(I, self, name, v.is_undef() ? Value::none() : v);
  };
  set("headers", headers);
  set("verify", a[kVerify].is_undef() ? Value::boolean(true) : a[kVerify]);
  set("url", a[kUrl]);
  set("api_key", a[kKey]);
  set("api_secret", a[kSecret]);
  set("frappe_authorization_source", a[kSource]);
  set(kCookieJar, intern(""));
  bool key_auth = false, secret = false;
  if (ok)
    ok = is_true(I, a[kKey].is_undef() ? Value::none() : a[kKey], key_auth) &&
         is_true(I, a[kSecret].is_undef() ? Value::none() : a[kSecret], secret);
  if (ok && key_auth && secret) {
    std::string key, token;
    ok = str_into(I, a[kKey], key) && str_into(I, a[kSecret], token);
    if (ok) {
      Value auth = new_str(I, "token " + key + ":" + token);
      ok = dict_set(I, as_dict(headers), intern("Authorization"), auth);
      decref(auth);
    }
    if (ok && given(a[kSource])) {
      ok = dict_set(I, as_dict(headers), intern("Frappe-Authorization-Source"), a[kSource]);
    }
  }
  if (!headers.is_exc()) decref(headers);
  bool user = false, password = false;
  if (ok)
    ok = is_true(I, a[kUser].is_undef() ? Value::none() : a[kUser], user) &&
         is_true(I, a[kPassword].is_undef() ? Value::none() : a[kPassword], password);
  if (ok && user && password) {
    Value answer = login(I, self, a[kUser], a[kPassword]);
    ok = !answer.is_exc();
    if (ok) decref(answer);
  }
  if (!ok) {
    decref(self);
    return Value::exc();
  }
  return self;
}

QUIRE_NATIVE(f_enter) {
  if (nargs == 0) return raise(I, types().TypeError, "__enter__() needs self");
  return borrowed(args[0]);
}

QUIRE_NATIVE(f_logout) {
  Value a[1];
  if (!method_args(I, "logout", args, nargs, kwnames, {}, 0, a)) return Value::exc();
  std::string url;
  HttpResponse response;
  if (!client_url(I, args[0], url) ||
      !send(I, args[0], "GET", url + "/api/method/logout", Value(), Value(), response))
    return Value::exc();
  return Value::none();
}

QUIRE_NATIVE(f_exit) {
  if (nargs == 0) return raise(I, types().TypeError, "__exit__() needs self");
  return f_logout(I, args, 1, nullptr, data);
}

QUIRE_NATIVE(f_get_list) {
  enum { kDoctype, kFields, kFilters, kStart, kLength, kOrder, kCount };
  Value a[kCount];
  if (!method_args(I, "get_list", args, nargs, kwnames,
                   {"doctype", "fields", "filters", "limit_start", "limit_page_length", "order_by"},
                   1, a))
    return Value::exc();
  std::string doctype;
  if (!str_into(I, a[kDoctype], doctype)) return Value::exc();
  Value fields = a[kFields].is_undef() ? borrowed(intern("[\"name\"]"))
                 : is_str(a[kFields])  ? borrowed(a[kFields])
                                       : dumps(I, a[kFields], false);
  Value params = make_dict(I, {{"fields", fields}});
  if (params.is_exc()) return params;
  Dict* d = as_dict(params);
  bool filters = false,
       ok = is_true(I, a[kFilters].is_undef() ? Value::none() : a[kFilters], filters);
  if (ok && filters) {
    Value text = dumps(I, a[kFilters], false);
    ok = !text.is_exc() && dict_set(I, d, intern("filters"), text);
    if (!text.is_exc()) decref(text);
  }
  if (ok && given(a[kLength])) {
    ok = dict_set(I, d, intern("limit_start"),
                  a[kStart].is_undef() ? Value::integer(0) : a[kStart]) &&
         dict_set(I, d, intern("limit_page_length"), a[kLength]);
  }
  if (ok && given(a[kOrder])) ok = dict_set(I, d, intern("order_by"), a[kOrder]);
  Value out =
      ok ? resource_request(I, args[0], "GET", "/api/resource/" + doctype, params, Value(), false)
         : Value::exc();
  decref(params);
  return out;
}

QUIRE_NATIVE(f_get_doc) {
  enum { kDoctype, kName, kFilters, kFields, kCount };
  Value a[kCount];
  if (!method_args(I, "get_doc", args, nargs, kwnames, {"doctype", "name", "filters", "fields"}, 1,
                   a))
    return Value::exc();
  std::string doctype, name;
  if (!str_into(I, a[kDoctype], doctype) || !cstr(I, a[kName], name)) return Value::exc();
  Dict* d = alloc_dict(I);
  Value params = Value::object(d);
  bool ok = true;
  for (auto [key, index] : {std::pair{"filters", kFilters}, std::pair{"fields", kFields}}) {
    bool truthy = false;
    if (ok) ok = is_true(I, a[index].is_undef() ? Value::none() : a[index], truthy);
    if (!ok || !truthy) continue;
    Value text = dumps(I, a[index], false);
    ok = !text.is_exc() && dict_set(I, d, intern(key), text);
    if (!text.is_exc()) decref(text);
  }
  Value out = ok ? resource_request(I, args[0], "GET", "/api/resource/" + doctype + "/" + name,
                                    params, Value(), false)
                 : Value::exc();
  decref(params);
  return out;
}

// insert(doc) and update(doc): the doc as frappe.as_json in a "data" field.
Value write_doc(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* name,
                const char* verb, bool with_name) {
  Value a[1];
  if (!method_args(I, name, args, nargs, kwnames, {"doc"}, 1, a)) return Value::exc();
  std::string path;
  if (!doc_path(I, a[0], with_name, path)) return Value::exc();
  Value data = make_dict(I, {{"data", dumps(I, a[0], true)}});
  if (data.is_exc()) return data;
  Value out = resource_request(I, args[0], verb, path, Value(), data, true);
  decref(data);
  return out;
}

// A method that is one of the helpers above with its name and arguments.
#define QUIRE_CLIENT_METHOD(fn, helper, ...)             \
  QUIRE_NATIVE(fn) {                                     \
    return helper(I, args, nargs, kwnames, __VA_ARGS__); \
  }
QUIRE_CLIENT_METHOD(f_insert, write_doc, "insert", "POST", false)

QUIRE_CLIENT_METHOD(f_update, write_doc, "update", "PUT", true)

// Methods that post one JSON-encoded argument to a frappe.client method.
Value post_json_arg(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                    const char* name, const char* param, const char* cmd, const char* field) {
  Value a[1];
  if (!method_args(I, name, args, nargs, kwnames, {param}, 1, a)) return Value::exc();
  return cmd_request_owned(
      I, args[0], "POST",
      make_dict(I, {{"cmd", borrowed(intern(cmd))}, {field, dumps(I, a[0], true)}}));
}

QUIRE_CLIENT_METHOD(f_insert_many, post_json_arg, "insert_many", "docs",
                    "frappe.client.insert_many", "docs")

QUIRE_CLIENT_METHOD(f_bulk_update, post_json_arg, "bulk_update", "docs",
                    "frappe.client.bulk_update", "docs")

QUIRE_CLIENT_METHOD(f_submit, post_json_arg, "submit", "doc", "frappe.client.submit", "doc")

// delete(doctype, name) and cancel(doctype, name).
Value post_doctype_name(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                        const char* name, const char* cmd) {
  Value a[2];
  if (!method_args(I, name, args, nargs, kwnames, {"doctype", "name"}, 2, a)) return Value::exc();
  return cmd_request_owned(I, args[0], "POST",
                           make_dict(I, {{"cmd", borrowed(intern(cmd))},
                                         {"doctype", borrowed(a[0])},
                                         {"name", borrowed(a[1])}}));
}

QUIRE_CLIENT_METHOD(f_delete, post_doctype_name, "delete", "frappe.client.delete")

QUIRE_CLIENT_METHOD(f_cancel, post_doctype_name, "cancel", "frappe.client.cancel")

QUIRE_NATIVE(f_get_value) {
  Value a[3];
  if (!method_args(I, "get_value", args, nargs, kwnames, {"doctype", "fieldname", "filters"}, 1, a))
    return Value::exc();
  bool named = false;
  if (!is_true(I, a[1].is_undef() ? Value::none() : a[1], named)) return Value::exc();
  return cmd_request_owned(
      I, args[0], "GET",
      make_dict(I, {{"cmd", borrowed(intern("frappe.client.get_value"))},
                    {"doctype", borrowed(a[0])},
                    {"fieldname", borrowed(named ? a[1] : intern("name"))},
                    {"filters", dumps(I, a[2].is_undef() ? Value::none() : a[2], true)}}));
}

QUIRE_NATIVE(f_get_single_value) {
  Value a[2];
  if (!method_args(I, "get_single_value", args, nargs, kwnames, {"doctype", "field"}, 2, a))
    return Value::exc();
  return cmd_request_owned(
      I, args[0], "GET",
      make_dict(I, {{"cmd", borrowed(intern("frappe.client.get_single_value"))},
                    {"doctype", borrowed(a[0])},
                    {"field", borrowed(a[1])}}));
}

QUIRE_NATIVE(f_set_value) {
  Value a[4];
  if (!method_args(I, "set_value", args, nargs, kwnames,
                   {"doctype", "docname", "fieldname", "value"}, 4, a))
    return Value::exc();
  return cmd_request_owned(I, args[0], "POST",
                           make_dict(I, {{"cmd", borrowed(intern("frappe.client.set_value"))},
                                         {"doctype", borrowed(a[0])},
                                         {"name", borrowed(a[1])},
                                         {"fieldname", borrowed(a[2])},
                                         {"value", borrowed(a[3])}}));
}

QUIRE_NATIVE(f_rename_doc) {
  Value a[3];
  if (!method_args(I, "rename_doc", args, nargs, kwnames, {"doctype", "old_name", "new_name"}, 3,
                   a))
    return Value::exc();
  return cmd_request_owned(I, args[0], "POST",
                           make_dict(I, {{"cmd", borrowed(intern("frappe.client.rename_doc"))},
                                         {"doctype", borrowed(a[0])},
                                         {"old_name", borrowed(a[1])},
                                         {"new_name", borrowed(a[2])}}));
}

// get_api / post_api: /api/method/<method> with params in the query.
Value method_api(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* name,
                 const char* verb) {
  Value a[2];
  if (!method_args(I, name, args, nargs, kwnames, {"method", "params"}, 1, a)) return Value::exc();
  std::string method;
  if (!str_into(I, a[0], method)) return Value::exc();
  Value params = given(a[1]) ? borrowed(a[1]) : Value::object(alloc_dict(I));
  Value out = resource_request(I, args[0], verb, "/api/method/" + method, params, Value(), false);
  decref(params);
  return out;
}

QUIRE_CLIENT_METHOD(f_get_api, method_api, "get_api", "GET")

QUIRE_CLIENT_METHOD(f_post_api, method_api, "post_api", "POST")

// get_request(params) / post_request(data).
Value cmd_method(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* name,
                 const char* param, const char* verb) {
  Value a[1];
  if (!method_args(I, name, args, nargs, kwnames, {param}, 1, a)) return Value::exc();
  return cmd_request(I, args[0], verb, a[0]);
}

QUIRE_CLIENT_METHOD(f_get_request, cmd_method, "get_request", "params", "GET")
QUIRE_CLIENT_METHOD(f_post_request, cmd_method, "post_request", "data", "POST")

QUIRE_NATIVE(f_preprocess) {
  Value a[1];
  if (!method_args(I, "preprocess", args, nargs, kwnames, {"params"}, 1, a)) return Value::exc();
  if (!preprocess(I, a[0])) return Value::exc();
  return borrowed(a[0]);
}

#undef QUIRE_CLIENT_METHOD

}  // namespace

Type* frappe_client_type() {
  static Type* t = [] {
    client_errors();
    Type* type = host::define_type("FrappeClient");
    host::set_constructor(type, new_client);
    const std::pair<const char*, NativeFn> methods[] = {
        {"__enter__", f_enter},         {"__exit__", f_exit},
        {"logout", f_logout},           {"get_list", f_get_list},
        {"get_doc", f_get_doc},         {"insert", f_insert},
        {"insert_many", f_insert_many}, {"update", f_update},
        {"bulk_update", f_bulk_update}, {"delete", f_delete},
        {"submit", f_submit},           {"cancel", f_cancel},
        {"get_value", f_get_value},     {"get_single_value", f_get_single_value},
        {"set_value", f_set_value},     {"rename_doc", f_rename_doc},
        {"get_api", f_get_api},         {"post_api", f_post_api},
        {"get_request", f_get_request}, {"post_request", f_post_request},
        {"preprocess", f_preprocess},
    };
    for (const auto& [name, fn] : methods) host::define_method(type, name, fn);
    return type;
  }();
  return t;
}

}  // namespace quire::scripting
