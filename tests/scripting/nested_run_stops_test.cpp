// A run nested in another (frappe.call, run_script, a document event a save
// starts) that stops on a limit (its own step limit, the deadline
// or the output cap it shares with the outermost run) stops every run above
// it too, with the limit's error: no caller can catch it and go on (a script
// could otherwise loop over a nested call to get around its limits). An
// ordinary exception of the nested script stays catchable, as in Frappe.
// Each case runs at depth 1 and 2, under ASan in `make test-asan` (a nested
// run unwinding on a stop once corrupted the heap in RunState's destructor).

#include <tuple>

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

constexpr const char* kEndlessLoop = "x = 0\nwhile True:\n    x += 1\n";
constexpr const char* kEndlessPrint = "while True:\n    print('z' * 100)\n";

class NestedRuns : public SecurityTest {
 public:
  void configure(ScriptSettings& settings) override {
    settings.limits.timeout = std::chrono::milliseconds(300);
    settings.limits.max_output_bytes = 10'000;
    // "counter" has a step limit of its own, smaller than its callers'; the
    // rest run under the site's. (The memory limit is not among the cases:
    // a list or string outgrowing the heap cap raises a catchable
    // MemoryError in the language, in a nested run as in the outermost.)
    settings.script_limits["counter"] = settings.limits;
    settings.script_limits["counter"].max_steps = 20'000;
  }

  // How a script reaches script `target`.
  static std::string call_of(const std::string& how, const std::string& target) {
    if (how == "call") return "frappe.call('" + target + "')";
    if (how == "run_script") return "run_script('" + target + "')";
    // A document event: inserting a Note titled `target` runs the Before
    // Insert script of that name.
    return "frappe.get_doc({'doctype': 'Note', 'title': '" + target + "'}).insert()";
  }

  // A script reaching `target` inside try/except, saying whether it caught
  // something and went on.
  static std::string catching_caller(const std::string& how, const std::string& target) {
    return "try:\n    " + call_of(how, target) +
           "\nexcept frappe.ValidationError:\n    print('caught ValidationError')\n"
           "except BaseException:\n    print('caught another')\n"
           "print('went on')\n";
  }

  // Installs script `inner` with `body`, reached through depth - 1 catching
  // middle scripts, and runs a catching script over them (at depth 0).
  std::string run_nested(const std::string& how, int depth, const std::string& inner,
                         const std::string& body) {
    std::string target = inner;
    as_script_manager([&] {
      add_script_for(how, inner, body);
      for (int level = depth - 1; level >= 1; --level) {
        std::string name = "middle" + std::to_string(level);
        add_script_for(how, name, catching_caller(how, target));
        target = name;
      }
    });
    return run(catching_caller(how, target));
  }

  void add_script_for(const std::string& how, const std::string& name, const std::string& body) {
    if (how != "event") {
      add_api_script(name, name, body);
      return;
    }
    add_event_script(name, "Note", "Before Insert",
                     "if doc.title == '" + name + "':\n" + indented(body));
  }

  static std::string indented(const std::string& body) {
    std::string out = "    ";
    for (std::size_t i = 0; i < body.size(); ++i) {
      out += body[i];
      if (body[i] == '\n' && i + 1 < body.size()) out += "    ";
    }
    return out;
  }
};

struct Stop {
  const char* name;
  const char* inner;  // the script that stops
  const char* body;
  const char* error;  // what the outermost run fails with (a part of it)
};

const Stop kStops[] = {
    {"steps", "counter", kEndlessLoop, "ScriptTimeoutError: step budget of 20000 exhausted"},
    {"output", "printer", kEndlessPrint, "ScriptOutputError: output limit of 10000 bytes exceeded"},
    {"deadline", "spinner", kEndlessLoop, "ScriptTimeoutError: time limit of 300 ms exceeded"},
};

using Case = std::tuple<std::string, int, int>;  // how, depth, index in kStops

class NestedRunStops : public NestedRuns, public ::testing::WithParamInterface<Case> {};

TEST_P(NestedRunStops, StopsEveryCallerWithTheLimitsError) {
  const auto& [how, depth, index] = GetParam();
  const Stop& stop = kStops[index];
  std::string out = run_nested(how, depth, stop.inner, stop.body);
  EXPECT_EQ(out.find("caught"), std::string::npos) << out;
  EXPECT_EQ(out.find("went on"), std::string::npos) << out;
  EXPECT_NE(out.find(stop.error), std::string::npos) << out;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  const auto& [how, depth, index] = info.param;
  return how + "_depth" + std::to_string(depth) + "_" + kStops[index].name;
}

INSTANTIATE_TEST_SUITE_P(AllWays, NestedRunStops,
                         ::testing::Combine(::testing::Values("call", "run_script", "event"),
                                            ::testing::Values(1, 2), ::testing::Range(0, 3)),
                         case_name);

class NestedRunExceptions : public NestedRuns,
                            public ::testing::WithParamInterface<std::tuple<std::string, int>> {};

TEST_P(NestedRunExceptions, StayCatchable) {
  const auto& [how, depth] = GetParam();
  std::string out = run_nested(how, depth, "inner", "frappe.throw('no')\n");
  // The innermost caller catches it; those above it see nothing.
  EXPECT_EQ(out, "caught ValidationError\nwent on\n" + std::string(depth == 2 ? "went on\n" : ""));
}

INSTANTIATE_TEST_SUITE_P(AllWays, NestedRunExceptions,
                         ::testing::Combine(::testing::Values("call", "run_script", "event"),
                                            ::testing::Values(1, 2)));

}  // namespace
}  // namespace quire::scripting::testing
