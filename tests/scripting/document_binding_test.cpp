// Documents as scripts see them: attribute reads and writes, child rows,
// and the Document methods real scripts use (script-usage.md §2c/§2d).

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

}  // namespace
}  // namespace quire::scripting::testing
