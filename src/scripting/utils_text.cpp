#include "scripting/utils_text.h"

#include <cmath>

#include "lang/lib/datetime.h"
#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "scripting/html_escape.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

Type* g_text_utils = nullptr;

// comma_sep(some_list, pattern, add_quotes): a list or tuple joined as
// "'a', 'b' and 'c'" (the last two by `word`); anything else is returned as is.
Value comma_sep(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* fname,
                const char* word) {
  Value a[2];
  if (!parse_args(I, fname, args, nargs, kwnames, {"some_list", "add_quotes"}, 1, a))
    return Value::exc();
  bool quotes = true;
  if (!opt_bool(I, a[1], quotes, true)) return Value::exc();
  Value list = a[0];
  const Value* items = nullptr;
  std::size_t n = 0;
  if (is_kind(list, Kind::List)) {
    items = as_list(list)->items.data();
    n = as_list(list)->items.size();
  } else if (is_kind(list, Kind::Tuple)) {
    items = as_tuple(list)->items();
    n = as_tuple(list)->size;
  } else {
    incref(list);
    return list;
  }
  std::vector<std::string> texts(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!str_into(I, items[i], texts[i])) return Value::exc();
  }
  if (n == 0) return new_str(I, "");
  if (n == 1) return new_str(I, texts[0]);
  std::string head;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (i) head += ", ";
    head += quotes ? "'" + texts[i] + "'" : texts[i];
  }
  std::string last = quotes ? "'" + texts[n - 1] + "'" : texts[n - 1];
  return new_str(I, head + " " + word + " " + last);
}

QUIRE_NATIVE(u_comma_and) {
  return comma_sep(I, args, nargs, kwnames, "comma_and", "and");
}

QUIRE_NATIVE(u_comma_or) {
  return comma_sep(I, args, nargs, kwnames, "comma_or", "or");
}

bool one_str(Isolate& I, const char* fname, Value* args, std::size_t nargs, const Tuple* kwnames,
             Value& out) {
  Value a[1];
  if (!parse_args(I, fname, args, nargs, kwnames, {"text"}, 1, a)) return false;
  out = a[0];
  return true;
}

