// Every naming rule of spec §5.
#include <regex>

#include "model/naming.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Naming : public ModelTest {
 public:
  std::string insert_named(const std::string& doctype, Json values = Json::object()) {
    values["doctype"] = doctype;
    auto doc = make(values);
    insert(*session, *doc);
    return doc->name_text();
  }
  void define(const std::string& name, const std::string& autoname, const char* fields = "[]") {
    Json d = {{"name", name}, {"autoname", autoname}, {"fields", Json::parse(fields)}};
    create_doctype(d);
  }
};

TEST_F(Naming, HashIsTenLowercaseHexCharacters) {
  define("Hashed", "hash");
  std::string a = insert_named("Hashed"), b = insert_named("Hashed");
  EXPECT_TRUE(std::regex_match(a, std::regex("[0-9a-f]{10}"))) << a;
  EXPECT_NE(a, b);
}

TEST_F(Naming, NoAutonameFallsBackToHash) {
  define("Plain", "");
  EXPECT_TRUE(std::regex_match(insert_named("Plain"), std::regex("[0-9a-f]{10}")));
}

TEST_F(Naming, FieldRule) {
  define("Country", "field:country_name",
         R"([{"fieldname": "country_name", "fieldtype": "Data", "label": "Country Name"}])");
  EXPECT_EQ(insert_named("Country", {{"country_name", "  India "}}), "India");
  auto e = error_of([&] { insert_named("Country"); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_STREQ(e.what(), "Country Name is required");
}

TEST_F(Naming, NamingSeriesRuleUsesTheFieldOrItsFirstOption) {
  define(
      "Quote", "naming_series:",
      R"([{"fieldname": "naming_series", "fieldtype": "Select", "options": "QTN-.YYYY.-\nQ-"}])");
  EXPECT_EQ(insert_named("Quote"), "QTN-2025-00001");
  EXPECT_EQ(insert_named("Quote"), "QTN-2025-00002");
  EXPECT_EQ(insert_named("Quote", {{"naming_series", "Q-"}}), "Q-00001");
}

TEST_F(Naming, NamingSeriesMandatory) {
  define("Series Less",
         "naming_series:", R"([{"fieldname": "naming_series", "fieldtype": "Data"}])");
  auto e = error_of([&] { insert_named("Series Less"); });
  EXPECT_STREQ(e.what(), "Naming Series mandatory");
}

TEST_F(Naming, ExpressionSeriesWithDateParts) {
  define("Invoice", "INV-.YYYY.-.####");
  EXPECT_EQ(insert_named("Invoice"), "INV-2025-0001");
  EXPECT_EQ(insert_named("Invoice"), "INV-2025-0002");
  define("Daily", "D-.YY.MM.DD.-.###");
  EXPECT_EQ(insert_named("Daily"), "D-250312-001");
  define("Weekly", "W.WW.-.#");
  EXPECT_EQ(insert_named("Weekly"), "W11-1");  // 2025-03-12 is in ISO week 11
}

TEST_F(Naming, SeriesCanUseFieldValues) {
  define("Ticket", "TK-.{team}.-.###", R"([{"fieldname": "team", "fieldtype": "Data"}])");
  EXPECT_EQ(insert_named("Ticket", {{"team", "OPS"}}), "TK-OPS-001");
  EXPECT_EQ(insert_named("Ticket", {{"team", "DEV"}}), "TK-DEV-001");
  EXPECT_EQ(insert_named("Ticket", {{"team", "OPS"}}), "TK-OPS-002");
}

TEST_F(Naming, FormatRule) {
  define("Log Entry", "format:LOG-{MM}-{kind}-{####}",
         R"([{"fieldname": "kind", "fieldtype": "Data"}])");
  EXPECT_EQ(insert_named("Log Entry", {{"kind", "a"}}), "LOG-03-a-0001");
  EXPECT_EQ(insert_named("Log Entry", {{"kind", "a"}}), "LOG-03-a-0002");
}

TEST_F(Naming, PromptNeedsAName) {
  define("Prompted", "Prompt");
  EXPECT_EQ(insert_named("Prompted", {{"name", "my-name"}}), "my-name");
  auto e = error_of([&] { insert_named("Prompted"); });
  EXPECT_STREQ(e.what(), "Please set the document name");
}

TEST_F(Naming, AutoincrementCountsUp) {
  define("Counter", "autoincrement");
  auto a = make({{"doctype", "Counter"}});
  insert(*session, *a);
  auto b = make({{"doctype", "Counter"}});
  insert(*session, *b);
  EXPECT_EQ(a->get("name"), Json(1));
  EXPECT_EQ(b->get("name"), Json(2));
  EXPECT_EQ(get_value(*session, "Counter", 2, "name"), Json(2));
}

TEST_F(Naming, NonPromptDiscardsACallerName) {
  define("Hash Only", "hash");
  EXPECT_NE(insert_named("Hash Only", {{"name", "chosen"}}), "chosen");
  // ...unless the caller says the name was set (REST v2 create).
  auto doc = make({{"doctype", "Hash Only"}, {"name", "chosen"}});
  doc->flags["name_set"] = true;
  insert(*session, *doc);
  EXPECT_EQ(doc->name_text(), "chosen");
}

TEST_F(Naming, InvalidSeries) {
  auto e = error_of([&] { make_autoname(*session, "INV#", nullptr); });
  EXPECT_EQ(e.kind(), ErrorKind::InvalidNamingSeriesError);
  EXPECT_STREQ(e.what(), "Invalid naming series INV#: dot (.) missing");
  e = error_of([&] { make_autoname(*session, "INV;DROP.####", nullptr); });
  EXPECT_EQ(e.kind(), ErrorKind::InvalidNamingSeriesError);
}

TEST_F(Naming, ValidateNameRules) {
  define("Thing", "Prompt");
  auto meta = metas->get("Thing");
  EXPECT_STREQ(error_of([&] { validate_name(*meta, "a<b"); }).what(),
               "Name cannot contain special characters like '<', '>'");
  EXPECT_STREQ(error_of([&] { validate_name(*meta, "Thing"); }).what(),
               "Name of Thing cannot be Thing");
  EXPECT_STREQ(error_of([&] { validate_name(*meta, ""); }).what(), "No Name Specified for Thing");
  EXPECT_STREQ(error_of([&] { validate_name(*meta, 5); }).what(),
               "Invalid name type (integer) for varchar name column");
  EXPECT_EQ(error_of([&] { validate_name(*meta, "New Thing 1"); }).kind(), ErrorKind::NameError);
  EXPECT_EQ(validate_name(*meta, "  padded  "), Json("padded"));
}

TEST_F(Naming, NameCase) {
  create_doctype(Json{{"name", "Titled"}, {"autoname", "Prompt"}, {"name_case", "Title Case"}});
  EXPECT_EQ(insert_named("Titled", {{"name", "hello wORLD"}}), "Hello World");
}

TEST_F(Naming, DeletingTheLastNumberGivesItBack) {
  define("Receipt", "RC-.####");
  std::string first = insert_named("Receipt");
  std::string second = insert_named("Receipt");
  EXPECT_EQ(second, "RC-0002");
  delete_doc(*session, "Receipt", second);
  EXPECT_EQ(insert_named("Receipt"), "RC-0002");
  delete_doc(*session, "Receipt", first);  // not the last: the counter stays
  EXPECT_EQ(insert_named("Receipt"), "RC-0003");
}

TEST_F(Naming, AmendmentsCountFromTheOriginal) {
  create_doctype(Json::parse(R"({"name": "Contract", "is_submittable": 1, "autoname": "CT-.###",
    "fields": [{"fieldname": "amended_from", "fieldtype": "Link", "options": "Contract"}]})"));
  auto original = make({{"doctype", "Contract"}});
  insert(*session, *original);
  submit(*session, *original);
  auto early = make({{"doctype", "Contract"}, {"amended_from", "CT-001"}});
  auto e = error_of([&] { insert(*session, *early); });
  EXPECT_EQ(std::string(e.what()),
            "Contract CT-001 cannot be amended because it is not cancelled. Please cancel the "
            "document before "
            "creating an amendment.");
  cancel(*session, *original);
  auto first = make({{"doctype", "Contract"}, {"amended_from", "CT-001"}});
  insert(*session, *first);
  EXPECT_EQ(first->name_text(), "CT-001-1");
  submit(*session, *first);
  cancel(*session, *first);
  auto second = make({{"doctype", "Contract"}, {"amended_from", "CT-001-1"}});
  insert(*session, *second);
  EXPECT_EQ(second->name_text(), "CT-001-2");
}

TEST_F(Naming, ChildRowsGetNames) {
  auto doc = make({{"doctype", "User"},
                   {"email", "a@example.com"},
                   {"first_name", "A"},
                   {"roles", Json::array({Json{{"role", "System Manager"}}})}});
  insert(*session, *doc);
  EXPECT_EQ(doc->name_text(), "a@example.com");
  EXPECT_TRUE(std::regex_match(doc->table("roles")[0]->name_text(), std::regex("[0-9a-f]{10}")));
}

}  // namespace
}  // namespace quire::model::testing

