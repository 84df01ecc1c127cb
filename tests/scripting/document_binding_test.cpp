// Documents as scripts see them: attribute reads and writes, child rows,
// and the Document methods real scripts use (script-usage.md §2c/§2d).

#include "scripting/engine.h"
#include "scripting/run_state.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using DocumentBinding = ScriptingTest;

TEST_F(DocumentBinding, FieldsReadAndWriteAsAttributes) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "d.description = 'hello'\n"
                "print(d.doctype, d.description, d.status, d.is_new())\n"
                "d.insert()\n"
                "print(d.is_new(), d.status, len(d.name), d.docstatus)\n"
                "print(d.missing_attribute)\n"),
            "ToDo hello Open True\nFalse Open 10 0\nNone\n");
}

TEST_F(DocumentBinding, GetDocSeesSavedValuesAndSaveWritesChanges) {
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "first"}});
  std::string name = todo->name_text();
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + name +
                "')\nprint(d.description)\nd.description = 'changed'\nd.save()\n"
                "print(frappe.db.get_value('ToDo', d.name, 'description'))\n"),
            "first\nchanged\n");
}

TEST_F(DocumentBinding, GetWithDefaultAndSet) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "print(d.get('description'), d.get('nope', 'dflt'), d.get('status'))\n"
                "d.set('description', 'x')\n"
                "print(d.description, d.get('description'))\n"),
            "None dflt Open\nx x\n");
}

TEST_F(DocumentBinding, ChildRowsAreListsOfRowDocuments) {
  EXPECT_EQ(run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T'})\n"
                "n.flags.ignore_links = True\n"
                "row = n.append('seen_by', {'user': 'Administrator'})\n"
                "n.append('seen_by', {'user': 'Guest'})\n"
                "print(len(n.seen_by), row.idx, row.parentfield, row.doctype)\n"
                "n.insert()\n"
                "m = frappe.get_doc('Note', n.name)\n"
                "for r in m.seen_by:\n"
                "    print(r.idx, r.user, r.parent == n.name)\n"
                "print(len(m.get('seen_by', {'user': 'Guest'})))\n"),
            "2 1 seen_by Note Seen By\n1 Administrator True\n2 Guest True\n1\n");
}

TEST_F(DocumentBinding, RemovedRowsAreDeletedOnSave) {
  EXPECT_EQ(run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
                "[{'user': 'Administrator'}, {'user': 'Guest'}]})\n"
                "n.flags.ignore_links = True\n"
                "n.insert()\n"
                "n.seen_by = [r for r in n.seen_by if r.user == 'Guest']\n"
                "n.save()\n"
                "m = frappe.get_doc('Note', n.name)\n"
                "print([(r.user, r.idx) for r in m.seen_by])\n"),
            "[('Guest', 1)]\n");
}

// A wrapper's first pull fills a prebuilt table and later pulls (after
// insert, append) set entries one by one: both must leave the same fields.
TEST_F(DocumentBinding, FieldsAfterFirstAndLaterPullsWritesDeletesAndTableLists) {
  EXPECT_EQ(
      run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
          "[{'user': 'Administrator'}]})\n"
          "n.flags.ignore_links = True\n"
          "r = n.seen_by[0]\n"
          "print(r.user, r.idx, r.parenttype, n.title, n.doctype, n.name is None)\n"
          "n.title = 'T'\n"
          "n.content = 'c'\n"
          "del n.content\n"
          "print(n.content, n.get('content'), n.as_dict()['title'])\n"
          "n.insert()\n"
          "print(n.title, n.name is not None, n.seen_by[0].user, n.seen_by[0].parent == n.name)\n"
          "row = n.append('seen_by', {'user': 'Guest'})\n"
          "print(row.user, row.idx, n.seen_by[-1].user, len(n.as_dict()['seen_by']))\n"
          "n.seen_by = [{'user': 'Guest'}]\n"
          "n.set('title', 'U')\n"
          "n.save()\n"
          "m = frappe.get_doc('Note', n.name)\n"
          "print(m.title, [(x.user, x.idx) for x in m.seen_by])\n"),
      "Administrator 1 Note T Note True\n"
      "None None T\n"
      "T True Administrator True\n"
      "Guest 2 Guest 2\n"
      "U [('Guest', 1)]\n");
}

