// frappe.get_meta and doc.meta give one Meta object per run while the
// DocType is unchanged, as Frappe's request-local meta cache does (its
// get_meta returns the cached object; doc.meta is frappe.get_meta of the
// doc's DocType). They built a new object per access, converting the whole
// field list each time: a loop over doc.meta.get_field(...) paid for it on
// every iteration.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class MetaCache : public ScriptingTest {};

TEST_F(MetaCache, OneObjectPerRun) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "print(frappe.get_meta('ToDo') is frappe.get_meta('ToDo'))\n"
                "print(d.meta is frappe.get_meta('ToDo'), d.meta is d.meta)\n"
                "print(frappe.get_meta('ToDo', cached=False) is frappe.get_meta('ToDo'))\n"
                "print(frappe.get_meta('ToDo') is frappe.get_meta('Note'))\n"),
            "True\nTrue True\nFalse\nFalse\n");
}

// A loop reading fields through doc.meta (what measured the cache: 1,000
// get_field calls, docs/PERFORMANCE.md) answers as a fresh Meta does.
TEST_F(MetaCache, ALoopOverDocMetaReadsTheFields) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "n = 0\n"
                "for i in range(1000):\n"
                "    if d.meta.get_field('description').fieldtype == "
                "frappe.get_meta('ToDo', cached=False).get_field('description').fieldtype:\n"
                "        n += 1\n"
                "print(n)\n"),
            "1000\n");
}

// The next run gets a Meta object of its own (the last run's went with its isolate).
TEST_F(MetaCache, EachRunHasItsOwn) {
  EXPECT_EQ(run("m = frappe.get_meta('ToDo')\nm.custom_note = 'x'\nprint(m.custom_note)\n"), "x\n");
  EXPECT_EQ(run("print(frappe.get_meta('ToDo').custom_note)\n"), "None\n");
}

}  // namespace
}  // namespace quire::scripting::testing
