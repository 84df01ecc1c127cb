// Workflow Task scripts (spec §1.1, §1.3 execute_workflow_task): the script
// type is accepted, the script runs for a document with locals {doc} and may
// commit; any other script type is DoesNotExistError, as Frappe's.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using WorkflowTask = ScriptingTest;

TEST_F(WorkflowTask, RunsForTheDocumentAndItsWritesAreCommitted) {
  add_script("close it", Json{{"script_type", "Workflow Task"},
                              {"script",
                               "print('task for', doc.description)\n"
                               "doc.status = 'Closed'\n"
                               "doc.save()\n"
                               "frappe.db.commit()\n"}});
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "review"}});
  RequestState request;
  RequestScope scope(*session, request);
  scripts->execute_workflow_task(*session, "close it", *todo);
  EXPECT_EQ(request.debug_log, std::vector<std::string>{"task for review"});
  EXPECT_EQ(todo->get("status"), "Closed");
  auto stored = model::get_doc(*session, "ToDo", todo->name_text());
  EXPECT_EQ(stored->get("status"), "Closed");
}

TEST_F(WorkflowTask, AFailureRollsBackWhatTheTaskWrote) {
  add_script("half", Json{{"script_type", "Workflow Task"},
                          {"script",
                           "frappe.get_doc({'doctype': 'ToDo', 'description': 'side'}).insert()\n"
                           "{}['missing']\n"}});
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "review"}});
  try {
    scripts->execute_workflow_task(*session, "half", *todo);
    FAIL() << "expected the script's KeyError";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.python_type(), "KeyError");
  }
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "side"}}), 0);
}

TEST_F(WorkflowTask, OtherScriptTypesAreDoesNotExistError) {
  add_api_script("an api", "an_api", "pass\n");
  add_script("task", Json{{"script_type", "Workflow Task"}, {"script", "pass\n"}});
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  for (const char* name : {"an api", "nothing by that name"}) {
    try {
      scripts->execute_workflow_task(*session, name, *todo);
      FAIL() << name;
    } catch (const model::FrappeError& e) {
      EXPECT_EQ(e.kind(), model::ErrorKind::DoesNotExistError) << name;
    }
  }
  // And a Workflow Task is none of the other kinds.
  try {
    scripts->execute_scheduled(*session, "task");
    FAIL() << "a Workflow Task ran as a Scheduler Event";
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::DoesNotExistError);
  }
  EXPECT_FALSE(run_api_script(*scripts, *session, "task", Json::object(), "POST"));
}

}  // namespace
}  // namespace quire::scripting::testing
