// Transaction callbacks (frappe.db.before_commit.add(fn) ...) still waiting
// when a script ends run where Frappe runs them: when the request or job
// ends its transaction (app.py sync_database: a POST commits, a GET rolls
// back; a scheduled job commits). quire runs them as the run ends, while
// their functions still live, around that commit or rollback. They were
// dropped silently.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class TransactionCallbacksAtTheEnd : public ScriptingTest {
 public:
  // The API script `name` run over HTTP `method`: what it printed.
  std::string call_api(const std::string& name, const std::string& method) {
    auto r = run_api_script(*scripts, *session, name, Json::object(), method);
    if (!r) return "no such method";
    std::string printed = r->body.value("_debug_messages", "");
    if (r->status != 200) printed += ' ' + r->body.dump();
    return printed;
  }

  std::int64_t todos(const std::string& description) {
    return model::count(*session, "ToDo", Json{{"description", description}});
  }
};

const char* kAddsEveryKind =
    "def note(text):\n"
    "    return lambda: print(text)\n"
    "frappe.db.before_commit.add(note('before commit'))\n"
    "frappe.db.after_commit.add(note('after commit'))\n"
    "frappe.db.before_rollback.add(note('before rollback'))\n"
    "frappe.db.after_rollback.add(note('after rollback'))\n"
    "print('script ends')\n";

TEST_F(TransactionCallbacksAtTheEnd, APostRunsTheCommitOnes) {
  add_api_script("adds", "adds", kAddsEveryKind);
  EXPECT_EQ(call_api("adds", "POST"),
            Json({"script ends", "before commit", "after commit"}).dump());
}

TEST_F(TransactionCallbacksAtTheEnd, AGetRunsTheRollbackOnes) {
  add_api_script("adds", "adds", kAddsEveryKind);
  EXPECT_EQ(call_api("adds", "GET"),
            Json({"script ends", "before rollback", "after rollback"}).dump());
}

TEST_F(TransactionCallbacksAtTheEnd, AScheduledRunRunsTheCommitOnes) {
  add_script("adds", Json{{"script_type", "Scheduler Event"},
                          {"event_frequency", "Daily"},
                          {"script", kAddsEveryKind}});
  EXPECT_EQ(run_scheduled("adds"), "script ends\nbefore commit\nafter commit\n");
}

// What before_commit writes is committed with the script's work; what
// after_commit writes is committed too (the request's last commit).
TEST_F(TransactionCallbacksAtTheEnd, WritesOfCommitCallbacksAreKept) {
  add_api_script("writes", "writes",
                 "def todo(text):\n"
                 "    return lambda: frappe.get_doc({'doctype': 'ToDo', 'description': "
                 "text}).insert()\n"
                 "frappe.db.before_commit.add(todo('before'))\n"
                 "frappe.db.after_commit.add(todo('after'))\n");
  EXPECT_EQ(call_api("writes", "POST"), "");
  EXPECT_EQ(todos("before"), 1);
  EXPECT_EQ(todos("after"), 1);
}

// A callback that raises fails the request, as the commit it runs in would.
TEST_F(TransactionCallbacksAtTheEnd, ACallbackThatRaisesFailsTheRun) {
  add_api_script("raises", "raises",
                 "def boom():\n"
                 "    frappe.throw('from the callback')\n"
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'kept?'}).insert()\n"
                 "frappe.db.before_commit.add(boom)\n");
  std::string out = call_api("raises", "POST");
  EXPECT_NE(out.find("from the callback"), std::string::npos) << out;
  EXPECT_EQ(todos("kept?"), 0);
}

// A run nested in another (frappe.call) ends before the transaction does,
// and its functions end with it: add() says so instead of dropping them.
TEST_F(TransactionCallbacksAtTheEnd, ANestedRunIsRefusedAtAdd) {
  add_api_script("inner", "inner", "frappe.db.after_commit.add(lambda: None)\n");
  add_api_script("outer", "outer", "frappe.call('inner')\n");
  std::string out = call_api("outer", "POST");
  EXPECT_NE(out.find("frappe.db.after_commit.add()"), std::string::npos) << out;
  EXPECT_NE(out.find("nested"), std::string::npos) << out;
}

}  // namespace
}  // namespace quire::scripting::testing
