// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Calls into the numeric/text library; its numeric::PyError exceptions
// become Python exceptions of the same class and message here.

#include "lang/lib/text_bridge.h"

#include "lang/numeric/float_ops.h"
#include "lang/numeric/format_spec.h"
#include "lang/object/bigint.h"
#include "lang/object/numeric_bridge.h"
#include "lang/sandbox/format_budget.h"
#include "lang/text/codecs.h"
#include "lang/text/unicode.h"

namespace quire::lang {

std::string text_lower(std::string_view s) {
  return text::str_lower(s);
}
std::string text_upper(std::string_view s) {
  return text::str_upper(s);
}
std::string text_title(std::string_view s) {
  return text::str_title(s);
}
std::string text_capitalize(std::string_view s) {
  return text::str_capitalize(s);
}
std::string text_swapcase(std::string_view s) {
  return text::str_swapcase(s);
}
std::string text_casefold(std::string_view s) {
  return text::str_casefold(s);
}
bool text_isdigit(std::string_view s) {
  return text::str_isdigit(s);
}
bool text_isdecimal(std::string_view s) {
  return text::str_isdecimal(s);
}
bool text_isnumeric(std::string_view s) {
  return text::str_isnumeric(s);
}
bool text_isalpha(std::string_view s) {
  return text::str_isalpha(s);
}
bool text_isalnum(std::string_view s) {
  return text::str_isalnum(s);
}
bool text_isspace(std::string_view s) {
  return text::str_isspace(s);
}
bool text_isupper(std::string_view s) {
  return text::str_isupper(s);
}
bool text_islower(std::string_view s) {
  return text::str_islower(s);
}
bool text_istitle(std::string_view s) {
  return text::str_istitle(s);
}
bool text_isascii(std::string_view s) {
  return text::str_isascii(s);
}
bool text_isidentifier(std::string_view s) {
  return text::str_isidentifier(s);
}
bool text_isprintable(std::string_view s) {
  return text::str_isprintable(s);
}

bool format_int_spec(Isolate& I, Value v, std::string_view spec, std::string& out) {
  if (!sandbox::check_format_budget(I, spec, numeric::FormatTarget::Int)) return false;
  return guarded(I, [&] {
    if (v.tag == Tag::Int || v.tag == Tag::Bool) {
      out += numeric::format_int(static_cast<std::int64_t>(v.tag == Tag::Int ? v.i : v.b), spec);
    } else {
      out += numeric::format_int(int_to_big(v), spec);
    }
  });
}

bool format_float_spec(Isolate& I, double v, std::string_view spec, std::string& out) {
  if (!sandbox::check_format_budget(I, spec, numeric::FormatTarget::Float)) return false;
  return guarded(I, [&] { out += numeric::format_float(v, spec); });
}

bool format_str_spec(Isolate& I, std::string_view text, std::string_view spec, std::string& out) {
  if (!sandbox::check_format_budget(I, spec, numeric::FormatTarget::Str)) return false;
  return guarded(I, [&] { out += numeric::format_str(text, spec); });
}

bool round_float(Isolate& I, double x, std::int64_t ndigits, double& out) {
  return guarded(I, [&] { out = numeric::float_round(x, ndigits); });
}

namespace {

bool is_int_value(Value v) {
  return v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt);
}

}  // namespace

Value bigint_pow_mod(Isolate& I, Value base, Value exp, Value mod) {
  if (!is_int_value(base) || !is_int_value(exp) || !is_int_value(mod))
    return raise(I, types().TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
  Value out;
  if (!guarded(I, [&] {
        out = int_from_big(
            I, numeric::BigInt::pow_mod(int_to_big(base), int_to_big(exp), int_to_big(mod)));
      }))
    return Value::exc();
  return out;
}

Value bigint_true_div(Isolate& I, Value a, Value b) {
  double d = 0;
  if (!guarded(I, [&] { d = numeric::BigInt::true_div(int_to_big(a), int_to_big(b)); }))
    return Value::exc();
  return Value::real(d);
}

Value int_bit_length(Isolate& I, Value v) {
  std::uint64_t n = 0;
  if (!guarded(I, [&] { n = int_to_big(v).bit_length(); })) return Value::exc();
  return Value::integer(static_cast<std::int64_t>(n));
}

Value int_bit_count(Isolate& I, Value v) {
  std::uint64_t n = 0;
  if (!guarded(I, [&] { n = int_to_big(v).bit_count(); })) return Value::exc();
  return Value::integer(static_cast<std::int64_t>(n));
}

// The encoding/errors arguments of encode/decode: Undef means the default.
static bool codec_arguments(Isolate& I, const char* fname, Value encoding, Value errors,
                            text::Codec& codec, std::string& handler) {
  for (Value v : {encoding, errors})
    if (!v.is_undef() && !is_str(v)) {
      raise(I, types().TypeError,
            std::string(fname) + "() argument '" + (v.o == encoding.o ? "encoding" : "errors") +
                "' must be str, not " + type_name(v));
      return false;
    }
  std::string_view name = encoding.is_undef() ? "utf-8" : as_str(encoding)->view();
  auto c = text::find_codec(name);
  if (!c) {
    raise(I, types().LookupError, "unknown encoding: " + std::string(name));
    return false;
  }
  codec = *c;
  handler = errors.is_undef() ? "strict" : std::string(as_str(errors)->view());
  return true;
}

Value text_encode(Isolate& I, std::string_view text, Value encoding, Value errors) {
  text::Codec codec;
  std::string handler, out;
  if (!codec_arguments(I, "encode", encoding, errors, codec, handler)) return Value::exc();
  if (auto failure = text::encode(text, codec, handler, out))
    return raise(I, failure->unknown_handler ? types().LookupError : types().UnicodeEncodeError,
                 failure->message);
  return new_bytes(I, out);
}

Value bytes_decode(Isolate& I, std::string_view bytes, Value encoding, Value errors) {
  text::Codec codec;
  std::string handler, out;
  if (!codec_arguments(I, "decode", encoding, errors, codec, handler)) return Value::exc();
  if (auto failure = text::decode(bytes, codec, handler, out))
    return raise(I, failure->unknown_handler ? types().LookupError : types().UnicodeDecodeError,
                 failure->message);
  return new_str(I, out);
}

}  // namespace quire::lang
