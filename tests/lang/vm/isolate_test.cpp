// Isolates, limits and the execution model: reuse, threads, step budget,
// recursion limit, memory checks before allocation, syntax error reports.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "lang/vm/exec_region.h"
#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

TEST(Isolate, ReusedAcrossRunsStartsFresh) {
  Isolate isolate;
  Outcome a = run_quire("x = [1, 2]\nprint(len(x))\n", &isolate);
  Outcome b = run_quire("print('x' in globals_unknown if False else 'fresh')\n", &isolate);
  EXPECT_EQ(a.out, "2\n");
  EXPECT_EQ(b.out, "fresh\n");
}

TEST(Isolate, ResetFreesEverythingIncludingCycles) {
  Isolate isolate;
  run_quire("a = []\na.append(a)\nd = {}\nd['self'] = d\n", &isolate);
  isolate.reset();
  EXPECT_EQ(isolate.heap.live_objects(), 0u);
  EXPECT_EQ(isolate.heap.bytes_used(), 0u);
}

TEST(Isolate, IdleIsolateIsSmall) {
  // The aim: an idle isolate holds at most 64 KiB, whether new, after
  // an empty program, or after a deep run (reset gives the deep pages back).
  Isolate isolate;
  EXPECT_LE(isolate_memory(isolate).total(), 64u * 1024u);
  run_quire("pass\n", &isolate);
  EXPECT_LE(isolate_memory(isolate).total(), 64u * 1024u);
  run_quire(
      "def down(n):\n"
      "    return 0 if n == 0 else 1 + down(n - 1)\n"
      "x = [i for i in range(100000)]\n"
      "print(down(900))\n",
      &isolate);
  EXPECT_GT(ExecRegion::resident_bytes(isolate), 64u * 1024u);  // the deep run touched pages
  isolate.reset();
  EXPECT_LE(isolate_memory(isolate).total(), 64u * 1024u);
  EXPECT_EQ(isolate.heap.pool_bytes(), 0u);
}

TEST(Isolate, ProgramSharedByThreads) {
  Compiled c = compile("t.py", "total = 0\nfor i in range(2000):\n    total += i\nprint(total)\n");
  ASSERT_FALSE(c.error);
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      Isolate isolate;
      for (int k = 0; k < 20; ++k) {
        std::string out;
        isolate.output = [&out](std::string_view s) { out += s; };
        RunResult r = run(isolate, *c.program);
        if (r.ok && out == "1999000\n") ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 80);
}

TEST(Limits, RecursionErrorIsCatchable) {
  Outcome o = run_quire(
      "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    "
      "print('caught', e)\n");
  EXPECT_EQ(o.out, "caught maximum recursion depth exceeded\n");
}

TEST(Limits, StepLimitIsNotSwallowedByExcept) {
  Compiled c =
      compile("t.py",
              "try:\n    while True:\n        pass\nexcept Exception:\n    print('swallowed')\n"
              "except:\n    print('bare')\nfinally:\n    print('finally')\n");
  ASSERT_FALSE(c.error);
  Isolate isolate;
  std::string out;
  isolate.output = [&out](std::string_view s) { out += s; };
  isolate.steps_left = 10000;
  RunResult r = run(isolate, *c.program);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.exception_type, "ScriptTimeoutError");
  EXPECT_EQ(out, "");
}

TEST(Limits, CancelFlagStopsALoop) {
  Compiled c = compile("t.py", "while True:\n    pass\n");
  ASSERT_FALSE(c.error);
  Isolate isolate;
  std::atomic<bool> cancel{true};
  isolate.cancel = &cancel;
  RunResult r = run(isolate, *c.program);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.exception_type, "ScriptCancelledError");
}

TEST(Limits, HugeRepeatFailsBeforeAllocating) {
  Isolate isolate;
  isolate.heap.set_limit(16 * 1024 * 1024);
  Outcome o = run_quire("x = 'abc' * 10**10\n", &isolate);
  EXPECT_EQ(o.error_line, "MemoryError");
  Outcome l = run_quire("x = [0] * 10**9\n", &isolate);
  EXPECT_EQ(l.error_line, "MemoryError");
}

TEST(Limits, FreedDictsAndSetsGiveTheirStorageBack) {
  // Table storage is charged when it grows and must be uncharged when the
  // table is freed, or a loop of short-lived dicts hits the cap.
  Isolate isolate;
  isolate.heap.set_limit(1024 * 1024);
  Outcome o = run_quire(
      "for i in range(100000):\n"
      "    d = {'a': i, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6}\n"
      "    s = {i, i + 1, i + 2, i + 3, i + 4, i + 5}\n"
      "print(len(d), len(s))\n",
      &isolate);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "6 6\n");
}

TEST(Errors, TracebackNamesFileLineFunctionAndSource) {
  Compiled c = compile("script.py", "def f(x):\n    return 1 / x\n\nf(0)\n");
  ASSERT_FALSE(c.error);
  Isolate isolate;
  RunResult r = run(isolate, *c.program);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.traceback,
            "Traceback (most recent call last):\n"
            "  File \"script.py\", line 4, in <module>\n"
            "    f(0)\n"
            "  File \"script.py\", line 2, in f\n"
            "    return 1 / x\n"
            "           ~~^~~\n"  // CPython 3.11's marker line
            "ZeroDivisionError: division by zero\n");
}

TEST(Errors, SyntaxErrorReportedLikeCPython) {
  Compiled c = compile("bad.py", "x = (1 +\n");
  ASSERT_TRUE(c.error);
  EXPECT_NE(c.error_text().find("File \"bad.py\", line 1"), std::string::npos);
  EXPECT_NE(c.error_text().find("SyntaxError: "), std::string::npos);
}

TEST(Errors, UnsupportedFeaturesRefusedAtCompileTime) {
  EXPECT_TRUE(compile("t.py", "from os import *\n").error);
  EXPECT_TRUE(compile("t.py", "class A(B, C):\n    pass\n").error);
  EXPECT_TRUE(compile("t.py", "def f():\n    nonlocal q\n").error);
}

TEST(Errors, ImportWithoutHookIsModuleNotFound) {
  Outcome o = run_quire("import json\n");
  EXPECT_EQ(o.error_line, "ModuleNotFoundError: No module named 'json'");
}

TEST(Errors, DeepDataStructuresDoNotCrash) {
  Outcome o = run_quire(
      "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(x))\nx = None\nprint('ok')\n");
  EXPECT_EQ(o.out, "1\nok\n");
}

}  // namespace
}  // namespace quire::lang::test
