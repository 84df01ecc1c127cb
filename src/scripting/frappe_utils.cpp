// frappe.utils for scripts (spec §3.8): the numeric helpers, string dates,
// money formatting and words, each following frappe/utils/data.py step by
// step on Python's own float semantics (lang/numeric), so results are the
// ones Frappe prints.
#include <cctype>
#include <cmath>
#include <cstdio>

#include "lang/numeric/float_ops.h"
#include "model/db_api.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"
#include "scripting/number_words.h"
#include "scripting/server_scripts.h"
#include "scripting/string_dates.h"
#include "scripting/utils_calendar.h"
#include "scripting/utils_filters.h"
#include "scripting/utils_markdown.h"
#include "scripting/utils_misc.h"
#include "scripting/utils_text.h"
#include "scripting/utils_urls.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Calls a builtin (int, float, str) on one argument.
Value call_builtin(Isolate& I, const char* name, Value arg) {
  return call1(I, builtin_value(builtin_index(name)), arg);
}

// Drops a caught exception (never a limit error, which must propagate).
bool swallow(Isolate& I) {
  if (I.uncatchable) return false;
  Value p = I.pending;
  I.pending = Value();
  decref(p);
  return true;
}

// Python's round(x, 8) without printing digits: x * 1e8 split exactly into
// the rounded product and its error (fma), the exact value rounded half to
// even, then divided by 1e8 (one correctly rounded division gives the double
// nearest n / 10**8, which is what CPython's string round trip gives). Only
// where that is exact: |x * 1e8| < 2**52 (a product's ulp <= 0.5, so a
// fraction's distance from one half, a multiple of that ulp, outweighs the
// error unless it is zero) and x not so small that the error underflows.
// Elsewhere (and for x == 0) the digit-printing float_round.
double round_to_8_decimals(double x) {
  constexpr double kScale = 1e8;
  double ax = std::fabs(x);
  if (!(ax > 1e-200 && ax * kScale < 4503599627370496.0)) return numeric::float_round(x, 8);
  double product = ax * kScale;  // on |x|: half to even is symmetric, and floor stays exact
  double error = std::fma(ax, kScale, -product);  // |x| * 1e8 == product + error exactly
  double floor_product = std::floor(product);
  // A multiple of ulp(product) (exact, or when inexact at least below -0.25).
  double above_half = (product - floor_product) - 0.5;
  double n;
  if (above_half > 0 || (above_half == 0 && error > 0)) {
    n = floor_product + 1;
  } else if (above_half < 0 || error < 0) {
    n = floor_product;
  } else {  // exactly half way: to even
    n = std::fmod(floor_product, 2.0) == 0 ? floor_product : floor_product + 1;
  }
  return std::copysign(n / kScale, x);
}

// Frappe's default "Banker's Rounding (legacy)" (data.py _bankers_rounding_legacy).
Value rounded_legacy(double num, std::int64_t precision) {
  double multiplier = std::pow(10.0, static_cast<double>(precision));
  num = round_to_8_decimals(precision ? num * multiplier : num);
  double floor_num = std::floor(num);
  double decimal_part = num - floor_num;
  double result;
  if (!precision && decimal_part == 0.5) {
    result = std::fmod(floor_num, 2.0) == 0 ? floor_num : floor_num + 1;
  } else if (decimal_part == 0.5) {
    result = floor_num + 1;
  } else {
    result = numeric::float_round_half_even(num);
  }
  result += 0.0;  // Python's floor/round give ints here, which have no negative zero
  if (precision) return Value::real(result / multiplier);
  return Value::integer(static_cast<std::int64_t>(result));
}

