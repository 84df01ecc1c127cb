// The docstatus transition table (spec §4.3) and its errors.
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Docstatus : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Bill", "is_submittable": 1,
      "fields": [{"fieldname": "amount", "fieldtype": "Int", "label": "Amount"},
                 {"fieldname": "memo", "fieldtype": "Data", "allow_on_submit": 1}]})"));
  }
  Document::Ptr saved(int docstatus) {
    auto doc = make({{"doctype", "Bill"}, {"amount", 1}});
    insert(*session, *doc);
    if (docstatus >= 1) submit(*session, *doc);
    if (docstatus == 2) cancel(*session, *doc);
    return doc;
  }
};

TEST_F(Docstatus, NewDocumentCannotStartCancelled) {
  auto doc = make({{"doctype", "Bill"}, {"docstatus", 2}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::DocstatusTransitionError);
  EXPECT_STREQ(e.what(), "Cannot change docstatus from 0 (Draft) to 2 (Cancelled)");
  EXPECT_EQ(count(*session, "Bill"), 0);
}

TEST_F(Docstatus, DraftToCancelledIsRefused) {
  auto doc = saved(0);
  doc->set("docstatus", 2);
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::DocstatusTransitionError);
  EXPECT_STREQ(e.what(), "Cannot change docstatus from 0 (Draft) to 2 (Cancelled)");
}

TEST_F(Docstatus, SubmittedBackToDraftIsRefused) {
  auto doc = saved(1);
  doc->set("docstatus", 0);
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::DocstatusTransitionError);
  EXPECT_STREQ(e.what(), "Cannot change docstatus from 1 (Submitted) to 0 (Draft)");
}

TEST_F(Docstatus, CancelledCannotBeEdited) {
  auto doc = saved(2);
  for (int next : {0, 1, 2}) {
    doc->set("docstatus", next);
    auto e = error_of([&] { save(*session, *doc); });
    EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
    EXPECT_STREQ(e.what(), "Cannot edit cancelled document");
  }
}

TEST_F(Docstatus, InvalidValue) {
  auto doc = saved(0);
  doc->set("docstatus", 5);
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_STREQ(e.what(), "Invalid docstatus");
}

TEST_F(Docstatus, AllowedTransitionsStoreTheNewStatus) {
  auto doc = saved(0);
  submit(*session, *doc);
  EXPECT_EQ(get_value(*session, "Bill", doc->get("name"), "docstatus"), Json(1));
  cancel(*session, *doc);
  EXPECT_EQ(get_value(*session, "Bill", doc->get("name"), "docstatus"), Json(2));
}

TEST_F(Docstatus, UpdateAfterSubmitOnlyForAllowedFields) {
  auto doc = saved(1);
  doc->set("memo", "fine");
  save(*session, *doc);
  EXPECT_EQ(get_value(*session, "Bill", doc->get("name"), "memo"), Json("fine"));
  doc->set("amount", 9);
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::UpdateAfterSubmitError);
  EXPECT_STREQ(e.what(), "Not allowed to change Amount after submission from 1 to 9");
  EXPECT_EQ(get_value(*session, "Bill", doc->get("name"), "amount"), Json(1));
}

TEST_F(Docstatus, SubmittedRecordCannotBeDeleted) {
  auto doc = saved(1);
  auto e = error_of([&] { delete_doc(*session, "Bill", doc->get("name")); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_EQ(std::string(e.what()),
            "Bill " + doc->name_text() +
                ": Submitted Record cannot be deleted. You must Cancel it first.");
  cancel(*session, *doc);
  EXPECT_TRUE(delete_doc(*session, "Bill", doc->get("name")));
}

TEST_F(Docstatus, OnlyDraftsCanBeDiscarded) {
  auto doc = saved(1);
  auto e = error_of([&] { discard(*session, *doc); });
  EXPECT_STREQ(e.what(), "Only draft documents can be discarded");
}

TEST_F(Docstatus, ChildRowsCarryTheParentStatus) {
  create_doctype(Json::parse(
      R"({"name": "Bill Line", "istable": 1, "fields": [{"fieldname": "sku", "fieldtype": "Data"}]})"));
  create_doctype(Json::parse(R"({"name": "Big Bill", "is_submittable": 1,
    "fields": [{"fieldname": "lines", "fieldtype": "Table", "options": "Bill Line"}]})"));
  auto doc = make(
      {{"doctype", "Big Bill"}, {"lines", Json::array({Json{{"sku", "A"}}, Json{{"sku", "B"}}})}});
  insert(*session, *doc);
  submit(*session, *doc);
  ListArgs a;
  a.doctype = "Bill Line";
  a.fields = Json::array({"docstatus"});
  a.pluck = "docstatus";
  EXPECT_EQ(get_all(*session, a), Json::array({1, 1}));
}

}  // namespace
}  // namespace quire::model::testing