// strip_html: Jinja's striptags pattern (<!--.*?-->|<[^>]*>) removed. A
// comment ends at the first "-->"; an unterminated one is matched by the
// second alternative up to the next ">" when there is one.
QUIRE_NATIVE(u_strip_html) {
  Value v;
  if (!one_str(I, "strip_html", args, nargs, kwnames, v)) return Value::exc();
  std::string text;
  if (!arg_string(I, v, text, "text")) return Value::exc();
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      if (text.compare(i, 4, "<!--") == 0) {
        // `.` does not match a new line: the comment must close on its line.
        auto end = text.find("-->", i + 4);
        if (end != std::string::npos && text.find('\n', i) > end) {
          i = end + 3;
          continue;
        }
      }
      auto close = text.find('>', i + 1);
      if (close != std::string::npos) {
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return new_str(I, out);
}

// escape_html: & " ' > < as entities; a non-str is returned as is.
QUIRE_NATIVE(u_escape_html) {
  Value v;
  if (!one_str(I, "escape_html", args, nargs, kwnames, v)) return Value::exc();
  if (!is_str(v)) {
    incref(v);
    return v;
  }
  std::string out;
  html_escape_into(out, as_str(v)->view(), kFrappeQuotes);
  return new_str(I, out);
}

// cint() of a value: int, int(float), int(str), int(float(str)), else 0.
std::int64_t loose_int(Isolate& I, Value v) {
  if (v.is_int()) return v.i;
  if (v.is_bool()) return v.b;
  if (v.is_float()) return std::isfinite(v.f) ? static_cast<std::int64_t>(v.f) : 0;
  if (is_str(v)) {
    std::string s(as_str(v)->view());
    try {
      std::size_t used = 0;
      double d = std::stod(s, &used);
      while (used < s.size() && std::isspace(static_cast<unsigned char>(s[used]))) ++used;
      if (used == s.size() && std::isfinite(d)) return static_cast<std::int64_t>(d);
    } catch (...) {
    }
  }
  (void)I;
  return 0;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// format_duration(seconds, hide_days): "3h 34m 45s" (Python's floor division
// and modulo, so negative durations read as Frappe's do).
QUIRE_NATIVE(u_format_duration) {
  Value a[2];
  if (!parse_args(I, "format_duration", args, nargs, kwnames, {"seconds", "hide_days"}, 1, a))
    return Value::exc();
  bool hide_days = false;
  if (!opt_bool(I, a[1], hide_days)) return Value::exc();
  std::int64_t s = loose_int(I, a[0]);
  auto mod = [](std::int64_t x, std::int64_t m) { return x - floor_div(x, m) * m; };
  std::int64_t days = floor_div(s, 86400), hours = floor_div(mod(s, 86400), 3600),
               minutes = floor_div(mod(s, 3600), 60), secs = mod(s, 60);
  if (hide_days) {
    hours = floor_div(s, 3600);
    days = 0;
  }
  std::string out;
  auto part = [&](std::int64_t n, const char* unit) {
    if (!n) return;
    if (!out.empty()) out += " ";
    out += std::to_string(n) + unit;
  };
  part(days, "d");
  part(hours, "h");
  part(minutes, "m");
  part(secs, "s");
  return new_str(I, out);
}

// Local microseconds of "YYYY-MM-DD HH:MM:SS.ffffff" (strptime with
// DATETIME_FORMAT: the fraction is required, 1-6 digits).
bool strict_datetime(const std::string& s, std::int64_t& micros) {
  try {
    micros = time::DateTime::strptime(s, "%Y-%m-%d %H:%M:%S.%f").local_micros();
    return true;
  } catch (...) {  // the time library's ValueError
    return false;
  }
}

// pretty_date(iso_datetime): how long ago, in Frappe's words (now() is the
// session clock).
QUIRE_NATIVE(u_pretty_date) {
  Value a[1];
  if (!parse_args(I, "pretty_date", args, nargs, kwnames, {"iso_datetime"}, 1, a))
    return Value::exc();
  int t = truthy(I, a[0]);
  if (t < 0) return Value::exc();
  if (t == 0) return new_str(I, "");
  std::int64_t then = 0, now = 0;
  if (is_str(a[0])) {
    std::string s(as_str(a[0])->view());
    if (!strict_datetime(s, then)) {
      return raise(I, types().ValueError,
                   "time data '" + s + "' does not match format '%Y-%m-%d %H:%M:%S.%f'");
    }
  } else if (auto dt = datetime::as_datetime(a[0])) {
    then = dt->local_micros();
  } else {
    return raise(
        I, types().TypeError,
        "unsupported operand type(s) for -: 'datetime.datetime' and '" + type_name(a[0]) + "'");
  }
  RunState* run = current_run();
  std::string now_text = run ? run->session.now() : model::now_datetime_text();
  if (!strict_datetime(now_text, now)) return raise(I, types().ValueError, "bad clock");
  // dt_diff.days * 86400.0 + dt_diff.seconds: whole seconds, floored.
  std::int64_t diff = floor_div(now - then, 1000000);
  double seconds = static_cast<double>(diff);
  std::int64_t days = floor_div(diff, 86400);
  std::string out;
  if (seconds < 60.0) {
    out = "just now";
  } else if (seconds < 120.0) {
    out = "1 minute ago";
  } else if (seconds < 3600.0) {
    out = std::to_string(diff / 60) + " minutes ago";
  } else if (seconds < 7200.0) {
    out = "1 hour ago";
  } else if (seconds < 86400.0) {
    out = std::to_string(diff / 3600) + " hours ago";
  } else if (days == 1) {
    out = "Yesterday";
  } else if (days < 7) {
    out = std::to_string(days) + " days ago";
  } else if (days < 14) {
    out = "1 week ago";
  } else if (days < 31) {
    out = std::to_string(days / 7) + " weeks ago";
  } else if (days < 61) {
    out = "1 month ago";
  } else if (days < 365) {
    out = std::to_string(days / 30) + " months ago";
  } else if (days < 730) {
    out = "1 year ago";
  } else {
    out = std::to_string(days / 365) + " years ago";
  }
  return new_str(I, out);
}

// strip(val, chars=None): (val or "") without U+FEFF and U+200B, then str.strip(chars).
QUIRE_NATIVE(u_strip) {
  Value a[2];
  if (!parse_args(I, "strip", args, nargs, kwnames, {"val", "chars"}, 1, a)) return Value::exc();
  int t = truthy(I, a[0]);
  if (t < 0) return Value::exc();
  std::string text;
  if (t) {
    if (!is_str(a[0])) {
      std::string message = "'";  // in steps: GCC 12's -Wrestrict misfires on "x" + str
      message += type_name(a[0]);
      message += "' object has no attribute 'replace'";
      return raise(I, types().AttributeError, message);
    }
    text = std::string(as_str(a[0])->view());
  }
  for (const char* invisible : {"\xEF\xBB\xBF", "\xE2\x80\x8B"}) {
    for (auto p = text.find(invisible); p != std::string::npos; p = text.find(invisible, p))
      text.erase(p, 3);
  }
  Value str = new_str(I, text);
  Value chars = a[1].is_undef() ? Value::none() : a[1];
  Value r = call_method(I, str, "strip", &chars, 1);
  decref(str);
  return r;
}

// get_link_to_form(doctype, name, label=None): an <a> to get_url_to_form.
QUIRE_NATIVE(u_get_link_to_form) {
  Value a[3];
  if (!parse_args(I, "get_link_to_form", args, nargs, kwnames, {"doctype", "name", "label"}, 2, a))
    return Value::exc();
  Value url = call(I, type_lookup(g_text_utils, "get_url_to_form"), a, 2, nullptr);
  if (url.is_exc()) return url;
  std::string href, label;
  bool ok = str_into(I, url, href);
  decref(url);
  if (!ok) return Value::exc();
  int t = given(a[2]) ? truthy(I, a[2]) : 0;
  if (t < 0 || !str_into(I, t ? a[2] : a[1], label)) return Value::exc();
  return new_str(I, "<a href=\"" + href + "\">" + label + "</a>");
}

// is_invalid_date_string(s): not a str, empty, or 0001-01-01 / 0000-00-00.
QUIRE_NATIVE(u_is_invalid_date_string) {
  Value a[1];
  if (!parse_args(I, "is_invalid_date_string", args, nargs, kwnames, {"date_string"}, 1, a))
    return Value::exc();
  if (!is_str(a[0])) return Value::boolean(true);
  std::string_view s = as_str(a[0])->view();
  return Value::boolean(s.empty() || s.rfind("0001-01-01", 0) == 0 ||
                        s.rfind("0000-00-00", 0) == 0);
}

}  // namespace

void add_text_functions(Type* utils) {
  g_text_utils = utils;
  host::define_method(utils, "strip", u_strip);
  host::define_method(utils, "get_link_to_form", u_get_link_to_form);
  host::define_method(utils, "is_invalid_date_string", u_is_invalid_date_string);
  host::define_method(utils, "comma_and", u_comma_and);
  host::define_method(utils, "comma_or", u_comma_or);
  host::define_method(utils, "strip_html", u_strip_html);
  host::define_method(utils, "escape_html", u_escape_html);
  host::define_method(utils, "format_duration", u_format_duration);
  host::define_method(utils, "pretty_date", u_pretty_date);
}

}  // namespace quire::scripting
