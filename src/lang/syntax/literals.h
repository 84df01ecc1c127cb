#pragma once
// Decoding of literal token text: string bodies (escapes) and numbers.

#include <cstdint>
#include <string>
#include <string_view>

namespace quire::lang::syntax {

struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool unicode = false;  // an explicit u prefix (CPython's Constant.kind == 'u')
  int prefix_length = 0;
  int quote_length = 1;  // 1 or 3
};

// Splits a STRING token into its prefix and body (between the quotes).
StringPrefix parse_string_prefix(std::string_view token, std::string_view& body);

// Decodes the escapes of a (non-raw) string or bytes body. Returns false and
// sets `error` to CPython's message ("(unicode error) ...") on a bad escape.
// For str bodies the result is UTF-8; for bytes it is the raw byte values.
bool decode_escapes(std::string_view body, bool bytes, std::string& out, std::string& error);

struct NumberValue {
  enum class Kind : std::uint8_t { Int, Float, Imaginary } kind = Kind::Int;
  bool int_is_big = false;
  std::int64_t int_value = 0;
  std::string big_digits;  // decimal digits when int_is_big
  double float_value = 0.0;
  bool too_large = false;  // a non-decimal literal beyond kMaxNonDecimalDigits digits
};

inline constexpr std::size_t kMaxNonDecimalDigits = 20000;

// Converts a NUMBER token (already validated by the tokenizer).
NumberValue parse_number(std::string_view text);

}  // namespace quire::lang::syntax
