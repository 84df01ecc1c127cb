// The frappe names of issue 7 added late: frappe.get_meta / doc.meta,
// frappe.format_value / doc.get_formatted, doc.add_comment, doc.run_method.
// Expected values are Frappe's (formatters.py, meta.py, document.py): the
// formatting helpers themselves are compared with python3 in
// frappe_utils_test.cpp, so format_value is checked against them here.
// Facts read from Frappe's code: a Float of 1234.5 asks fmt_money for the
// float precision (3), which fmt_money lowers to the number format's 2 for a
// value with one decimal; a whole float takes precision 0; None formatted as
// Currency is fmt_money("") = "0.00".

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class FrappeNamespace : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    todo = insert(Json{{"doctype", "ToDo"}, {"description", "alpha"}, {"priority", "High"}});
  }
  model::Document::Ptr todo;
};

TEST_F(FrappeNamespace, GetMetaFieldsAndMethods) {
  EXPECT_EQ(run("m = frappe.get_meta('ToDo')\n"
                "print(m.name, m.istable, m.issingle, m.doctype)\n"
                "df = m.get_field('priority')\n"
                "print(df.fieldtype, df.fieldname, df.parent, m.get_field('nothing'))\n"
                "print(m.has_field('status'), m.has_field('nothing'))\n"
                "print(m.get_label('name'), m.get_label('modified'), m.get_label('nothing'))\n"
                "print(m.get_options('priority').split(chr(10)))\n"
                "print([d.fieldname for d in m.get('fields', {'fieldtype': 'Select'})])\n"
                "print([d.fieldname for d in m.get('fields', {'fieldtype': ['in', ['Link']]})]"
                " == [d.fieldname for d in m.get_link_fields()])\n"
                "print(m.get('nothing'), m.get('nothing', default=5), m.unknown_property)\n"
                "print(len(m.fields) == len(m.get_fieldnames_with_value()) + "
                "len([f for f in m.fields if f.fieldtype in ('Section Break', 'Column Break')]))\n"
                "print(m.get_valid_columns()[:7])\n"),
            "ToDo 0 0 DocType\n"
            "Select priority ToDo None\n"
            "True False\n"
            "ID Last Updated On No Label\n"
            "['High', 'Medium', 'Low']\n"
            "['status', 'priority']\n"
            "True\n"
            "None 5 None\n"
            "True\n"
            "['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx']\n");
}

TEST_F(FrappeNamespace, GetOptionsOfMissingFieldIsAttributeError) {
  EXPECT_EQ(run("frappe.get_meta('ToDo').get_options('nothing')\n"),
            "AttributeError: 'NoneType' object has no attribute 'options'");
  EXPECT_EQ(run("frappe.get_meta('No Such DocType')\n"),
            "DoesNotExistError: DocType No Such DocType not found");
}

TEST_F(FrappeNamespace, DocMetaIsTheDocTypesMeta) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo->name_text() +
                "')\n"
                "print(d.meta.name, d.meta.get_field('description').fieldtype)\n"
                "print(d.meta.get_label('priority'), d.meta.has_field('status'))\n"),
            "ToDo Text Editor\nPriority True\n");
}

TEST_F(FrappeNamespace, FormatValueByFieldtype) {
  EXPECT_EQ(
      run("fv = frappe.format_value\n"
          "u = frappe.utils\n"
          "print(fv(1234.5, {'fieldtype': 'Currency'}) == u.fmt_money(1234.5, precision=2))\n"
          "print(fv(1234.5, 'Float'), fv(1234.0, 'Float'), fv(2.5, {'fieldtype': 'Float', "
          "'precision': '1'}))\n"
          "print(fv(12.5, 'Percent'), fv(12, 'Percent'))\n"
          "print(repr(fv(None)), repr(fv(None, 'Currency')), fv(7), fv('x'))\n"
          "print(fv('a\\nb', 'Small Text'), fv('<p>a\\nb</p>', 'Text') == '<p>a\\nb</p>')\n"
          "print(fv('hi', 'Text Editor'))\n"
          "print(fv('2024-02-03', 'Date') == u.formatdate('2024-02-03'))\n"
          "print(fv(u.getdate('2024-02-03')) == u.formatdate('2024-02-03'))\n"
          "print(fv('2024-02-03 10:11:12', 'Datetime') == u.format_datetime('2024-02-03 "
          "10:11:12'))\n"
          "print(fv(0, {'fieldtype': 'Int', 'print_hide_if_no_value': 1}) == '', fv(0, 'Int'))\n"
          "print(fv(3600, 'Duration') == u.format_duration(3600))\n"
          "print(fv(5, {'fieldtype': 'Currency', 'options': 'currency'}, {'currency': 'USD'}) == "
          "u.fmt_money(5, precision=2, currency='USD'))\n"),
      "True\n1,234.50 1,234 2.5\n12.5% 12.0%\n'' '0.00' 7 x\na<br>b True\n"
      "<div class='ql-snow'>hi</div>\nTrue\nTrue\nTrue\nTrue 0\nTrue\nTrue\n");
}

