// The Server Script DocType itself (spec §1.2, §2.3): who may change one,
// compile on save, the map cache, Scheduled Job Type sync, execute-script.

#include <filesystem>
#include <fstream>

#include "../support/temp_dir.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using ServerScriptDoctype = ScriptingTest;

TEST_F(ServerScriptDoctype, OnlyScriptManagersMayChangeOne) {
  session->user = "someone@example.com";
  session->roles = {"System Manager", "All"};
  try {
    add_event_script("s", "ToDo", "Before Save", "pass\n");
    FAIL() << "expected PermissionError";
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::PermissionError);
  }
  session->roles = {"Script Manager", "All"};
  EXPECT_NO_THROW(add_event_script("s", "ToDo", "Before Save", "pass\n"));
}

TEST_F(ServerScriptDoctype, ASyntaxErrorIsRefusedWithItsLine) {
  // spec §12.1 case 9: "js || code.?" is refused with "invalid python code".
  try {
    add_event_script("bad", "ToDo", "Before Save", "x = 1\njs || code.?\n");
    FAIL() << "expected ValidationError";
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::ValidationError);
    EXPECT_EQ(std::string(e.what()).rfind("Script: Invalid python code on line 2", 0), 0u)
        << e.what();
    EXPECT_EQ(e.title(), "Syntax Error");
  }
  EXPECT_EQ(model::count(*session, "Server Script"), 0);
}

TEST_F(ServerScriptDoctype, EditingAScriptReplacesTheCompiledCode) {
  auto s = add_event_script("s", "ToDo", "Before Save", "doc.description = 'one'\n");
  auto a = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", a->name(), "description"), "one");
  s->set("script", "doc.description = 'two'\n");
  model::save(*session, *s);
  auto b = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", b->name(), "description"), "two");
  model::delete_doc(*session, "Server Script", "s");
  auto c = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", c->name(), "description"), "x");
}

TEST_F(ServerScriptDoctype, SchedulerScriptKeepsItsJobTypeInStep) {
  // spec §12.1 cases 17, 19-22.
  auto s = add_script("Daily Cleanup", Json{{"script_type", "Scheduler Event"},
                                            {"event_frequency", "Hourly"},
                                            {"script", "pass\n"}});
  auto job = [&] {
    return model::get_value(*session, "Scheduled Job Type",
                            Json{{"server_script", "Daily Cleanup"}},
                            Json::array({"method", "frequency", "cron_format", "stopped"}), true);
  };
  EXPECT_EQ(job()["method"], "daily_cleanup_hourly");
  EXPECT_EQ(job()["frequency"], "Hourly");
  EXPECT_EQ(job()["stopped"], 0);
  s->set("event_frequency", "Monthly");
  model::save(*session, *s);
  EXPECT_EQ(job()["frequency"], "Monthly");
  s->set("event_frequency", "Cron");
  s->set("cron_format", "* * * * *");
  model::save(*session, *s);
  EXPECT_EQ(job()["frequency"], "Cron");
  EXPECT_EQ(job()["cron_format"], "* * * * *");
  s->set("disabled", 1);
  model::save(*session, *s);
  EXPECT_EQ(job()["stopped"], 1);
  s->set("disabled", 0);
  model::save(*session, *s);
  EXPECT_EQ(job()["stopped"], 0);
  s->set("script_type", "API");
  s->set("api_method", "cleanup");
  model::save(*session, *s);
  EXPECT_EQ(job()["stopped"], 1);
  s->set("script_type", "Scheduler Event");
  model::save(*session, *s);
  EXPECT_EQ(job()["stopped"], 0);
}

TEST_F(ServerScriptDoctype, ExecuteScheduledRunsTheScriptAndCommits) {
  add_script("nightly", Json{{"script_type", "Scheduler Event"},
                             {"event_frequency", "Daily"},
                             {"script",
                              "frappe.get_doc({'doctype': 'ToDo', 'description': "
                              "'from scheduler'}).insert()\n"}});
  scripts->execute_scheduled(*session, "nightly");
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "from scheduler"}}), 1);
  EXPECT_THROW(scripts->execute_scheduled(*session, "nope"), model::FrappeError);
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST_F(ServerScriptDoctype, APolicyViolationIsRefusedWithItsLine) {
  try {
    add_event_script("sneaky", "ToDo", "Before Save", "x = 1\ny = doc.__class__\n");
    FAIL() << "expected ValidationError";
  } catch (const model::FrappeError& e) {
    std::string text = e.what();
    EXPECT_EQ(text.rfind("Script: Invalid python code on line 2", 0), 0u) << text;
    EXPECT_NE(text.find("\"__class__\" is an invalid attribute name"), std::string::npos) << text;
  }
}

// The step budget, not the clock, stops the runaway: without a deadline the
// outcome does not depend on how fast the machine (or a sanitizer build) is.
class RunawayScript : public ScriptingTest {
  void configure(ScriptSettings& settings) override {
    settings.limits.max_steps = 2'000'000;
    settings.limits.timeout = std::chrono::milliseconds{0};
  }
};

TEST_F(RunawayScript, IsStoppedAndItsWorkRolledBack) {
  add_event_script("forever", "ToDo", "Before Save",
                   "frappe.get_doc({'doctype': 'Note', 'title': 'n'}).insert()\n"
                   "while True:\n    try:\n        pass\n    except Exception:\n        pass\n");
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
    FAIL() << "expected the step limit";
  } catch (const ScriptError& e) {
    EXPECT_NE(std::string(e.what()).find("step budget"), std::string::npos) << e.what();
  }
  EXPECT_EQ(model::count(*session, "Note"), 0);
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST(ServerScriptEnabled, ReadFromCommonSiteConfigAndFollowsChanges) {
  quire::testing::TempDir dir;
  std::string path = (dir / "common_site_config.json").string();
  auto enabled = server_script_enabled_setting(path);
  EXPECT_FALSE(enabled());  // no file
  std::ofstream(path) << "{\"server_script_enabled\": 1}";
  EXPECT_TRUE(enabled());
  EXPECT_TRUE(read_server_script_enabled(path));
  std::ofstream(path) << "{\"server_script_enabled\": false, \"other\": 2}";
  // A rewrite within the file system's timestamp resolution may keep the
  // mtime; bump it so the change is seen.
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds(1));
  EXPECT_FALSE(enabled());
  EXPECT_FALSE(read_server_script_enabled(path));
}

}  // namespace
}  // namespace quire::scripting::testing
