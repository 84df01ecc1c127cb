// Custom Fields: adding fields to a DocType, core ones included, through the
// document API (Frappe's supported way to change a core DocType).
#include "model/custom_fields.h"

#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class CustomFields : public ModelTest {
 public:
  bool has_column(const std::string& table, const std::string& column) {
    return !db->query("SELECT 1 FROM pragma_table_info(?) WHERE name = ?", {table, column}).empty();
  }
  Document::Ptr add(const Json& values) {
    Json d = values;
    d["doctype"] = "Custom Field";
    auto doc = make(d);
    insert(*session, *doc);
    return doc;
  }
};

TEST_F(CustomFields, ACoreDocTypeGainsAFieldAndItsColumn) {
  auto field = add({{"dt", "ToDo"},
                    {"label", "Effort Hours"},
                    {"fieldtype", "Float"},
                    {"insert_after", "priority"}});
  EXPECT_EQ(field->name_text(), "ToDo-effort_hours");
  EXPECT_EQ(field->get("fieldname"), "effort_hours");
  auto meta = metas->get("ToDo");
  ASSERT_NE(meta->field("effort_hours"), nullptr);
  EXPECT_EQ(meta->field("effort_hours")->fieldtype, "Float");
  // Placed right after priority.
  auto at = std::find_if(meta->fields.begin(), meta->fields.end(),
                         [](const DocField& f) { return f.fieldname == "effort_hours"; });
  ASSERT_NE(at, meta->fields.begin());
  EXPECT_EQ((at - 1)->fieldname, "priority");
  EXPECT_TRUE(has_column("tabToDo", "effort_hours"));
  auto todo = make({{"doctype", "ToDo"}, {"description", "x"}, {"effort_hours", "2.5"}});
  insert(*session, *todo);
  EXPECT_EQ(get_value(*session, "ToDo", todo->get("name"), "effort_hours"), 2.5);
}

TEST_F(CustomFields, ALaterStartSeesThemAndDeletingKeepsTheData) {
  add({{"dt", "ToDo"}, {"fieldname", "ticket_ref"}, {"label", "Ticket"}});
  auto todo = make({{"doctype", "ToDo"}, {"description", "x"}, {"ticket_ref", "T-1"}});
  insert(*session, *todo);
  MetaStore fresh;
  Session again(*db, fresh, events);
  load_site_doctypes(again);
  load_site_doctypes(again);  // twice changes nothing
  ASSERT_NE(fresh.get("ToDo")->field("ticket_ref"), nullptr);
  delete_doc(*session, "Custom Field", "ToDo-ticket_ref");
  EXPECT_EQ(metas->get("ToDo")->field("ticket_ref"), nullptr);
  EXPECT_TRUE(has_column("tabToDo", "ticket_ref"));
  EXPECT_EQ(db->query("SELECT ticket_ref FROM tabToDo")[0][0], db::Value{std::string("T-1")});
}

TEST_F(CustomFields, SiteDocTypesKeepTheirCustomFieldsWhenSaved) {
  create_doctype(
      Json::parse(R"({"name": "Gadget", "fields": [{"fieldname": "size", "fieldtype": "Int"}]})"));
  add({{"dt", "Gadget"}, {"label", "Colour"}});
  auto definition = get_doc(*session, "DocType", "Gadget");
  definition->append("fields", {{"fieldname", "weight"}, {"fieldtype", "Float"}});
  save(*session, *definition);
  auto meta = metas->get("Gadget");
  EXPECT_NE(meta->field("weight"), nullptr);
  EXPECT_NE(meta->field("colour"), nullptr);
}

TEST_F(CustomFields, ClosedDocTypesClashesAndRollbacksAreHandled) {
  auto closed = error_of([&] { add({{"dt", "User"}, {"label", "Nickname"}}); });
  EXPECT_STREQ(closed.what(), "Custom Fields cannot be added to core DocTypes.");
  auto clash = error_of([&] { add({{"dt", "ToDo"}, {"label", "Status"}}); });
  EXPECT_STREQ(clash.what(), "A field with the name 'status' already exists in doctype ToDo.");
  auto unlabeled = error_of([&] { add({{"dt", "ToDo"}}); });
  EXPECT_STREQ(unlabeled.what(), "Label is mandatory");
  events.add_doc_event("Custom Field", "on_update",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  error_of([&] { add({{"dt", "ToDo"}, {"label", "Rolled Back"}}); });
  EXPECT_EQ(metas->get("ToDo")->field("rolled_back"), nullptr);
  EXPECT_FALSE(has_column("tabToDo", "rolled_back"));
}

TEST_F(CustomFields, TheFieldtypeCannotChange) {
  auto field = add({{"dt", "ToDo"}, {"label", "Score"}, {"fieldtype", "Int"}});
  field->set("fieldtype", "Data");
  auto e = error_of([&] { save(*session, *field); });
  EXPECT_STREQ(e.what(), "Fieldtype cannot be changed from Int to Data");
  field->set("fieldtype", "Int");
  field->set("label", "Score (0-10)");
  save(*session, *field);
  EXPECT_EQ(metas->get("ToDo")->field("score")->label, "Score (0-10)");
}

}  // namespace
}  // namespace quire::model::testing
