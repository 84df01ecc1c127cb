// The rest of the frappe.utils allow-list (spec §3.8) that scripts can use
// without a library quire lacks: hashes, list joins, HTML/image checks,
// report and form URLs, filter tuples. Each follows frappe/utils/data.py
// (and frappe.generate_hash) step by step; where Frappe calls a library
// (hashlib, secrets, mimetypes, urllib.parse.quote) the output is that
// library's. to_markdown is utils_to_markdown.cpp, md_to_html
// utils_markdown.cpp, get_host_name_from_request utils_request.cpp.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cctype>
#include <cstdio>

#include "lang/lib/datetime.h"
#include "model/lifecycle.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"
#include "scripting/server_scripts.h"
#include "scripting/utils_files.h"
#include "scripting/utils_mimetypes.h"
#include "scripting/utils_misc.h"
#include "scripting/utils_request.h"
#include "scripting/utils_to_markdown.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

// frappe.generate_hash(txt=None, length=56): secrets.token_hex(ceil(length / 2))[:length].
QUIRE_NATIVE(u_generate_hash) {
  Value a[2];
  if (!parse_args(I, "generate_hash", args, nargs, kwnames, {"txt", "length"}, 0, a))
    return Value::exc();
  std::int64_t length = 56;
  if (given(a[1]) && !to_int64(I, a[1], length, "length")) return Value::exc();
  if (!length) length = 56;
  if (length < 0) return new_str(I, "");  // token_hex(negative) yields "" and [:n] keeps it
  if (length > 1 << 20) return raise_no_args(I, types().MemoryError);
  std::vector<unsigned char> bytes(static_cast<std::size_t>((length + 1) / 2));
  if (!bytes.empty() && RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return raise(I, types().OSError, "no randomness available");
  }
  return new_str(I, hex(bytes.data(), bytes.size()).substr(0, static_cast<std::size_t>(length)));
}

// sha256_hash(input): hashlib.sha256(input.encode() if str else input).hexdigest().
QUIRE_NATIVE(u_sha256_hash) {
  Value a[1];
  if (!parse_args(I, "sha256_hash", args, nargs, kwnames, {"input"}, 1, a)) return Value::exc();
  std::string_view input;
  if (is_str(a[0])) {
    input = as_str(a[0])->view();
  } else if (is_kind(a[0], Kind::Bytes)) {
    input = static_cast<Bytes*>(a[0].o)->view();
  } else {
    return raise(I, types().TypeError,
                 "object supporting the buffer API required");  // hashlib's message
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  return new_str(I, hex(digest, sizeof digest));
}

// is_html(text): HTML_TAG_PATTERN "<[^>]+>" found (Frappe returns the match
// object or None; scripts test its truth, so here it is True or False).
QUIRE_NATIVE(u_is_html) {
  Value a[1];
  if (!parse_args(I, "is_html", args, nargs, kwnames, {"text"}, 1, a)) return Value::exc();
  if (!is_str(a[0])) return Value::boolean(false);
  std::string_view t = as_str(a[0])->view();
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '<') continue;
    std::size_t close = t.find('>', i + 1);
    if (close != std::string_view::npos && close > i + 1) return Value::boolean(true);
  }
  return Value::boolean(false);
}

QUIRE_NATIVE(u_is_image) {
  Value a[1];
  if (!parse_args(I, "is_image", args, nargs, kwnames, {"filepath"}, 1, a)) return Value::exc();
  std::string path;
  if (given(a[0]) && !arg_string(I, a[0], path, "filepath")) return Value::exc();
  // data.py: (mimetypes.guess_type(filepath.split("?", 1)[0])[0] or "").startswith("image/").
  auto type = guess_mime_type(path.substr(0, path.find('?'))).type;
  return Value::boolean(type && type->rfind("image/", 0) == 0);
}

