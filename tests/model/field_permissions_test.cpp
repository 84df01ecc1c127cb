// Field-level permissions (permlevel): get_list drops fields the user may not
// read, saves reset fields the user may not write (spec §4.10, §7.1).
#include "model/field_permissions.h"

#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class FieldPermissions : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    for (const char* role : {"Employee", "HR"}) {
      insert(*session, *make({{"doctype", "Role"}, {"role_name", role}}));
    }
    create_doctype(Json::parse(R"({"name": "Payslip", "autoname": "field:employee",
      "fields": [{"fieldname": "employee", "fieldtype": "Data"},
                 {"fieldname": "amount", "fieldtype": "Currency", "permlevel": 1, "default": "0"},
                 {"fieldname": "note", "fieldtype": "Data"}],
      "permissions": [
        {"role": "Employee", "read": 1, "write": 1, "create": 1},
        {"role": "HR", "read": 1, "write": 1, "create": 1},
        {"role": "HR", "permlevel": 1, "read": 1, "write": 1}]})"));
    insert(*session,
           *make({{"doctype", "Payslip"}, {"employee", "E1"}, {"amount", 100}, {"note", "n"}}));
  }
  void as(const char* role) {
    session->user = "someone@example.com";
    session->roles = {role, "All"};
  }
  Json list(const Json& fields) {
    ListArgs a;
    a.doctype = "Payslip";
    a.fields = fields;
    return get_list(*session, a);
  }
};

TEST_F(FieldPermissions, ListsLeaveOutFieldsAboveTheUsersLevels) {
  as("Employee");
  auto star = list("*");
  ASSERT_EQ(star.size(), 1u);
  EXPECT_FALSE(star[0].contains("amount"));
  EXPECT_EQ(star[0]["note"], "n");
  EXPECT_EQ(list(Json::array({"employee", "amount"})), Json::parse(R"([{"employee": "E1"}])"));
  EXPECT_EQ(list(Json::array({"amount"})), Json::parse(R"([{"name": "E1"}])"));
  EXPECT_EQ(list(Json::array({"employee", "sum(amount) as total"}))[0].size(), 1u);
  as("HR");
  EXPECT_EQ(list(Json::array({"employee", "amount"})),
            Json::parse(R"([{"employee": "E1", "amount": 100.0}])"));
  // get_all ignores permissions.
  as("Employee");
  ListArgs all;
  all.doctype = "Payslip";
  all.fields = Json::array({"amount"});
  EXPECT_EQ(get_all(*session, all), Json::parse(R"([{"amount": 100.0}])"));
}

TEST_F(FieldPermissions, SavesResetFieldsTheUserMayNotWrite) {
  as("Employee");
  auto doc = get_doc(*session, "Payslip", "E1");
  doc->set("amount", 999);
  doc->set("note", "changed");
  save(*session, *doc);
  EXPECT_EQ(doc->get("amount"), 100.0);
  EXPECT_EQ(get_value(*session, "Payslip", "E1", "amount"), 100.0);
  EXPECT_EQ(get_value(*session, "Payslip", "E1", "note"), "changed");
  auto fresh = make({{"doctype", "Payslip"}, {"employee", "E2"}, {"amount", 5000}});
  insert(*session, *fresh);
  EXPECT_EQ(get_value(*session, "Payslip", "E2", "amount"), 0.0);  // the default
  as("HR");
  doc = get_doc(*session, "Payslip", "E1");
  doc->set("amount", 120);
  save(*session, *doc);
  EXPECT_EQ(get_value(*session, "Payslip", "E1", "amount"), 120.0);
}

TEST_F(FieldPermissions, DocumentDictsLoseUnreadableFields) {
  as("Employee");
  Json dict = get_doc(*session, "Payslip", "E1")->as_dict();
  remove_unreadable_fields(*session, *metas->get("Payslip"), dict);
  EXPECT_FALSE(dict.contains("amount"));
  EXPECT_EQ(dict["employee"], "E1");
  EXPECT_EQ(fields_without_access(*session, *metas->get("Payslip"), "read"),
            (std::set<std::string, std::less<>>{"amount"}));
  session->user = "Administrator";
  EXPECT_TRUE(fields_without_access(*session, *metas->get("Payslip"), "read").empty());
}

}  // namespace
}  // namespace quire::model::testing
