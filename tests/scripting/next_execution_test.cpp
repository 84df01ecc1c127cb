// Saving a Scheduler Event script writes its Scheduled Job Type's
// next_execution (spec §2.3, §12 case 18) through ScriptSettings'
// next_execution hook, filled here as `quire serve` fills it: the jobs
// layer's next due time. The fixture's clock reads 2025-03-12 10:00 (a
// Wednesday); each expectation is the frequency's cron read by hand.

#include "jobs/next_execution.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class NextExecution : public ScriptingTest {
 public:
  void configure(ScriptSettings& settings) override {
    settings.next_execution = [](model::Session& session, const model::Document& job) {
      return jobs::next_execution_of(session, job, 4, 0);
    };
  }

  std::string next_execution_of(const std::string& script) {
    model::ListArgs args;
    args.doctype = "Scheduled Job Type";
    args.filters = Json{{"server_script", script}};
    args.pluck = "next_execution";
    Json found = model::get_all(*session, args);
    if (found.size() != 1 || !found[0].is_string()) return "(" + found.dump() + ")";
    return found[0].get<std::string>().substr(0, 19);
  }
};

TEST_F(NextExecution, EachFrequencyIsDueAtItsCronsNextTime) {
  const std::pair<const char*, const char*> cases[] = {
      {"All", "2025-03-12 10:04:00"},          // */4 * * * *
      {"Hourly", "2025-03-12 11:00:00"},       // 0 * * * *
      {"Hourly Long", "2025-03-12 11:00:00"},  //
      {"Daily", "2025-03-13 00:00:00"},        // 0 0 * * *
      {"Weekly", "2025-03-16 00:00:00"},       // 0 0 * * 0: the next Sunday
      {"Monthly", "2025-04-01 00:00:00"},      // 0 0 1 * *
      {"Yearly", "2026-01-01 00:00:00"},       // 0 0 1 1 *
  };
  for (const auto& [frequency, due] : cases) {
    std::string name = std::string("every ") + frequency;
    add_script(name, Json{{"script_type", "Scheduler Event"},
                          {"event_frequency", frequency},
                          {"script", "pass\n"}});
    EXPECT_EQ(next_execution_of(name), due) << frequency;
  }
}

TEST_F(NextExecution, ChangingTheFrequencyMovesIt) {
  auto script = add_script(
      "moving",
      Json{{"script_type", "Scheduler Event"}, {"event_frequency", "Daily"}, {"script", "pass\n"}});
  EXPECT_EQ(next_execution_of("moving"), "2025-03-13 00:00:00");
  script->set("event_frequency", "Cron");
  script->set("cron_format", "30 6 * * 1-5");
  model::save(*session, *script);
  EXPECT_EQ(next_execution_of("moving"), "2025-03-13 06:30:00");
}

TEST_F(NextExecution, ABadCronIsRefusedWithFrappesMessage) {
  try {
    add_script("bad cron", Json{{"script_type", "Scheduler Event"},
                                {"event_frequency", "Cron"},
                                {"cron_format", "61 * * * *"},
                                {"script", "pass\n"}});
    FAIL() << "expected ValidationError";
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::ValidationError);
    EXPECT_EQ(std::string(e.what()), "61 * * * * is not a valid Cron expression.");
    EXPECT_EQ(e.title(), "Bad Cron Expression");
  }
  EXPECT_EQ(model::count(*session, "Server Script"), 0);
}

}  // namespace
}  // namespace quire::scripting::testing
