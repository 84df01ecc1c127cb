// Permission Query scripts (spec §2.4): `conditions` narrows get_list, never
// get_all, and reads `user`.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class PermissionQuery : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    insert(Json{{"doctype", "ToDo"}, {"description", "mine"}, {"allocated_to", nullptr}});
    insert(Json{{"doctype", "ToDo"}, {"description", "other"}});
    add_script("own todos", Json{{"script_type", "Permission Query"},
                                 {"reference_doctype", "ToDo"},
                                 {"script",
                                  "conditions = \"description = 'mine' and '{0}' != ''\""
                                  ".replace('{0}', user)\n"}});
  }
  Json descriptions(bool permissions) {
    model::ListArgs a;
    a.doctype = "ToDo";
    a.pluck = "description";
    return permissions ? model::get_list(*session, a) : model::get_all(*session, a);
  }
};

TEST_F(PermissionQuery, NarrowsGetListButNotGetAll) {
  EXPECT_EQ(descriptions(true), Json::array({"mine"}));
  EXPECT_EQ(descriptions(false).size(), 2u);
}

TEST_F(PermissionQuery, ScriptsSeeTheNarrowedList) {
  EXPECT_EQ(run("print(frappe.get_list('ToDo', pluck='description'), "
                "len(frappe.get_all('ToDo')))\n"),
            "['mine'] 2\n");
}

TEST_F(PermissionQuery, EmptyConditionsAddNothing) {
  auto s = model::get_doc(*session, "Server Script", "own todos");
  s->set("script", "conditions = ''\n");
  model::save(*session, *s);
  EXPECT_EQ(descriptions(true).size(), 2u);
}

}  // namespace
}  // namespace quire::scripting::testing