// flt(s, precision=None): float(s) with commas removed, 0.0 when it cannot convert.
Value flt_value(Isolate& I, Value s, Value precision) {
  Value arg = s;
  Value owned;
  if (is_str(s)) {
    std::string text(as_str(s)->view());
    std::string cleaned;
    for (char c : text) {
      if (c != ',') cleaned += c;
    }
    owned = new_str(I, cleaned);
    arg = owned;
  }
  Value f = call_builtin(I, "float", arg);
  if (!owned.is_undef()) decref(owned);
  if (f.is_exc()) {
    if (!swallow(I)) return f;
    return Value::real(0.0);
  }
  if (!given(precision)) return f;
  std::int64_t p = 0;
  if (!opt_int(I, precision, p, 0)) return Value::exc();
  double d = f.f;
  decref(f);
  if (!std::isfinite(d)) return Value::real(0.0);  // rounding inf/nan raises: Frappe returns 0.0
  return rounded_legacy(d, p);
}

double as_double(Value v) {
  return v.is_int() ? static_cast<double>(v.i) : v.is_float() ? v.f : 0.0;
}

QUIRE_NATIVE(u_flt) {
  Value a[3];
  if (!parse_args(I, "flt", args, nargs, kwnames, {"s", "precision", "rounding_method"}, 1, a))
    return Value::exc();
  return flt_value(I, a[0], a[1]);
}

// cint(s, default=0): int(s), else int(float(s)), else default.
Value cint_value(Isolate& I, Value s, Value dflt) {
  Value r = call_builtin(I, "int", s);
  if (!r.is_exc()) return r;
  if (!swallow(I)) return r;
  Value f = call_builtin(I, "float", s);
  if (!f.is_exc()) {
    r = call_builtin(I, "int", f);
    decref(f);
    if (!r.is_exc()) return r;
  }
  if (!swallow(I)) return Value::exc();
  if (dflt.is_undef()) return Value::integer(0);
  incref(dflt);
  return dflt;
}

QUIRE_NATIVE(u_cint) {
  Value a[2];
  if (!parse_args(I, "cint", args, nargs, kwnames, {"s", "default"}, 1, a)) return Value::exc();
  return cint_value(I, a[0], a[1]);
}

QUIRE_NATIVE(u_cstr) {
  Value a[2];
  if (!parse_args(I, "cstr", args, nargs, kwnames, {"s", "encoding"}, 1, a)) return Value::exc();
  if (a[0].is_none()) return new_str(I, "");
  if (is_str(a[0])) {
    incref(a[0]);
    return a[0];
  }
  if (is_kind(a[0], Kind::Bytes)) {
    return new_str(I, static_cast<Bytes*>(a[0].o)->view());
  }
  return to_str(I, a[0]);
}

QUIRE_NATIVE(u_rounded) {
  Value a[3];
  if (!parse_args(I, "rounded", args, nargs, kwnames, {"num", "precision", "rounding_method"}, 1,
                  a))
    return Value::exc();
  std::int64_t p = 0;
  Value pc = cint_value(I, a[1].is_undef() ? Value::integer(0) : a[1], Value());
  if (pc.is_exc()) return pc;
  p = pc.is_int() ? pc.i : 0;
  decref(pc);
  if (!is_number(a[0])) {
    return raise(I, types().TypeError, "must be real number, not " + type_name(a[0]));
  }
  return rounded_legacy(as_double(a[0]), p);
}

Value floor_or_ceil(Isolate& I, Value s, bool up) {
  Value f = flt_value(I, s, Value());
  if (f.is_exc()) return f;
  double d = as_double(f);
  decref(f);
  if (!std::isfinite(d)) return Value::integer(0);
  return Value::integer(static_cast<std::int64_t>(up ? std::ceil(d) : std::floor(d)));
}

QUIRE_NATIVE(u_floor) {
  if (nargs != 1) return raise(I, types().TypeError, "floor() takes exactly one argument");
  return floor_or_ceil(I, args[0], false);
}

QUIRE_NATIVE(u_ceil) {
  if (nargs != 1) return raise(I, types().TypeError, "ceil() takes exactly one argument");
  return floor_or_ceil(I, args[0], true);
}

