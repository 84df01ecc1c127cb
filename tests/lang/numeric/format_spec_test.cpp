// format(value, spec) for int, float and str against CPython: edge specs and
// thousands of random specs (fixed seed), including every error message.

#include "lang/numeric/format_spec.h"

#include <gtest/gtest.h>

#include <cstring>

#include "python_oracle.h"

namespace quire::lang::numeric {
namespace {

using testing::capture;
using testing::run_python;

constexpr const char* kSpecs = R"PY(
import random, struct
random.seed(2024)
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
def random_spec(types):
    s = ''
    r = random.random
    if r() < 0.3:
        s += random.choice(['', '*', '0', ' ', '\u00e9', 'x']) + random.choice('<>=^')
    if r() < 0.3: s += random.choice('+- ')
    if r() < 0.1: s += 'z'
    if r() < 0.2: s += '#'
    if r() < 0.2: s += '0'
    if r() < 0.5: s += str(random.randrange(0, 25))
    if r() < 0.2: s += random.choice([',', '_'])
    if r() < 0.4: s += '.' + str(random.randrange(0, 20))
    if r() < 0.8: s += random.choice(types)
    return s
EDGE_SPECS = ['', 'd', 'x', 'X', '#x', '#X', '#o', '#b', 'b', 'o', 'c', 'n', ',', '_', ',d', '_x',
              '_b', '_o', ',x', '08,', '010,', '0=10,', 'x=10,', '+', ' ', '-', '=+10', '^10',
              '<10', '>10', '*^11,', '.2', '.0', '.', '10.', 'abc', '5.2ff', 'z', 'z.1f', 'e', 'E',
              'f', 'F', 'g', 'G', '%', '.3%', '>10.2%', ',.2f', '_.3f', '.3', '.17g', '#g', '#.0e',
              '#.0f', '.0f', '.0e', '.0g', '#.3g', '012.4f', '+.3e', '\u00e9', ',\u00e9', '\x01',
              '_c', ',s', 's', '=5', '05', '#', '+s', 'z5', '10000000000000000000000',
              '.10000000000000000000000', ',_', '_,', '0>5', '\u00e9^7', ' =8', '+#010x', '#_b',
              '=', '+c', '#c', '.2c', '<', 'n', '010n', ',n', 'zd', '.1d']
INTS = [0, 1, -1, 7, -7, 42, 255, -255, 1234, -1234567, 10**15, 2**63, -2**63 - 1, 65, 0x10ffff,
        0x110000, 3**40, -(3**45)]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 0.1, 1/3, 1234.5, -1234.5678, 1e16, 1e15, 1e-5,
          1e-4, 123456789.0, 1.5e300, -1e-300, 5e-324, 1e22, 0.125, 2.675, 99.995, 0.05,
          float('inf'), float('-inf'), float('nan'), 12345678901234567890.0, 1e100]
STRS = ['', 'a', 'abc', 'hello world', 'caf\u00e9', '\u00e9\u00e8\u00ea\u00eb', 'tab\there',
        '\U0001F600x', "it's"]
)PY";

std::string bits_to_repr_double(const std::string& bits_text, double& out) {
  const uint64_t bits = std::stoull(bits_text);
  std::memcpy(&out, &bits, sizeof out);
  return bits_text;
}

TEST(FormatSpecTest, IntsMatchCPython) {
  auto rows = run_python(std::string(kSpecs) + R"PY(
specs = EDGE_SPECS + [random_spec('bcdoxXneEfFgG%s') for _ in range(700)]
for v in INTS:
    for s in specs:
        row(v, s, outcome(lambda: format(v, s)))
)PY");
  ASSERT_GT(rows.size(), 10000u);
  for (const auto& r : rows) {
    const BigInt v = BigInt::parse(r[0]);
    EXPECT_EQ(capture([&] { return format_int(v, r[1]); }), r[2])
        << "format(" << r[0] << ", '" << r[1] << "')";
    if (auto small = v.to_int64()) {
      EXPECT_EQ(capture([&] { return format_int(*small, r[1]); }), r[2]);
    }
  }
}

TEST(FormatSpecTest, FloatsMatchCPython) {
  auto rows = run_python(std::string(kSpecs) + R"PY(
random.seed(77)
specs = EDGE_SPECS + [random_spec('eEfFgGn%') for _ in range(500)]
values = FLOATS + [random.uniform(-1, 1) * 10.0 ** random.randrange(-20, 25) for _ in range(40)]
for v in values:
    for s in specs:
        row(bits(v), s, outcome(lambda: format(v, s)))
)PY");
  ASSERT_GT(rows.size(), 30000u);
  for (const auto& r : rows) {
    double v;
    bits_to_repr_double(r[0], v);
    EXPECT_EQ(capture([&] { return format_float(v, r[1]); }), r[2])
        << "format(" << v << ", '" << r[1] << "')";
  }
}

TEST(FormatSpecTest, StringsMatchCPython) {
  auto rows = run_python(std::string(kSpecs) + R"PY(
random.seed(5)
specs = EDGE_SPECS + [random_spec('s') for _ in range(300)] + [random_spec('sd') for _ in range(50)]
for v in STRS:
    for s in specs:
        row(v, s, outcome(lambda: format(v, s)))
)PY");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) {
    EXPECT_EQ(capture([&] { return format_str(r[0], r[1]); }), r[2])
        << "format('" << r[0] << "', '" << r[1] << "')";
  }
}

}  // namespace
}  // namespace quire::lang::numeric
