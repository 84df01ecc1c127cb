// Limits that attack scripts cannot express: the wall-clock deadline, cancel
// from another thread, source-size and nesting bombs, limit configuration,
// and the trusted policy (which refuses nothing).
#include <gtest/gtest.h>

#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "lang/sandbox/sandbox.h"

namespace quire::lang {
namespace {

Limits unbounded_steps() {
  Limits l;
  l.max_steps = 0;  // none: only the deadline or a cancel can stop the run
  l.timeout = std::chrono::milliseconds(0);
  return l;
}

TEST(Deadline, StopsARunawayWithScriptTimeoutError) {
  Limits l = unbounded_steps();
  l.timeout = std::chrono::milliseconds(50);
  Compiled c = compile("t.py", "x = 0\nwhile True:\n    x += 1\n", Policy::Sandboxed, l);
  ASSERT_TRUE(c.program);
  Isolate isolate;
  RunResult r = run(isolate, c, l);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.exception_type, "ScriptTimeoutError");
  EXPECT_EQ(r.exception_line, "ScriptTimeoutError: time limit of 50 ms exceeded");
  EXPECT_NE(r.traceback.find("line 3"), std::string::npos) << r.traceback;
  EXPECT_TRUE(is_limit_error(r));
}

TEST(Deadline, ANativeLoopIsStoppedToo) {
  Limits l = unbounded_steps();
  l.timeout = std::chrono::milliseconds(50);
  Compiled c = compile("t.py", "sum(range(10**18))\n", Policy::Sandboxed, l);
  Isolate isolate;
  RunResult r = run(isolate, c, l);
  EXPECT_EQ(r.exception_type, "ScriptTimeoutError");
}

TEST(Cancel, FromAnotherThreadStopsTheRun) {
  Limits l = unbounded_steps();
  Compiled c = compile("t.py", "print('started')\nwhile True:\n    pass\n", Policy::Sandboxed, l);
  Isolate isolate;
  std::mutex m;
  std::condition_variable cv;
  bool started = false;
  isolate.output = [&](std::string_view) {
    std::lock_guard<std::mutex> lock(m);
    started = true;
    cv.notify_all();
  };
  RunResult r;
  std::thread runner([&] { r = run(isolate, c, l); });
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return started; });
  }
  cancel(isolate);
  runner.join();
  EXPECT_EQ(r.exception_type, "ScriptCancelledError");
  EXPECT_EQ(r.exception_line, "ScriptCancelledError: script was cancelled");
}

TEST(Cancel, BeforeARunStartsStopsThatRunOnly) {
  Limits l = unbounded_steps();
  Isolate isolate;
  std::string out;
  isolate.output = [&](std::string_view s) { out += s; };
  Compiled c = compile("t.py", "print(sum(range(10)))\n", Policy::Sandboxed, l);
  // A cancel racing the start of a run is not lost: the run does not start.
  cancel(isolate);
  RunResult first = run(isolate, c, l);
  EXPECT_EQ(first.exception_type, "ScriptCancelledError");
  EXPECT_EQ(first.exception_line, "ScriptCancelledError: script was cancelled");
  EXPECT_TRUE(is_limit_error(first));
  EXPECT_EQ(out, "");
  // The cancel was used up: the next run is normal.
  RunResult second = run(isolate, c, l);
  EXPECT_TRUE(second.ok) << second.traceback;
  EXPECT_EQ(out, "45\n");
}

TEST(Cancel, ADeadlineThatStoppedARunDoesNotStopTheNext) {
  Limits l = unbounded_steps();
  l.timeout = std::chrono::milliseconds(20);
  Isolate isolate;
  Compiled loop = compile("t.py", "while True:\n    pass\n", Policy::Sandboxed, l);
  EXPECT_EQ(run(isolate, loop, l).exception_type, "ScriptTimeoutError");
  Compiled quick = compile("t.py", "x = sum(range(10))\n", Policy::Sandboxed, l);
  RunResult r = run(isolate, quick, l);
  EXPECT_TRUE(r.ok) << r.traceback;
}

// Native code calling back into Python (here __repr__ -> repr()) uses native
// stack at each level: on a thread with a small stack the run must end in
// RecursionError before the stack runs out, whatever the Python limit says.
struct SmallStackRun {
  const Compiled* compiled;
  RunResult result;
};

void* run_on_small_stack(void* arg) {
  auto* job = static_cast<SmallStackRun*>(arg);
  Isolate isolate;
  Limits l;
  l.max_recursion = 100000;
  job->result = run(isolate, *job->compiled, l);
  return nullptr;
}

TEST(NativeStack, SmallThreadStackEndsInRecursionError) {
  Compiled c =
      compile("t.py", "class A:\n    def __repr__(self):\n        return repr(A())\nrepr(A())\n",
              Policy::Sandboxed);
  ASSERT_TRUE(c.program);
  SmallStackRun job{&c, {}};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{2} << 20);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, run_on_small_stack, &job), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(job.result.exception_type, "RecursionError") << job.result.traceback;
}

TEST(StepBudget, ErrorNamesTheBudgetAndTheLine) {
  Limits l;
  l.max_steps = 1000;
  Compiled c = compile("t.py", "a = 1\nwhile a:\n    a = 2\n", Policy::Sandboxed, l);
  Isolate isolate;
  RunResult r = run(isolate, c, l);
  EXPECT_EQ(r.exception_line, "ScriptTimeoutError: step budget of 1000 exhausted");
  EXPECT_NE(r.traceback.find("line 3"), std::string::npos) << r.traceback;
}

