// Validation (spec §4.10-4.11) with Frappe's messages.
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Validation : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Line", "istable": 1,
      "fields": [{"fieldname": "sku", "fieldtype": "Data", "label": "SKU", "reqd": 1},
                 {"fieldname": "qty", "fieldtype": "Int", "label": "Qty", "non_negative": 1}]})"));
    create_doctype(Json::parse(R"({"name": "Ticket", "autoname": "hash",
      "fields": [
        {"fieldname": "subject", "fieldtype": "Data", "label": "Subject", "reqd": 1},
        {"fieldname": "code", "fieldtype": "Data", "label": "Code", "unique": 1, "length": 5},
        {"fieldname": "state", "fieldtype": "Select", "label": "State", "options": "Open\nClosed"},
        {"fieldname": "assignee", "fieldtype": "Link", "label": "Assignee", "options": "User"},
        {"fieldname": "ref_type", "fieldtype": "Link", "label": "Ref Type", "options": "DocType"},
        {"fieldname": "ref_name", "fieldtype": "Dynamic Link", "label": "Ref Name", "options": "ref_type"},
        {"fieldname": "score", "fieldtype": "Rating", "label": "Score"},
        {"fieldname": "hours", "fieldtype": "Float", "label": "Hours", "non_negative": 1},
        {"fieldname": "done", "fieldtype": "Check", "label": "Done"},
        {"fieldname": "contact", "fieldtype": "Data", "label": "Contact", "options": "Email"},
        {"fieldname": "fixed", "fieldtype": "Data", "label": "Fixed", "set_only_once": 1},
        {"fieldname": "lines", "fieldtype": "Table", "label": "Lines", "options": "Line"}
      ]})"));
  }
  Document::Ptr ticket(Json values = Json::object()) {
    values["doctype"] = "Ticket";
    if (!values.contains("subject")) values["subject"] = "s";
    return make(values);
  }
};