QUIRE_NATIVE(u_safe_div) {
  Value a[3];
  if (!parse_args(I, "safe_div", args, nargs, kwnames, {"numerator", "denominator", "precision"}, 2,
                  a))
    return Value::exc();
  Value precision = a[2].is_undef() ? Value::integer(2) : a[2];
  int zero = equals(I, a[1], Value::integer(0));
  if (zero < 0) return Value::exc();
  if (zero) return flt_value(I, Value::real(0.0), precision);
  Value num = call_builtin(I, "float", a[0]);
  if (num.is_exc()) return num;
  Value q = binary_op(I, kTrueDiv, num, a[1]);
  decref(num);
  if (q.is_exc()) return q;
  Value r = flt_value(I, q, precision);
  decref(q);
  return r;
}

QUIRE_NATIVE(u_has_common) {
  if (nargs != 2) return raise(I, types().TypeError, "has_common() takes two lists");
  Value s1 = call_builtin(I, "set", args[0]);
  if (s1.is_exc()) return s1;
  Value s2 = call_builtin(I, "set", args[1]);
  if (s2.is_exc()) {
    decref(s1);
    return s2;
  }
  Value r = binary_op(I, kAnd, s1, s2);
  decref(s1);
  decref(s2);
  return r;
}

// The site's default for `key` (System Settings), "" when unset.
std::string system_default(RunState* run, const char* key) {
  if (!run) return "";
  try {
    auto meta = run->session.metas.find_meta("System Settings");
    if (!meta || !meta->field(key)) return "";
    Json v = model::get_single_value(run->session, "System Settings", key);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return v.dump();
  } catch (...) {
  }
  return "";
}

struct NumberFormat {
  std::string decimal, comma;
  int precision;
};

NumberFormat number_format_info(const std::string& format) {
  static const std::pair<const char*, NumberFormat> known[] = {
      {"#,###.##", {".", ",", 2}},    {"#.###,##", {",", ".", 2}},  {"# ###.##", {".", " ", 2}},
      {"# ###,##", {",", " ", 2}},    {"#'###.##", {".", "'", 2}},  {"#, ###.##", {".", ", ", 2}},
      {"#,##,###.##", {".", ",", 2}}, {"#,###.###", {".", ",", 3}}, {"#.###", {"", ".", 0}},
      {"#,###", {"", ",", 0}},        {"#.########", {".", "", 8}},
  };
  for (const auto& [f, info] : known) {
    if (format == f) return info;
  }
  return {".", ",", 2};
}

std::string percent_f(int precision, double value) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", precision, value);
  return buf;
}

