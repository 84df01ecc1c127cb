// DocType metadata: Frappe's JSON loads unchanged; malformed definitions get
// clear errors; the core DocTypes are complete.
#include "model/fieldtypes.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

TEST(Meta, ParsesFrappeJsonFlagsAndFields) {
  Json j = Json::parse(R"({
    "doctype": "DocType", "name": "Invoice", "module": "Accounts", "is_submittable": 1,
    "autoname": "INV-.YYYY.-.#####", "title_field": "customer", "sort_field": "posting_date",
    "sort_order": "ASC", "track_changes": 1, "istable": 0, "issingle": 0,
    "fields": [
      {"fieldname": "customer", "fieldtype": "Data", "label": "Customer", "reqd": 1, "in_list_view": 1},
      {"fieldname": "posting_date", "fieldtype": "Date", "default": "Today"},
      {"fieldname": "sb", "fieldtype": "Section Break"},
      {"fieldname": "total", "fieldtype": "Currency", "non_negative": 1, "allow_on_submit": 0},
      {"fieldname": "code", "fieldtype": "Data", "length": 20, "unique": "1"}
    ],
    "permissions": [{"role": "Accounts User", "read": 1, "write": 1, "submit": 1, "if_owner": 1}]
  })");
  Meta m = parse_meta(j);
  EXPECT_EQ(m.name, "Invoice");
  EXPECT_TRUE(m.is_submittable);
  EXPECT_TRUE(m.track_changes);
  EXPECT_EQ(m.sort_order, "ASC");
  ASSERT_EQ(m.fields.size(), 5u);
  EXPECT_TRUE(m.field("customer")->reqd);
  EXPECT_EQ(m.field("posting_date")->default_value, Json("Today"));
  EXPECT_EQ(m.field("code")->length, 20);
  EXPECT_TRUE(m.field("code")->unique);
  EXPECT_EQ(m.data_fields().size(), 4u);  // the section break stores nothing
  ASSERT_EQ(m.permissions.size(), 1u);
  EXPECT_TRUE(m.permissions[0].if_owner);
  EXPECT_TRUE(m.permissions[0].allows("submit"));
  EXPECT_FALSE(m.permissions[0].allows("delete"));
  EXPECT_EQ(m.raw, j);
}

Meta parse_text(const char* text) {
  return parse_meta(Json::parse(text));
}

void expect_invalid(const char* text, const std::string& message) {
  try {
    parse_text(text);
    ADD_FAILURE() << "accepted " << text;
  } catch (const FrappeError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
    EXPECT_EQ(e.what(), message);
  }
}

TEST(Meta, RefusesMalformedDefinitions) {
  expect_invalid(R"({"fields": []})", "DocType name is required");
  expect_invalid(
      R"({"name": "Bad`Name"})",
      "DocType name Bad`Name is not valid: use letters, digits, spaces, hyphens and underscores");
  expect_invalid(R"({"name": "X", "fields": [{"fieldname": "a b", "fieldtype": "Data"}]})",
                 "Fieldname a b in X is not valid: use letters, digits and underscores, starting "
                 "with a letter");
  expect_invalid(R"({"name": "X", "fields": [{"fieldname": "a", "fieldtype": "Blob"}]})",
                 "Fieldtype Blob of field a in X is not supported");
  expect_invalid(R"({"name": "X", "fields": [{"fieldname": "owner", "fieldtype": "Data"}]})",
                 "Fieldname owner is reserved (X)");
  expect_invalid(R"({"name": "X", "fields": [{"fieldname": "a"}, {"fieldname": "a"}]})",
                 "Fieldname a appears multiple times in X");
  expect_invalid(R"({"name": "X", "fields": [{"fieldname": "rows", "fieldtype": "Table"}]})",
                 "Options for Table field rows in X must name the child DocType");
  expect_invalid(R"({"name": "X", "istable": 1, "issingle": 1})",
                 "Child Table X cannot be a Single DocType");
  expect_invalid(R"({"name": "X", "sort_order": "sideways"})",
                 "Sort order of X must be ASC or DESC");
  expect_invalid(R"([1, 2])", "A DocType must be a JSON object");
}

TEST(Meta, CoreDocTypesAreAllPresent) {
  MetaStore store;
  for (const char* name : {"DocType", "DocField", "DocPerm", "User", "Role", "Has Role",
                           "Server Script", "Scheduled Job Type", "Scheduled Job Log", "Error Log",
                           "Version", "ToDo", "Note", "System Settings"}) {
    EXPECT_NE(store.find_meta(name), nullptr) << name;
  }
  auto todo = store.get("ToDo");
  for (const char* f : {"status", "priority", "date", "allocated_to", "description",
                        "reference_type", "reference_name", "assigned_by"}) {
    EXPECT_NE(todo->field(f), nullptr) << f;
  }
  EXPECT_TRUE(store.get("System Settings")->issingle);
  EXPECT_TRUE(store.get("Has Role")->istable);
  EXPECT_EQ(store.get("Server Script")->autoname, "Prompt");
  auto settings = store.get("System Settings");
  for (const char* f :
       {"time_zone", "date_format", "time_format", "number_format", "currency_precision"}) {
    EXPECT_NE(settings->field(f), nullptr) << f;
  }
  try {
    store.get("Nope");
    FAIL();
  } catch (const FrappeError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::DoesNotExistError);
    EXPECT_STREQ(e.what(), "DocType Nope not found");
  }
}

TEST(Errors, HierarchyAndStatusFollowFrappe) {
  EXPECT_TRUE(is_a(ErrorKind::DuplicateEntryError, ErrorKind::NameError));
  EXPECT_FALSE(is_a(ErrorKind::DuplicateEntryError, ErrorKind::ValidationError));
  EXPECT_TRUE(is_a(ErrorKind::CancelledLinkError, ErrorKind::LinkValidationError));
  EXPECT_TRUE(is_a(ErrorKind::CancelledLinkError, ErrorKind::ValidationError));
  EXPECT_TRUE(is_a(ErrorKind::DoesNotExistError, ErrorKind::ValidationError));
  EXPECT_FALSE(is_a(ErrorKind::PermissionError, ErrorKind::ValidationError));
  EXPECT_EQ(http_status(ErrorKind::DuplicateEntryError), 409);
  EXPECT_EQ(http_status(ErrorKind::DoesNotExistError), 404);
  EXPECT_EQ(http_status(ErrorKind::PermissionError), 403);
  EXPECT_EQ(http_status(ErrorKind::MandatoryError), 417);
  EXPECT_EQ(http_status(ErrorKind::TooManyWritesError), 500);
  EXPECT_EQ(class_name(ErrorKind::TimestampMismatchError), "TimestampMismatchError");
}

TEST(FieldTypes, ColumnTypes) {
  EXPECT_EQ(sqlite_type("Check"), "INTEGER");
  EXPECT_EQ(sqlite_type("Currency"), "REAL");
  EXPECT_EQ(sqlite_type("Datetime"), "TEXT");
  EXPECT_TRUE(is_data_fieldtype("Attach Image"));
  EXPECT_FALSE(is_data_fieldtype("Table"));
  EXPECT_FALSE(is_data_fieldtype("Column Break"));
  EXPECT_TRUE(is_known_fieldtype("Tab Break"));
}

}  // namespace
}  // namespace quire::model::testing
