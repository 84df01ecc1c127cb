// jinja2's text-shaping filters (jinja2/filters.py): truncate, indent,
// tojson, filesizeformat, urlencode, wordcount, xmlattr; and random. Each follows jinja2's body
// step by step on the language's own operations, so a Markup stays Markup where jinja2's does and a
// wrong argument raises what Python raises there. GCC 12 reports a false -Wrestrict inside
// std::string concatenation at -O3 (GCC bug 105329); it must be silenced before <string> is first
// included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_text_filters.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <random>

#include "lang/compile/code.h"
#include "lang/lib/json.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"
#include "scripting/attr_dict.h"
#include "scripting/html_escape.h"
#include "scripting/native_util.h"
#include "scripting/render_template_filter_util.h"
#include "scripting/render_template_markup.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

// a + b, with Markup's escaping when either is one.
Value concat(Isolate& I, Value a, Value b) {
  if (is_markup(a) || is_markup(b)) {
    Value r = markup_binary(I, kAdd, a, b);
    if (!r.is_undef()) return r;
  }
  return binary_op(I, kAdd, a, b);
}

// s[:stop]
Value prefix(Isolate& I, Value s, Value stop) {
  Value parts[3] = {Value::none(), stop, Value::none()};
  Owned slice(call(I, builtin_value(builtin_index("slice")), parts, 3));
  if (slice.failed()) return Value::exc();
  return markup_if(I, is_markup(s), get_item(I, s, slice.v));
}

int compare(Isolate& I, int op, Value a, Value b) {
  Owned r(compare_op(I, op, a, b));
  if (r.failed()) return -1;
  return truthy(I, r.v);
}

// quote_from_bytes(text.encode(), safe) (urllib.parse), "+" for spaces in a
// query string.
void url_quote_into(std::string& out, std::string_view text, bool for_qs) {
  static const char* const kHex = "0123456789ABCDEF";
  for (unsigned char c : text) {
    bool keep =
        std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' || (!for_qs && c == '/');
    if (keep && c < 0x80) {
      out += static_cast<char>(c);
    } else if (for_qs && c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

bool url_quote_value(Isolate& I, Value v, bool for_qs, std::string& out) {
  if (is_kind(v, Kind::Bytes)) {
    url_quote_into(out, static_cast<Bytes*>(v.o)->view(), for_qs);
    return true;
  }
  std::string text;
  if (!str_into(I, v, text)) return false;
  url_quote_into(out, text, for_qs);
  return true;
}

}  // namespace

// do_truncate(s, length=255, killwords=False, end="...", leeway=None): the
// environment's truncate.leeway policy is 5.
Value truncate_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[5];
  if (!bind(I, "do_truncate", args, kw, {"s", "length", "killwords", "end", "leeway"}, a))
    return Value::exc();
  Owned end(given(a[3]) ? (incref(a[3]), a[3]) : new_str(I, "..."));
  Value length = given(a[1]) ? a[1] : Value::integer(255);
  Value leeway = given(a[4]) && !a[4].is_none() ? a[4] : Value::integer(5);
  Owned end_len(len_of(I, end.v));
  if (end_len.failed()) return Value::exc();
  int ok = compare(I, kGe, length, end_len.v);
  if (ok < 0) return Value::exc();
  std::string shown;
  if (!ok) {
    if (!repr_into(I, end_len.v, shown)) return Value::exc();
    std::string got;
    if (!repr_into(I, length, got)) return Value::exc();
    return raise(I, types().AssertionError, "expected length >= " + shown + ", got " + got);
  }
  ok = compare(I, kGe, leeway, Value::integer(0));
  if (ok < 0) return Value::exc();
  if (!ok) {
    if (!repr_into(I, leeway, shown)) return Value::exc();
    return raise(I, types().AssertionError, "expected leeway >= 0, got " + shown);
  }
  Owned s_len(len_of(I, a[0]));
  if (s_len.failed()) return Value::exc();
  Owned limit(binary_op(I, kAdd, length, leeway));
  if (limit.failed()) return Value::exc();
  int fits = compare(I, kLe, s_len.v, limit.v);
  if (fits < 0) return Value::exc();
  if (fits) {
    incref(a[0]);
    return a[0];
  }
  bool killwords = false;
  if (!flag(I, a[2], false, killwords)) return Value::exc();
  Owned stop(binary_op(I, kSub, length, end_len.v));
  if (stop.failed()) return Value::exc();
  Owned head(prefix(I, a[0], stop.v));
  if (head.failed()) return Value::exc();
  if (killwords) return concat(I, head.v, end.v);
  // s[:length - len(end)].rsplit(" ", 1)[0]
  Value split_args[2] = {Value(), Value::integer(1)};
  Owned space(new_str(I, " "));
  split_args[0] = space.v;
  Owned words(call_method(I, head.v, "rsplit", split_args, 2));
  if (words.failed()) return Value::exc();
  Owned first(markup_if(I, is_markup(head.v), get_item(I, words.v, Value::integer(0))));
  if (first.failed()) return Value::exc();
  return concat(I, first.v, end.v);
}

// do_indent(s, width=4, first=False, blank=False): a Markup's lines are
// joined with Markup, so the result is Markup with the same text.
Value indent_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[4];
  if (!bind(I, "do_indent", args, kw, {"s", "width", "first", "blank"}, a)) return Value::exc();
  std::string indention;
  Value width = given(a[1]) ? a[1] : Value::integer(4);
  if (is_str(width)) {
    indention = as_str(width)->view();
  } else {
    Owned space(new_str(I, " "));
    Owned spaces(binary_op(I, kMul, space.v, width));
    if (spaces.failed()) return Value::exc();
    indention = as_str(spaces.v)->view();
  }
  bool first = false, blank = false;
  if (!flag(I, a[2], false, first) || !flag(I, a[3], false, blank)) return Value::exc();
  if (is_undefined(a[0])) return raise_undefined(I, a[0]);
  if (!is_str(a[0]))
    return raise(I, types().TypeError,
                 "unsupported operand type(s) for +=: '" + type_name(a[0]) + "' and 'str'");
  // s += "\n", then str.splitlines (Python's line boundaries).
  Owned text(new_str(I, std::string(as_str(a[0])->view()) + "\n"));
  Owned lines(call_method(I, text.v, "splitlines", nullptr, 0));
  if (lines.failed()) return Value::exc();
  std::string out;
  bool at_first = true;
  for (Value line : as_list(lines.v)->items) {
    std::string_view l = as_str(line)->view();
    if (!at_first) out += '\n';
    if (!at_first && (blank || !l.empty())) out += indention;
    out += l;
    at_first = false;
    if (!I.heap.would_fit(out.size())) return raise_no_args(I, types().MemoryError);
  }
  if (first) out.insert(0, indention);
  if (!I.heap.would_fit(out.size())) return raise_no_args(I, types().MemoryError);
  return is_markup(a[0]) ? new_markup(I, out) : new_str(I, out);
}

