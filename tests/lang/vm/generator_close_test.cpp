// A generator freed while suspended is closed as CPython closes it (its
// `finally` runs, GeneratorExit at the `yield`), at the VM's next safe point,
// and that code runs under the run's limits like any other.

#include <gtest/gtest.h>

#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

TEST(GeneratorClose, FreedSuspendedGeneratorsRunTheirFinallyAsCPython) {
  const std::string program = R"(log = []
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)
        log.append(name)

for x in gen("loop"):
    break
print("after loop")
print(next(gen("temp")), "after temp")
it = gen("rebound")
next(it)
it = None
print("after rebind")

def f():
    g = gen("local")
    next(g)
    return 5
print(f(), "after local")

def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = catcher()
next(c)
del c
print("after del")

def delegating():
    try:
        yield from gen("inner")
    finally:
        print("outer finally")
d = delegating()
next(d)
d = None

def not_started():
    try:
        yield 1
    finally:
        print("never printed")
n = not_started()
n = None

gens = [gen(i) for i in range(3)]
for g in gens:
    next(g)
gens = None
print("after list", log)
keep = gen("global at exit")
next(keep)
print("end of program")
)";
  Outcome expected = run_python(program);
  ASSERT_NE(expected.out, "");
  Outcome actual = run_quire(program);
  EXPECT_EQ(actual.out, expected.out);
  EXPECT_EQ(actual.error_line, expected.error_line);
}

TEST(GeneratorClose, ManyFreedAtOnceCloseInCPythonsOrder) {
  const std::string program = R"(log = []
def gen(i):
    try:
        yield i
    finally:
        log.append(i)
gens = [gen(i) for i in range(20000)]
for g in gens:
    next(g)
del g
gens = None
print(len(log), log[:3], log[-3:], sum(log))
)";
  Outcome expected = run_python(program);
  ASSERT_NE(expected.out, "");
  EXPECT_EQ(run_quire(program).out, expected.out);
}

RunResult run_limited(const std::string& source, std::string& out) {
  Compiled c = compile("t.py", source);
  EXPECT_FALSE(c.error);
  Isolate isolate;
  isolate.output = [&out](std::string_view s) { out += s; };
  isolate.steps_left = 100000;
  return run(isolate, *c.program);
}

TEST(GeneratorClose, AFinallyThatNeverEndsStillMeetsTheStepLimit) {
  // Dropped in a loop, and left in a global when the program ends: either
  // way the finally body is stopped by the budget, not swallowed by except.
  for (const char* drop : {"for x in gen():\n    break\nprint('escaped')\n",
                           "keep = gen()\nnext(keep)\nprint('body done')\n"}) {
    std::string out;
    RunResult r = run_limited(std::string("def gen():\n"
                                          "    try:\n"
                                          "        yield 1\n"
                                          "    finally:\n"
                                          "        while True:\n"
                                          "            try:\n"
                                          "                pass\n"
                                          "            except BaseException:\n"
                                          "                pass\n") +
                                  drop,
                              out);
    EXPECT_FALSE(r.ok) << drop;
    EXPECT_EQ(r.exception_type, "ScriptTimeoutError") << drop;
    EXPECT_EQ(out.find("escaped"), std::string::npos);
  }
}

TEST(GeneratorClose, EndlessChainOfClosingGeneratorsMeetsTheStepLimit) {
  // Each finally starts and drops another generator: closing never ends.
  std::string out;
  RunResult r = run_limited(
      "def gen():\n    try:\n        yield 1\n    finally:\n        g = gen()\n"
      "        next(g)\n        g = None\nx = gen()\nnext(x)\nx = None\nprint('escaped')\n",
      out);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.exception_type, "ScriptTimeoutError");
  EXPECT_EQ(out, "");
}

TEST(GeneratorClose, AFinalizerMeetsTheMemoryCap) {
  Compiled c =
      compile("t.py",
              "def gen():\n    try:\n        yield 1\n    finally:\n        x = []\n"
              "        while True:\n            try:\n                x.append('a' * 1000)\n"
              "            except BaseException:\n                pass\n"
              "for x in gen():\n    break\nprint('escaped')\n");
  ASSERT_FALSE(c.error);
  Isolate isolate;
  std::string out;
  isolate.output = [&out](std::string_view s) { out += s; };
  isolate.heap.set_limit(4 * 1024 * 1024);
  RunResult r = run(isolate, *c.program);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.exception_type, "ScriptMemoryError");
  EXPECT_EQ(out, "");
}

TEST(GeneratorClose, FreedGeneratorsGiveTheirFrameStorageBack) {
  // make_generator charges the frame's storage; freeing must uncharge it, or
  // a loop of short-lived generators hits the memory cap.
  Isolate isolate;
  isolate.heap.set_limit(1024 * 1024);
  Outcome o = run_quire(
      "def gen(k):\n    a = b = c = k\n    try:\n        yield a\n    except ValueError:\n"
      "        pass\n    yield b + c\n"
      "for i in range(200000):\n    g = gen(i)\n    next(g)\n    g.throw(ValueError)\n"
      "print('ok')\n",
      &isolate);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "ok\n");
}

}  // namespace
}  // namespace quire::lang::test
