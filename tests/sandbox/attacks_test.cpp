// Runs every tests/sandbox/attacks/*.py sandboxed under the attack limits and
// checks the outcome its header declares. After each attack, a follow-up run
// in the same isolate must see pristine builtins and no state from the attack
// (an attack must not leak into the next script).
#include <gtest/gtest.h>

#include <filesystem>

#include "attack_script.h"
#include "lang/lib/stdlib_modules.h"

namespace quire::lang::test {
namespace {

struct Captured {
  RunResult result;
  std::string out;
};

Captured run_captured(Isolate& isolate, const Compiled& compiled, const Limits& limits) {
  Captured c;
  isolate.output = [&c](std::string_view s) { c.out += s; };
  c.result = run(isolate, compiled, limits);
  isolate.output = nullptr;
  return c;
}

// What any script must see after an attack ran in the same isolate.
void expect_isolate_pristine(Isolate& isolate) {
  const char* probe =
      "try:\n"
      "    LEAK\n"
      "    print('leaked')\n"
      "except NameError:\n"
      "    pass\n"
      "print(len([1, 2, 3]), str(7), sorted([3, 1]), '{}-{}'.format(1, 2), 'ab'.upper())\n";
  Compiled c = compile("probe.py", probe, Policy::Sandboxed);
  ASSERT_TRUE(c.program) << c.error_text();
  Captured after = run_captured(isolate, c, Limits{});
  EXPECT_TRUE(after.result.ok) << after.result.traceback;
  EXPECT_EQ(after.out, "3 7 [1, 3] 1-2 AB\n");
}

class Attack : public ::testing::TestWithParam<std::string> {};

TEST_P(Attack, EndsInTheDeclaredSafeOutcome) {
  AttackScript a = load_attack(GetParam());
  ASSERT_TRUE(a.problem.empty()) << a.path << ": " << a.problem;
  SCOPED_TRACE(a.path + " — " + a.attack);
  Compiled compiled = compile("attack.py", a.source, Policy::Sandboxed, a.limits);
  if (a.expect == AttackScript::Expect::CompileError) {
    ASSERT_FALSE(compiled.program) << "compiled, but the policy should refuse it";
    ASSERT_TRUE(compiled.error.has_value());
    EXPECT_NE(compiled.error->message.find(a.message), std::string::npos)
        << "message: " << compiled.error->message;
    return;
  }
  ASSERT_TRUE(compiled.program) << compiled.error_text();
  Isolate isolate;
  if (a.stdlib) isolate.import_hook = stdlib_import_hook(true);
  Captured c = run_captured(isolate, compiled, a.limits);
  if (a.expect == AttackScript::Expect::Ok) {
    EXPECT_TRUE(c.result.ok) << c.result.traceback;
  } else {
    ASSERT_FALSE(c.result.ok) << "ran to completion; output:\n" << c.out;
    bool type_ok = false;
    for (const std::string& t : a.error_types) type_ok |= c.result.exception_type == t;
    EXPECT_TRUE(type_ok) << "got " << c.result.exception_line;
    EXPECT_NE(c.result.exception_line.find(a.message), std::string::npos)
        << "got " << c.result.exception_line;
  }
  if (a.has_output) {
    EXPECT_EQ(c.out, a.output);
  }
  for (const std::string& n : a.never) {
    EXPECT_EQ(c.out.find(n), std::string::npos) << c.out;
  }
  expect_isolate_pristine(isolate);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = std::filesystem::path(info.param).stem().string();
  for (char& ch : stem) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Scripts, Attack, ::testing::ValuesIn(attack_paths()), test_name);

TEST(AttackSuite, HasAtLeastEightyScripts) {
  EXPECT_GE(attack_paths().size(), 80u);
}

}  // namespace
}  // namespace quire::lang::test
