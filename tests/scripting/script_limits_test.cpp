// Per-site and per-script limits from site_config (scripting/script_limits.h):
// the keys are read and validated, and a script named in
// server_script_limits runs with its own limits while the others keep the
// site's.

#include <stdexcept>

#include "scripting/api_script.h"
#include "scripting/script_limits.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

ScriptSettings read(const Json& config) {
  ScriptSettings settings;
  read_script_limits(config, settings);
  return settings;
}

std::string error_of(const Json& config) {
  try {
    read(config);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ScriptLimitsConfig, SiteKeysSetTheSiteLimits) {
  ScriptSettings s = read(Json{{"server_script_max_steps", 1234},
                               {"server_script_timeout_ms", 0},
                               {"server_script_max_memory", 2 << 20}});
  EXPECT_EQ(s.limits.max_steps, 1234);
  EXPECT_EQ(s.limits.timeout.count(), 0);
  EXPECT_EQ(s.limits.max_heap_bytes, std::size_t{2} << 20);
  EXPECT_TRUE(s.script_limits.empty());
}

TEST(ScriptLimitsConfig, AScriptEntryStartsFromTheSiteLimits) {
  ScriptSettings s = read(Json::parse(R"({
    "server_script_max_steps": 1000,
    "server_script_timeout_ms": 5000,
    "server_script_limits": {
      "Nightly Rollup": {"max_steps": 900000, "timeout_ms": 120000},
      "Quick Check": {"max_memory": 16777216}
    }})"));
  EXPECT_EQ(s.limits_for("Nightly Rollup").max_steps, 900000);
  EXPECT_EQ(s.limits_for("Nightly Rollup").timeout.count(), 120000);
  EXPECT_EQ(s.limits_for("Nightly Rollup").max_heap_bytes, lang::Limits{}.max_heap_bytes);
  EXPECT_EQ(s.limits_for("Quick Check").max_steps, 1000);
  EXPECT_EQ(s.limits_for("Quick Check").timeout.count(), 5000);
  EXPECT_EQ(s.limits_for("Quick Check").max_heap_bytes, std::size_t{16} << 20);
  // Names match exactly; anything else has the site's.
  EXPECT_EQ(s.limits_for("nightly rollup").max_steps, 1000);
  EXPECT_EQ(s.limits_for("Other").timeout.count(), 5000);
}

TEST(ScriptLimitsConfig, MalformedValuesAreRefusedByName) {
  EXPECT_EQ(error_of(Json{{"server_script_max_steps", 0}}),
            "config key server_script_max_steps must be an integer of at least 1, not 0");
  EXPECT_EQ(error_of(Json{{"server_script_limits", Json::array()}}),
            "config key server_script_limits must be an object of Server Script names to limits, "
            "not []");
  EXPECT_EQ(error_of(Json::parse(R"({"server_script_limits": {"A": 5}})")),
            "server_script_limits[\"A\"] must be an object of max_steps, timeout_ms, max_memory, "
            "not 5");
  EXPECT_EQ(error_of(Json::parse(R"({"server_script_limits": {"A": {"max_steps": "9"}}})")),
            "server_script_limits[\"A\"].max_steps must be an integer of at least 1, not \"9\"");
  EXPECT_EQ(error_of(Json::parse(R"({"server_script_limits": {"A": {"timeout_ms": -1}}})")),
            "server_script_limits[\"A\"].timeout_ms must be an integer of at least 0, not -1");
  EXPECT_EQ(error_of(Json::parse(R"({"server_script_limits": {"A": {"max_memory": 1000}}})")),
            "server_script_limits[\"A\"].max_memory must be an integer of at least 1048576, not "
            "1000");
  // A typo must not leave the script with the site's limit unnoticed.
  EXPECT_EQ(error_of(Json::parse(R"({"server_script_limits": {"A": {"max_step": 9}}})")),
            "server_script_limits[\"A\"]: unknown limit \"max_step\" (the limits are max_steps, "
            "timeout_ms, max_memory)");
}

// The site allows 100,000 steps per run; "Heavy" may take 50,000,000 and
// "Tight" only 1,000.
class PerScriptLimits : public ScriptingTest {
 public:
  void configure(ScriptSettings& settings) override {
    read_script_limits(Json::parse(R"({
      "server_script_max_steps": 100000,
      "server_script_limits": {
        "Heavy": {"max_steps": 50000000},
        "Tight": {"max_steps": 1000}
      }})"),
                       settings);
  }

  // What the API script at `method` answered: its message, or the class of
  // the error it stopped with.
  std::string call(const std::string& method) {
    try {
      auto r = run_api_script(*scripts, *session, method, Json::object(), "POST");
      if (!r) return "no such method";
      if (r->body.contains("exc_type")) return r->body["exc_type"].get<std::string>();
      return r->body["message"].dump();
    } catch (const ScriptError& e) {
      return e.python_type();
    }
  }
};

// A loop of `n` iterations: about n steps.
std::string counting(int n) {
  return "n = 0\nfor i in range(" + std::to_string(n) + "):\n    n += 1\n" +
         "frappe.response['message'] = n\n";
}

TEST_F(PerScriptLimits, AScriptWithAnOverrideGetsItsOwnLimit) {
  add_api_script("Heavy", "heavy", counting(1'000'000));
  add_api_script("Other", "other", counting(1'000'000));
  EXPECT_EQ(call("heavy"), "1000000");
  EXPECT_EQ(call("other"), "ScriptTimeoutError");  // the site's 100,000 steps
}

TEST_F(PerScriptLimits, AnOverrideMayAlsoTightenTheLimit) {
  add_api_script("Tight", "tight", counting(10'000));
  add_api_script("Other", "other", counting(10'000));
  EXPECT_EQ(call("tight"), "ScriptTimeoutError");
  EXPECT_EQ(call("other"), "10000");
}

}  // namespace
}  // namespace quire::scripting::testing
