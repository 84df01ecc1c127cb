// Work a script hands to native code (a query) must stop at the run's
// deadline like the script's own loops do.

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

class ScriptCpu : public SecurityTest {
 public:
  void configure(ScriptSettings& settings) override {
    settings.limits.timeout = std::chrono::milliseconds(300);
  }
};

TEST_F(ScriptCpu, AnEndlessRecursiveQueryStopsAtTheDeadline) {
  std::string out =
      run("frappe.db.sql('with recursive c(x) as (select 1 union all select x + 1 from c) "
          "select count(*) from c')\n");
  EXPECT_EQ(out.rfind("ScriptTimeoutError", 0), 0u) << out;
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST_F(ScriptCpu, TheInterruptIsTheRunsLimitErrorAndCannotBeCaught) {
  std::string out =
      run("try:\n"
          "    frappe.db.sql('with recursive c(x) as (select 1 union all select x + 1 from c) "
          "select count(*) from c')\n"
          "except Exception as e:\n"
          "    print('caught', e)\n"
          "print('went on')\n");
  EXPECT_EQ(out.rfind("ScriptTimeoutError", 0), 0u) << out;
  // The connection is left as it was: later queries run in full.
  EXPECT_EQ(run("print(frappe.db.sql('with recursive c(x) as (select 1 union all select x + 1 "
                "from c where x < 100000) select count(*) from c'))\n"),
            "((100000,),)\n");
}

// A nested run (frappe.call, run_script) shares the outermost run's deadline:
// stopped by it, the outermost run fails with the time limit's error, which
// its script cannot catch. It said "RuntimeError: ScriptCancelledError: script
// was cancelled", an error the calling script could catch and go on after.
TEST_F(ScriptCpu, ANestedRunStoppedByTheDeadlineNamesTheTimeLimit) {
  add_api_script("spinner", "spinner", "x = 0\nwhile True:\n    x += 1\n");
  int callers = 0;
  for (std::string call : {"frappe.call('spinner')", "run_script('spinner')"}) {
    const std::string name = "caller" + std::to_string(++callers);
    add_api_script(name, name,
                   "print('calling')\ntry:\n    " + call +
                       "\nexcept Exception as e:\n    print('caught', e)\nprint('went on')\n");
    Json body;
    try {
      auto r = run_api_script(*scripts, *session, name, Json::object(), "POST");
      ASSERT_TRUE(r);
      body = r->body;
    } catch (const ScriptError& e) {
      body = Json{{"exc_type", e.python_type()}, {"exception", e.traceback()}};
    }
    EXPECT_EQ(body.value("exc_type", ""), "ScriptTimeoutError") << call << body.dump();
    EXPECT_NE(body.value("exception", "").find("time limit of 300 ms exceeded"), std::string::npos)
        << body.dump();
    EXPECT_EQ(body.dump().find("went on"), std::string::npos) << body.dump();
  }
}

// Permission Query conditions run inside every get_list of the DocType, in
// model code where no script deadline applies: an endless recursive CTE
// there would hang each list. A WITH clause is refused (RECURSIVE is
// optional in SQLite, so the keyword WITH is what is looked for), also in
// other spellings; quoted text holding the word is fine.
TEST_F(ScriptCpu, PermissionQueryConditionsCannotRunForever) {
  auto endless = add_script(
      "endless pq", Json{{"script_type", "Permission Query"},
                         {"reference_doctype", "ToDo"},
                         {"script",
                          "conditions = 'exists (with recursive c(x) as (select 1 union all "
                          "select x + 1 from c) select 1 from c where x < 0)'\n"}});
  insert(Json{{"doctype", "ToDo"}, {"description", "with care"}});
  auto set_conditions = [&](const std::string& script) {
    as_script_manager([&] {
      endless->set("script", script);
      model::save(*session, *endless);
    });
  };
  become("u1@example.com", {"All", "Guest"});
  std::string out = run("frappe.get_list('ToDo')\n");
  EXPECT_EQ(out.rfind("ValidationError", 0), 0u) << out;
  EXPECT_NE(out.find("WITH clause"), std::string::npos) << out;
  for (const char* spelling :
       {"exists (WITH c(x) as (select 1 union all select x + 1 from c) select 1 from c)",
        "exists (/**/wItH/**/c(x) as (select 1) select 1 from c)"}) {
    set_conditions(std::string("conditions = '") + spelling + "'\n");
    out = run("frappe.get_list('ToDo')\n");
    EXPECT_EQ(out.rfind("ValidationError", 0), 0u) << spelling << " -> " << out;
  }
  set_conditions("conditions = \"description = 'with care' and `with` is null\"\n");
  EXPECT_NE(run("frappe.get_list('ToDo')\n").find("no such column: with"), std::string::npos);
  set_conditions("conditions = \"description = 'with care'\"\n");
  EXPECT_EQ(run("print(len(frappe.get_list('ToDo')))\n"), "1\n");
}

}  // namespace
}  // namespace quire::scripting::testing
