// BigInt and the int64 fast path against CPython, over a table of edge values
// (int64 boundaries, 2**53 neighbours, huge values) and fixed-seed random ones.

#include "lang/numeric/bigint.h"

#include <gtest/gtest.h>

#include <cstring>

#include "lang/numeric/int64_ops.h"
#include "python_oracle.h"

namespace quire::lang::numeric {
namespace {

using testing::capture;
using testing::run_python;

// Reads a decimal literal without going through BigInt::parse.
BigInt dec(const std::string& text) {
  BigInt value;
  EXPECT_EQ(mpz_set_str(value.raw(), text.c_str(), 10), 0) << text;
  return value;
}

std::string bits_of(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return std::to_string(bits);
}

constexpr const char* kValues = R"PY(
import random, struct
random.seed(1234)
EDGE = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, -256, 2**31, -2**31, 2**32 + 1,
        2**53 - 1, 2**53, 2**53 + 1, -(2**53 + 1), 2**54 + 3, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
        2**64, -2**64 + 1, 10**18, 10**19 + 7, -10**30, 3**100, -(3**100), 2**1023 + 2**970,
        2**1024 - 2**970, 2**1024 - 2**971, 2**1024, -(2**1100) + 1, 12345678901234567890123]
VALUES = EDGE + [random.randrange(-2**200, 2**200) >> random.randrange(200) for _ in range(40)]
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
)PY";