TEST_F(DocumentBinding, ARowWrapperTakenEarlierSeesTheRowAfterTheParentsInsert) {
  // A table's list is rebuilt on each pull of the parent: a new row wrapper
  // is pulled once when made, one held from before is pulled again.
  EXPECT_EQ(run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
                "[{'user': 'Administrator'}, {'user': 'Guest'}]})\n"
                "n.flags.ignore_links = True\n"
                "r = n.seen_by[1]\n"
                "print(r.parent is None, r.user, r.idx)\n"
                "n.insert()\n"
                "print(r.parent == n.name, r.name is not None, r is n.seen_by[1], r.idx)\n"),
            "True Guest 2\nTrue True True 2\n");
}

TEST_F(DocumentBinding, RowsAreRenumberedAndReparentedOnPush) {
  // The push sets parent, parentfield, parenttype and idx only where they
  // differ: a row moved up gets its new idx, a row moved in its new parent.
  EXPECT_EQ(run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
                "[{'user': 'Administrator'}, {'user': 'Guest'}]})\n"
                "n.flags.ignore_links = True\n"
                "n.insert()\n"
                "o = frappe.get_doc({'doctype': 'Note', 'title': 'O'})\n"
                "o.flags.ignore_links = True\n"
                "o.insert()\n"
                "moved = n.seen_by.pop(0)\n"
                "o.seen_by = [moved]\n"
                "n.save()\n"
                "o.save()\n"
                "print([(x.user, x.idx) for x in frappe.get_doc('Note', n.name).seen_by])\n"
                "r = frappe.get_doc('Note', o.name).seen_by[0]\n"
                "print(r.user, r.idx, r.parent == o.name, r.parentfield, r.parenttype)\n"),
            "[('Guest', 1)]\nAdministrator 1 True seen_by Note\n");
}

TEST_F(DocumentBinding, AsDictIsADictWithChildren) {
  EXPECT_EQ(run("n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
                "[{'user': 'Guest'}]})\n"
                "d = n.as_dict()\n"
                "print(d['title'], d.title, d['seen_by'][0]['user'], d.doctype)\n"),
            "T T Guest Note\n");
}

TEST_F(DocumentBinding, DbSetWritesWithoutSave) {
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "a"}});
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo->name_text() +
                "')\nd.db_set('status', 'Closed')\nprint(d.status)\n"
                "print(frappe.db.get_value('ToDo', d.name, 'status'))\n"),
            "Closed\nClosed\n");
}

TEST_F(DocumentBinding, ReloadAndDelete) {
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "a"}});
  std::string name = todo->name_text();
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + name +
                "')\nfrappe.db.set_value('ToDo', d.name, 'description', 'b')\n"
                "print(d.description)\nd.reload()\nprint(d.description)\n"
                "d.delete()\nprint(frappe.db.exists('ToDo', '" +
                name + "'))\n"),
            "a\nb\nNone\n");
}

TEST_F(DocumentBinding, FlagsAreAnAttributeDict) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "d.flags.ignore_permissions = True\n"
                "print(d.flags.ignore_permissions, d.flags.nothing)\n"),
            "True None\n");
}

TEST_F(DocumentBinding, ReprNamesTheDoctypeAndName) {
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\nprint(repr(d))\n"), "<ToDo: unsaved>\n");
}

TEST_F(DocumentBinding, ModelErrorsAreFrappeExceptionsInScripts) {
  EXPECT_EQ(run("try:\n"
                "    frappe.get_doc('ToDo', 'nope')\n"
                "except frappe.DoesNotExistError as e:\n"
                "    print('missing', isinstance(e, frappe.ValidationError))\n"),
            "missing True\n");
}

