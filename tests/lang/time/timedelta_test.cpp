// timedelta against CPython: normalisation, str/repr, the float
// constructor's rounding, and arithmetic with its errors, on random values.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/timedelta.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::g17;
using testing::run_python;

constexpr const char* kPythonR = "";  // r() is in the prelude

std::string py_float(double v) {
  std::string out = "float('";
  out += g17(v);
  out += "')";
  return out;
}

TEST(DatetimeTimeDelta, NormalisationStrReprAndTotalSecondsMatchCPython) {
  std::mt19937_64 rng(20240105);
  std::uniform_int_distribution<int64_t> small(-2000000, 2000000);
  std::uniform_int_distribution<int64_t> days(-999999999, 999999999);
  std::vector<std::array<int64_t, 3>> cases;
  for (int i = 0; i < 3000; ++i) {
    int64_t d = i % 3 == 0 ? days(rng) : small(rng) / 1000;
    cases.push_back({d, small(rng), small(rng) * 7});
  }
  cases.push_back({0, -1, 0});
  cases.push_back({0, 0, -1});
  cases.push_back({999999999, 86399, 999999});
  cases.push_back({999999999, 86400, 0});
  cases.push_back({-999999999, 0, -1});
  std::string program = kPythonR;
  program += "cases = [\n";
  for (auto& c : cases)
    program +=
        testing::py_tuple({std::to_string(c[0]), std::to_string(c[1]), std::to_string(c[2])}) +
        ",\n";
  program +=
      "]\nfor d, s, us in cases:\n"
      "    print(r(lambda: (lambda t: str(t) + '|' + repr(t) + '|' + '%.17g' % "
      "t.total_seconds())(timedelta(d, s, us))))\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string ours = capture([&] {
      TimeDelta t = TimeDelta::from_dsu(cases[i][0], cases[i][1], cases[i][2]);
      return t.str() + "|" + t.repr() + "|" + g17(t.total_seconds());
    });
    EXPECT_EQ(ours, expected[i]) << cases[i][0] << " " << cases[i][1] << " " << cases[i][2];
  }
}

TEST(DatetimeTimeDelta, FloatConstructorRoundsLikeCPython) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> real(-1e4, 1e4);
  std::uniform_int_distribution<int> which(0, 6);
  const char* names[] = {"days",    "seconds", "microseconds", "milliseconds",
                         "minutes", "hours",   "weeks"};
  struct Case {
    std::vector<std::pair<int, double>> args;
  };
  std::vector<Case> cases;
  for (int i = 0; i < 1500; ++i) {
    Case c;
    int n = 1 + i % 3;
    for (int k = 0; k < n; ++k) {
      double v = real(rng);
      if (i % 5 == 0) v = std::round(v) + 0.5;    // ties on the microsecond
      if (i % 7 == 0) v = std::round(v * 8) / 8;  // exact binary fractions
      c.args.emplace_back(which(rng), v);
    }
    cases.push_back(c);
  }
  for (double v : {1e300, -1e300, 1e9, std::nan(""), HUGE_VAL, 0.5e-6, 1.5e-6, 2.5e-6})
    cases.push_back(Case{{{1, v}}});
  std::string program = kPythonR + std::string("cases = [\n");
  for (auto& c : cases) {
    program += "{";
    for (auto& [w, v] : c.args) {
      program += "'";
      program += names[w];
      program += "': ";
      program += py_float(v);
      program += ",";
    }
    program += "},\n";
  }
  program += "]\nfor kw in cases:\n    print(r(lambda: repr(timedelta(**kw))))\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string ours = capture([&] {
      TimeDeltaArgs a;
      std::optional<Number>* slots[] = {&a.days,    &a.seconds, &a.microseconds, &a.milliseconds,
                                        &a.minutes, &a.hours,   &a.weeks};
      for (auto& [w, v] : cases[i].args) {
        // Python keeps the last of a repeated keyword; so do we.
        *slots[w] = Number::of(v);
      }
      return TimeDelta::from_args(a).repr();
    });
    EXPECT_EQ(ours, expected[i]) << "case " << i;
  }
}

