// rename_doc (spec §4.9): the row, its children and every link follow.
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Rename : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Team", "autoname": "field:team_name", "allow_rename": 1,
      "fields": [{"fieldname": "team_name", "fieldtype": "Data", "label": "Team Name"}]})"));
    create_doctype(Json::parse(R"({"name": "Member", "istable": 1,
      "fields": [{"fieldname": "team", "fieldtype": "Link", "options": "Team"}]})"));
    // allow_rename defaults to 1 for DocTypes created as documents (as in Frappe).
    create_doctype(Json::parse(R"({"name": "Project", "autoname": "Prompt", "allow_rename": 0,
      "fields": [{"fieldname": "team", "fieldtype": "Link", "options": "Team"},
                 {"fieldname": "members", "fieldtype": "Table", "options": "Member"}]})"));
    insert(*session, *make({{"doctype", "Team"}, {"team_name", "Red"}}));
    insert(*session, *make({{"doctype", "Team"}, {"team_name", "Blue"}}));
    auto p = make({{"doctype", "Project"},
                   {"name", "P1"},
                   {"team", "Red"},
                   {"members", Json::array({Json{{"team", "Red"}}})}});
    insert(*session, *p);
  }
};

TEST_F(Rename, LinksChildrenAndAutonameFieldFollow) {
  auto todo = make({{"doctype", "ToDo"},
                    {"description", "x"},
                    {"reference_type", "Team"},
                    {"reference_name", "Red"}});
  insert(*session, *todo);
  EXPECT_EQ(rename_doc(*session, "Team", "Red", "Crimson"), Json("Crimson"));
  EXPECT_EQ(exists(*session, "Team", "Red"), Json(nullptr));
  EXPECT_EQ(get_value(*session, "Team", "Crimson", "team_name"), Json("Crimson"));
  EXPECT_EQ(get_value(*session, "Project", "P1", "team"), Json("Crimson"));
  EXPECT_EQ(get_doc(*session, "Project", "P1")->table("members")[0]->get("team"), Json("Crimson"));
  EXPECT_EQ(get_value(*session, "ToDo", todo->get("name"), "reference_name"), Json("Crimson"));
}

TEST_F(Rename, BeforeRenameMayChooseTheName) {
  events.add_controller("Team", "before_rename",
                        [](Document&, HookCall& call) { call.result = "Scarlet"; });
  EXPECT_EQ(rename_doc(*session, "Team", "Red", "Crimson"), Json("Scarlet"));
  EXPECT_NE(exists(*session, "Team", "Scarlet"), Json(nullptr));
}

TEST_F(Rename, Errors) {
  EXPECT_STREQ(error_of([&] { rename_doc(*session, "Team", "Nope", "X"); }).what(),
               "Can't rename Nope to X because Nope doesn't exist.");
  EXPECT_STREQ(error_of([&] { rename_doc(*session, "Team", "Red", "Red"); }).what(),
               "No changes made because old and new name are the same.");
  auto e = error_of([&] { rename_doc(*session, "Team", "Red", "blue"); });
  EXPECT_EQ(e.kind(), ErrorKind::DuplicateEntryError);
  EXPECT_STREQ(e.what(), "Another Team with name blue exists, select another name");
  EXPECT_STREQ(error_of([&] { rename_doc(*session, "Team", "Red", "Green", true); }).what(),
               "Team Green does not exist, select a new target to merge");
  EXPECT_STREQ(error_of([&] { rename_doc(*session, "Project", "P1", "P2"); }).what(),
               "Project not allowed to be renamed");
  EXPECT_STREQ(error_of([&] { rename_doc(*session, "Team", "Red", "a<b"); }).what(),
               "Name cannot contain special characters like '<', '>'");
  EXPECT_NE(exists(*session, "Team", "Red"), Json(nullptr));
}

TEST_F(Rename, MergeMovesLinksAndDeletesTheOld) {
  rename_doc(*session, "Team", "Red", "Blue", true);
  EXPECT_EQ(exists(*session, "Team", "Red"), Json(nullptr));
  EXPECT_EQ(get_value(*session, "Project", "P1", "team"), Json("Blue"));
}

TEST_F(Rename, FailingAfterRenameRollsBack) {
  events.add_doc_event("Team", "after_rename",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  error_of([&] { rename_doc(*session, "Team", "Red", "Crimson"); });
  EXPECT_NE(exists(*session, "Team", "Red"), Json(nullptr));
  EXPECT_EQ(get_value(*session, "Project", "P1", "team"), Json("Red"));
}

}  // namespace
}  // namespace quire::model::testing