TEST(HeapCap, ErrorNamesTheCap) {
  Limits l;
  l.max_heap_bytes = 4u << 20;
  Compiled c = compile("t.py", "l = []\nwhile True:\n    l.append(str(len(l)) * 10)\n",
                       Policy::Sandboxed, l);
  Isolate isolate;
  RunResult r = run(isolate, c, l);
  EXPECT_EQ(r.exception_type, "ScriptMemoryError");
  EXPECT_EQ(r.exception_line,
            "ScriptMemoryError: memory limit of " + std::to_string(4u << 20) + " bytes exceeded");
}

TEST(SingleAllocation, FailsBeforeAllocatingAndIsCatchable) {
  Limits l;
  l.max_single_allocation = 1u << 20;
  Compiled c = compile("t.py",
                       "try:\n    'x' * (2 * 1024 * 1024)\nexcept MemoryError:\n    print('no')\n"
                       "print(len('x' * 1000))\n",
                       Policy::Sandboxed, l);
  Isolate isolate;
  std::string out;
  isolate.output = [&](std::string_view s) { out += s; };
  RunResult r = run(isolate, c, l);
  EXPECT_TRUE(r.ok) << r.traceback;
  EXPECT_EQ(out, "no\n1000\n");
}

TEST(SourceLimits, OversizedSourceIsRefused) {
  Limits l;
  l.max_source_bytes = 1000;
  std::string big = "x = 1\n";
  while (big.size() < 2000) big += "x = 1\n";
  Compiled c = compile("t.py", big, Policy::Sandboxed, l);
  EXPECT_FALSE(c.program);
  ASSERT_TRUE(c.error);
}

TEST(SourceLimits, DeepParenthesesAreASyntaxError) {
  std::string bomb = std::string(100000, '(') + std::string(100000, ')');
  Compiled c = compile("t.py", bomb, Policy::Sandboxed);
  EXPECT_FALSE(c.program);
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->type, "SyntaxError");
}

TEST(SourceLimits, LongFlatExpressionDoesNotOverflow) {
  std::string bomb = "x = 1";
  for (int i = 0; i < 300000; ++i) bomb += "+1";
  bomb += "\n";
  Limits l;
  l.max_source_bytes = 1u << 20;
  Compiled c = compile("t.py", bomb, Policy::Sandboxed, l);
  // Either refused by a parser limit or compiled and run: never a crash.
  if (c.program) {
    Isolate isolate;
    RunResult r = run(isolate, c, l);
    (void)r;
  } else {
    EXPECT_TRUE(c.error);
  }
}

TEST(SourceLimits, DeeplyNestedBlocksAreASyntaxError) {
  std::string bomb;
  for (int i = 0; i < 500; ++i) bomb += std::string(i, ' ') + "if 1:\n";
  bomb += std::string(500, ' ') + "pass\n";
  Compiled c = compile("t.py", bomb, Policy::Sandboxed);
  EXPECT_FALSE(c.program);
}

TEST(Policy, RefusalIsASyntaxErrorAtTheNode) {
  Compiled c = compile("s.py", "a = 1\nb = a.__class__\n", Policy::Sandboxed);
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->type, "SyntaxError");
  EXPECT_EQ(c.error->lineno, 2);
  EXPECT_EQ(c.error->offset, 5);
  EXPECT_EQ(c.error->message,
            "Line 2: \"__class__\" is an invalid attribute name because it starts with \"_\".");
  EXPECT_NE(c.error_text().find("b = a.__class__"), std::string::npos) << c.error_text();
}

TEST(Policy, TrustedCodeMayUseDunders) {
  Compiled c = compile("t.py",
                       "class P:\n    def __init__(self):\n        self._x = 1\n"
                       "print(P()._x, getattr(P(), '_' + 'x'), type(1).__name__)\n",
                       Policy::Trusted);
  ASSERT_TRUE(c.program) << c.error_text();
  Isolate isolate;
  std::string out;
  isolate.output = [&](std::string_view s) { out += s; };
  RunResult r = run(isolate, c, Limits{});
  EXPECT_TRUE(r.ok) << r.traceback;
  EXPECT_EQ(out, "1 1 int\n");
}

TEST(Policy, TrustedRecursionErrorIsCatchable) {
  Compiled c = compile("t.py",
                       "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n"
                       "    print('caught')\n",
                       Policy::Trusted);
  Isolate isolate;
  std::string out;
  isolate.output = [&](std::string_view s) { out += s; };
  RunResult r = run(isolate, c, Limits{});
  EXPECT_TRUE(r.ok) << r.traceback;
  EXPECT_EQ(out, "caught\n");
}

TEST(Policy, SandboxedStateDoesNotOutliveTheRun) {
  // A sandboxed run followed by a plain run() of trusted code in the same isolate.
  Isolate isolate;
  Compiled s = compile("s.py", "x = 1\n", Policy::Sandboxed);
  EXPECT_TRUE(run(isolate, s, Limits{}).ok);
  Compiled t = compile(
      "t.py", "class P:\n    _x = 2\nprint(getattr(P(), '_x'), vars is not None)\nimport os\n");
  std::string out;
  isolate.output = [&](std::string_view s2) { out += s2; };
  RunResult r = run(isolate, *t.program);
  EXPECT_EQ(out, "2 True\n");
  EXPECT_EQ(r.exception_type, "ModuleNotFoundError");
}

}  // namespace
}  // namespace quire::lang