TEST_F(FrappeNamespace, FrappeFormatIsUnreachable) {
  // safe_exec binds frappe.format, but `format` is an unsafe attribute name there.
  std::string out = run("print(frappe.format(1))\n");
  EXPECT_NE(out.find("Error"), std::string::npos) << out;
}

TEST_F(FrappeNamespace, GetFormattedUsesTheFieldsType) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo->name_text() +
                "')\n"
                "d.date = '2024-05-06'\n"
                "print(d.get_formatted('date') == frappe.utils.formatdate('2024-05-06'))\n"
                "print(d.get_formatted('priority'), repr(d.get_formatted('assigned_by')))\n"
                "print(d.get_formatted('idx'))\n"),
            "True\nHigh ''\n0\n");
}

TEST_F(FrappeNamespace, AddCommentInsertsAComment) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo->name_text() +
                "')\n"
                "c = d.add_comment('Info', 'checked')\n"
                "print(c.doctype, c.comment_type, c.content, c.reference_doctype, "
                "c.reference_name == d.name, c.comment_email)\n"
                "c2 = d.add_comment()\n"
                "print(c2.comment_type, c2.content)\n"
                "print(frappe.db.count('Comment', {'reference_name': d.name}))\n"),
            "Comment Info checked ToDo True Administrator\nComment Comment\n2\n");
}

TEST_F(FrappeNamespace, RunMethodRunsTheEventsScripts) {
  add_event_script("todo validate", "ToDo", "Before Save",
                   "doc.description = (doc.description or '') + '!'\n");
  EXPECT_EQ(run("d = frappe.new_doc('ToDo')\n"
                "d.description = 'x'\n"
                "print(d.run_method('validate'), d.description)\n"
                "d.run_method('on_update')\n"
                "print(d.description)\n"),
            "None x!\nx!\n");
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// database.py's order: a commit drops the rollback callbacks and runs
// before_commit, then after_commit; a rollback the other way round.
TEST_F(FrappeNamespace, TransactionCallbacksRunAtTheScriptsCommit) {
  add_script("callbacks", Json{{"script_type", "Scheduler Event"},
                               {"event_frequency", "Daily"},
                               {"script",
                                "def note(text):\n"
                                "    return lambda: print(text)\n"
                                "frappe.db.before_commit.add(note('before commit'))\n"
                                "frappe.db.after_commit.add(note('after commit'))\n"
                                "frappe.db.after_rollback.add(note('never: the commit drops it'))\n"
                                "frappe.db.commit()\n"
                                "frappe.db.after_rollback.add(note('after rollback'))\n"
                                "frappe.db.after_commit.add(note('never: the rollback drops it'))\n"
                                "frappe.db.rollback()\n"
                                "frappe.db.commit()\n"}});
  EXPECT_EQ(run_scheduled("callbacks"), "before commit\nafter commit\nafter rollback\n");
}

TEST_F(FrappeNamespace, TransactionCallbacksRefusedInDocumentEvents) {
  add_event_script("todo callback", "ToDo", "Before Save",
                   "frappe.db.after_commit.add(lambda: None)\n");
  std::string out = run("frappe.get_doc({'doctype': 'ToDo', 'description': 'x'}).insert()\n");
  EXPECT_NE(out.find("ValidationError: frappe.db.after_commit.add()"), std::string::npos) << out;
}

TEST_F(FrappeNamespace, SmallNames) {
  EXPECT_EQ(run("print(frappe.get_gravatar('a@b.c'))\n"
                "print(frappe.get_hooks(), frappe.get_hooks('doc_events'), "
                "frappe.get_hooks('x', default={}))\n"
                "print(frappe.socketio_port, dev_server)\n"
                "print(frappe.website.abs_url('x/y'), frappe.website.abs_url('https://a'), "
                "frappe.website.abs_url(''))\n"
                "print(frappe.get_system_settings('no_such_setting'))\n"
                "try:\n"
                "    frappe.get_print('ToDo', 'x')\n"
                "except frappe.DoesNotExistError:\n"
                "    print('get_print: no such ToDo')\n"),
            "https://secure.gravatar.com/avatar/" +
                run_python("import hashlib\nprint(hashlib.md5(b'a@b.c').hexdigest(), end='')") +
                "?d=mm&s=200\n{} [] {}\nNone 0\n/x/y https://a None\nNone\nget_print: no such ToDo\n");
}

}  // namespace
}  // namespace quire::scripting::testing