TEST_F(Validation, MandatoryListsEveryMissingField) {
  auto doc = make({{"doctype", "Ticket"}, {"lines", Json::array({Json{{"qty", 1}}})}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::MandatoryError);
  EXPECT_EQ(std::string(e.what()), "[Ticket, " + doc->name_text() + "]: subject, sku");
  EXPECT_EQ(count(*session, "Ticket"), 0);
}

TEST_F(Validation, WhitespaceAndEmptyHtmlCountAsMissing) {
  auto doc = ticket({{"subject", "   "}});
  EXPECT_EQ(error_of([&] { insert(*session, *doc); }).kind(), ErrorKind::MandatoryError);
  auto ok = ticket();
  ok->flags["ignore_mandatory"] = true;
  ok->set("subject", nullptr);
  insert(*session, *ok);
}

TEST_F(Validation, SelectOptions) {
  auto doc = ticket({{"state", "Pending"}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_STREQ(e.what(), " State cannot be \"Pending\". It should be one of \"Open\", \"Closed\"");
  auto ok = ticket({{"state", " Open "}});
  insert(*session, *ok);
  EXPECT_EQ(get_value(*session, "Ticket", ok->get("name"), "state"), Json("Open"));
}

TEST_F(Validation, Length) {
  auto doc = ticket({{"code", "ABCDEF"}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::CharacterLengthExceededError);
  EXPECT_EQ(std::string(e.what()),
            "Ticket " + doc->name_text() +
                ": 'Code' (ABCDEF) will get truncated, as max characters allowed is 5");
  auto big = ticket({{"subject", std::string(141, 'x')}});
  EXPECT_EQ(error_of([&] { insert(*session, *big); }).kind(),
            ErrorKind::CharacterLengthExceededError);
}

TEST_F(Validation, UniqueField) {
  insert(*session, *ticket({{"code", "A1"}}));
  auto dup = ticket({{"code", "A1"}});
  auto e = error_of([&] { insert(*session, *dup); });
  EXPECT_EQ(e.kind(), ErrorKind::UniqueValidationError);
  EXPECT_STREQ(e.what(), "Code must be unique");
  // Blank unique values are stored as NULL, so many rows may leave it empty.
  insert(*session, *ticket({{"code", ""}}));
  insert(*session, *ticket({{"code", ""}}));
}

TEST_F(Validation, DuplicateName) {
  create_doctype(Json{{"name", "Tag"}, {"autoname", "Prompt"}});
  auto a = make({{"doctype", "Tag"}, {"name", "red"}});
  insert(*session, *a);
  auto b = make({{"doctype", "Tag"}, {"name", "red"}});
  auto e = error_of([&] { insert(*session, *b); });
  EXPECT_EQ(e.kind(), ErrorKind::DuplicateEntryError);
  EXPECT_STREQ(e.what(), "Tag red already exists");
  EXPECT_EQ(e.title(), "Duplicate Name");
  InsertOptions ignore;
  ignore.ignore_if_duplicate = true;
  auto c = make({{"doctype", "Tag"}, {"name", "red"}});
  insert(*session, *c, ignore);
  EXPECT_EQ(count(*session, "Tag"), 1);
}

TEST_F(Validation, LinksMustExistAndTakeTheStoredSpelling) {
  auto doc = ticket({{"assignee", "nobody@example.com"}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::LinkValidationError);
  EXPECT_STREQ(e.what(), "Could not find Assignee: nobody@example.com");
  auto user = make({{"doctype", "User"}, {"email", "Ann@Example.com"}, {"first_name", "Ann"}});
  insert(*session, *user);
  auto ok = ticket({{"assignee", "ann@example.com"}});
  insert(*session, *ok);
  EXPECT_EQ(ok->get("assignee"), Json("Ann@Example.com"));
}

TEST_F(Validation, DynamicLinks) {
  auto missing_type = ticket({{"ref_name", "x"}});
  EXPECT_STREQ(error_of([&] { insert(*session, *missing_type); }).what(),
               "Ref Name must be set first");
  auto bad = ticket({{"ref_type", "Role"}, {"ref_name", "Nope"}});
  EXPECT_STREQ(error_of([&] { insert(*session, *bad); }).what(), "Could not find Ref Name: Nope");
  insert(*session, *ticket({{"ref_type", "Role"}, {"ref_name", "System Manager"}}));
}

TEST_F(Validation, ChildRowErrorsNameTheRow) {
  auto doc = ticket(
      {{"lines", Json::array({Json{{"sku", "a"}, {"qty", 1}}, Json{{"sku", "b"}, {"qty", -2}}})}});
  auto e = error_of([&] { insert(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::NonNegativeError);
  EXPECT_STREQ(e.what(), "Line Row #2: Value cannot be negative for Qty");
  auto parent = ticket({{"hours", -1}});
  EXPECT_STREQ(error_of([&] { insert(*session, *parent); }).what(),
               "Value cannot be negative for Ticket: Hours");
}

TEST_F(Validation, CoercionPerFieldType) {
  auto doc = ticket({{"done", "1"}, {"hours", "2.5"}, {"score", 7}, {"code", 42}});
  insert(*session, *doc);
  Json row = get_value(*session, "Ticket", doc->get("name"),
                       Json::array({"done", "hours", "score", "code"}), true);
  EXPECT_EQ(row["done"], Json(1));
  EXPECT_EQ(row["hours"], Json(2.5));
  EXPECT_EQ(row["score"], Json(1.0));  // ratings clamp to [0, 1]
  EXPECT_EQ(row["code"], Json("42"));
  auto listy = ticket({{"subject", Json::array({"a"})}});
  EXPECT_STREQ(error_of([&] { insert(*session, *listy); }).what(),
               "Value for Subject cannot be a list");
}

TEST_F(Validation, EmailOption) {
  auto doc = ticket({{"contact", "not-an-email"}});
  EXPECT_STREQ(error_of([&] { insert(*session, *doc); }).what(),
               "not-an-email is not a valid Email Address");
  insert(*session, *ticket({{"contact", "a@b.co, c@d.org"}}));
}

TEST_F(Validation, SetOnlyOnce) {
  auto doc = ticket({{"fixed", "first"}});
  insert(*session, *doc);
  doc->set("fixed", "second");
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::CannotChangeConstantError);
  EXPECT_STREQ(e.what(), "Value cannot be changed for Fixed");
}

TEST_F(Validation, TimestampMismatch) {
  auto doc = ticket();
  insert(*session, *doc);
  auto other = get_doc(*session, "Ticket", doc->get("name"));
  other->set("subject", "changed elsewhere");
  save(*session, *other);
  doc->set("subject", "mine");
  auto e = error_of([&] { save(*session, *doc); });
  EXPECT_EQ(e.kind(), ErrorKind::TimestampMismatchError);
  EXPECT_EQ(std::string(e.what()), "Error: " + doc->name_text() +
                                       " (Ticket) has been modified after you have opened it (" +
                                       other->get("modified").get<std::string>() + ", " +
                                       doc->get("modified").get<std::string>() +
                                       "). Please refresh to get the latest document.");
  reload(*session, *doc);
  doc->set("subject", "mine");
  save(*session, *doc);
  EXPECT_EQ(get_value(*session, "Ticket", doc->get("name"), "subject"), Json("mine"));
}

TEST_F(Validation, MissingDocument) {
  auto e = error_of([&] { get_doc(*session, "Ticket", "nope"); });
  EXPECT_EQ(e.kind(), ErrorKind::DoesNotExistError);
  EXPECT_STREQ(e.what(), "Ticket nope not found");
  EXPECT_FALSE(delete_doc(*session, "Ticket", "nope"));
  DeleteOptions strict;
  strict.ignore_missing = false;
  EXPECT_EQ(error_of([&] { delete_doc(*session, "Ticket", "nope", strict); }).kind(),
            ErrorKind::DoesNotExistError);
  EXPECT_STREQ(error_of([&] {
                 doc_from_dict(*session, Json{{"x", 1}});
               }).what(),
               "\"doctype\" is a required key");
}

TEST_F(Validation, LinkedDocumentsCannotBeDeleted) {
  auto user = make({{"doctype", "User"}, {"email", "b@example.com"}, {"first_name", "B"}});
  insert(*session, *user);
  insert(*session, *ticket({{"assignee", "b@example.com"}}));
  auto e = error_of([&] { delete_doc(*session, "User", "b@example.com"); });
  EXPECT_EQ(e.kind(), ErrorKind::LinkExistsError);
  // User has an `enabled` field, so Frappe suggests disabling instead.
  EXPECT_STREQ(e.what(), "You can disable this User instead of deleting it.");
  DeleteOptions force;
  force.force = true;
  EXPECT_TRUE(delete_doc(*session, "User", "b@example.com", force));
}

TEST_F(Validation, PasswordsStayOutOfDocumentTablesAndResponses) {
  auto user = make({{"doctype", "User"},
                    {"email", "p@example.com"},
                    {"first_name", "P"},
                    {"new_password", "s3cret"}});
  insert(*session, *user);
  EXPECT_EQ(get_value(*session, "User", "p@example.com", "new_password"), Json("******"));
  EXPECT_EQ(get_doc(*session, "User", "p@example.com")->as_dict()["new_password"], Json("******"));
  auto stored = db->query(
      "SELECT `password` FROM `__Auth` WHERE `doctype` = 'User' AND `name` = 'p@example.com'");
  ASSERT_EQ(stored.size(), 1u);
}

TEST_F(Validation, PasswordStoreDecidesTheStoredForm) {
  events.set_password_store([](const std::string& doctype, const std::string& field,
                               const std::string& value) {
    return EventRegistry::StoredPassword{"hashed:" + doctype + "/" + field + "/" + value, false};
  });
  auto user = make({{"doctype", "User"},
                    {"email", "h@example.com"},
                    {"first_name", "H"},
                    {"new_password", "pw"}});
  insert(*session, *user);
  auto stored =
      db->query("SELECT `password`, `encrypted` FROM `__Auth` WHERE `name` = 'h@example.com'");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0][0], db::Value{std::string("hashed:User/new_password/pw")});
  EXPECT_EQ(stored[0][1], db::Value{std::int64_t{0}});
  // Saving again with the masked value leaves the secret alone.
  auto again = get_doc(*session, "User", "h@example.com");
  again->set("first_name", "Hal");
  save(*session, *again);
  EXPECT_EQ(db->query("SELECT `password` FROM `__Auth` WHERE `name` = 'h@example.com'")[0][0],
            db::Value{std::string("hashed:User/new_password/pw")});
}

}  // namespace
}  // namespace quire::model::testing

#include "model/coercion.h"

namespace quire::model::testing {
namespace {

DocField field_of(const char* type, bool unique = false) {
  // Built through parse_meta: assigning short literals to the strings trips
  // a GCC 12 -Wrestrict false positive.
  Json field = {
      {"fieldname", "f"}, {"label", "F"}, {"fieldtype", type}, {"unique", unique ? 1 : 0}};
  return parse_meta(Json{{"name", "T"}, {"fields", Json::array({field})}}).fields[0];
}

// Expected values follow Python: int(float("3.9")) == 3, float("1,234.5".replace(",", "")) ==
// 1234.5.
TEST(Coercion, FollowsFrappesCastsPerType) {
  EXPECT_EQ(coerce(field_of("Int"), "3.9"), Json(3));
  EXPECT_EQ(coerce(field_of("Int"), "-3.9"), Json(-3));
  EXPECT_EQ(coerce(field_of("Int"), "abc"), Json(0));
  EXPECT_EQ(coerce(field_of("Currency"), "1,234.5"), Json(1234.5));
  EXPECT_EQ(coerce(field_of("Check"), true), Json(1));
  EXPECT_EQ(coerce(field_of("Check"), "0"), Json(0));
  EXPECT_EQ(coerce(field_of("Check"), nullptr), Json(0));
  EXPECT_EQ(coerce(field_of("Date"), ""), Json(nullptr));
  EXPECT_EQ(coerce(field_of("Datetime"), ""), Json(nullptr));
  EXPECT_EQ(coerce(field_of("Data", true), ""), Json(nullptr));
  EXPECT_EQ(coerce(field_of("Data"), ""), Json(""));
  EXPECT_EQ(coerce(field_of("JSON"), Json::parse(R"({"b": 1, "a": [1, 2]})")),
            Json(R"({"a":[1,2],"b":1})"));
  EXPECT_EQ(coerce(field_of("Rating"), -2), Json(0.0));
  EXPECT_EQ(coerce(field_of("Data"), 12), Json("12"));
  EXPECT_THROW(coerce(field_of("Data"), Json::object()), FrappeError);
}

}  // namespace
}  // namespace quire::model::testing

namespace quire::model::testing {
namespace {

TEST_F(Validation, FetchFromFillsFromTheLinkedDocument) {
  auto user = make({{"doctype", "User"},
                    {"email", "f@example.com"},
                    {"first_name", "F"},
                    {"full_name", "Fay Doe"}});
  insert(*session, *user);
  auto todo = make({{"doctype", "ToDo"}, {"description", "x"}, {"assigned_by", "f@example.com"}});
  insert(*session, *todo);
  EXPECT_EQ(get_value(*session, "ToDo", todo->get("name"), "assigned_by_full_name"),
            Json("Fay Doe"));
}

}  // namespace
}  // namespace quire::model::testing
