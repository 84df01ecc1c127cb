// Runaway scripts on several threads while others run normal scripts: the
// runaways stop on their limits, the normal ones finish with the results
// python3 computes for the same program, and nothing crosses isolates.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "lang/sandbox/sandbox.h"

namespace quire::lang {
namespace {

const char* kNormal =
    "d = {}\n"
    "for i in range(2000):\n"
    "    d[str(i)] = i * i\n"
    "s = sorted(d.items(), key=lambda kv: -kv[1])[:3]\n"
    "print(s, sum(d.values()) % 1000003, '{:>8}'.format(len(d)))\n"
    "print(2 ** 200 % 97, [x for x in range(30) if x % 7 == 3])\n";

const char* kRunaways[] = {
    "while True:\n    pass\n",
    "l = []\nwhile True:\n    l.append('x' * 100)\n",
    "def f(n):\n    return f(n + 1)\nf(0)\n",
    "n = 3\nwhile True:\n    n = n * n % (10 ** 400) + n\n",
    "while True:\n    print('spam')\n",
};

std::string python_output(const std::string& source) {
  std::string path =
      ::testing::TempDir() + "quire_sandbox_conc_" + std::to_string(::getpid()) + ".py";
  {
    std::ofstream f(path);
    f << source;
  }
  std::string out;
  FILE* p = popen(("python3 " + path).c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path.c_str());
  return out;
}

TEST(Concurrency, RunawaysStopWhileNormalScriptsFinishCorrectly) {
  const std::string expected = python_output(kNormal);
  ASSERT_FALSE(expected.empty());
  Limits limits;
  limits.max_steps = 2'000'000;
  limits.timeout = std::chrono::milliseconds(0);
  limits.max_heap_bytes = 16u << 20;
  limits.max_output_bytes = 4096;
  Compiled normal = compile("normal.py", kNormal, Policy::Sandboxed, limits);
  ASSERT_TRUE(normal.program) << normal.error_text();
  std::vector<Compiled> runaways;
  for (const char* src : kRunaways) {
    runaways.push_back(compile("runaway.py", src, Policy::Sandboxed, limits));
    ASSERT_TRUE(runaways.back().program);
  }

  constexpr int kThreads = 6;
  constexpr int kRounds = 2;
  std::vector<std::vector<std::string>> normal_outputs(kThreads);
  std::vector<std::vector<std::string>> runaway_types(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Isolate isolate;  // reused across runs, as a worker does
      for (int round = 0; round < kRounds; ++round) {
        if ((t + round) % 2 == 0) {
          std::string out;
          isolate.output = [&out](std::string_view s) { out += s; };
          RunResult r = run(isolate, normal, limits);
          normal_outputs[t].push_back(r.ok ? out : "FAILED: " + r.exception_line);
        } else {
          isolate.output = [](std::string_view) {};
          const Compiled& c = runaways[(t + round) % std::size(kRunaways)];
          RunResult r = run(isolate, c, limits);
          runaway_types[t].push_back(r.ok ? "finished" : r.exception_type);
        }
      }
    });
  }
  for (auto& th : threads) th.join();

  int normal_runs = 0, runaway_runs = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (const std::string& out : normal_outputs[t]) {
      EXPECT_EQ(out, expected);
      ++normal_runs;
    }
    for (const std::string& type : runaway_types[t]) {
      // MemoryError: an allocation checked before it happens found the heap full.
      EXPECT_TRUE(type == "ScriptTimeoutError" || type == "ScriptMemoryError" ||
                  type == "MemoryError" || type == "RecursionError" || type == "ScriptOutputError")
          << type;
      ++runaway_runs;
    }
  }
  EXPECT_EQ(normal_runs, kThreads * kRounds / 2);
  EXPECT_EQ(runaway_runs, kThreads * kRounds / 2);
}

TEST(Concurrency, DeadlinesOnManyThreadsAtOnce) {
  Limits limits;
  limits.max_steps = 0;
  limits.timeout = std::chrono::milliseconds(30);
  Compiled c = compile("spin.py", "while True:\n    pass\n", Policy::Sandboxed, limits);
  std::vector<std::string> types(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Isolate isolate;
      types[t] = run(isolate, c, limits).exception_type;
    });
  }
  for (auto& th : threads) th.join();
  for (const std::string& type : types) EXPECT_EQ(type, "ScriptTimeoutError");
}

}  // namespace
}  // namespace quire::lang
