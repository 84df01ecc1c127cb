// Float semantics against CPython: repr of thousands of random doubles,
// float(str), floor division/modulo, pow, round, hash, as_integer_ratio.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "lang/numeric/float_ops.h"
#include "python_oracle.h"

namespace quire::lang::numeric {
namespace {

using testing::capture;
using testing::run_python;

double from_bits(const std::string& text) {
  const uint64_t bits = std::stoull(text);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// Doubles as their bit patterns, so the oracle's values reach us exactly.
constexpr const char* kDoubles = R"PY(
import random, struct, math
random.seed(99)
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]
EDGE = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1/3, 2.675, 1e16, 1e15,
        123456789012345678.0, 9999999999999998.0, 1e-4, 1e-5, 0.0001234, 1e22, 1e23, 5e-324,
        2.2250738585072014e-308, 1.7976931348623157e308, float('inf'), float('-inf'),
        float('nan'), 123.0, 1234.5, -1234.5678, 0.125, 0.375, 7.0, -7.0, 3.14159, 1e100,
        2.0**53, 2.0**63, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.5e-5, 99.995]
RANDOM = [from_bits(random.getrandbits(64)) for _ in range(1500)]
RANDOM = [x for x in RANDOM if not math.isnan(x)]
NICE = [round(random.uniform(-1e6, 1e6), random.randrange(8)) for _ in range(800)]
NICE += [random.uniform(-1, 1) * 10.0 ** random.randrange(-30, 30) for _ in range(800)]
DOUBLES = EDGE + RANDOM + NICE
)PY";

TEST(FloatTest, ReprMatchesCPythonForThousandsOfDoubles) {
  auto rows = run_python(std::string(kDoubles) + R"PY(
for x in DOUBLES:
    row(bits(x), repr(x))
)PY");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) EXPECT_EQ(float_repr(from_bits(r[0])), r[1]);
}

TEST(FloatTest, ParseRoundTripsReprAndMatchesCPython) {
  auto rows = run_python(std::string(kDoubles) + R"PY(
for x in DOUBLES[:1500]:
    row(repr(x), bits(x))
CASES = ['  1_000.5 ', 'inf', '-Infinity', '+INF', 'nan', '-nan', 'NaN', '1e5', '1E-5', '.5', '5.',
         '.', '', ' ', 'e5', '1e', '1e+', '1_e5', '1__0', '_1', '1_', '1._5', '0x10', '1.5.5',
         'infinit', 'in', '1e500', '-1e500', '1e-400', '-1e-400', '\u0661.\u0662', '\u20031.5\u2003',
         'abc', '12abc', '1 2', '+-1', '--1', '1e1_0', '0_0.0_1', '  -0.0', '4.9e-324', '2.4e-324',
         '1.7976931348623158e308', '1.7976931348623159e308', "it's", '9' * 400, '0.' + '0' * 400 + '1']
for text in CASES:
    row(text, outcome(lambda: bits(float(text))))
)PY");
  ASSERT_GT(rows.size(), 1500u);
  for (const auto& r : rows) {
    EXPECT_EQ(capture([&] {
                double d = parse_float(r[0]);
                uint64_t bits;
                std::memcpy(&bits, &d, sizeof bits);
                if (std::isnan(d))
                  bits = std::signbit(d) ? 18444492273895866368ULL : 9221120237041090560ULL;
                return std::to_string(bits);
              }),
              r[1])
        << "float(" << r[0] << ")";
  }
}

TEST(FloatTest, DivisionModuloAndPowMatchCPython) {
  auto rows = run_python(std::string(kDoubles) + R"PY(
OPS = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 7.5, -7.5, 1e300, -1e-300, 0.1, 2.5,
       -3.0, 10.0, float('inf'), float('-inf'), float('nan'), 1e-320]
def pow_or_complex(x, y):
    try:
        r = x ** y
    except OverflowError as e:
        if 'complex' in str(e):  # a complex result that overflowed: still complex
            return 'complex'
        raise
    return 'complex' if isinstance(r, complex) else r
def show(f):
    return outcome(lambda: repr(f()))
PAIRS = [(x, y) for x in OPS for y in OPS]
PAIRS += [(random.uniform(-1e3, 1e3), random.uniform(-50, 50)) for _ in range(400)]
PAIRS += [(random.choice(DOUBLES), random.choice(DOUBLES)) for _ in range(400)]
PAIRS += [(random.uniform(0.1, 3), random.uniform(-40, 40)) for _ in range(200)]
for x, y in PAIRS:
    row(bits(x), bits(y), show(lambda: x / y), show(lambda: x // y), show(lambda: x % y),
        show(lambda: divmod(x, y)), show(lambda: pow_or_complex(x, y)))
)PY");
  ASSERT_GT(rows.size(), 400u);
  for (const auto& r : rows) {
    const double x = from_bits(r[0]), y = from_bits(r[1]);
    SCOPED_TRACE(float_repr(x) + " op " + float_repr(y));
    EXPECT_EQ(capture([&] { return float_repr(float_true_div(x, y)); }), r[2]);
    EXPECT_EQ(capture([&] { return float_repr(float_floor_div(x, y)); }), r[3]);
    EXPECT_EQ(capture([&] { return float_repr(float_mod(x, y)); }), r[4]);
    EXPECT_EQ(capture([&] {
                auto [q, m] = float_divmod(x, y);
                std::string out = "(";
                out += float_repr(q);
                out += ", ";
                out += float_repr(m);
                out += ")";
                return out;
              }),
              r[5]);
    if (r[6] == "'complex'") {
      EXPECT_EQ(capture([&] { return float_repr(float_pow(x, y)); }),
                "!ValueError: negative number cannot be raised to a fractional power");
    } else {
      EXPECT_EQ(capture([&] { return float_repr(float_pow(x, y)); }), r[6]);
    }
  }
}

