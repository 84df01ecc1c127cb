// markupsafe.Markup's behaviour as jinja2 uses it (render_template_markup.h).
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_markup.h"

#include "lang/compile/code.h"
#include "scripting/html_escape.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/utils_html_tokenizer.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

Value new_markup(Isolate& I, std::string_view text) {
  Value v = new_str(I, text);
  v.o->flags |= kMarkupFlag;  // a new, mortal object: nobody else holds it
  return v;
}

Value markup_if(Isolate& I, bool markup, Value v) {
  if (!markup || v.is_exc() || !is_str(v) || is_markup(v)) return v;
  Value m = new_markup(I, as_str(v)->view());
  decref(v);
  return m;
}

Value mark_safe(Isolate& I, Value v) {
  if (is_markup(v)) {
    incref(v);
    return v;
  }
  if (is_str(v)) return new_markup(I, as_str(v)->view());
  std::string text;
  if (!str_into(I, v, text)) return Value::exc();
  return new_markup(I, text);
}

bool escape_into(Isolate& I, Value v, std::string& out) {
  if (is_markup(v)) {
    out += as_str(v)->view();
    return true;
  }
  if (is_str(v)) {
    html_escape_into(out, as_str(v)->view(), kMarkupsafeQuotes);
    return true;
  }
  std::string text;
  if (!str_into(I, v, text)) return false;
  html_escape_into(out, text, kMarkupsafeQuotes);
  return true;
}

Value escape_markup(Isolate& I, Value v) {
  if (is_markup(v)) {
    incref(v);
    return v;
  }
  std::string out;
  if (!escape_into(I, v, out)) return Value::exc();
  return new_markup(I, out);
}

Value escape_unless_number(Isolate& I, Value v) {
  if (v.is_int() || v.is_float() || v.is_bool() || is_kind(v, Kind::BigInt)) {
    incref(v);
    return v;
  }
  return escape_markup(I, v);
}

namespace {

// The right operand of Markup % x with every argument escaped.
Value escaped_operand(Isolate& I, Value b) {
  if (is_tuple(b)) {
    Tuple* in = as_tuple(b);
    Tuple* t = alloc_tuple(I, in->size);
    Value out = Value::object(t);
    for (std::size_t i = 0; i < in->size; ++i) {
      Value x = escape_unless_number(I, in->items()[i]);
      if (x.is_exc()) {
        decref(out);
        return x;
      }
      lang::assign(t->items()[i], x);
    }
    return out;
  }
  if (is_dict(b)) {
    // A snapshot: escaping calls str() of the values, which a script's
    // class may define to change the dict.
    std::vector<Value> pairs;
    ReleaseAll release{pairs};
    for (const auto& entry : as_dict(b)->table.entries) {
      if (entry.key.is_undef()) continue;
      incref(entry.key);
      pairs.push_back(entry.key);
      incref(entry.value);
      pairs.push_back(entry.value);
    }
    Dict* d = alloc_dict(I);
    Value out = Value::object(d);
    for (std::size_t i = 0; i < pairs.size(); i += 2) {
      Value x = escape_unless_number(I, pairs[i + 1]);
      bool ok = !x.is_exc() && dict_set(I, d, pairs[i], x);
      if (!x.is_exc()) decref(x);
      if (!ok) {
        decref(out);
        return Value::exc();
      }
    }
    return out;
  }
  Value x = escape_unless_number(I, b);
  if (x.is_exc()) return x;
  Value out = new_tuple_from(I, &x, 1);
  decref(x);
  return out;
}

Value unsupported(Isolate& I, const char* op, Value a, Value b) {
  auto name = [](Value v) { return is_markup(v) ? std::string("Markup") : type_name(v); };
  return raise(I, types().TypeError,
               std::string("unsupported operand type(s) for ") + op + ": '" + name(a) + "' and '" +
                   name(b) + "'");
}

}  // namespace

Value markup_binary(Isolate& I, int op, Value a, Value b) {
  switch (op) {
    case kAdd: {
      if (!is_str(a) || !is_str(b)) return unsupported(I, "+", a, b);
      std::string out;
      escape_into(I, a, out);
      escape_into(I, b, out);
      if (!I.heap.would_fit(out.size())) return raise_no_args(I, types().MemoryError);
      return new_markup(I, out);
    }
    case kMul:
      if (!(a.is_int() || a.is_bool()) && !(b.is_int() || b.is_bool())) return Value();
      return markup_if(I, true, binary_op(I, kMul, a, b));
    case kMod: {
      if (!is_markup(a)) return Value();  // str % Markup is str.__mod__
      Value operand = escaped_operand(I, b);
      if (operand.is_exc()) return operand;
      Value r = percent_format(I, as_str(a), operand);
      decref(operand);
      return markup_if(I, true, r);
    }
    default:
      return Value();
  }
}

Value markup_join(Isolate& I, const Value* parts, std::size_t n) {
  bool any = false;
  for (std::size_t i = 0; i < n && !any; ++i) any = is_markup(parts[i]);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(any ? escape_into(I, parts[i], out) : str_into(I, parts[i], out))) return Value::exc();
    if (!I.heap.would_fit(out.size())) return raise_no_args(I, types().MemoryError);
  }
  return any ? new_markup(I, out) : new_str(I, out);
}

namespace {

// Removes every `open ... close` span, leftmost first, as markupsafe does
// (an opener without a closer ends the search). One pass, so a text of
// many tags costs linear time (markupsafe rebuilds the string per tag and
// restarts from its beginning: the same result, except that a comment
// opener formed by joining the text around a removed comment is not
// looked for again).
void remove_spans(std::string& text, std::string_view open, std::string_view close) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t start = text.find(open, pos);
    std::size_t end = start == std::string::npos ? start : text.find(close, start);
    if (end == std::string::npos) break;
    out.append(text, pos, start - pos);
    pos = end + close.size();
  }
  out.append(text, pos, std::string::npos);
  text = std::move(out);
}

}  // namespace

Value strip_tags(Isolate& I, Value v) {
  std::string text;
  if (!str_into(I, v, text)) return Value::exc();
  remove_spans(text, "<!--", "-->");
  remove_spans(text, "<", ">");
  // " ".join(value.split()): Python's whitespace, through the language's split.
  Owned s(new_str(I, text));
  Owned words(call_method(I, s.v, "split", nullptr, 0));
  if (words.failed()) return Value::exc();
  std::string collapsed;
  for (Value w : as_list(words.v)->items) {
    if (!collapsed.empty()) collapsed += ' ';
    collapsed += as_str(w)->view();
  }
  return new_str(I, html_unescape(collapsed));
}

}  // namespace quire::scripting::jinja
