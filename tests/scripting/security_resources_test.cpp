// Exhausting the host through the API a script is given: what a script asks
// the host to keep (logs, messages, queued jobs, query results) must count
// against the run's limits, so no loop grows the process without bound.

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

class ScriptResources : public SecurityTest {
 public:
  void configure(ScriptSettings& settings) override {
    settings.limits.max_heap_bytes = std::size_t{8} << 20;
    settings.limits.max_output_bytes = 64 << 10;
  }
  std::size_t logged_bytes(const RequestState& r) const {
    std::size_t n = 0;
    for (const auto& line : r.debug_log) n += line.size();
    for (const auto& m : r.message_log) n += m.dump().size();
    return n;
  }
  // Runs `source` as an API script and returns the request it filled.
  std::pair<std::string, std::size_t> flood(const std::string& name, const std::string& source) {
    add_api_script(name, name, source);
    RequestState request;
    request.http_method = "POST";
    auto r = run_api_script(*scripts, *session, name, request);
    return {r ? r->body.value("exc_type", "") : "no script", logged_bytes(request)};
  }
};

TEST_F(ScriptResources, FrappeLogInALoopIsBoundedByTheMemoryLimit) {
  auto [error, kept] =
      flood("log flood", "s = 'x' * 1000000\nfor i in range(200):\n    frappe.log(s)\n");
  EXPECT_EQ(error, "ScriptMemoryError");
  EXPECT_LT(kept, std::size_t{16} << 20);
}

TEST_F(ScriptResources, MsgprintInALoopIsBoundedByTheMemoryLimit) {
  auto [error, kept] =
      flood("msg flood", "s = 'x' * 1000000\nfor i in range(200):\n    frappe.msgprint(s)\n");
  EXPECT_EQ(error, "ScriptMemoryError");
  EXPECT_LT(kept, std::size_t{16} << 20);
}

TEST_F(ScriptResources, PrintIsBoundedByTheOutputLimit) {
  auto [error, kept] = flood("print flood", "for i in range(100000):\n    print('x' * 1000)\n");
  EXPECT_EQ(error, "ScriptOutputError");
  EXPECT_LE(kept, std::size_t{128} << 10);
}

// The print budget is the outermost run's, shared with the runs it reaches
// (as the deadline is): an API script calling another that prints up to the
// cap, in a loop, kept max_output_bytes per call in RequestState::debug_log.
TEST_F(ScriptResources, PrintThroughNestedRunsIsBoundedByTheOutputLimit) {
  add_api_script("printer", "printer", "print('x' * 60000)\n");
  auto [error, kept] =
      flood("nested print flood", "for i in range(200):\n    frappe.call('printer')\n");
  EXPECT_EQ(error, "ScriptOutputError");
  EXPECT_LE(kept, std::size_t{128} << 10);
}

// Each frappe.enqueue keeps a copy of its kwargs until commit, outside the
// script's heap: the copies count against the run's memory (a loop queued
// ~200 MB for a run limited to 8 MiB, and every job reached the queue).
TEST_F(ScriptResources, EnqueueInALoopIsBoundedByTheMemoryLimit) {
  add_api_script("work", "work", "pass\n");
  auto [error, kept] =
      flood("enqueue flood",
            "s = 'x' * 1000000\nfor i in range(200):\n    frappe.enqueue('work', a=s)\n");
  EXPECT_EQ(error, "ScriptMemoryError");
  EXPECT_TRUE(enqueued.empty());
}

TEST_F(ScriptResources, AHugeQueryResultIsRefusedBeforeFillingTheHeap) {
  // get_all with no limit on a table larger than the run's heap: a MemoryError
  // before converting (the heap's own check only runs at the next loop
  // iteration, so a straight-line script used to finish past its limit).
  session->flags["in_install"] = true;
  for (int i = 0; i < 3000; ++i) {
    insert(Json{{"doctype", "ToDo"}, {"description", std::string(4000, 'a' + i % 26)}});
  }
  session->flags.erase("in_install");
  auto [error, kept] = flood("big read",
                             "rows = frappe.get_all('ToDo', fields=['description'], limit=0)\n"
                             "frappe.response['message'] = len(rows)\n");
  EXPECT_EQ(error, "MemoryError");
  auto [sql_error, sql_kept] = flood("big sql",
                                     "rows = frappe.db.sql('select description from tabToDo')\n"
                                     "frappe.response['message'] = len(rows)\n");
  EXPECT_EQ(sql_error, "MemoryError");
  // A result that fits is read as before.
  auto [small_error, small_kept] =
      flood("small read", "frappe.response['message'] = len(frappe.get_all('ToDo', limit=10))\n");
  EXPECT_EQ(small_error, "");
}

}  // namespace
}  // namespace quire::scripting::testing
