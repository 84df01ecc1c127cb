// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// bytes % args (CPython 3.11's printf-style bytes formatting), run by str's
// % on the latin-1 view: the format and each %s/%b argument become latin-1
// text, %r/%a arguments their ascii() text (the conversion rewritten to %s),
// %c arguments one character; numbers pass as they are. What only bytes say
// (%b of a non-bytes, %c out of range(256), "during bytes formatting") is
// raised here.

#include <vector>

#include "lang/lib/latin1.h"
#include "lang/numeric/percent_format.h"
#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

bool is_bytes(Value v) {
  return is_kind(v, Kind::Bytes);
}
std::string_view bytes_view(Value v) {
  return static_cast<Bytes*>(v.o)->view();
}
bool is_integer(Value v) {
  return v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt);
}

// The argument str's % should see for `spec`, or Exc. `stop` is set when the
// argument is one str's % rejects itself: it raises that error first.
Value convert(Isolate& I, const numeric::PercentSpec& spec, Value arg, bool& stop) {
  switch (spec.type) {
    case 's':
    case 'b':
      if (!is_bytes(arg))
        return raise(I, types().TypeError,
                     "%b requires a bytes-like object, or an object that implements __bytes__, "
                     "not '" +
                         type_name(arg) + "'");
      return new_str(I, latin1_to_utf8(bytes_view(arg)));
    case 'r':
    case 'a':
      return ascii_repr(I, arg);
    case 'c':
      if (is_integer(arg)) {
        if ((arg.tag != Tag::Int && arg.tag != Tag::Bool) || arg.i < 0 || arg.i > 255)
          return raise(I, types().OverflowError, "%c arg not in range(256)");
        return new_str(I, latin1_to_utf8(std::string(1, static_cast<char>(arg.i))));
      }
      if (is_bytes(arg) && bytes_view(arg).size() == 1)
        return new_str(I, latin1_to_utf8(bytes_view(arg)));
      return raise(I, types().TypeError, "%c requires an integer in range(256) or a single byte");
    default:
      if (!is_integer(arg) && arg.tag != Tag::Float) stop = true;
      incref(arg);
      return arg;
  }
}

// Rewrites the conversion character at code point `index` of `format`.
void set_type(std::string& format, std::size_t index, char type) {
  std::size_t cp = 0;
  for (std::size_t b = 0; b < format.size(); ++b) {
    if ((static_cast<unsigned char>(format[b]) & 0xC0) == 0x80) continue;
    if (cp++ == index) {
      format[b] = type;
      return;
    }
  }
}

}  // namespace

Value bytes_percent_format(Isolate& I, Value format_bytes, Value args) {
  std::string format = latin1_to_utf8(bytes_view(format_bytes));
  std::vector<numeric::PercentPiece> pieces = numeric::parse_percent_format(format);
  bool keyed = false;
  for (const auto& p : pieces) keyed |= p.is_spec && p.spec.has_key;
  bool mapping = is_dict(args);
  std::vector<Value> items;
  std::size_t next = 0;
  if (is_tuple(args)) {
    items.assign(as_tuple(args)->items(), as_tuple(args)->items() + as_tuple(args)->size);
  } else if (!(keyed && mapping)) {
    items.push_back(args);
  }
  std::vector<Value> converted;  // owned
  Dict* by_key = keyed && mapping ? alloc_dict(I) : nullptr;
  auto release = [&] {
    for (Value v : converted) decref(v);
    if (by_key) decref(Value::object(by_key));
  };
  bool stop = false;
  for (const auto& piece : pieces) {
    if (stop || piece.is_error) break;
    if (!piece.is_spec) continue;
    const numeric::PercentSpec& spec = piece.spec;
    if (spec.type == 'r' || spec.type == 'a' || spec.type == 'b') set_type(format, spec.index, 's');
    if (spec.has_key) {
      if (!by_key) break;  // str's % says "format requires a mapping"
      Value key = new_bytes(I, utf8_to_latin1(spec.key));
      Value arg = get_item(I, args, key);
      decref(key);
      if (arg.is_exc()) {
        release();
        return arg;
      }
      Value v = convert(I, spec, arg, stop);
      decref(arg);
      if (v.is_exc()) {
        release();
        return v;
      }
      Value name = new_str(I, spec.key);
      bool ok = dict_set(I, by_key, name, v);
      decref(name);
      decref(v);
      if (!ok) {
        release();
        return Value::exc();
      }
      continue;
    }
    std::size_t stars = (spec.width_star ? 1 : 0) + (spec.precision_star ? 1 : 0);
    for (std::size_t k = 0; k < stars && next < items.size(); ++k) {
      incref(items[next]);
      converted.push_back(items[next++]);
    }
    if (next >= items.size()) break;  // str's % says "not enough arguments"
    Value v = convert(I, spec, items[next++], stop);
    if (v.is_exc()) {
      release();
      return v;
    }
    converted.push_back(v);
  }
  for (; next < items.size(); ++next) {
    incref(items[next]);
    converted.push_back(items[next]);
  }
  Value text_format = new_str(I, format);
  Value text_args;
  if (by_key) {
    text_args = Value::object(by_key);
    incref(text_args);
  } else if (is_tuple(args) || converted.size() != 1) {
    text_args = new_tuple_from(I, converted.data(), converted.size());
  } else {
    text_args = converted[0];
    incref(text_args);
  }
  Value result = percent_format(I, as_str(text_format), text_args);
  decref(text_format);
  decref(text_args);
  release();
  if (result.is_exc()) {
    std::string line = exception_line(I, I.pending);
    if (line == "TypeError: not all arguments converted during string formatting")
      return raise(I, types().TypeError, "not all arguments converted during bytes formatting");
    return result;
  }
  Value out = new_bytes(I, utf8_to_latin1(as_str(result)->view()));
  decref(result);
  return out;
}

}  // namespace quire::lang