// do_tojson(value, indent=None): htmlsafe_json_dumps with the environment's
// json.dumps_kwargs policy (sort_keys=True): <, >, & and ' as \u escapes;
// Markup.
Value tojson_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[2];
  if (!bind(I, "do_tojson", args, kw, {"value", "indent"}, a)) return Value::exc();
  json::DumpOptions options;
  options.sort_keys = true;
  if (given(a[1]) && !a[1].is_none()) {
    options.has_indent = true;
    options.item_separator = ",";
    if (is_str(a[1])) {
      options.indent = as_str(a[1])->view();
    } else if (a[1].is_int() && a[1].i > 0) {
      if (!I.heap.would_fit(static_cast<std::size_t>(a[1].i)))
        return raise_no_args(I, types().MemoryError);
      options.indent.assign(static_cast<std::size_t>(a[1].i), ' ');
    } else if (!a[1].is_int()) {
      return raise(I, types().TypeError,
                   "can't multiply sequence by non-int of type '" + type_name(a[1]) + "'");
    }
  }
  std::string text;
  if (!json::dump_into(I, a[0], options, text)) return Value::exc();
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '\'':
        out += "\\u0027";
        break;
      default:
        out += c;
    }
  }
  return new_markup(I, out);
}

// do_filesizeformat(value, binary=False): "1 Byte", "12 Bytes", "1.5 kB".
Value filesizeformat_filter(Evaluator& ev, std::vector<Value>& args,
                            const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[2];
  if (!bind(I, "do_filesizeformat", args, kw, {"value", "binary"}, a)) return Value::exc();
  bool binary = false;
  if (!flag(I, a[1], false, binary)) return Value::exc();
  Owned number(call1(I, builtin_value(builtin_index("float")), a[0]));
  if (number.failed()) return Value::exc();
  const double bytes = number.v.f;
  const double base = binary ? 1024 : 1000;
  if (bytes == 1) return new_str(I, "1 Byte");
  if (bytes < base) {
    Owned whole(call1(I, builtin_value(builtin_index("int")), number.v));
    if (whole.failed()) return Value::exc();
    std::string text;
    if (!str_into(I, whole.v, text)) return Value::exc();
    return new_str(I, text + " Bytes");
  }
  static const char* const kDecimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* const kBinary[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  double unit = base;
  int i = 0;
  for (; i < 8; ++i) {
    unit = std::pow(base, i + 2);
    if (bytes < unit) break;
  }
  if (i == 8) i = 7;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, binary ? kBinary[i] : kDecimal[i]);
  return new_str(I, buf);
}