// fmt_money (data.py), step by step.
QUIRE_NATIVE(u_fmt_money) {
  RunState* run = current_run();
  Value a[4];
  if (!parse_args(I, "fmt_money", args, nargs, kwnames,
                  {"amount", "precision", "currency", "format"}, 1, a))
    return Value::exc();
  std::string number_format, currency;
  if (!opt_string(I, a[3], number_format, "format") || !opt_string(I, a[2], currency, "currency"))
    return Value::exc();
  if (number_format.empty()) number_format = system_default(run, "number_format");
  if (number_format.empty()) number_format = "#,###.##";
  std::int64_t precision = -1;
  if (given(a[1])) {
    if (!opt_int(I, a[1], precision, 0)) return Value::exc();
  } else {
    std::string cp = system_default(run, "currency_precision");
    if (!cp.empty() && cp != "0") precision = std::atoll(cp.c_str());
  }
  NumberFormat info = number_format_info(number_format);
  if (precision < 0) precision = info.precision;

  Value amount = a[0];
  Value owned;
  if (is_str(amount)) {
    owned = flt_value(I, amount, Value::integer(precision));
    if (owned.is_exc()) return owned;
    amount = owned;
  }
  double amt = amount.is_none() ? 0.0 : as_double(amount);
  bool amount_is_int = amount.is_none() || amount.is_int() || amount.is_bool();
  if (amount.is_bool()) amt = amount.b ? 1 : 0;
  if (!owned.is_undef()) decref(owned);
  if (!amount.is_none() && !is_number(amount) && !amount.is_bool()) {
    return raise(I, types().TypeError,
                 "unsupported operand type(s) for %: '" + type_name(amount) + "' and 'int'");
  }

  if (!info.decimal.empty()) {
    std::string decimals_after =
        amount_is_int
            ? "0"
            : numeric::float_repr(numeric::float_round(numeric::float_mod(amt, 1.0), precision));
    auto dot = decimals_after.find('.');
    std::string decimals =
        dot == std::string::npos ? decimals_after : decimals_after.substr(dot + 1);
    if (precision > 2) {
      if (decimals.size() < 3) {
        precision = info.precision;  // no Currency fraction units here
      } else if (static_cast<std::int64_t>(decimals.size()) < precision) {
        precision = static_cast<std::int64_t>(decimals.size());
      }
    }
  }
  std::string text = percent_f(static_cast<int>(precision), numeric::float_round(amt, precision));
  std::string decimals;
  if (auto dot = text.find('.'); dot != std::string::npos) decimals = text.substr(dot + 1);
  double value = numeric::parse_float(text);
  std::string minus = value < 0 ? "-" : "";
  std::string whole = numeric::float_repr(std::fabs(value));
  whole = whole.substr(0, whole.find('.'));
  std::vector<std::string> parts;
  if (whole.size() > 3) {
    parts.push_back(whole.substr(whole.size() - 3));
    whole.resize(whole.size() - 3);
    std::size_t group = number_format == "#,##,###.##" ? 2 : 3;
    while (whole.size() > group) {
      parts.push_back(whole.substr(whole.size() - group));
      whole.resize(whole.size() - group);
    }
  }
  parts.push_back(whole);
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (it != parts.rbegin()) out += info.comma;
    out += *it;
  }
  if (precision && !info.decimal.empty()) out += info.decimal + decimals;
  if (out != "0") out = minus + out;
  if (!currency.empty()) out = currency + " " + out;
  return new_str(I, out);
}

Value title_case(Isolate& I, const std::string& text) {
  Value s = new_str(I, text);
  Value r = call_method(I, s, "title", nullptr, 0);
  decref(s);
  return r;
}

// in_words: num2words "en", or "en_IN" (lakh, crore) when not in_million.
std::string in_words_text(std::int64_t n, bool in_million = true) {
  std::string words = number_to_words(n, !in_million);
  for (char& c : words) {
    if (c == '-') c = ' ';
  }
  return words;
}

QUIRE_NATIVE(u_in_words) {
  Value a[2];
  if (!parse_args(I, "in_words", args, nargs, kwnames, {"integer", "in_million"}, 1, a))
    return Value::exc();
  Value n = call_builtin(I, "int", a[0]);
  if (n.is_exc()) return n;
  if (!n.is_int()) {
    decref(n);
    return raise(I, types().OverflowError, "number too large for in_words");
  }
  bool in_million = true;
  if (!opt_bool(I, a[1], in_million, true)) return Value::exc();
  return new_str(I, in_words_text(n.i, in_million));
}