// str(x) of every item, as data.py's comma_sep and new_line_sep begin.
bool texts_of(Isolate& I, Value seq, std::vector<std::string>& out) {
  for (Value v : is_list(seq) ? as_list(seq)->items
                              : std::vector<Value>(as_tuple(seq)->items(),
                                                   as_tuple(seq)->items() + as_tuple(seq)->size)) {
    std::string s;
    if (!str_into(I, v, s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}

// comma_sep(some_list, pattern, add_quotes=True): pattern.format(", ".join(all but last), last).
QUIRE_NATIVE(u_comma_sep) {
  Value a[3];
  if (!parse_args(I, "comma_sep", args, nargs, kwnames, {"some_list", "pattern", "add_quotes"}, 2,
                  a))
    return Value::exc();
  if (!is_list(a[0]) && !is_tuple(a[0])) {
    incref(a[0]);
    return a[0];
  }
  std::vector<std::string> items;
  if (!texts_of(I, a[0], items)) return Value::exc();
  if (items.empty()) return new_str(I, "");
  if (items.size() == 1) return new_str(I, items[0]);
  bool quotes = true;
  if (!opt_bool(I, a[2], quotes, true)) return Value::exc();
  std::string head;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    if (i) head += ", ";
    head += quotes ? "'" + items[i] + "'" : items[i];
  }
  std::string last = quotes ? "'" + items.back() + "'" : items.back();
  if (!is_str(a[1]))
    return raise(I, types().AttributeError,
                 "'" + type_name(a[1]) + "' object has no attribute 'format'");
  Value parts[2] = {new_str(I, head), new_str(I, last)};
  Value r = str_format_method(I, as_str(a[1]), parts, 2, nullptr);
  decref(parts[0]);
  decref(parts[1]);
  return r;
}

// new_line_sep(some_list): "\n ".join(str(s) ...) (data.py's own separator).
QUIRE_NATIVE(u_new_line_sep) {
  Value a[1];
  if (!parse_args(I, "new_line_sep", args, nargs, kwnames, {"some_list"}, 1, a))
    return Value::exc();
  if (!is_list(a[0]) && !is_tuple(a[0])) {
    incref(a[0]);
    return a[0];
  }
  std::vector<std::string> items;
  if (!texts_of(I, a[0], items)) return Value::exc();
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += "\n ";
    out += items[i];
  }
  return new_str(I, out);
}

// filter_strip_join(some_list, sep): cstr(sep).join(cstr(a).strip() for a in filter(None, list)).
QUIRE_NATIVE(u_filter_strip_join) {
  Value a[2];
  if (!parse_args(I, "filter_strip_join", args, nargs, kwnames, {"some_list", "sep"}, 2, a))
    return Value::exc();
  std::string sep;
  if (!a[1].is_none() && !str_into(I, a[1], sep)) return Value::exc();
  Value it = get_iter(I, a[0]);
  if (it.is_exc()) return it;
  std::string out;
  bool first = true;
  while (true) {
    Value v = iter_next(I, it);
    if (v.is_undef()) break;
    if (v.is_exc()) {
      decref(it);
      return v;
    }
    int t = truthy(I, v);
    if (t > 0) {
      Value s = to_str(I, v);
      Value stripped = s.is_exc() ? s : call_method(I, s, "strip", nullptr, 0);
      decref(s);
      if (stripped.is_exc()) {
        decref(v);
        decref(it);
        return stripped;
      }
      if (!first) out += sep;
      first = false;
      out += as_str(stripped)->view();
      decref(stripped);
    }
    decref(v);
    if (t < 0) {
      decref(it);
      return Value::exc();
    }
  }
  decref(it);
  return new_str(I, out);
}

// get_number_format_info(format): (decimal, group, precision) of data.py's table.
QUIRE_NATIVE(u_get_number_format_info) {
  Value a[1];
  if (!parse_args(I, "get_number_format_info", args, nargs, kwnames, {"format"}, 1, a))
    return Value::exc();
  struct Info {
    const char* format;
    const char* decimal;
    const char* group;
    int precision;
  };
  static const Info table[] = {
      {"#,###.##", ".", ",", 2},    {"#.###,##", ",", ".", 2},  {"# ###.##", ".", " ", 2},
      {"# ###,##", ",", " ", 2},    {"#'###.##", ".", "'", 2},  {"#, ###.##", ".", ", ", 2},
      {"#,##,###.##", ".", ",", 2}, {"#,###.###", ".", ",", 3}, {"#.###", "", ".", 0},
      {"#,###", "", ",", 0},        {"#.########", ".", "", 8},
  };
  const Info* found = nullptr;
  if (is_str(a[0])) {
    for (const auto& info : table) {
      if (as_str(a[0])->view() == info.format) found = &info;
    }
  }
  static const Info fallback{"", ".", ",", 2};
  if (!found) found = &fallback;
  Value items[3] = {new_str(I, found->decimal), new_str(I, found->group),
                    Value::integer(found->precision)};
  Value t = new_tuple_from(I, items, 3);
  decref(items[0]);
  decref(items[1]);
  return t;
}

// url_contains_port(url): len(url.split(":")) > 2.
QUIRE_NATIVE(u_url_contains_port) {
  std::string url;
  if (nargs != 1 || !arg_string(I, args[0], url, "url")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "url_contains_port() takes the url");
  }
  int colons = 0;
  for (char c : url) colons += c == ':';
  return Value::boolean(colons > 1);
}