TEST(BigIntTest, BinaryOperationsMatchCPython) {
  auto rows = run_python(std::string(kValues) + R"PY(
def safe_div(a, b):
    return bits(a / b)
for a in VALUES:
    for b in VALUES[:30] + VALUES[-8:]:
        row(a, b, a + b, a - b, a * b, outcome(lambda: a // b), outcome(lambda: a % b),
            outcome(lambda: safe_div(a, b)), a & b, a | b, a ^ b, (a > b) - (a < b),
            outcome(lambda: divmod(a, b)[0]))
)PY");
  ASSERT_GT(rows.size(), 2000u);
  for (const auto& r : rows) {
    const BigInt a = dec(r[0]), b = dec(r[1]);
    SCOPED_TRACE(r[0] + " op " + r[1]);
    EXPECT_EQ((a + b).to_string(), r[2]);
    EXPECT_EQ((a - b).to_string(), r[3]);
    EXPECT_EQ((a * b).to_string(), r[4]);
    EXPECT_EQ(capture([&] { return BigInt::floor_div(a, b).to_string(); }), r[5]);
    EXPECT_EQ(capture([&] { return BigInt::floor_mod(a, b).to_string(); }), r[6]);
    EXPECT_EQ(capture([&] { return bits_of(BigInt::true_div(a, b)); }), r[7]);
    EXPECT_EQ((a & b).to_string(), r[8]);
    EXPECT_EQ((a | b).to_string(), r[9]);
    EXPECT_EQ((a ^ b).to_string(), r[10]);
    EXPECT_EQ(std::to_string(compare(a, b)), r[11]);
    EXPECT_EQ(capture([&] { return BigInt::floor_divmod(a, b).quotient.to_string(); }), r[12]);
  }
}

TEST(BigIntTest, UnaryOperationsAndConversionsMatchCPython) {
  auto rows = run_python(std::string(kValues) + R"PY(
for a in VALUES:
    row(a, -a, abs(a), ~a, a.bit_length(), hash(a), outcome(lambda: bits(float(a))),
        bin(a), oct(a), hex(a), a >> 3, a >> 70, a << 5, a << 100, a % 2 == 1)
)PY");
  ASSERT_GT(rows.size(), 60u);
  for (const auto& r : rows) {
    const BigInt a = dec(r[0]);
    SCOPED_TRACE(r[0]);
    EXPECT_EQ((-a).to_string(), r[1]);
    EXPECT_EQ(a.abs().to_string(), r[2]);
    EXPECT_EQ((~a).to_string(), r[3]);
    EXPECT_EQ(std::to_string(a.bit_length()), r[4]);
    EXPECT_EQ(std::to_string(a.hash()), r[5]);
    EXPECT_EQ(capture([&] { return bits_of(a.to_double()); }), r[6]);
    EXPECT_EQ(a.to_prefixed_string(2), r[7]);
    EXPECT_EQ(a.to_prefixed_string(8), r[8]);
    EXPECT_EQ(a.to_prefixed_string(16), r[9]);
    EXPECT_EQ(BigInt::rshift(a, 3).to_string(), r[10]);
    EXPECT_EQ(BigInt::rshift(a, 70).to_string(), r[11]);
    EXPECT_EQ(BigInt::lshift(a, 5).to_string(), r[12]);
    EXPECT_EQ(BigInt::lshift(a, 100).to_string(), r[13]);
    EXPECT_EQ(a.is_odd() ? "True" : "False", r[14]);
    if (auto small = a.to_int64()) {
      EXPECT_EQ(std::to_string(hash_int64(*small)), r[5]);
      EXPECT_EQ(std::to_string(numeric::bit_length(*small)), r[4]);
      EXPECT_EQ(std::to_string(numeric::rshift(*small, 3)), r[10]);
      EXPECT_EQ(std::to_string(numeric::rshift(*small, 70)), r[11]);
      auto shifted = checked_lshift(*small, 5);
      if (shifted) {
        EXPECT_EQ(std::to_string(*shifted), r[12]);
      } else {
        EXPECT_FALSE(dec(r[12]).fits_int64());
      }
    }
  }
}

TEST(BigIntTest, Int64FastPathMatchesCPythonOrReportsOverflow) {
  auto rows = run_python(std::string(kValues) + R"PY(
SMALL = [v for v in VALUES if -2**63 <= v < 2**63]
for a in SMALL:
    for b in SMALL:
        row(a, b, a + b, a - b, a * b, outcome(lambda: a // b), outcome(lambda: a % b),
            outcome(lambda: divmod(a, b)[1]), outcome(lambda: bits(a / b)))
)PY");
  ASSERT_GT(rows.size(), 1000u);
  auto check = [](std::optional<int64_t> ours, const std::string& expected) {
    if (ours) {
      EXPECT_EQ(std::to_string(*ours), expected);
    } else {
      EXPECT_FALSE(dec(expected).fits_int64()) << expected;
    }
  };
  for (const auto& r : rows) {
    const int64_t a = std::stoll(r[0]), b = std::stoll(r[1]);
    SCOPED_TRACE(r[0] + " op " + r[1]);
    check(checked_add(a, b), r[2]);
    check(checked_sub(a, b), r[3]);
    check(checked_mul(a, b), r[4]);
    if (r[5][0] == '!') {
      EXPECT_EQ(capture([&] { return std::to_string(*floor_div(a, b)); }), r[5]);
    } else {
      check(floor_div(a, b), r[5]);
    }
    EXPECT_EQ(capture([&] { return std::to_string(floor_mod(a, b)); }), r[6]);
    EXPECT_EQ(capture([&] {
                auto dm = floor_divmod(a, b);
                return dm ? std::to_string(dm->remainder) : std::string("0");
              }),
              r[7]);
    EXPECT_EQ(capture([&] { return bits_of(int64_true_div(a, b)); }), r[8]);
  }
}

TEST(BigIntTest, PowersMatchCPython) {
  auto rows = run_python(std::string(kValues) + R"PY(
for a in VALUES[:40]:
    for e in [0, 1, 2, 3, 5, 17, 64]:
        row(a, e, format(a ** e, 'x'))
for a in VALUES[:30]:
    for e in [0, 1, 5, -1, -3, 2**70 + 1]:
        for m in [1, -1, 7, -7, 10, 2**61 - 1, -(2**100), 0]:
            row(a, e, m, outcome(lambda: pow(a, e, m)))
)PY");
  ASSERT_GT(rows.size(), 1000u);
  for (const auto& r : rows) {
    if (r.size() == 3) {
      EXPECT_EQ(BigInt::pow(dec(r[0]), std::stoull(r[1])).to_string_base(16), r[2])
          << r[0] << "**" << r[1];
      auto small = dec(r[0]).to_int64();
      auto result = small ? checked_pow(*small, std::stoll(r[1])) : std::nullopt;
      if (result) {
        EXPECT_EQ(BigInt(*result).to_string_base(16), r[2]);
      } else if (small) {
        EXPECT_GT(r[2].size(), 15u);  // needs more than 63 bits
      }
      continue;
    }
    const BigInt a = dec(r[0]), e = dec(r[1]), m = dec(r[2]);
    SCOPED_TRACE("pow(" + r[0] + ", " + r[1] + ", " + r[2] + ")");
    EXPECT_EQ(capture([&] { return BigInt::pow_mod(a, e, m).to_string(); }), r[3]);
    if (a.fits_int64() && e.fits_int64() && m.fits_int64()) {
      EXPECT_EQ(capture([&] {
                  return std::to_string(pow_mod(*a.to_int64(), *e.to_int64(), *m.to_int64()));
                }),
                r[3]);
    }
  }
}

TEST(BigIntTest, ComparisonWithFloatIsExact) {
  auto rows = run_python(std::string(kValues) + R"PY(
FLOATS = [0.0, -0.0, 1.0, -1.5, 0.5, 2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 1e30, -1e300,
          9223372036854774784.0, -9223372036854774784.0, -7.5, 7.25, -2.0**53 - 2, 2.0**62,
          float(2**1023 + 2**970), 1.7976931348623157e308, float('inf'), float('-inf'), float('nan')]
for a in VALUES:
    for f in FLOATS:
        row(a, bits(f), 'nan' if f != f else (a > f) - (a < f))
import math
for _ in range(3000):
    a = random.randrange(-2**63, 2**63) >> random.randrange(64)
    f = float(a)
    f = random.choice([f, math.nextafter(f, math.inf), math.nextafter(f, -math.inf), f + 0.5, -f])
    row(a, bits(f), (a > f) - (a < f))
)PY");
  ASSERT_GT(rows.size(), 500u);
  for (const auto& r : rows) {
    uint64_t fbits = std::stoull(r[1]);
    double f;
    std::memcpy(&f, &fbits, sizeof f);
    auto c = dec(r[0]).compare_with_double(f);
    EXPECT_EQ(c ? std::to_string(*c) : "nan", r[2]) << r[0] << " vs " << f;
    if (auto small = dec(r[0]).to_int64()) {
      auto c64 = compare_int64_double(*small, f);
      EXPECT_EQ(c64 ? std::to_string(*c64) : "nan", r[2]) << r[0] << " vs " << f;
    }
  }
}

TEST(BigIntTest, FromDoubleTruncatesAndRefusesInfAndNan) {
  auto rows = run_python(R"PY(
import struct, random
random.seed(7)
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
FLOATS = [0.0, -0.0, 0.5, -0.5, 1.9999, -2.5, 1e16, 2.0**63, -2.0**63, 1e300, 5e-324,
          -9223372036854774784.0, 9223372036854774784.0, -9.3e18, 9.3e18,
          float('inf'), float('-inf'), float('nan')]
FLOATS += [random.uniform(-1e20, 1e20) for _ in range(50)]
for f in FLOATS:
    row(bits(f), outcome(lambda: int(f)))
)PY");
  ASSERT_GT(rows.size(), 50u);
  for (const auto& r : rows) {
    uint64_t fbits = std::stoull(r[0]);
    double f;
    std::memcpy(&f, &fbits, sizeof f);
    EXPECT_EQ(capture([&] { return BigInt::from_double(f).to_string(); }), r[1]);
    EXPECT_EQ(capture([&] {
                auto small = int64_from_double(f);
                return small ? std::to_string(*small) : BigInt::from_double(f).to_string();
              }),
              r[1]);
  }
}

TEST(BigIntTest, ParseMatchesCPythonInt) {
  auto rows = run_python(R"PY(
CASES = [('0', 10), ('  42  ', 10), ('-17', 10), ('+5', 10), ('1_000', 10), ('1__0', 10),
         ('_1', 10), ('1_', 10), ('', 10), (' ', 10), ('x', 10), ('12a', 10), ('0x1f', 16),
         ('0x_1f', 16), ('0x__1f', 16), ('1f', 16), ('FF', 16), ('0b101', 0), ('0o17', 0),
         ('0x1F', 0), ('010', 0), ('0_0', 0), ('00', 0), ('0', 0), ('0b', 0), ('0x', 16),
         ('z', 36), ('Z', 36), ('10', 2), ('2', 2), ('0b12', 0), ('1', 1), ('1', 37), ('1', -1),
         ('\u0661\u0662', 10), ('\u00a012\u2003', 10), ('\x1c12', 10), ('12\x00', 10),
         ('9' * 4300, 10), ('9' * 4301, 10), ('1' * 5000, 16), ('x' * 300, 10),
         ('caf\u00e9', 10), ("it's", 10), ('-0', 10), ('- 1', 10), ('\t\n 7\r\f\v', 10),
         ('1_2_3', 8), ('8', 8), ('0o8', 0), ('0B1', 2), ('0O7', 8), ('0X_a', 0)]
for text, base in CASES:
    row(text, base, outcome(lambda: str(int(text, base)) if len(text) < 4000 else
                            str(int(text, base) % 1000003)))
)PY");
  ASSERT_GT(rows.size(), 40u);
  for (const auto& r : rows) {
    SCOPED_TRACE("int(" + r[0].substr(0, 60) + ", " + r[1] + ")");
    EXPECT_EQ(capture([&] {
                BigInt v = BigInt::parse(r[0], std::stoi(r[1]));
                if (r[0].size() >= 4000) v = BigInt::floor_mod(v, 1000003);
                return v.to_string();
              }),
              r[2]);
  }
}

TEST(BigIntTest, StrRefusesMoreThan4300Digits) {
  auto rows = run_python(R"PY(
for n in [4299, 4300, 4301, 5000, 20000]:
    row(n, outcome(lambda: len(str(10 ** n - 1))), outcome(lambda: len(str(-(10 ** n) + 1))))
)PY");
  for (const auto& r : rows) {
    const BigInt v = BigInt::pow(10, std::stoull(r[0])) - 1;
    EXPECT_EQ(capture([&] { return std::to_string(v.to_string().size()); }), r[1]);
    EXPECT_EQ(capture([&] { return std::to_string((-v).to_string().size()); }), r[2]);
  }
}

TEST(BigIntTest, BytesAndBitCountMatchCPython) {
  auto rows = run_python(std::string(kValues) + R"PY(
for a in VALUES[:40]:
    row('count', a, a.bit_count())
    for length in (0, 1, 2, 8, 9, 20):
        for order in ('big', 'little'):
            for signed in (False, True):
                row('to', a, length, order, signed,
                    outcome(lambda: a.to_bytes(length, order, signed=signed).hex()))
for n in range(60):
    b = bytes(random.randrange(256) for _ in range(random.randrange(12)))
    for order in ('big', 'little'):
        for signed in (False, True):
            row('from', b.hex(), order, signed, int.from_bytes(b, order, signed=signed))
row('to', 1, -1, 'big', False, outcome(lambda: (1).to_bytes(-1, 'big')))
)PY");
  ASSERT_GT(rows.size(), 1000u);
  auto to_hex = [](const std::string& bytes) {
    std::string hex;
    for (unsigned char c : bytes) {
      char buffer[3];
      std::snprintf(buffer, sizeof buffer, "%02x", c);
      hex += buffer;
    }
    return hex;
  };
  for (const auto& r : rows) {
    if (r[0] == "count") {
      EXPECT_EQ(std::to_string(dec(r[1]).bit_count()), r[2]) << r[1];
    } else if (r[0] == "to") {
      EXPECT_EQ(
          capture([&] {
            return to_hex(dec(r[1]).to_bytes(std::stoll(r[2]), r[3] == "little", r[4] == "True"));
          }),
          r[5])
          << r[1] << ".to_bytes(" << r[2] << ", " << r[3] << ", " << r[4] << ")";
    } else {
      std::string bytes;
      for (size_t i = 0; i + 1 < r[1].size(); i += 2) {
        bytes.push_back(static_cast<char>(std::stoi(r[1].substr(i, 2), nullptr, 16)));
      }
      EXPECT_EQ(BigInt::from_bytes(bytes, r[2] == "little", r[3] == "True").to_string(), r[4])
          << r[1];
    }
  }
}

TEST(BigIntTest, ShiftErrorsAndEstimates) {
  EXPECT_EQ(capture([] { return BigInt::lshift(1, -1).to_string(); }),
            "!ValueError: negative shift count");
  EXPECT_EQ(capture([] { return BigInt::rshift(1, -1).to_string(); }),
            "!ValueError: negative shift count");
  EXPECT_EQ(capture([] { return std::to_string(numeric::rshift(1, -1)); }),
            "!ValueError: negative shift count");
  EXPECT_EQ(capture([] { return BigInt::lshift(1, BigInt::pow(2, 70)).to_string(); }),
            "!OverflowError: too many digits in integer");
  EXPECT_EQ(BigInt::lshift(0, BigInt::pow(2, 70)).to_string(), "0");
  EXPECT_EQ(BigInt::rshift(-5, BigInt::pow(2, 70)).to_string(), "-1");
  // 2 ** 10 ** 10 has 10**10 + 1 bits: the estimate must say at least that.
  EXPECT_GE(estimate_pow_bits(2, 10000000000ULL), 10000000001ULL);
  EXPECT_EQ(estimate_pow_bits(BigInt::pow(10, 100), UINT64_MAX), UINT64_MAX);
  EXPECT_LE(estimate_pow_bits(1, UINT64_MAX), 1u);
  EXPECT_GE(estimate_mul_bits(BigInt::pow(2, 100), BigInt::pow(2, 100)), 201u);
  EXPECT_GE(estimate_lshift_bits(1, 1000), 1001u);
}

}  // namespace
}  // namespace quire::lang::numeric