// money_in_words (data.py): currency from the site defaults ("INR"),
// fraction "Cent", two fraction digits for the default number format.
QUIRE_NATIVE(u_money_in_words) {
  RunState* run = current_run();
  Value a[3];
  if (!parse_args(I, "money_in_words", args, nargs, kwnames,
                  {"number", "main_currency", "fraction_currency"}, 1, a))
    return Value::exc();
  Value f = call_builtin(I, "float", a[0]);
  if (f.is_exc()) {
    if (I.uncatchable || !isinstance(I.pending, types().ValueError)) return f;
    swallow(I);
    return new_str(I, "");
  }
  double number = f.f;
  decref(f);
  if (number < 0) return new_str(I, "");
  std::string main_currency, fraction_currency;
  if (!opt_string(I, a[1], main_currency, "main_currency") ||
      !opt_string(I, a[2], fraction_currency, "fraction_currency"))
    return Value::exc();
  if (main_currency.empty()) main_currency = "INR";
  if (fraction_currency.empty()) fraction_currency = "Cent";
  std::string number_format = system_default(run, "number_format");
  if (number_format.empty()) number_format = "#,###.##";
  int fraction_length = number_format_info(number_format).precision;
  // The Indian grouping reads the amount in lakh and crore (data.py: in_million = False).
  bool in_million = number_format != "#,##,###.##";
  std::string n = percent_f(fraction_length, number);
  std::string main = n, fraction = "00";
  if (auto dot = n.find('.'); dot != std::string::npos) {
    main = n.substr(0, dot);
    fraction = n.substr(dot + 1);
  }
  if (static_cast<int>(fraction.size()) < fraction_length) {
    fraction += std::string(static_cast<std::size_t>(fraction_length) - fraction.size(), '0');
  }
  std::string out;
  auto words = [&](const std::string& digits) -> std::string {
    Value t = title_case(I, in_words_text(std::stoll(digits), in_million));
    if (t.is_exc()) return "";
    std::string s(as_str(t)->view());
    decref(t);
    return s;
  };
  if (main.size() > 18) return raise(I, types().OverflowError, "number too large for words");
  if (main == "0" && (fraction == "00" || fraction == "000")) {
    out = main_currency + " Zero";
  } else if (main == "0") {
    out = words(fraction) + " " + fraction_currency;
  } else {
    out = main_currency + " " + words(main);
    if (std::stoll(fraction) != 0) out += " and " + words(fraction) + " " + fraction_currency;
  }
  return new_str(I, out + " only.");
}

QUIRE_NATIVE(u_get_abbr) {
  Value a[2];
  if (!parse_args(I, "get_abbr", args, nargs, kwnames, {"string", "max_len"}, 1, a))
    return Value::exc();
  std::string text;
  if (!arg_string(I, a[0], text, "string")) return Value::exc();
  std::int64_t max_len = 2;
  if (!opt_int(I, a[1], max_len, 2)) return Value::exc();
  // Built through the VM's str so a multi-byte first letter stays whole.
  Value s = new_str(I, text);
  Value sep = new_str(I, " ");
  Value parts = call_method(I, s, "split", &sep, 1);
  decref(s);
  decref(sep);
  if (parts.is_exc()) return parts;
  std::string abbr;
  std::int64_t count = 0;
  for (Value p : as_list(parts)->items) {
    if (count < max_len && as_str(p)->length > 0) {
      Value first = str_getitem(I, as_str(p), Value::integer(0));
      abbr += as_str(first)->view();
      decref(first);
      ++count;
    }
  }
  decref(parts);
  return new_str(I, abbr.empty() ? "?" : abbr);
}

// urllib.parse.quote(text, safe="~@#$&()*!+=:;,.?/'") on the UTF-8 bytes.
std::string url_quoted(std::string_view text) {
  static const std::string safe = "~@#$&()*!+=:;,.?/'_.-";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || safe.find(static_cast<char>(c)) != std::string::npos) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string slug(std::string_view doctype) {
  std::string out;
  for (char c : doctype)
    out += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// get_url_to_form(doctype, name) -> get_url("/app/<slug>/<name>"); get_url_to_list(doctype).
QUIRE_NATIVE(u_get_url_to_form) {
  Value a[2];
  if (!parse_args(I, "get_url_to_form", args, nargs, kwnames, {"doctype", "name"}, 1, a))
    return Value::exc();
  std::string doctype, name;
  if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
  if (given(a[1]) && !str_into(I, a[1], name)) return Value::exc();
  if (!given(a[1])) name = "None";
  return new_str(I, site_url("/app/" + url_quoted(slug(doctype)) + "/" + url_quoted(name)));
}

QUIRE_NATIVE(u_get_url_to_list) {
  std::string doctype;
  if (nargs != 1 || !arg_string(I, args[0], doctype, "doctype")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "get_url_to_list() takes the doctype");
  }
  return new_str(I, site_url("/app/" + url_quoted(slug(doctype))));
}

}  // namespace

