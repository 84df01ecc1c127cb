// User Permissions (Frappe's User Permission DocType) in get_list and
// has_permission, spec §7.1 "Permission".
#include "model/user_permissions.h"

#include "model/permissions.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class UserPermissions : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    insert(*session, *make({{"doctype", "Role"}, {"role_name", "Sales User"}}));
    insert(*session, *make({{"doctype", "User"}, {"email", kUser}, {"first_name", "U"}}));
    Json perms = Json::array(
        {{{"role", "Sales User"}, {"read", 1}, {"write", 1}, {"create", 1}, {"delete", 1}}});
    create_doctype(
        {{"name", "Company"},
         {"module", "Custom"},
         {"autoname", "field:company_name"},
         {"fields", Json::array({{{"fieldname", "company_name"}, {"fieldtype", "Data"}}})},
         {"permissions", perms}});
    create_doctype(
        {{"name", "Order"},
         {"module", "Custom"},
         {"autoname", "field:title"},
         {"fields",
          Json::array({{{"fieldname", "title"}, {"fieldtype", "Data"}},
                       {{"fieldname", "company"}, {"fieldtype", "Link"}, {"options", "Company"}}})},
         {"permissions", perms}});
    for (const char* c : {"A", "B"}) {
      insert(*session, *make({{"doctype", "Company"}, {"company_name", c}}));
    }
    order("in A", "A");
    order("in B", "B");
    order("no company", nullptr);
  }

  void order(const char* title, const Json& company) {
    insert(*session, *make({{"doctype", "Order"}, {"title", title}, {"company", company}}));
  }

  void allow(const std::string& doctype, const std::string& value,
             const std::string& applicable_for = "") {
    Json up = {
        {"doctype", "User Permission"}, {"user", kUser}, {"allow", doctype}, {"for_value", value}};
    if (!applicable_for.empty()) {
      up["apply_to_all_doctypes"] = 0;
      up["applicable_for"] = applicable_for;
    }
    insert(*session, *make(up));
  }

  void as_user() {
    session->user = kUser;
    session->roles = {"Sales User", "All"};
  }

  Json titles(const std::string& doctype, const std::string& field = "name") {
    ListArgs a;
    a.doctype = doctype;
    a.pluck = field;
    a.order_by = field + " asc";
    return get_list(*session, a);
  }

  bool can(const char* ptype, const std::string& doctype, const std::string& name) {
    auto doc = get_doc(*session, doctype, name);
    return has_permission(*session, doc->meta(), ptype, doc.get());
  }

  static constexpr const char* kUser = "u@example.com";
};

TEST_F(UserPermissions, WithoutAnyEveryRowTheRoleReadsIsListed) {
  as_user();
  EXPECT_EQ(titles("Order"), Json::parse(R"(["in A", "in B", "no company"])"));
}

TEST_F(UserPermissions, ALinkedValueRestrictsListsButEmptyLinksStayVisible) {
  allow("Company", "A");
  as_user();
  EXPECT_EQ(titles("Order"), Json::parse(R"(["in A", "no company"])"));
  // The restricted DocType itself: only the allowed names.
  EXPECT_EQ(titles("Company"), Json::parse(R"(["A"])"));
  // get_all ignores permissions.
  ListArgs all;
  all.doctype = "Order";
  EXPECT_EQ(get_all(*session, all).size(), 3u);
}

TEST_F(UserPermissions, DocumentChecksFollowTheLinks) {
  allow("Company", "A");
  as_user();
  EXPECT_TRUE(can("read", "Order", "in A"));
  EXPECT_TRUE(can("read", "Order", "no company"));
  EXPECT_FALSE(can("read", "Order", "in B"));
  EXPECT_FALSE(can("write", "Company", "B"));
  auto e = error_of([&] {
    auto doc = get_doc(*session, "Order", "in B");
    doc->set("title", "in B");
    save(*session, *doc);
  });
  EXPECT_EQ(e.kind(), ErrorKind::PermissionError);
  // Creating a document that links outside them is refused too.
  auto refused = error_of([&] {
    insert(*session, *make({{"doctype", "Order"}, {"title", "x"}, {"company", "B"}}));
  });
  EXPECT_EQ(refused.kind(), ErrorKind::PermissionError);
  insert(*session, *make({{"doctype", "Order"}, {"title", "y"}, {"company", "A"}}));
}

TEST_F(UserPermissions, ApplicableForLimitsWhereThePermissionApplies) {
  allow("Company", "A", "Company");  // only when listing Companies
  as_user();
  EXPECT_EQ(titles("Company"), Json::parse(R"(["A"])"));
  EXPECT_EQ(titles("Order"), Json::parse(R"(["in A", "in B", "no company"])"));
  EXPECT_TRUE(can("read", "Order", "in B"));
}

TEST_F(UserPermissions, SeveralValuesAreAllowedTogether) {
  allow("Company", "A");
  allow("Company", "B");
  as_user();
  EXPECT_EQ(titles("Order"), Json::parse(R"(["in A", "in B", "no company"])"));
}

TEST_F(UserPermissions, AdministratorIsNeverRestricted) {
  allow("Company", "A");
  EXPECT_EQ(titles("Order").size(), 3u);
  EXPECT_TRUE(can("read", "Order", "in B"));
}

TEST_F(UserPermissions, DuplicatesAreRefusedAndApplyToAllClearsApplicableFor) {
  allow("Company", "A");
  auto e = error_of([&] { allow("Company", "A"); });
  EXPECT_EQ(e.kind(), ErrorKind::DuplicateEntryError);
  EXPECT_STREQ(e.what(), "User permission already exists");
  auto up = make({{"doctype", "User Permission"},
                  {"user", kUser},
                  {"allow", "Company"},
                  {"for_value", "B"},
                  {"apply_to_all_doctypes", 1},
                  {"applicable_for", "Order"}});
  insert(*session, *up);
  EXPECT_TRUE(up->get("applicable_for").is_null());
  auto map = get_user_permissions(*session, kUser);
  ASSERT_EQ(map["Company"].size(), 2u);
  EXPECT_EQ(map["Company"][1].doc, "B");
  EXPECT_TRUE(get_user_permissions(*session, "Administrator").empty());
}

TEST_F(UserPermissions, ValuesInTheConditionAreEscaped) {
  insert(*session, *make({{"doctype", "Company"}, {"company_name", "O'Brien ') or 1=1 --"}}));
  allow("Company", "O'Brien ') or 1=1 --");
  as_user();
  EXPECT_EQ(titles("Company"), Json::parse(R"(["O'Brien ') or 1=1 --"])"));
  EXPECT_EQ(titles("Order"), Json::parse(R"(["no company"])"));
}

}  // namespace
}  // namespace quire::model::testing
