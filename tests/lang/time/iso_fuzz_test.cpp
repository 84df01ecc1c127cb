// Random near-ISO strings through date/time/datetime.fromisoformat on both
// sides: the C parser's many corners (separators, week dates, fractions,
// offsets) must accept and reject exactly what CPython does.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/datetime.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::py_str;
using testing::run_python;

std::vector<std::string> near_iso_strings() {
  std::mt19937_64 rng(41);
  const std::string seeds[] = {"2024-01-05T10:30:15.123456+05:30",
                               "20240105T103015Z",
                               "2024-W01-5T10:30",
                               "2024W015 1030-0330",
                               "2024-02-29 23:59:59,5",
                               "2020-W53T00",
                               "10:30:15.5+01:00:30.25",
                               "2024-01-05"};
  const std::string alphabet = "0123456789-:T+Z.,W 5";
  std::uniform_int_distribution<size_t> pick_seed(0, std::size(seeds) - 1);
  std::uniform_int_distribution<size_t> pick_char(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> edits(1, 3), op(0, 2);
  std::vector<std::string> out;
  for (int i = 0; i < 1500; ++i) {
    std::string s = seeds[pick_seed(rng)];
    for (int e = edits(rng); e > 0 && !s.empty(); --e) {
      size_t at = std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng);
      switch (op(rng)) {
        case 0:
          s[at] = alphabet[pick_char(rng)];
          break;
        case 1:
          s.erase(at, 1);
          break;
        default:
          s.insert(at, 1, alphabet[pick_char(rng)]);
          break;
      }
    }
    out.push_back(s);
  }
  return out;
}

TEST(DatetimeIsoFuzz, RandomNearIsoStringsMatchCPython) {
  std::vector<std::string> cases = near_iso_strings();
  std::string program = "for s in [";
  for (auto& s : cases) program += py_str(s) + ",";
  program +=
      "]:\n    print('|'.join([r(lambda: repr(datetime.fromisoformat(s))), "
      "r(lambda: repr(date.fromisoformat(s))), r(lambda: repr(time.fromisoformat(s)))]))\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string& s = cases[i];
    std::string ours = testing::join({capture([&] { return DateTime::from_iso_format(s).repr(); }),
                                      capture([&] { return Date::from_iso_format(s).repr(); }),
                                      capture([&] { return Time::from_iso_format(s).repr(); })});
    EXPECT_EQ(ours, expected[i]) << py_str(s);
  }
}

}  // namespace
}  // namespace quire::lang::time
