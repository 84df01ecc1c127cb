// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Calls into the numeric/text library; its numeric::PyError exceptions
// become Python exceptions of the same class and message here.

#include "lang/lib/text_bridge.h"

#include "lang/numeric/error.h"
#include "lang/numeric/float_ops.h"
#include "lang/numeric/format_spec.h"
#include "lang/object/bigint.h"
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

Type* error_type(numeric::ErrorKind kind) {
  const BuiltinTypes& T = types();
  switch (kind) {
    case numeric::ErrorKind::ValueError:
      return T.ValueError;
    case numeric::ErrorKind::TypeError:
      return T.TypeError;
    case numeric::ErrorKind::OverflowError:
      return T.OverflowError;
    case numeric::ErrorKind::ZeroDivisionError:
      return T.ZeroDivisionError;
    case numeric::ErrorKind::IndexError:
      return T.IndexError;
    case numeric::ErrorKind::KeyError:
      return T.KeyError;
    case numeric::ErrorKind::MemoryError:
      return T.MemoryError;
  }
  return T.ValueError;
}

// Runs `f`, turning a numeric::PyError into the pending Python exception.
template <class F>
bool guarded(Isolate& I, F&& f) {
  try {
    f();
    return true;
  } catch (const numeric::PyError& e) {
    raise(I, error_type(e.kind), e.message);
    return false;
  }
}

bool format_int_spec(Isolate& I, Value v, std::string_view spec, std::string& out) {
  return guarded(I, [&] {
    if (v.tag == Tag::Int || v.tag == Tag::Bool) {
      out += numeric::format_int(static_cast<std::int64_t>(v.tag == Tag::Int ? v.i : v.b), spec);
    } else {
      out += numeric::format_int(numeric::BigInt::parse(bigint_to_string(v), 10), spec);
    }
  });
}

bool format_float_spec(Isolate& I, double v, std::string_view spec, std::string& out) {
  return guarded(I, [&] { out += numeric::format_float(v, spec); });
}

bool format_str_spec(Isolate& I, std::string_view text, std::string_view spec, std::string& out) {
  return guarded(I, [&] { out += numeric::format_str(text, spec); });
}

bool round_float(Isolate& I, double x, std::int64_t ndigits, double& out) {
  return guarded(I, [&] { out = numeric::float_round(x, ndigits); });
}

}  // namespace quire::lang
