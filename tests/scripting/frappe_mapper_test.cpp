// frappe.copy_doc and frappe.get_mapped_doc (frappe_mapper.h): behaviour
// read from Frappe's frappe/__init__.py copy_doc and model/mapper.py.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class FrappeMapper : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    todo = insert(Json{{"doctype", "ToDo"},
                       {"description", "alpha"},
                       {"priority", "High"},
                       {"reference_type", "ToDo"}});
  }
  model::Document::Ptr todo;
};

TEST_F(FrappeMapper, CopyDocIsANewDocumentWithTheValues) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo->name_text() +
                "')\n"
                "c = frappe.copy_doc(d)\n"
                "print(c.name, c.owner, c.description, c.priority, c.is_new())\n"
                "c.insert()\n"
                "print(c.name != d.name, frappe.db.count('ToDo'))\n"
                "c2 = frappe.copy_doc({'doctype': 'ToDo', 'description': 'from dict'})\n"
                "print(c2.description, c2.is_new())\n"),
            "None None alpha High True\nTrue 2\nfrom dict True\n");
}

TEST_F(FrappeMapper, GetMappedDocMapsFieldsAndRunsPostprocess) {
  EXPECT_EQ(
      run("def post(source, target):\n"
          "    target.description = 'mapped: ' + source.description\n"
          "t = frappe.get_mapped_doc('ToDo', '" +
          todo->name_text() +
          "', {'ToDo': {'doctype': 'ToDo', 'field_no_map': ['priority'], "
          "'field_map': {'description': 'reference_name'}}}, postprocess=post)\n"
          "print(t.is_new(), t.description, t.reference_name, t.priority, t.reference_type)\n"),
      "True mapped: alpha alpha Medium ToDo\n");
}

TEST_F(FrappeMapper, GetMappedDocValidationAndMissingMap) {
  EXPECT_EQ(run("frappe.get_mapped_doc('ToDo', '" + todo->name_text() +
                "', {'ToDo': {'doctype': 'ToDo', 'validation': {'priority': ['=', 'Low']}}})\n"),
            "ValidationError: Cannot map because following condition fails: priority=Low");
  EXPECT_EQ(run("frappe.get_mapped_doc('ToDo', '" + todo->name_text() + "', {})\n"),
            "KeyError: 'ToDo'");
}

}  // namespace
}  // namespace quire::scripting::testing