TEST(DatetimeTimeDelta, ArithmeticAndErrorsMatchCPython) {
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<int64_t> days(-999999999, 999999999);
  std::uniform_int_distribution<int64_t> small(-100000, 100000);
  std::uniform_int_distribution<int64_t> factor(-5, 5);
  std::uniform_real_distribution<double> real(-3, 3);
  struct Case {
    int64_t ad, as, aus, bd, bs, bus, k;
    double f;
  };
  std::vector<Case> cases;
  for (int i = 0; i < 1500; ++i) {
    bool big = i % 4 == 0;
    int64_t bd = i % 9 == 0 ? 0 : small(rng) / 100;
    Case c{big ? days(rng) : small(rng), small(rng),  small(rng) * 13, bd, small(rng),
           i % 9 == 0 ? 0 : small(rng),  factor(rng), real(rng)};
    if (i % 11 == 0) c.f = 0.0;
    if (i % 13 == 0) c.f = std::ldexp(1.0, -60 + static_cast<int>(i % 120));
    cases.push_back(c);
  }
  std::string program = kPythonR + std::string("cases = [\n");
  for (auto& c : cases)
    program += testing::py_tuple({std::to_string(c.ad), std::to_string(c.as), std::to_string(c.aus),
                                  std::to_string(c.bd), std::to_string(c.bs), std::to_string(c.bus),
                                  std::to_string(c.k), py_float(c.f)}) +
               ",\n";
  program += R"PY(]
for ad, as_, aus, bd, bs, bus, k, f in cases:
    a = timedelta(ad, as_, aus); b = timedelta(bd, bs, bus)
    print('|'.join([r(lambda: a + b), r(lambda: a - b), r(lambda: a * k), r(lambda: a * f),
        r(lambda: a / k), r(lambda: a / f), r(lambda: a / b), r(lambda: a // k),
        r(lambda: a // b), r(lambda: a % b), r(lambda: divmod(a, b)), r(lambda: abs(a)),
        r(lambda: -a), str(a < b), str(a == b)]))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    TimeDelta a = TimeDelta::from_dsu(c.ad, c.as, c.aus);
    TimeDelta b = TimeDelta::from_dsu(c.bd, c.bs, c.bus);
    std::vector<std::string> parts = {capture([&] { return (a + b).str(); }),
                                      capture([&] { return (a - b).str(); }),
                                      capture([&] { return a.multiply(c.k).str(); }),
                                      capture([&] { return a.multiply(c.f).str(); }),
                                      capture([&] { return a.true_divide(c.k).str(); }),
                                      capture([&] { return a.true_divide(c.f).str(); }),
                                      capture([&] { return g17(a.true_divide(b)); }),
                                      capture([&] { return a.floor_divide(c.k).str(); }),
                                      capture([&] { return int128_to_string(a.floor_divide(b)); }),
                                      capture([&] { return a.modulo(b).str(); }),
                                      capture([&] {
                                        auto [q, m] = a.divmod(b);
                                        std::string text = "(";
                                        text += int128_to_string(q);
                                        text += ", ";
                                        text += m.str();
                                        return text + ")";
                                      }),
                                      capture([&] { return a.abs().str(); }),
                                      capture([&] { return (-a).str(); }),
                                      a < b ? "True" : "False",
                                      a == b ? "True" : "False"};
    std::string ours;
    for (size_t p = 0; p < parts.size(); ++p) {
      if (p != 0) ours += "|";
      ours += parts[p];
    }
    EXPECT_EQ(ours, expected[i]) << "case " << i;
  }
}

TEST(DatetimeTimeDelta, OverflowAndSpecialValuesMatchCPython) {
  std::string program = kPythonR + std::string(R"PY(
t = timedelta(1)
for f in [lambda: timedelta.max + t, lambda: -timedelta.max, lambda: -timedelta.min,
          lambda: timedelta.min - t, lambda: timedelta.max * 2, lambda: t * 10**17,
          lambda: timedelta.max * 2.0, lambda: t * float('nan'), lambda: t * float('inf'),
          lambda: t / float('nan'), lambda: t / 0, lambda: t / 0.0, lambda: t // 0,
          lambda: t / timedelta(0), lambda: t // timedelta(0), lambda: t % timedelta(0),
          lambda: divmod(t, timedelta(0)), lambda: timedelta.max / 1e-300,
          lambda: timedelta.max / 2**70, lambda: timedelta.max / 2.0**70,
          lambda: timedelta.max * 2.0**-70, lambda: timedelta.min // 3, lambda: timedelta.min / 7,
          lambda: timedelta.max.total_seconds(), lambda: timedelta.min.total_seconds(),
          lambda: timedelta.max / timedelta.resolution, lambda: timedelta.max // timedelta.resolution,
          lambda: timedelta.resolution / timedelta.max, lambda: repr(timedelta.max),
          lambda: repr(timedelta.min), lambda: repr(timedelta.resolution)]:
    print(r(f))
)PY");
  std::vector<std::string> expected = run_python(program);
  TimeDelta t = TimeDelta::from_dsu(1, 0, 0);
  std::vector<std::string> ours = {
      capture([&] { return (TimeDelta::max() + t).str(); }),
      capture([&] { return (-TimeDelta::max()).str(); }),
      capture([&] { return (-TimeDelta::min()).str(); }),
      capture([&] { return (TimeDelta::min() - t).str(); }),
      capture([&] { return TimeDelta::max().multiply(int64_t{2}).str(); }),
      capture([&] { return t.multiply(int64_t{100000000000000000}).str(); }),
      capture([&] { return TimeDelta::max().multiply(2.0).str(); }),
      capture([&] { return t.multiply(std::nan("")).str(); }),
      capture([&] { return t.multiply(HUGE_VAL).str(); }),
      capture([&] { return t.true_divide(std::nan("")).str(); }),
      capture([&] { return t.true_divide(int64_t{0}).str(); }),
      capture([&] { return t.true_divide(0.0).str(); }),
      capture([&] { return t.floor_divide(int64_t{0}).str(); }),
      capture([&] { return g17(t.true_divide(TimeDelta())); }),
      capture([&] { return int128_to_string(t.floor_divide(TimeDelta())); }),
      capture([&] { return t.modulo(TimeDelta()).str(); }),
      capture([&] { return int128_to_string(t.divmod(TimeDelta()).first); }),
      capture([&] { return TimeDelta::max().true_divide(1e-300).str(); }),
      "0:00:00",  // timedelta / 2**70: an int divisor past int64 is the VM's case
      capture([&] { return TimeDelta::max().true_divide(std::ldexp(1.0, 70)).str(); }),
      capture([&] { return TimeDelta::max().multiply(std::ldexp(1.0, -70)).str(); }),
      capture([&] { return TimeDelta::min().floor_divide(int64_t{3}).str(); }),
      capture([&] { return TimeDelta::min().true_divide(int64_t{7}).str(); }),
      g17(TimeDelta::max().total_seconds()),
      g17(TimeDelta::min().total_seconds()),
      g17(TimeDelta::max().true_divide(TimeDelta::resolution())),
      int128_to_string(TimeDelta::max().floor_divide(TimeDelta::resolution())),
      g17(TimeDelta::resolution().true_divide(TimeDelta::max())),
      TimeDelta::max().repr(),
      TimeDelta::min().repr(),
      TimeDelta::resolution().repr()};
  ASSERT_EQ(expected.size(), ours.size());
  for (size_t i = 0; i < ours.size(); ++i) EXPECT_EQ(ours[i], expected[i]) << "case " << i;
}

}  // namespace
}  // namespace quire::lang::time
