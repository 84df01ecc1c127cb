// Transactions (shared/spec/sandbox-attacks.md): a script must not persist
// half-validated data by committing inside a document event, directly or
// through another script it calls, nor loop by saving its own document.

#include "security_fixture.h"

namespace quire::scripting::testing {
namespace {

using ScriptTransactions = SecurityTest;

TEST_F(ScriptTransactions, CommitInADocEventIsNotThereAndNothingIsKept) {
  add_event_script("commit then fail", "ToDo", "After Insert",
                   "frappe.db.commit()\nfrappe.throw('invalid')\n");
  add_api_script("insert", "insert_todo",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'half'}).insert()\n");
  auto r = run_api_script(*scripts, *session, "insert_todo", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body["exc_type"], "AttributeError") << r->body.dump();
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

TEST_F(ScriptTransactions, ADocEventCannotCommitThroughAnApiScriptItCalls) {
  // Frappe disables transaction control around doc_events handlers
  // (frappe.db._disable_transaction_control): a commit made by an API
  // script that the event calls is ignored too.
  add_api_script("committer", "committer", "frappe.db.commit()\n");
  add_event_script("call then fail", "ToDo", "After Insert",
                   "frappe.call('committer')\nrun_script('committer')\nfrappe.throw('invalid')\n");
  add_api_script("insert", "insert_todo",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'half'}).insert()\n");
  auto r = run_api_script(*scripts, *session, "insert_todo", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body["exc_type"], "ValidationError") << r->body.dump();
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

TEST_F(ScriptTransactions, RollbackInsideADocEventThroughAnApiScriptIsIgnoredToo) {
  add_api_script("rollbacker", "rollbacker", "frappe.db.rollback()\n");
  add_event_script("call rollback", "ToDo", "After Insert", "frappe.call('rollbacker')\n");
  add_api_script("insert", "insert_two",
                 "frappe.get_doc({'doctype': 'Note', 'title': 'before'}).insert()\n"
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'x'}).insert()\n");
  auto r = run_api_script(*scripts, *session, "insert_two", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body.dump();
  // Nothing the request wrote before the event was undone behind its back.
  EXPECT_EQ(model::count(*session, "Note"), 1);
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
}

TEST_F(ScriptTransactions, AnApiScriptStillCommitsOutsideDocEvents) {
  add_api_script("committer", "committer", "frappe.db.commit()\n");
  add_api_script("write then call", "write_then_call",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'kept'}).insert()\n"
                 "frappe.call('committer')\n");
  // GET rolls back what was not committed: the nested commit kept it.
  run_api_script(*scripts, *session, "write_then_call", Json::object(), "GET");
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
}

TEST_F(ScriptTransactions, SavingItsOwnDocumentFromAfterSaveIsStopped) {
  add_event_script("loop", "ToDo", "After Save", "doc.description = 'again'\ndoc.save()\n");
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
    FAIL() << "expected a ValidationError";
  } catch (const model::FrappeError& e) {
    EXPECT_NE(std::string(e.what()).find("would run the same event again"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

}  // namespace
}  // namespace quire::scripting::testing
