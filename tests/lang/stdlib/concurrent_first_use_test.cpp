// The standard types are created on first use, possibly on several threads
// at once (each server worker runs its own isolate). Run in a fresh child
// process (death-test fork) so the types really are created concurrently.

#include <cstdlib>
#include <thread>
#include <vector>

#include "lang/lib/attrdict.h"
#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

bool run_worker(int id) {
  std::string source =
      "import json, datetime\n"
      "d = datetime.date(2024, 1, 1) + datetime.timedelta(days=" +
      std::to_string(id) +
      ")\n"
      "row = _dict(n=" +
      std::to_string(id) +
      ")\n"
      "print(json.dumps({'d': str(d), 'n': row.n}))\n";
  Outcome o = run_script(source, [](Isolate& I) {
    I.set_global("_dict", Value::object(attrdict_type()));
    return true;
  });
  std::string day = std::to_string(1 + id);
  if (day.size() == 1) day = "0" + day;
  return o.out == "{\"d\": \"2024-01-" + day + "\", \"n\": " + std::to_string(id) + "}\n";
}

TEST(StdlibConcurrencyDeathTest, TypesCreatedOnSeveralThreadsAtOnce) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        std::vector<std::thread> threads;
        std::vector<int> ok(8, 0);
        for (int i = 0; i < 8; ++i) threads.emplace_back([i, &ok] { ok[i] = run_worker(i); });
        for (auto& t : threads) t.join();
        bool all = true;
        for (int v : ok) all = all && v;
        std::exit(all ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace quire::lang::test
