// make bench: list.sort speed by kind of key (CPU µs per sort, median of 7).
// Each case runs its program with the sort repeated 0 and kRepeat times in
// one isolate; the difference divided by kRepeat is the cost of one sort, so
// building the data is not counted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "lang/run/run.h"

namespace {

constexpr int kRepeat = 20;

// An LCG as in the tests: the same data on every run and machine.
constexpr const char* kPrelude =
    "seed = [12345]\n"
    "def rand(n):\n"
    "    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)\n"
    "    return (seed[0] >> 33) % n\n"
    "class K:\n"
    "    def __init__(self, v): self.v = v\n"
    "    def __lt__(self, o): return self.v < o.v\n";

struct Case {
  const char* name;
  const char* data;  // an expression for the list
  const char* sort;  // a statement sorting `x` (a fresh copy each time)
};

const Case kCases[] = {
    {"10k random ints", "[rand(10**9) for _ in range(10000)]", "x.sort()"},
    {"10k sorted ints", "list(range(10000))", "x.sort()"},
    {"10k random floats", "[rand(10**9) / 7 for _ in range(10000)]", "x.sort()"},
    {"10k random strs", "[str(rand(10**9)) for _ in range(10000)]", "x.sort()"},
    {"10k ints, key=", "[rand(10**9) for _ in range(10000)]", "x.sort(key=lambda v: -v)"},
    {"10k ints, reverse", "[rand(10**9) for _ in range(10000)]", "x.sort(reverse=True)"},
    {"5k (int, str) tuples", "[(rand(100), str(rand(1000))) for _ in range(5000)]", "x.sort()"},
    {"2k objects with __lt__", "[K(rand(10**6)) for _ in range(2000)]", "x.sort()"},
};

double cpu_us() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

// CPU µs of one run of the case with the sort done `times` times.
double run_us(const Case& c, int times) {
  std::string src = std::string(kPrelude) + "data = " + c.data + "\nfor _ in range(" +
                    std::to_string(times) + "):\n    x = data[:]\n    " + c.sort + "\n";
  quire::lang::Compiled compiled = quire::lang::compile("sort_bench.py", src);
  if (compiled.error) return -1;
  quire::lang::Isolate isolate;
  double start = cpu_us();
  if (!quire::lang::run(isolate, *compiled.program).ok) return -1;
  return cpu_us() - start;
}

}  // namespace

int main() {
  std::printf("%-26s %12s\n", "case", "us/sort");
  for (const Case& c : kCases) {
    std::vector<double> samples;
    for (int i = 0; i < 7; ++i) {
      double base = run_us(c, 0), full = run_us(c, kRepeat);
      if (base < 0 || full < 0) {
        std::printf("%-26s failed\n", c.name);
        return 1;
      }
      samples.push_back((full - base) / kRepeat);
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%-26s %12.1f\n", c.name, samples[samples.size() / 2]);
  }
  return 0;
}