TEST(FloatTest, RoundMatchesCPython) {
  auto rows = run_python(std::string(kDoubles) + R"PY(
for x in DOUBLES[:600] + DOUBLES[-400:]:
    row(bits(x), outcome(lambda: round(x)), *[outcome(lambda: repr(round(x, n)))
        for n in (0, 1, 2, 3, 5, -1, -2, -5, 17, 300, 400, -307, -400)])
)PY");
  ASSERT_GT(rows.size(), 900u);
  const int64_t ndigits[] = {0, 1, 2, 3, 5, -1, -2, -5, 17, 300, 400, -307, -400};
  for (const auto& r : rows) {
    const double x = from_bits(r[0]);
    SCOPED_TRACE(float_repr(x));
    EXPECT_EQ(capture([&] { return BigInt::from_double(float_round_half_even(x)).to_string(); }),
              r[1]);
    for (size_t i = 0; i < std::size(ndigits); ++i) {
      EXPECT_EQ(capture([&] { return float_repr(float_round(x, ndigits[i])); }), r[2 + i])
          << "ndigits " << ndigits[i];
    }
  }
}

TEST(FloatTest, IntRoundWithNegativeDigitsMatchesCPython) {
  auto rows = run_python(R"PY(
import random
random.seed(5)
VALUES = [0, 5, 15, 25, -25, 1250, 1350, -1250, 149, 150, 151, 10**20 + 5 * 10**5, -(2**70)]
VALUES += [random.randrange(-10**12, 10**12) for _ in range(200)]
for v in VALUES:
    for n in (0, 3, -1, -2, -3, -6, -25, -40):
        row(v, n, round(v, n))
)PY");
  ASSERT_GT(rows.size(), 1000u);
  for (const auto& r : rows) {
    EXPECT_EQ(int_round(BigInt::parse(r[0]), std::stoll(r[1])).to_string(), r[2])
        << "round(" << r[0] << ", " << r[1] << ")";
  }
}

TEST(FloatTest, HashRatioAndIsIntegerMatchCPython) {
  auto rows = run_python(std::string(kDoubles) + R"PY(
for x in DOUBLES:
    if x != x:
        continue
    row(bits(x), hash(x), outcome(lambda: '%d/%d' % x.as_integer_ratio()), x.is_integer())
)PY");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) {
    const double x = from_bits(r[0]);
    SCOPED_TRACE(float_repr(x));
    EXPECT_EQ(std::to_string(hash_double(x)), r[1]);
    EXPECT_EQ(capture([&] {
                auto [n, d] = float_as_integer_ratio(x);
                return n.to_string() + "/" + d.to_string();
              }),
              r[2]);
    EXPECT_EQ(float_is_integer(x) ? "True" : "False", r[3]);
  }
}

}  // namespace
}  // namespace quire::lang::numeric

namespace quire::lang::numeric {
namespace {

TEST(FloatTest, HexAndFromHexMatchCPython) {
  auto rows = testing::run_python(std::string(kDoubles) + R"PY(
for x in DOUBLES:
    row(bits(x), x.hex())
CASES = ['0x1.8p1', '-0x1p-1074', '0x1p-1075', '0x3p-1076', '0x1.fffffffffffff8p1023',
         '0x1.fffffffffffff7p1023', '0x1p1024', 'inf', '-Infinity', 'nan', '  0x10  ', '1', 'x',
         '0x', '0x.8', '0x1.', '.p1', '0xp1', '0x1p', '0x1p+', '1e5', '0X1P-2', '0x1.0000000000000801p0',
         '0x1.00000000000008p0', '0x1.00000000000018p0', '0x' + 'f' * 300 + 'p-1200', '0x1p99999999999',
         '0x1p-99999999999', '-0x0p0', '0x1 p1', 'infinit']
for text in CASES:
    row('fromhex', text, outcome(lambda: bits(float.fromhex(text))))
)PY");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) {
    if (r.size() == 2) {
      EXPECT_EQ(float_hex(from_bits(r[0])), r[1]);
      continue;
    }
    EXPECT_EQ(testing::capture([&] {
                const double d = float_fromhex(r[1]);
                uint64_t bits;
                std::memcpy(&bits, &d, sizeof bits);
                return std::to_string(bits);
              }),
              r[2])
        << "fromhex(" << r[1] << ")";
  }
}

}  // namespace
}  // namespace quire::lang::numeric
