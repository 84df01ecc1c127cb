// Frappe's test_safe_exec.py case 44 (spec §12.2): inside render_template the
// restricted frappe.get_doc gives SafeDocs (children too) with parent_doc,
// get_formatted, get_label_from_fieldname, meta (a plain dict: no save or
// insert), in_format_data and is_print_hide; the template's get_all is the
// safe one and FrappeClient is absent. (The rest of the inventory is in
// conformance_test.cpp.)

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using ConformanceTemplate = ScriptingTest;

TEST_F(ConformanceTemplate, Case44_SafeDoc) {
  insert(Json{{"doctype", "User"}, {"email", "ann@example.com"}, {"first_name", "Ann"}});
  auto note = insert(Json{{"doctype", "Note"},
                          {"title", "Quarterly"},
                          {"public", 1},
                          {"seen_by", Json::array({Json{{"user", "ann@example.com"}}})}});
  std::string name = note->name();
  std::string t =
      "{% set d = frappe.get_doc('Note', name) %}"
      "{{ d.title }}|{{ d['title'] }}|{{ d.get('nothing', 'dflt') }}|{{ d.nothing }}|"
      "{{ d.seen_by|length }}|{{ d.seen_by[0].user }}|{{ d.seen_by[0].parent_doc.title }}|"
      "{{ d.parent_doc }}|{{ d.meta.name }}|{{ d.get_label_from_fieldname('title') }}|"
      "{{ d.in_format_data('title') }}|{{ d.is_print_hide('title') }}|"
      "{{ d.get_formatted('public') }}|{{ d.seen_by[0].get_formatted('user') }}|"
      "{{ 'title' in d }}|{{ frappe.get_cached_doc('Note', name).title }}";
  EXPECT_EQ(run("print(frappe.render_template(" + Json(t).dump() +
                ", {'name': " + Json(name).dump() + "}))\n"),
            "Quarterly|Quarterly|dflt|None|1|ann@example.com|Quarterly|None|Note|Title|True|0|1|"
            "ann@example.com|True|Quarterly\n");
  // Nothing writes: no save/insert/db_set on the document or its meta.
  for (const char* call : {"d.save()", "d.insert()", "d.db_set('title', 'x')", "d.meta.save()",
                           "d.seen_by[0].delete()"}) {
    std::string out = run(
        "frappe.render_template(" +
        Json(std::string("{% set d = frappe.get_doc('Note', name) %}{{ ") + call + " }}").dump() +
        ", {'name': " + Json(name).dump() + "})\n");
    EXPECT_NE(out.find("is not callable"), std::string::npos) << call << ": " << out;
  }
  EXPECT_EQ(run("print(frappe.db.get_value('Note', " + Json(name).dump() + ", 'title'))\n"),
            "Quarterly\n");
  // The template's globals: a safe get_all, no FrappeClient; the script's
  // own frappe.get_doc is untouched.
  EXPECT_EQ(run("print(frappe.render_template(\"{{ frappe.get_all('Note', pluck='name')|length }} "
                "{{ frappe.FrappeClient is defined }}\"))\n"
                "print(frappe.get_doc('Note', " +
                Json(name).dump() + ").title)\n"),
            "1 False\nQuarterly\n");
  // A script that rebinds `frappe` gives its templates that value.
  EXPECT_EQ(run("render = frappe.render_template\n"
                "frappe = {'x': 1}\n"
                "print(render('{{ frappe.x }}'))\n"),
            "1\n");
  // A SafeDoc kept after its template finished cannot be used.
  EXPECT_EQ(run("kept = []\n"
                "frappe.render_template(\"{{ keep(frappe.get_doc('Note', name)) }}\", "
                "{'keep': kept.append, 'name': " +
                Json(name).dump() +
                "})\n"
                "print(kept[0].title)\n"),
            "jinja2.exceptions.TemplateError: a document from a template's get_doc can only be "
            "used while the template renders");
}

// Date fields read as the date objects a loaded document carries (Frappe's
// SafeDoc wraps the document itself), in attributes, get(), as_dict() and
// items(); the printed text is the same str() as before.
TEST_F(ConformanceTemplate, SafeDocDatesAreDates) {
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "dated"}, {"date", "2025-01-15"}});
  std::string t =
      "{% set d = frappe.get_doc('ToDo', name) %}"
      "{{ d.date }}|{{ d.date.year }}|{{ d['date'].month }}|{{ d.get('date').day }}|"
      "{{ d.as_dict().date.isoformat() }}|{{ (d.items()|selectattr(0, 'eq', 'date')|first)[1].year "
      "}}|"
      "{{ d.date is string }}|{{ d.description is string }}";
  EXPECT_EQ(run("print(frappe.render_template(" + Json(t).dump() +
                ", {'name': " + Json(todo->name()).dump() + "}))\n"),
            "2025-01-15|2025|1|15|2025-01-15|2025|False|True\n");
  // get_formatted is the document's (frappe.format_value by the docfield).
  EXPECT_EQ(
      run("name = " + Json(todo->name()).dump() +
          "\n"
          "t = frappe.render_template(\"{{ frappe.get_doc('ToDo', name).get_formatted('date') "
          "}}|{{ frappe.get_doc('ToDo', name).get_formatted('modified') }}\", {'name': name})\n"
          "d = frappe.get_doc('ToDo', name)\n"
          "print(t == d.get_formatted('date') + '|' + d.get_formatted('modified'), t[:10])\n"),
      "True 15-01-2025\n");
}

}  // namespace
}  // namespace quire::scripting::testing