namespace quire::model::testing {
namespace {

TEST_F(Naming, PromptTakesNewname) {
  define("Prompted Too", "Prompt");
  EXPECT_EQ(insert_named("Prompted Too", {{"__newname", "from-form"}}), "from-form");
}

TEST_F(Naming, CollidingHashIsDrawnAgain) {
  define("Hash Retry", "hash");
  auto first = make({{"doctype", "Hash Retry"}});
  insert(*session, *first);
  // A hook forces the next document onto the same name: the insert retries.
  events.add_controller("Hash Retry", "before_validate", [&](Document& doc, HookCall&) {
    if (doc.is_new()) doc.set("name", first->get("name"));
  });
  auto second = make({{"doctype", "Hash Retry"}});
  insert(*session, *second);
  EXPECT_NE(second->get("name"), first->get("name"));
  EXPECT_EQ(count(*session, "Hash Retry"), 2);
}

TEST_F(Naming, ChildRowsMatchingFilters) {
  auto doc =
      make({{"doctype", "User"},
            {"email", "m@example.com"},
            {"first_name", "M"},
            {"roles", Json::array({Json{{"role", "All"}}, Json{{"role", "System Manager"}}})}});
  auto rows = doc->rows_matching("roles", Json{{"role", "System Manager"}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]->get("idx"), Json(2));
  EXPECT_EQ(rows[0]->get("parentfield"), Json("roles"));
  EXPECT_EQ(rows[0]->get("parenttype"), Json("User"));
}

}  // namespace
}  // namespace quire::model::testing