namespace {

// remainder(numerator, denominator, precision=2) (data.py): the modulo on
// values scaled by 10**precision, then flt(_, precision).
QUIRE_NATIVE(u_remainder) {
  Value a[3];
  if (!parse_args(I, "remainder", args, nargs, kwnames, {"numerator", "denominator", "precision"},
                  2, a))
    return Value::exc();
  std::int64_t precision = 2;
  if (!a[2].is_undef() && !opt_int(I, a[2], precision, 0)) return Value::exc();
  Value r;
  if (precision) {
    Value mult = precision > 0 && precision < 19
                     ? Value::integer(static_cast<std::int64_t>(std::pow(10.0, precision)))
                     : Value::real(std::pow(10.0, static_cast<double>(precision)));
    Value n = binary_op(I, kMul, a[0], mult);
    if (n.is_exc()) return n;
    Value d = binary_op(I, kMul, a[1], mult);
    if (d.is_exc()) {
      decref(n);
      return d;
    }
    Value m = binary_op(I, kMod, n, d);
    decref(n);
    decref(d);
    if (m.is_exc()) return m;
    r = binary_op(I, kTrueDiv, m, mult);
    decref(m);
  } else {
    r = binary_op(I, kMod, a[0], a[1]);
  }
  if (r.is_exc()) return r;
  Value out = flt_value(I, r, Value::integer(precision));
  decref(r);
  return out;
}

// unique(seq): the items in their first order, duplicates dropped.
QUIRE_NATIVE(u_unique) {
  Value a[1];
  if (!parse_args(I, "unique", args, nargs, kwnames, {"seq"}, 1, a)) return Value::exc();
  Value items = call_builtin(I, "list", a[0]);
  if (items.is_exc()) return items;
  Set* seen = alloc_set(I);
  Value seen_value = Value::object(seen);
  List* out = alloc_list(I, 0);
  Value result = Value::object(out);
  for (Value v : std::vector<Value>(as_list(items)->items)) {
    int found = set_contains(I, seen, v);
    if (found < 0 || (!found && !set_add(I, seen, v))) {
      decref(items);
      decref(seen_value);
      decref(result);
      return Value::exc();
    }
    if (!found) {
      incref(v);
      list_append(I, out, v);
    }
  }
  decref(items);
  decref(seen_value);
  return result;
}

}  // namespace

lang::Type* utils_namespace() {
  static Type* const utils = [] {
    struct Fn {
      const char* name;
      NativeFn fn;
    };
    static const Fn functions[] = {
        {"flt", u_flt},
        {"remainder", u_remainder},
        {"unique", u_unique},
        {"cint", u_cint},
        {"cstr", u_cstr},
        {"rounded", u_rounded},
        {"floor", u_floor},
        {"ceil", u_ceil},
        {"safe_div", u_safe_div},
        {"has_common", u_has_common},
        {"fmt_money", u_fmt_money},
        {"in_words", u_in_words},
        {"money_in_words", u_money_in_words},
        {"get_abbr", u_get_abbr},
        {"get_url_to_form", u_get_url_to_form},
        {"get_url_to_list", u_get_url_to_list},
    };
    Type* t = host::define_type("frappe.utils");
    for (const auto& f : functions) host::define_method(t, f.name, f.fn);
    add_string_date_functions(t);
    add_text_functions(t);
    add_calendar_functions(t);
    add_misc_functions(t);
    add_url_functions(t);
    add_markdown_functions(t);
    add_filter_functions(t);
    return t;
  }();
  return utils;
}

}  // namespace quire::scripting
