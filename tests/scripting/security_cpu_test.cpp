// Work a script hands to native code (a query) must stop at the run's
// deadline like the script's own loops do.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class ScriptCpu : public ScriptingTest {
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

// DISABLED (it hangs until fixed): a hole in the Permission Query check
// (server_scripts.cpp, owner: server_scripts). `conditions` holding an
// endless recursive CTE in a subquery passes the read-only-expression check,
// and every get_list of the DocType by a non-Administrator then runs forever
// in model code, where no script deadline applies (the conditions are
// evaluated only when the table has rows). Refuse WITH/RECURSIVE in
// conditions, or run get_list's statement with a progress handler.
TEST_F(ScriptCpu, DISABLED_PermissionQueryConditionsCannotRunForever) {
  add_script("endless pq", Json{{"script_type", "Permission Query"},
                                {"reference_doctype", "ToDo"},
                                {"script",
                                 "conditions = 'exists (with recursive c(x) as (select 1 union all "
                                 "select x + 1 from c) select 1 from c where x < 0)'\n"}});
  insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  session->user = "u1@example.com";
  session->roles = {"All", "Guest"};
  std::string out = run("frappe.get_list('ToDo')\n");
  EXPECT_EQ(out.rfind("ScriptTimeoutError", 0), 0u) << out;
}

}  // namespace
}  // namespace quire::scripting::testing
