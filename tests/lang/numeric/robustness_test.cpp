// Bad input gets a PyError, never a crash: random and malformed text (invalid
// UTF-8 included) through every parser and formatter. Run under the sanitizer
// build (QUIRE_SANITIZE=ON) this also checks memory safety.

#include <gtest/gtest.h>

#include <random>

#include "lang/numeric/bigint.h"
#include "lang/numeric/float_ops.h"
#include "lang/numeric/format_spec.h"
#include "lang/numeric/percent_format.h"
#include "lang/text/repr.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::lang::numeric {
namespace {

std::string random_text(std::mt19937& rng) {
  static const std::string kAlphabet =
      "0123456789abcdefxXoObBpPeE+-_. ,#%*()<>=^zsdgfcnrail\t\n\xc3\xa9\xd9\xa1\xe2\x80\x83";
  std::uniform_int_distribution<int> length(0, 12);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(kAlphabet.size()) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> coin(0, 9);
  std::string s;
  for (int i = length(rng); i > 0; --i) {
    s.push_back(coin(rng) == 0 ? static_cast<char>(byte(rng)) : kAlphabet[pick(rng)]);
  }
  return s;
}

template <typename Fn>
void survives(Fn fn) {
  try {
    fn();
  } catch (const PyError& error) {
    EXPECT_FALSE(error.message.empty() && error.kind != ErrorKind::MemoryError);
  }
}

TEST(RobustnessTest, ParsersAndFormattersOnlyThrowPyError) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = random_text(rng);
    const std::string spec = random_text(rng);
    survives([&] { BigInt::parse(s, 0); });
    survives([&] { BigInt::parse(s, 16); });
    survives([&] { parse_float(s); });
    survives([&] { float_fromhex(s); });
    survives([&] { format_int(int64_t{-1234}, spec); });
    survives([&] { format_int(BigInt::pow(7, 30), spec); });
    survives([&] { format_float(-12.5, spec); });
    survives([&] { format_str(s, spec); });
    survives([&] {
      for (PercentPiece& piece : parse_percent_format(s)) {
        if (!piece.is_spec) continue;
        if (!percent_type_supported(piece.spec)) continue;
        percent_format_int(piece.spec, int64_t{42});
        percent_format_float(piece.spec, 2.5);
        percent_format_text(piece.spec, s);
      }
    });
    EXPECT_FALSE(text::str_repr(s).empty());
    EXPECT_FALSE(text::bytes_repr(s).empty());
    text::str_upper(s);
    text::str_title(s);
    text::str_lower(s);
    text::str_isidentifier(s);
    text::count_code_points(s);
    text::byte_offset_of(s, 3, false);
  }
}

TEST(RobustnessTest, HugeWidthsAndPrecisionsAreRefusedBeforeAllocating) {
  EXPECT_THROW(format_str("x", "99999999999"), PyError);
  EXPECT_THROW(format_int(int64_t{1}, "099999999999"), PyError);
  EXPECT_THROW(format_float(1.0, ".99999999999f"), PyError);
  EXPECT_THROW(format_int(int64_t{1}, "99999999999999999999999"), PyError);
  EXPECT_THROW(format_float(1.0, ".999999999f"), PyError);
  PercentSpec spec;
  spec.type = spec.code = 'f';
  spec.precision = 999999999;
  EXPECT_THROW(percent_format_float(spec, 1.0), PyError);
  spec.type = spec.code = 'd';
  EXPECT_THROW(percent_format_int(spec, int64_t{1}), PyError);
  spec.precision = -1;
  spec.width = 999999999;
  EXPECT_THROW(percent_format_int(spec, int64_t{1}), PyError);
  spec.type = spec.code = 's';
  EXPECT_THROW(percent_format_text(spec, "x"), PyError);
}

}  // namespace
}  // namespace quire::lang::numeric