QUIRE_NATIVE(u_quoted) {
  Value a[1];
  if (!parse_args(I, "quoted", args, nargs, kwnames, {"url"}, 1, a)) return Value::exc();
  std::string text;
  if (!a[0].is_none() && !str_into(I, a[0], text)) return Value::exc();
  return new_str(I, quoted_text(text));
}

}  // namespace

std::string url_quote(std::string_view text, std::string_view safe) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' ||
        safe.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string quoted_text(std::string_view text) {
  return url_quote(text, "~@#$&()*!+=:;,.?/'");
}

Value call_util(Isolate& I, const char* name, Value* args, std::size_t nargs) {
  Value key = new_str(I, name);
  Value fn = get_attr(I, Value::object(utils_namespace()), as_str(key));
  decref(key);
  if (fn.is_exc()) return fn;
  Value r = call(I, fn, args, nargs, nullptr);
  decref(fn);
  return r;
}

std::string site_url(const std::string& uri) {
  std::string base = configured_site_url(current_run());
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + uri;
}

namespace {

// frappe.desk.utils.slug: lower case, spaces to hyphens.
std::string slug(std::string_view doctype) {
  std::string out;
  for (char c : doctype) {
    out += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool opt_text(Isolate& I, Value v, std::string& out) {
  if (!given(v)) return true;
  out.clear();
  return str_into(I, v, out);
}

// get_absolute_url(doctype, name): "/app/<slug>/<name>", quoted.
QUIRE_NATIVE(u_get_absolute_url) {
  Value a[2];
  if (!parse_args(I, "get_absolute_url", args, nargs, kwnames, {"doctype", "name"}, 2, a))
    return Value::exc();
  std::string doctype, name;
  if (!str_into(I, a[0], doctype) || !str_into(I, a[1], name)) return Value::exc();
  return new_str(I, "/app/" + quoted_text(slug(doctype)) + "/" + quoted_text(name));
}

std::string report_url(const std::string& name, const std::string& report_type,
                       const std::string& doctype, const std::string* filters) {
  if (report_type == "Report Builder") {
    if (filters) return site_url("/app/" + quoted_text(slug(doctype)) + "/view/report?" + *filters);
    return site_url("/app/" + quoted_text(slug(doctype)) + "/view/report/" + quoted_text(name));
  }
  return site_url("/app/query-report/" + quoted_text(name) + (filters ? "?" + *filters : ""));
}

QUIRE_NATIVE(u_get_url_to_report) {
  Value a[3];
  if (!parse_args(I, "get_url_to_report", args, nargs, kwnames, {"name", "report_type", "doctype"},
                  1, a))
    return Value::exc();
  std::string name, report_type, doctype = "None";
  if (!str_into(I, a[0], name) || !opt_text(I, a[1], report_type) || !opt_text(I, a[2], doctype))
    return Value::exc();
  return new_str(I, report_url(name, report_type, doctype, nullptr));
}

QUIRE_NATIVE(u_get_url_to_report_with_filters) {
  Value a[4];
  if (!parse_args(I, "get_url_to_report_with_filters", args, nargs, kwnames,
                  {"name", "filters", "report_type", "doctype"}, 2, a))
    return Value::exc();
  std::string name, filters, report_type, doctype = "None";
  if (!str_into(I, a[0], name) || !str_into(I, a[1], filters) || !opt_text(I, a[2], report_type) ||
      !opt_text(I, a[3], doctype))
    return Value::exc();
  return new_str(I, report_url(name, report_type, doctype, &filters));
}

// get_link_to_report(name, label, report_type, doctype, filters).
QUIRE_NATIVE(u_get_link_to_report) {
  Value a[5];
  if (!parse_args(I, "get_link_to_report", args, nargs, kwnames,
                  {"name", "label", "report_type", "doctype", "filters"}, 1, a))
    return Value::exc();
  std::string name, label, report_type, doctype = "None";
  if (!str_into(I, a[0], name) || !opt_text(I, a[2], report_type) || !opt_text(I, a[3], doctype))
    return Value::exc();
  int has_label = given(a[1]) ? truthy(I, a[1]) : 0;
  if (has_label < 0) return Value::exc();
  if (has_label ? !str_into(I, a[1], label) : false) return Value::exc();
  if (!has_label) label = name;
  int has_filters = given(a[4]) ? truthy(I, a[4]) : 0;
  if (has_filters < 0) return Value::exc();
  if (!has_filters) {
    return new_str(
        I, "<a href='" + report_url(name, report_type, doctype, nullptr) + "'>" + label + "</a>");
  }
  Value items = call_method(I, a[4], "items", nullptr, 0);
  if (items.is_exc()) return items;
  Value list = call1(I, builtin_value(builtin_index("list")), items);
  decref(items);
  if (list.is_exc()) return list;
  std::vector<std::string> conditions;
  bool ok = true;
  for (Value pair : as_list(list)->items) {
    Value k = as_tuple(pair)->items()[0], v = as_tuple(pair)->items()[1];
    std::string key;
    ok = ok && str_into(I, k, key);
    if (!ok) break;
    if (is_list(v)) {
      for (Value value : as_list(v)->items) {
        // str(value[0] + '"' + "," + '"' + str(value[1])): value[0] must be a str.
        Value first = get_item(I, value, Value::integer(0));
        Value second = first.is_exc() ? first : get_item(I, value, Value::integer(1));
        std::string s0, s1;
        ok = !second.is_exc() && is_str(first) && str_into(I, first, s0) && str_into(I, second, s1);
        if (!first.is_exc() && !is_str(first) && !second.is_exc()) {
          raise(I, types().TypeError,
                "unsupported operand type(s) for +: '" + type_name(first) + "' and 'str'");
        }
        decref(first);
        decref(second);
        if (!ok) break;
        conditions.push_back(key + "=[\"" + s0 + "\",\"" + s1 + "\"]");
      }
    } else {
      std::string value;
      ok = str_into(I, v, value);
      conditions.push_back(key + "=" + value);
    }
    if (!ok) break;
  }
  decref(list);
  if (!ok) return Value::exc();
  std::string filters;
  for (std::size_t i = 0; i < conditions.size(); ++i) filters += (i ? "&" : "") + conditions[i];
  return new_str(
      I, "<a href='" + report_url(name, report_type, doctype, &filters) + "'>" + label + "</a>");
}

// is_subset(list_a, list_b): len(set(a) & set(b)) == len(a).
QUIRE_NATIVE(u_is_subset) {
  Value a[2];
  if (!parse_args(I, "is_subset", args, nargs, kwnames, {"list_a", "list_b"}, 2, a))
    return Value::exc();
  Value set_fn = builtin_value(builtin_index("set"));
  Value sa = call1(I, set_fn, a[0]);
  if (sa.is_exc()) return sa;
  Value sb = call1(I, set_fn, a[1]);
  if (sb.is_exc()) {
    decref(sa);
    return sb;
  }
  Value both = binary_op(I, kAnd, sa, sb);
  decref(sa);
  decref(sb);
  if (both.is_exc()) return both;
  std::int64_t common = 0, total = 0;
  bool ok = length(I, both, common) && length(I, a[0], total);
  decref(both);
  if (!ok) return Value::exc();
  return Value::boolean(common == total);
}

// make_filter_tuple(doctype, key, value): [doctype, key, value[0], value[1]] or [.., "=", value].
QUIRE_NATIVE(u_make_filter_tuple) {
  Value a[3];
  if (!parse_args(I, "make_filter_tuple", args, nargs, kwnames, {"doctype", "key", "value"}, 3, a))
    return Value::exc();
  Value items[4] = {a[0], a[1], Value(), Value()};
  if (is_list(a[2]) || is_tuple(a[2])) {
    items[2] = get_item(I, a[2], Value::integer(0));
    if (items[2].is_exc()) return items[2];
    items[3] = get_item(I, a[2], Value::integer(1));
    if (items[3].is_exc()) {
      decref(items[2]);
      return items[3];
    }
  } else {
    items[2] = new_str(I, "=");
    items[3] = a[2];
    incref(a[2]);
  }
  Value list = new_list_from(I, items, 4);
  decref(items[2]);
  decref(items[3]);
  return list;
}

// make_filter_dict(filters): _dict {f[1]: (f[2], f[3])}.
QUIRE_NATIVE(u_make_filter_dict) {
  Value a[1];
  if (!parse_args(I, "make_filter_dict", args, nargs, kwnames, {"filters"}, 1, a))
    return Value::exc();
  Value out = new_attr_dict(I);
  Value it = get_iter(I, a[0]);
  if (it.is_exc()) {
    decref(out);
    return it;
  }
  while (true) {
    Value f = iter_next(I, it);
    if (f.is_undef()) break;
    Value parts[3];
    bool ok = !f.is_exc();
    for (int i = 0; ok && i < 3; ++i) {
      parts[i] = get_item(I, f, Value::integer(i + 1));
      ok = !parts[i].is_exc();
    }
    if (ok) {
      Value pair = new_tuple_from(I, parts + 1, 2);
      ok = set_item(I, out, parts[0], pair);
      decref(pair);
    }
    for (Value& p : parts) decref(p);
    decref(f);
    if (!ok) {
      decref(it);
      decref(out);
      return Value::exc();
    }
  }
  decref(it);
  return out;
}

// encode(obj, encoding="utf-8"): a str as bytes, a list with its str items
// as bytes, anything else as it is.
QUIRE_NATIVE(u_encode) {
  Value a[2];
  if (!parse_args(I, "encode", args, nargs, kwnames, {"obj", "encoding"}, 1, a))
    return Value::exc();
  Value encoding = a[1];
  if (encoding.is_undef()) {
    encoding = new_str(I, "utf-8");
  } else {
    incref(encoding);
  }
  Value out;
  if (is_list(a[0])) {
    out = new_list_from(I, nullptr, 0);
    std::vector<Value> items = as_list(a[0])->items;
    for (Value x : items) incref(x);
    for (Value x : items) {
      Value v = x;
      if (is_str(x)) {
        v = call_method(I, x, "encode", &encoding, 1);
      } else {
        incref(v);
      }
      if (v.is_exc()) {
        decref(out);
        out = v;
        break;
      }
      list_append(I, as_list(out), v);
    }
    for (Value x : items) decref(x);
  } else if (is_str(a[0])) {
    out = call_method(I, a[0], "encode", &encoding, 1);
  } else {
    out = a[0];
    incref(out);
  }
  decref(encoding);
  return out;
}

// parse_val(v): dates and datetimes as str, a timedelta as "H:MM", an int
// (or bool) as int, the rest as it is.
QUIRE_NATIVE(u_parse_val) {
  Value a[1];
  if (!parse_args(I, "parse_val", args, nargs, kwnames, {"v"}, 1, a)) return Value::exc();
  Value v = a[0];
  if (lang::datetime::as_date(v) || lang::datetime::as_datetime(v)) {
    std::string text;
    return str_into(I, v, text) ? new_str(I, text) : Value::exc();
  }
  if (lang::datetime::as_timedelta(v)) {
    std::string text;
    if (!str_into(I, v, text)) return Value::exc();
    auto first = text.find(':');
    auto second = first == std::string::npos ? first : text.find(':', first + 1);
    return new_str(I, second == std::string::npos ? text : text.substr(0, second));
  }
  if (v.is_bool()) return Value::integer(v.b ? 1 : 0);
  incref(v);
  return v;
}

// round_based_on_smallest_currency_fraction(value, currency, precision=2):
// Frappe reads the Currency's smallest_currency_fraction_value; quire has no
// Currency DocType, so that value is 0 and data.py's else branch applies:
// flt(rounded(value), precision).
QUIRE_NATIVE(u_round_based_on_smallest_currency_fraction) {
  Value a[3];
  if (!parse_args(I, "round_based_on_smallest_currency_fraction", args, nargs, kwnames,
                  {"value", "currency", "precision"}, 2, a))
    return Value::exc();
  Value rounded = call_util(I, "rounded", &a[0], 1);
  if (rounded.is_exc()) return rounded;
  Value flt_args[2] = {rounded, a[2].is_undef() ? Value::integer(2) : a[2]};
  Value r = call_util(I, "flt", flt_args, 2);
  decref(rounded);
  return r;
}

// get_user_info_for_avatar(user_id): {email, image, name} of the User, or
// the id for all three (image "") when there is no such User.
QUIRE_NATIVE(u_get_user_info_for_avatar) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[1];
  if (!parse_args(I, "get_user_info_for_avatar", args, nargs, kwnames, {"user_id"}, 1, a))
    return Value::exc();
  std::string user;
  if (!arg_string(I, a[0], user, "user_id")) return Value::exc();
  return guarded(I, [&]() -> Value {
    model::Document::Ptr doc;
    try {
      doc = model::get_doc(run->session, "User", user);
    } catch (const model::FrappeError& e) {
      if (!e.is_a(model::ErrorKind::DoesNotExistError)) throw;
      return to_value(I, Json{{"email", user}, {"image", ""}, {"name", user}});
    }
    // full_name as User.set_full_name writes it, when the document lacks it
    // (quire's User does not fill it on save yet).
    Json name = doc->get("full_name");
    if (!name.is_string() || name.get<std::string>().empty()) {
      std::string joined;
      for (const char* part : {"first_name", "middle_name", "last_name"}) {
        Json v = doc->get(part);
        if (v.is_string() && !v.get<std::string>().empty()) {
          joined += (joined.empty() ? "" : " ") + v.get<std::string>();
        }
      }
      name = joined;
    }
    return to_value(
        I, Json{{"email", doc->get("email")}, {"image", doc->get("user_image")}, {"name", name}});
  });
}

// get_host_name(): get_url().rsplit("//", 1)[-1].
QUIRE_NATIVE(u_get_host_name) {
  if (nargs) return raise(I, types().TypeError, "get_host_name() takes no arguments");
  std::string url = site_url("");
  auto at = url.rfind("//");
  return new_str(I, at == std::string::npos ? url : url.substr(at + 2));
}

}  // namespace

void add_misc_functions(Type* utils) {
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn functions[] = {
      {"generate_hash", u_generate_hash},
      {"sha256_hash", u_sha256_hash},
      {"is_html", u_is_html},
      {"is_image", u_is_image},
      {"comma_sep", u_comma_sep},
      {"new_line_sep", u_new_line_sep},
      {"filter_strip_join", u_filter_strip_join},
      {"get_number_format_info", u_get_number_format_info},
      {"url_contains_port", u_url_contains_port},
      {"quoted", u_quoted},
      {"get_absolute_url", u_get_absolute_url},
      {"get_url_to_report", u_get_url_to_report},
      {"get_url_to_report_with_filters", u_get_url_to_report_with_filters},
      {"get_link_to_report", u_get_link_to_report},
      {"is_subset", u_is_subset},
      {"make_filter_tuple", u_make_filter_tuple},
      {"make_filter_dict", u_make_filter_dict},
      {"get_host_name", u_get_host_name},
      {"encode", u_encode},
      {"parse_val", u_parse_val},
      {"round_based_on_smallest_currency_fraction", u_round_based_on_smallest_currency_fraction},
      {"get_user_info_for_avatar", u_get_user_info_for_avatar},
  };
  for (const auto& f : functions) host::define_method(utils, f.name, f.fn);
  add_file_functions(utils);  // pdf_to_base64, get_thumbnail_base64_for_image, image_to_base64
  add_request_functions(utils);
  add_to_markdown_functions(utils);
}

}  // namespace quire::scripting
