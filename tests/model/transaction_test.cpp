// Rollback leaves no trace: a failing hook undoes everything its unit wrote,
// documents inserted by hooks included; nested units are savepoints.
#include "model/transaction.h"
#include "db/sqlite/statement_cache.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Rollback : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Job", "autoname": "JOB-.###",
      "fields": [{"fieldname": "title", "fieldtype": "Data"}]})"));
  }
  std::int64_t rows(const char* table) {
    return std::get<std::int64_t>(
        db->query(std::string("SELECT count(*) FROM `") + table + "`")[0][0]);
  }
};

TEST_F(Rollback, FailingAfterInsertHookUndoesTheRowHookInsertsAndSeries) {
  events.add_doc_event("Job", "after_insert", [](Document&, HookCall& call) {
    auto note = new_doc(call.session, "Note");
    note->set("title", "made by a hook");
    insert(call.session, *note);
  });
  events.add_doc_event("Job", "on_update", [](Document&, HookCall&) {
    raise(ErrorKind::ValidationError, "refused late");
  });
  auto doc = make({{"doctype", "Job"}, {"title", "x"}});
  auto versions_before = rows("tabVersion");
  EXPECT_STREQ(error_of([&] { insert(*session, *doc); }).what(), "refused late");
  EXPECT_EQ(rows("tabJob"), 0);
  EXPECT_EQ(rows("tabNote"), 0);
  EXPECT_EQ(rows("tabVersion"), versions_before);
  EXPECT_EQ(rows("tabSeries") > 0 ? std::get<std::int64_t>(db->query(
                                        "SELECT count(*) FROM tabSeries WHERE name = 'JOB-'")[0][0])
                                  : 0,
            0);
  EXPECT_EQ(session->transaction_depth, 0);
}

TEST_F(Rollback, FailingSaveKeepsTheStoredDocument) {
  auto doc = make({{"doctype", "Job"}, {"title", "before"}});
  insert(*session, *doc);
  events.add_doc_event("Job", "on_update",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  doc->set("title", "after");
  error_of([&] { save(*session, *doc); });
  EXPECT_EQ(get_value(*session, "Job", doc->get("name"), "title"), Json("before"));
}

TEST_F(Rollback, FailingDeleteKeepsEverything) {
  auto doc = make({{"doctype", "Job"}, {"title", "x"}});
  insert(*session, *doc);
  events.add_doc_event("Job", "after_delete",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  error_of([&] { delete_doc(*session, "Job", doc->get("name")); });
  EXPECT_EQ(count(*session, "Job"), 1);
}

TEST_F(Rollback, OuterUnitRollsBackCommittedInnerUnits) {
  {
    Transaction unit(*session);
    insert(*session, *make({{"doctype", "Job"}, {"title", "a"}}));
    insert(*session, *make({{"doctype", "Job"}, {"title", "b"}}));
    EXPECT_EQ(count(*session, "Job"), 2);
    // leaving without commit(): a request that failed after these inserts
  }
  EXPECT_EQ(count(*session, "Job"), 0);
}

TEST_F(Rollback, CaughtInnerFailureKeepsTheRestOfTheUnit) {
  events.add_doc_event("Job", "validate", [](Document& doc, HookCall&) {
    if (doc.get("title") == Json("bad")) raise(ErrorKind::ValidationError, "bad title");
  });
  Transaction unit(*session);
  insert(*session, *make({{"doctype", "Job"}, {"title", "good"}}));
  error_of([&] { insert(*session, *make({{"doctype", "Job"}, {"title", "bad"}})); });
  unit.commit();
  EXPECT_EQ(count(*session, "Job"), 1);
}

TEST_F(Rollback, DocTypeCreatedInARolledBackUnitDisappears) {
  {
    Transaction unit(*session);
    create_doctype(
        Json::parse(R"({"name": "Ghost", "fields": [{"fieldname": "x", "fieldtype": "Data"}]})"));
    EXPECT_NE(metas->find_meta("Ghost"), nullptr);
  }
  EXPECT_EQ(metas->find_meta("Ghost"), nullptr);
  EXPECT_TRUE(db->query("SELECT 1 FROM sqlite_master WHERE name = 'tabGhost'").empty());
}

TEST_F(Rollback, SiblingUnitsReuseTheirSavepointStatements) {
  Transaction outer(*session);
  auto insert_todo = [&](const char* text) {
    insert(*session, *make({{"doctype", "ToDo"}, {"description", text}}));
  };
  insert_todo("warm up");
  const auto kept = db->statements().size();
  for (int i = 0; i < 20; ++i) insert_todo("again");
  // Every document's savepoint has the same text: nothing new to prepare.
  EXPECT_EQ(db->statements().size(), kept);
  // A unit inside a unit still rolls back alone.
  {
    Transaction inner(*session);
    insert_todo("inner, undone");
    error_of([&] {
      Transaction innermost(*session);
      insert_todo("innermost, undone");
      raise(ErrorKind::ValidationError, "no");
    });
    EXPECT_EQ(count(*session, "ToDo", Json{{"description", "innermost, undone"}}), 0);
    EXPECT_EQ(count(*session, "ToDo", Json{{"description", "inner, undone"}}), 1);
  }
  EXPECT_EQ(count(*session, "ToDo", Json{{"description", "inner, undone"}}), 0);
  outer.commit();
  EXPECT_EQ(count(*session, "ToDo"), 21);
}

}  // namespace
}  // namespace quire::model::testing
