// Scripts cannot grow the process-wide zone registry without bound: each
// distinct timezone(offset, name) is kept for the life of the process, so
// the registry has a cap (MemoryError past it) and names a length limit.
// Filling the registry would affect later tests, so it runs in a child
// process (a death-test fork).

#include <cstdlib>

#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

TEST(ZoneRegistryDeathTest, DistinctOffsetsAreCapped) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        Outcome o = run_script(
            "from datetime import timezone, timedelta\n"
            "n = 0\ntry:\n    for i in range(100000):\n"
            "        timezone(timedelta(microseconds=i + 1))\n        n += 1\n"
            "except MemoryError as e:\n    print('capped', n < 100000, e)\n");
        std::exit(o.out == "capped True too many distinct timezone offsets and names\n" ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(ZoneRegistry, LongNamesAreRefused) {
  Outcome o = run_script(
      "from datetime import timezone, timedelta\ntimezone(timedelta(hours=1), 'x' * 2000)\n");
  EXPECT_EQ(o.error_line, "ValueError: timezone name is too long");
  Outcome ok = run_script(
      "from datetime import timezone, timedelta\nprint(timezone(timedelta(hours=1), 'CET'))\n");
  EXPECT_EQ(ok.out, "CET\n");
}

}  // namespace
}  // namespace quire::lang::test
