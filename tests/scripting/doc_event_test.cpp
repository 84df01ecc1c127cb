// DocType Event scripts (spec §2.1) and the worked examples of the issue:
// a status set before save, a custom validation, a ToDo made after save.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using DocEvents = ScriptingTest;

TEST_F(DocEvents, BeforeSaveSetsAField) {
  add_event_script("set status", "ToDo", "Before Save",
                   "if doc.priority == 'High':\n    doc.status = 'Closed'\n");
  auto a = insert(Json{{"doctype", "ToDo"}, {"description", "x"}, {"priority", "High"}});
  auto b = insert(Json{{"doctype", "ToDo"}, {"description", "y"}, {"priority", "Low"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", a->name(), "status"), "Closed");
  EXPECT_EQ(model::get_value(*session, "ToDo", b->name(), "status"), "Open");
}

TEST_F(DocEvents, ValidationRefusesAndRollsBack) {
  add_event_script("no empty", "ToDo", "Before Save",
                   "if not doc.description:\n    frappe.throw('Description is required')\n");
  auto doc = model::doc_from_dict(*session, Json{{"doctype", "ToDo"}});
  try {
    model::insert(*session, *doc);
    FAIL() << "expected a ValidationError";
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::ValidationError);
    EXPECT_STREQ(e.what(), "Description is required");
  }
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

TEST_F(DocEvents, AfterInsertCreatesAnotherDocument) {
  add_event_script("note after", "ToDo", "After Insert",
                   "frappe.get_doc({'doctype': 'Note', 'title': 'For ' + doc.name}).insert()\n");
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  EXPECT_EQ(model::count(*session, "Note", Json{{"title", "For " + t->name_text()}}), 1);
}

TEST_F(DocEvents, AnExceptionInAnAfterEventRollsBackEverything) {
  add_event_script("note then fail", "ToDo", "After Insert",
                   "frappe.get_doc({'doctype': 'Note', 'title': 'n'}).insert()\n"
                   "frappe.throw('stop')\n");
  EXPECT_THROW(insert(Json{{"doctype", "ToDo"}, {"description", "x"}}), model::FrappeError);
  EXPECT_EQ(model::count(*session, "Note"), 0);
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
}

TEST_F(DocEvents, SeveralScriptsRunMostRecentlyModifiedFirst) {
  add_event_script("first", "ToDo", "Before Save",
                   "doc.description = (doc.description or '') + 'A'\n");
  add_event_script("second", "ToDo", "Before Save",
                   "doc.description = (doc.description or '') + 'B'\n");
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "-"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "description"), "-BA");
}

TEST_F(DocEvents, EveryLabelFiresAtItsHook) {
  add_event_script("bi", "ToDo", "Before Insert", "frappe.log_error('Before Insert')\n");
  add_event_script("bv", "ToDo", "Before Validate", "frappe.log_error('Before Validate')\n");
  add_event_script("bs", "ToDo", "Before Save", "frappe.log_error('Before Save')\n");
  add_event_script("ai", "ToDo", "After Insert", "frappe.log_error('After Insert')\n");
  add_event_script("as", "ToDo", "After Save", "frappe.log_error('After Save')\n");
  add_event_script("bd", "ToDo", "Before Delete", "frappe.log_error('Before Delete')\n");
  add_event_script("ad", "ToDo", "After Delete", "frappe.log_error('After Delete')\n");
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  model::delete_doc(*session, "ToDo", t->name());
  model::ListArgs l;
  l.doctype = "Error Log";
  l.pluck = "method";
  l.order_by = "creation asc";
  EXPECT_EQ(model::get_all(*session, l),
            Json::array({"Before Insert", "Before Validate", "Before Save", "After Insert",
                         "After Save", "Before Delete", "After Delete"}));
}

TEST_F(DocEvents, CommitIsNotAvailable) {
  add_event_script("commit", "ToDo", "Before Save", "frappe.db.commit()\n");
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
    FAIL() << "expected AttributeError";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.python_type(), "AttributeError");
  }
}

TEST_F(DocEvents, SavingItsOwnDocumentInBeforeSaveIsStopped) {
  add_event_script("loop", "ToDo", "Before Save", "doc.save()\n");
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
    FAIL() << "expected a ValidationError";
  } catch (const model::FrappeError& e) {
    EXPECT_NE(std::string(e.what()).find("would run the same event again"), std::string::npos)
        << e.what();
  }
}

TEST_F(DocEvents, DbSetInAfterSaveIsKept) {
  add_event_script("after", "ToDo", "After Save", "doc.db_set('priority', 'Low')\n");
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "x"}, {"priority", "High"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "priority"), "Low");
}

TEST_F(DocEvents, ChangedValuesAndDocBeforeSave) {
  add_event_script("changes", "ToDo", "Before Save",
                   "if not doc.is_new() and doc.has_value_changed('description'):\n"
                   "    doc.priority = 'Low'\n"
                   "    frappe.log_error(doc.get_doc_before_save().description)\n");
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "one"}, {"priority", "High"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "priority"), "High");
  t->set("description", "two");
  model::save(*session, *t);
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "priority"), "Low");
  EXPECT_EQ(model::get_value(*session, "Error Log", Json::object(), "method"), "one");
}

TEST_F(DocEvents, DisabledScriptsDoNotRun) {
  add_script("off", Json{{"script_type", "DocType Event"},
                         {"reference_doctype", "ToDo"},
                         {"doctype_event", "Before Save"},
                         {"disabled", 1},
                         {"script", "frappe.throw('no')\n"}});
  EXPECT_NO_THROW(insert(Json{{"doctype", "ToDo"}, {"description", "x"}}));
}

TEST_F(DocEvents, ServerScriptsOffInTheSiteConfigRefuseToRun) {
  add_event_script("s", "ToDo", "Before Save", "pass\n");
  enabled = false;
  try {
    insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
    FAIL() << "expected ServerScriptNotEnabled";
  } catch (const ScriptError& e) {
    EXPECT_EQ(e.python_type(), "ServerScriptNotEnabled");
    EXPECT_EQ(e.http_status(), 403);
    EXPECT_EQ(std::string(e.what()).rfind("Server Scripts are disabled. Please enable server "
                                          "scripts from bench configuration.",
                                          0),
              0u);
  }
}

}  // namespace
}  // namespace quire::scripting::testing