// A run whose program cannot see a wrapper's attribute table whole converts
// each field when it is first read (document_binding.cpp pull_on_demand); a
// program naming getattr has its wrappers filled at once. Both must read,
// write, delete and push the same: the same script runs both ways.
TEST_F(DocumentBinding, FieldsPulledOnFirstReadActLikeFieldsPulledAtOnce) {
  auto body = [&] {
    auto saved = insert(Json{{"doctype", "ToDo"}, {"description", "stored"}, {"priority", "High"}});
    return "d = frappe.get_doc('ToDo', '" + saved->name_text() +
           "')\n"
           "print(d.get('priority'), d.get('color'), hasattr(d, 'status'), d.get('nope', 'dflt'))\n"
           "del d.status\n"
           "print(d.status, d.get('status'))\n"
           "d.db_set('description', 'set by db_set')\n"
           "print(d.description, d.status)\n"
           "d.color = '#123456'\n"
           "print(d.flags.ignore_permissions)\n"
           "d.save()\n"
           "print(frappe.db.get_value('ToDo', d.name, ['description', 'color', 'status']))\n"
           "n = frappe.get_doc({'doctype': 'Note', 'title': 'T', 'seen_by': "
           "[{'user': 'Administrator'}, {'user': 'Guest'}]})\n"
           "print([r.user for r in n.get('seen_by', {'user': 'Guest'})], n.seen_by[0].idx)\n"
           "print(n.as_dict()['title'], n.is_new(), n.title)\n";
  };
  const std::string expected =
      "High None True dflt\n"
      "None None\n"
      "set by db_set Open\n"
      "None\n"
      "('set by db_set', '#123456', 'Open')\n"
      "['Guest'] 1\n"
      "T True T\n";
  EXPECT_EQ(run(body()), expected);
  EXPECT_EQ(run("getattr(frappe, 'session')\n" + body()), expected);
}

// A Before Save script that reads no field and one that deletes a field it
// never read leave the document's values as they were; what they set is saved.
TEST_F(DocumentBinding, AnEventScriptPushesOnlyWhatItChanged) {
  add_event_script("set only", "ToDo", "Before Save",
                   "doc.color = 'red'\n"
                   "del doc.priority\n");
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "kept"}, {"priority", "High"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "description"), "kept");
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "priority"), "High");
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "color"), "red");
}

// The per-run parts of `frappe` a program reaches (run_state.h), and what a
// DocType Event script that names them sees.
TEST_F(DocumentBinding, ProgramReachFollowsTheNamesAProgramUses) {
  auto reach = [](const std::string& source) {
    return program_reach(*compile_script("reach", source, lang::Limits{}));
  };
  EXPECT_EQ(reach("doc.color = 'red'\n"), 0u);
  EXPECT_EQ(reach("x = frappe.form_dict.get('a')\n"), unsigned{kReachFormDict});
  EXPECT_EQ(reach("print(args)\n"), unsigned{kReachFormDict});
  EXPECT_EQ(reach("frappe.response['message'] = 1\n"), unsigned{kReachResponse});
  EXPECT_EQ(reach("def f():\n    return frappe.session.user\n"), unsigned{kReachSession});
  EXPECT_EQ(reach("x = 'response'\n"), unsigned{kReachResponse});
  EXPECT_EQ(reach("x = getattr(frappe, 'x', None)\n"), unsigned{kReachAll});
  EXPECT_EQ(reach("x = vars(doc)\n"), unsigned{kReachAll});
  EXPECT_EQ(reach("frappe.render_template('{{ x }}', {})\n"), unsigned{kReachAll});
  add_event_script("session and response", "ToDo", "Before Save",
                   "doc.description = frappe.session.user + ' ' + str(sorted(frappe.response))\n");
  auto todo = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", todo->name(), "description"),
            "Administrator ['docs']");
}

}  // namespace
}  // namespace quire::scripting::testing
