// printf-style formatting against CPython. The test drives the pieces the
// way the VM does (fetch star arguments, then the value, dispatch on its
// kind), with tuples of ints, floats and strs.

#include "lang/numeric/percent_format.h"

#include "lang/numeric/float_ops.h"

#include <gtest/gtest.h>

#include <cstring>

#include "lang/text/repr.h"
#include "lang/text/utf8.h"
#include "python_oracle.h"

namespace quire::lang::numeric {
namespace {

using testing::capture;
using testing::run_python;

// An argument as the oracle describes it: "i:123", "f:<bits>", "s:text".
struct Arg {
  char kind;
  std::string text;
};

std::vector<Arg> parse_args(const std::string& encoded) {
  std::vector<Arg> args;
  size_t start = 0;
  while (start < encoded.size()) {
    size_t end = encoded.find('\x1f', start);
    if (end == std::string::npos) end = encoded.size();
    args.push_back({encoded[start], encoded.substr(start + 2, end - start - 2)});
    start = end + 1;
  }
  return args;
}

double as_double(const Arg& arg) {
  const uint64_t bits = std::stoull(arg.text);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

const char* type_name(const Arg& arg) {
  return arg.kind == 'i' ? "int" : arg.kind == 'f' ? "float" : "str";
}

// What the VM does for `format % tuple(args)`.
std::string apply(const std::string& format, const std::vector<Arg>& args) {
  size_t next = 0;
  auto fetch = [&]() -> const Arg& {
    if (next >= args.size()) raise(ErrorKind::TypeError, kPercentNotEnoughArguments);
    return args[next++];
  };
  std::string out;
  for (PercentPiece& piece : parse_percent_format(format)) {
    if (piece.spec.has_key) raise(ErrorKind::TypeError, kPercentRequiresMapping);  // tuples only
    if (piece.is_error) throw piece.error;
    if (!piece.is_spec) {
      out += piece.literal;
      continue;
    }
    PercentSpec& spec = piece.spec;
    if (spec.width_star) {
      const Arg& w = fetch();
      if (w.kind != 'i') raise(ErrorKind::TypeError, kPercentStarWantsInt);
      percent_set_star_width(spec, std::stoll(w.text));
    }
    if (spec.precision_star) {
      const Arg& p = fetch();
      if (p.kind != 'i') raise(ErrorKind::TypeError, kPercentStarWantsInt);
      percent_set_star_precision(spec, std::stoll(p.text));
    }
    const Arg& value = fetch();
    if (!percent_type_supported(spec)) percent_unsupported_character(spec);
    switch (spec.type) {
      case 's':
      case 'r':
      case 'a': {
        std::string shown = value.kind == 'i'   ? value.text
                            : value.kind == 'f' ? float_repr(as_double(value))
                            : spec.type == 's'  ? value.text
                            : spec.type == 'r'  ? text::str_repr(value.text)
                                                : text::str_ascii(value.text);
        out += percent_format_text(spec, shown);
        break;
      }
      default:
        if (value.kind == 'i') {
          const BigInt v = BigInt::parse(value.text);
          const std::string big = percent_format_int(spec, v);
          if (auto small = v.to_int64()) {
            EXPECT_EQ(percent_format_int(spec, *small), big);
          }
          out += big;
        } else if (value.kind == 'f') {
          out += percent_format_float(spec, as_double(value));
        } else if (spec.type == 'c') {
          if (text::count_code_points(value.text) != 1) {
            raise(ErrorKind::TypeError, kPercentCharRequired);
          }
          out += percent_format_text(spec, value.text);
        } else if (spec.type == 'e' || spec.type == 'E' || spec.type == 'f' || spec.type == 'F' ||
                   spec.type == 'g' || spec.type == 'G') {
          raise(ErrorKind::TypeError, percent_real_required_message(type_name(value)));
        } else if (spec.type == 'o' || spec.type == 'x' || spec.type == 'X') {
          raise(ErrorKind::TypeError, percent_integer_required_message(spec.type, "str"));
        } else {
          raise(ErrorKind::TypeError, percent_number_required_message(spec.type, "str"));
        }
    }
  }
  if (next < args.size()) raise(ErrorKind::TypeError, kPercentNotAllConverted);
  return out;
}

TEST(PercentFormatTest, MatchesCPython) {
  auto rows = run_python(R"PY(
import random, struct
random.seed(31)
def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]
def enc(v):
    if isinstance(v, int): return 'i:' + str(v)
    if isinstance(v, float): return 'f:' + str(bits(v))
    return 's:' + v
CASES = [('%05f', (float('inf'),)), ('%-05d', (3,)), ('%05s', ('ab',)), ('%5%', (1,)), ('%%', ()),
         ('%.5d', (-3,)), ('%#.5x', (255,)), ('%+05d', (3,)), ('% d', (3,)), ('%#o', (8,)),
         ('%#5x', (255,)), ('%#05x', (255,)), ('%-#8X|', (255,)), ('%c', ('ab',)), ('%c', (65,)),
         ('%c', (0x110000,)), ('%c', (-1,)), ('%c', ('\u00e9',)), ('%d', (2.7,)), ('%x', (2.7,)),
         ('%d', (float('inf'),)), ('%d', (float('nan'),)), ('%f', ('x',)), ('%d', ('x',)),
         ('%x', ('x',)), ('%s %', (1,)), ('%s %', ()), ('%y', ()), ('%y', (1,)), ('%(a', ()),
         ('%', ()), ('%*d', (5, 1)), ('%-*d|', (5, 1)), ('%*d|', (-5, 1)), ('%.*f', (2, 1.2345)),
         ('%.*f', (-2, 1.2345)), ('%*d', ('x', 1)), ('%ld', (5,)), ('%hd %Li', (5, 6)),
         ('%.3s', ('abcdef',)), ('%10.3s|', ('abcdef',)), ('%r', ('a',)), ('%a', ('\u00e9',)),
         ('%r', ("it's",)), ('%e', (1e100,)), ('%g', (1e-5,)), ('%#g', (1.0,)),
         ('%G', (float('nan'),)), ('%+f', (float('nan'),)), ('%010.2f', (-3.14159,)),
         ('%u', (-5,)), ('%X', (-255,)), ('%#X', (-255,)), ('%d %d', (1,)), ('%d', (1, 2)),
         ('\u00e9%y', (1,)), ('%05c', (65,)), ('%.2c', (65,)), ('%d', (10**30,)),
         ('%.0e', (12345.0,)), ('%#.0f', (1.0,)), ('%0*d', (5, -3)), ('abc', ()), ('abc', (5,)),
         ('%z', (1,)), ('%.', (1,)), ('%5', (1,)), ('%\u00e9', (1,)), ('%s', (1.5,)),
         ('%r', (1e16,)), ('%s|%5s|%-5s|', ('a', 'b', 'c')), ('%x', (10**20,)), ('%o', (-8,)),
         ('%.3d', (5,)), ('%+.3d', (5,)), ('% 5.1f', (2.25,)), ('%-+8.3e|', (-0.0,)),
         ('%i', (3.99,)), ('%e', (10**400,)), ('%f', (10**30,)), ('%.100f', (0.1,)),
         ('%s', ('\U0001F600',)), ('%5s|', ('\u00e9',)), ('%.1s', ('\u00e9t\u00e9',)),
         ('%c%c', (0x1F600, 'x')), ('%#x|%#o|%#X', (0, 0, 0)), ('%+s', ('a',)),
         ('%-5c|', (65,)), ('%3c|', ('\u00e9',)), ('%(key)s', ()), ('%5.3%', (1,))]
FLAGS = ['', '-', '+', ' ', '#', '0', '-0', '+0', '#0', ' 0', '-#', '+#0']
for _ in range(1500):
    t = random.choice('diuoxXeEfFgGcsra')
    spec = '%' + random.choice(FLAGS) + random.choice(['', '1', '5', '12']) + random.choice(['', '.', '.0', '.3', '.12']) + t
    v = random.choice([0, 7, -7, 255, -1234567, 2**70, 0.0, -0.0, 1.5, -2.675, 1e-7, 123456.789, 1e22,
                       float('inf'), 'abc', '\u00e9x'])
    CASES.append((spec, (v,)))
for fmt, args in CASES:
    def run():
        return fmt % args
    row(fmt, '\x1f'.join(enc(a) for a in args), outcome(run))
)PY");
  ASSERT_GT(rows.size(), 1500u);
  for (const auto& r : rows) {
    const std::vector<Arg> args = parse_args(r[1]);
    EXPECT_EQ(capture([&] { return apply(r[0], args); }), r[2]) << "'" << r[0] << "' % " << r[1];
  }
}

}  // namespace
}  // namespace quire::lang::numeric