// do_urlencode(value): a str (or anything not iterable) quoted as a path;
// a dict or an iterable of pairs as a query string.
Value urlencode_filter(Evaluator& ev, std::vector<Value>& args,
                       const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[1];
  if (!bind(I, "do_urlencode", args, kw, {"value"}, a)) return Value::exc();
  std::string out;
  Value v = a[0];
  if (is_str(v) || is_kind(v, Kind::Bytes) || v.tag != Tag::Obj) {
    if (!url_quote_value(I, v, false, out)) return Value::exc();
    return new_str(I, out);
  }
  Owned pairs(is_dict(v) || is_attr_dict(v) ? call_method(I, v, "items", nullptr, 0)
                                            : (incref(v), v));
  if (pairs.failed()) return Value::exc();
  Owned list(call1(I, builtin_value(builtin_index("list")), pairs.v));
  if (list.failed()) {
    // Not iterable: url_quote(str(value)).
    if (!clear_type_error(I)) return Value::exc();
    if (!url_quote_value(I, v, false, out)) return Value::exc();
    return new_str(I, out);
  }
  bool first = true;
  for (Value pair : as_list(list.v)->items) {
    Owned kv(call1(I, builtin_value(builtin_index("tuple")), pair));
    if (kv.failed()) {  // `for k, v in items`
      if (!clear_type_error(I)) return Value::exc();
      return raise(I, types().TypeError,
                   "cannot unpack non-iterable " + type_name(pair) + " object");
    }
    if (as_tuple(kv.v)->size != 2) {
      return raise(I, types().ValueError,
                   as_tuple(kv.v)->size > 2 ? "too many values to unpack (expected 2)"
                                            : "not enough values to unpack (expected 2, got " +
                                                  std::to_string(as_tuple(kv.v)->size) + ")");
    }
    if (!first) out += '&';
    first = false;
    if (!url_quote_value(I, as_tuple(kv.v)->items()[0], true, out)) return Value::exc();
    out += '=';
    if (!url_quote_value(I, as_tuple(kv.v)->items()[1], true, out)) return Value::exc();
  }
  return new_str(I, out);
}

// do_wordcount(s): len(re.findall(r"\w+", soft_str(s))), \w being a
// Unicode letter, digit or numeric character, or "_".
Value wordcount_filter(Evaluator& ev, std::vector<Value>& args,
                       const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[1];
  if (!bind(I, "do_wordcount", args, kw, {"s"}, a)) return Value::exc();
  std::string text;
  if (!str_into(I, a[0], text)) return Value::exc();
  std::int64_t words = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = text::decode_utf8(text, pos);
    bool word = c == U'_' || text::is_alpha(c) || text::is_decimal(c) || text::is_digit(c) ||
                text::is_numeric(c);
    if (word && !in_word) ++words;
    in_word = word;
  }
  return Value::integer(words);
}

// do_xmlattr(d, autospace=True): ` key="value"` for each item whose value
// is not None or Undefined, both escaped; Markup under autoescape.
Value xmlattr_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[2];
  if (!bind(I, "do_xmlattr", args, kw, {"d", "autospace"}, a)) return Value::exc();
  bool autospace = true;
  if (!flag(I, a[1], true, autospace)) return Value::exc();
  Owned items(call_method(I, a[0], "items", nullptr, 0));
  if (items.failed()) return Value::exc();
  Owned list(call1(I, builtin_value(builtin_index("list")), items.v));
  if (list.failed()) return Value::exc();
  std::string out;
  for (Value pair : as_list(list.v)->items) {
    Value key = as_tuple(pair)->items()[0], value = as_tuple(pair)->items()[1];
    if (value.is_none() || is_undefined(value)) continue;
    std::string name;
    if (!str_into(I, key, name)) return Value::exc();
    if (is_str(key) && name.find_first_of(" \t\n\r\f\v/>=") != std::string::npos) {
      std::string shown;
      if (!repr_into(I, key, shown)) return Value::exc();
      return raise(I, types().ValueError, "Invalid character in attribute name: " + shown);
    }
    if (!out.empty()) out += ' ';
    if (!escape_into(I, key, out)) return Value::exc();
    out += "=\"";
    if (!escape_into(I, value, out)) return Value::exc();
    out += '"';
  }
  if (autospace && !out.empty()) out.insert(0, " ");
  return ev.eval_autoescape ? new_markup(I, out) : new_str(I, out);
}

// do_random(seq): random.choice(seq) (len() then seq[i]: a dict looks an
// int key up), Undefined for an empty sequence.
Value random_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[1];
  if (!bind(I, "do_random", args, kw, {"seq"}, a)) return Value::exc();
  Owned length(len_of(I, a[0]));
  if (length.failed()) return Value::exc();
  if (!length.v.is_int() || length.v.i <= 0)
    return undefined_hint(I, "No random item, sequence was empty.");
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> pick(0, length.v.i - 1);
  return get_item(I, a[0], Value::integer(pick(generator)));
}

}  // namespace quire::scripting::jinja
