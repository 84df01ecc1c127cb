// frappe.get_print / attach_print / get_visible_columns and the Print Format
// DocType (frappe/www/printview.py): which fields and columns a print shows,
// custom Jinja formats, permissions, and PDFs through wkhtmltopdf.

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "jinja_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class Print : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    insert(Json{{"doctype", "Role"}, {"role_name", "Reader"}});
    add_doctype(Json{
        {"name", "Print Invoice Item"},
        {"module", "Custom"},
        {"istable", 1},
        {"fields", Json::array({
                       Json{{"fieldname", "item"}, {"fieldtype", "Data"}, {"label", "Item"}},
                       Json{{"fieldname", "qty"}, {"fieldtype", "Float"}, {"label", "Qty"}},
                       Json{{"fieldname", "rate"}, {"fieldtype", "Currency"}, {"label", "Rate"}},
                       Json{{"fieldname", "internal_code"},
                            {"fieldtype", "Data"},
                            {"label", "Internal Code"},
                            {"print_hide", 1}},
                       Json{{"fieldname", "remark"}, {"fieldtype", "Data"}, {"label", "Remark"}},
                       Json{{"fieldname", "discount"},
                            {"fieldtype", "Float"},
                            {"label", "Discount"},
                            {"print_hide_if_no_value", 1}},
                   })}});
    add_doctype(Json{
        {"name", "Print Invoice"},
        {"module", "Custom"},
        {"autoname", "Prompt"},
        {"title_field", "customer"},
        {"fields",
         Json::array({
             Json{{"fieldname", "customer"}, {"fieldtype", "Data"}, {"label", "Customer"}},
             Json{{"fieldname", "amount"}, {"fieldtype", "Currency"}, {"label", "Amount"}},
             Json{{"fieldname", "secret"},
                  {"fieldtype", "Data"},
                  {"label", "Secret"},
                  {"print_hide", 1}},
             Json{{"fieldname", "details"}, {"fieldtype", "Section Break"}, {"label", "Details"}},
             Json{{"fieldname", "notes"}, {"fieldtype", "Small Text"}, {"label", "Notes"}},
             Json{{"fieldname", "col"}, {"fieldtype", "Column Break"}},
             Json{{"fieldname", "bonus"},
                  {"fieldtype", "Int"},
                  {"label", "Bonus"},
                  {"print_hide_if_no_value", 1}},
             Json{{"fieldname", "empty_section"},
                  {"fieldtype", "Section Break"},
                  {"label", "Empty"}},
             Json{{"fieldname", "unused"}, {"fieldtype", "Data"}, {"label", "Unused"}},
             Json{{"fieldname", "lines"}, {"fieldtype", "Section Break"}},
             Json{{"fieldname", "items"},
                  {"fieldtype", "Table"},
                  {"label", "Items"},
                  {"options", "Print Invoice Item"}},
         })},
        {"permissions", Json::array({Json{{"role", "System Manager"},
                                          {"read", 1},
                                          {"write", 1},
                                          {"create", 1},
                                          {"print", 1}},
                                     Json{{"role", "Reader"}, {"read", 1}}})}});
    auto doc = model::doc_from_dict(
        *session,
        Json{{"doctype", "Print Invoice"},
             {"customer", "Acme & Sons"},
             {"amount", 1234.5},
             {"secret", "hidden-value"},
             {"notes", "first line"},
             {"bonus", 0},
             {"items",
              Json::array(
                  {Json{{"item", "Widget"}, {"qty", 2}, {"rate", 10}, {"internal_code", "X-1"}},
                   Json{{"item", "Gadget"}, {"qty", 1}, {"rate", 1214.5}}})}});
    model::InsertOptions o;
    o.set_name = "INV 1/2025";
    model::insert(*session, *doc, o);
  }

  // A DocType document, as a site would add one (its meta and table follow).
  void add_doctype(const Json& definition) {
    Json d = definition;
    d["doctype"] = "DocType";
    auto doc = model::doc_from_dict(*session, d);
    model::InsertOptions options;
    options.set_name = definition["name"].get<std::string>();
    model::insert(*session, *doc, options);
  }

  static bool have(const char* program) {
    std::string command = std::string("command -v ") + program + " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
  }
};

TEST_F(Print, PrintFormatIsACoreDocType) {
  EXPECT_EQ(run("m = frappe.get_meta('Print Format')\n"
                "print([m.has_field(f) for f in ('doc_type', 'print_format_type', 'html', 'css', "
                "'standard', 'disabled', 'custom_format')])\n"
                "print(m.get_field('standard').default, m.get_field('print_format_type').default)\n"
                "pf = frappe.get_doc({'doctype': 'Print Format', 'name': 'Plain', "
                "'doc_type': 'Print Invoice', 'custom_format': 1, 'html': 'x'}).insert()\n"
                "print(pf.name, pf.standard, pf.print_format_type, pf.disabled)\n"),
            "[True, True, True, True, True, True, True]\n"
            "No Jinja\n"
            "Plain No Jinja 0\n");
}

TEST_F(Print, StandardFormatShowsPrintableFieldsAndColumns) {
  std::string out =
      run("html = frappe.get_print('Print Invoice', 'INV 1/2025')\n"
          "doc = frappe.get_doc('Print Invoice', 'INV 1/2025')\n"
          "print(html.startswith('<!DOCTYPE html>'), '<title>Acme &amp; Sons</title>' in html)\n"
          "print('<div>Print Invoice</div>' in html, 'INV 1/2025</small>' in html)\n"
          "print('<label>Customer</label>' in html, 'Acme &amp; Sons' in html)\n"
          "print(frappe.format_value(doc.amount, {'fieldtype': 'Currency'}) in html)\n"
          "print('Secret' in html, 'hidden-value' in html, 'Bonus' in html, 'Unused' in html)\n"
          "print('Details' in html, html.count('column-break'))\n"
          "print([h in html for h in ('>Item</th>', '>Qty</th>', '>Rate</th>')])\n"
          "print([h in html for h in ('Internal Code', 'X-1', 'Remark', 'Discount')])\n"
          "print('Widget' in html, 'Gadget' in html, 'first line' in html)\n");
  EXPECT_EQ(out,
            "True True\n"
            "True True\n"
            "True True\n"
            "True\n"
            "False False False False\n"
            "False 4\n"
            "[True, True, True]\n"
            "[False, False, False, False]\n"
            "True True True\n");
}

TEST_F(Print, SectionHeadingsFollowThePrintFormat) {
  EXPECT_EQ(
      run("frappe.get_doc({'doctype': 'Print Format', 'name': 'Headed', "
          "'doc_type': 'Print Invoice', 'show_section_headings': 1, 'css': '.x { color: red; }'})"
          ".insert()\n"
          "html = frappe.get_print('Print Invoice', 'INV 1/2025', print_format='Headed')\n"
          "print('>Details</h4>' in html, 'Empty' in html, '.x { color: red; }' in html)\n"
          "html = frappe.get_print('Print Invoice', 'INV 1/2025', print_format='No Such')\n"
          "print('<label>Customer</label>' in html)\n"),
      "True False True\nTrue\n");
}

TEST_F(Print, CustomJinjaFormat) {
  EXPECT_EQ(run("frappe.get_doc({'doctype': 'Print Format', 'name': 'Short', "
                "'doc_type': 'Print Invoice', 'custom_format': 1, "
                "'html': '<p id=\"c\">{{ doc.customer }}|{{ doc.items|length }}|"
                "{{ doc.items[1].item }}|{{ frappe.utils.flt(doc.amount, 1) }}|"
                "{{ meta.name }}|{{ no_letterhead }}</p>'}).insert()\n"
                "html = frappe.get_print('Print Invoice', 'INV 1/2025', print_format='Short', "
                "no_letterhead=1)\n"
                "start = html.index('<p id=\"c\">')\n"
                "print(html[start:html.index('</p>', start) + 4])\n"
                "print('<label>' in html)\n"),
            "<p id=\"c\">Acme & Sons|2|Gadget|1234.5|Print Invoice|1</p>\nFalse\n");
}

TEST_F(Print, DisabledOrEmptyFormatsAreFrappesErrors) {
  EXPECT_EQ(run("frappe.get_doc({'doctype': 'Print Format', 'name': 'Off', "
                "'doc_type': 'Print Invoice', 'custom_format': 1, 'html': 'x', 'disabled': 1})"
                ".insert()\n"
                "frappe.get_doc({'doctype': 'Print Format', 'name': 'Blank', "
                "'doc_type': 'Print Invoice', 'custom_format': 1}).insert()\n"
                "for name in ('Off', 'Blank'):\n"
                "    try:\n"
                "        frappe.get_print('Print Invoice', 'INV 1/2025', print_format=name)\n"
                "    except frappe.DoesNotExistError as e:\n"
                "        print('DoesNotExistError', e)\n"
                "    except frappe.TemplateNotFoundError as e:\n"
                "        print('TemplateNotFoundError', e)\n"),
            "DoesNotExistError Print Format Off is disabled\n"
            "TemplateNotFoundError No template found for Print Format Blank\n");
}

TEST_F(Print, ReadAndPrintPermissionAreNeeded) {
  session->user = "reader@example.com";
  session->roles = {"Reader", "All", "Guest"};
  EXPECT_EQ(run("try:\n"
                "    frappe.get_print('Print Invoice', 'INV 1/2025')\n"
                "except frappe.PermissionError as e:\n"
                "    print('refused:', e)\n"),
            "refused: No print permission\n");
  session->roles = {"All", "Guest"};
  EXPECT_EQ(run("try:\n"
                "    frappe.get_print('Print Invoice', 'INV 1/2025')\n"
                "except frappe.PermissionError as e:\n"
                "    print('refused:', e)\n"),
            "refused: No read permission\n");
}

TEST_F(Print, GetVisibleColumnsFollowsPrintviewRules) {
  EXPECT_EQ(run("doc = frappe.get_doc('Print Invoice', 'INV 1/2025')\n"
                "meta = frappe.get_meta('Print Invoice Item')\n"
                "df = frappe.get_meta('Print Invoice').get_field('items')\n"
                "cols = get_visible_columns(doc.items, meta, df)\n"
                "print([c.fieldname for c in cols])\n"
                "doc.items[0].discount = 5\n"
                "doc.items[1].remark = '<b> </b>'\n"
                "print([c.fieldname for c in get_visible_columns(doc.items, meta, df)])\n"
                "doc.items[1].remark = '<i>ok</i>'\n"
                "print([c.fieldname for c in get_visible_columns(doc.items, meta, df)])\n"
                "picked = {'fieldname': 'items', 'visible_columns': [{'fieldname': 'rate'}, "
                "{'fieldname': 'nope'}, {'fieldname': 'internal_code', 'print_hide': 0}], "
                "'hide_in_print_layout': ['qty']}\n"
                "print([c.fieldname for c in get_visible_columns(doc.items, meta, picked)])\n"
                "try:\n"
                "    get_visible_columns([], meta, df)\n"
                "except IndexError as e:\n"
                "    print('IndexError', e)\n"),
            "['item', 'qty', 'rate']\n"
            "['item', 'qty', 'rate', 'discount']\n"
            "['item', 'qty', 'rate', 'remark', 'discount']\n"
            "['rate', 'internal_code']\n"
            "IndexError list index out of range\n");
}

TEST_F(Print, BeforePrintScriptsRun) {
  add_event_script("stamp", "Print Invoice", "Before Print",
                   "doc.customer = 'Printed ' + doc.customer\n");
  EXPECT_EQ(run("html = frappe.get_print('Print Invoice', 'INV 1/2025')\n"
                "print('Printed Acme' in html)\n"),
            "True\n");
}

TEST_F(Print, PdfHasTheTextAndAttachPrintFeedsSendmail) {
  if (!have("wkhtmltopdf") || !have("pdftotext")) GTEST_SKIP() << "wkhtmltopdf/pdftotext missing";
  char dir_template[] = "/tmp/quire_print_test_XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  std::string dir = dir_template;
  std::string out = run(
      "pdf = frappe.get_print('Print Invoice', 'INV 1/2025', as_pdf=True)\n"
      "print(isinstance(pdf, bytes), pdf[:5])\n"
      "a = frappe.attach_print('Print Invoice', 'INV 1/2025')\n"
      "print(sorted(a), a['fname'], a['fcontent'][:4])\n"
      "q = frappe.sendmail(recipients=['a@example.com'], subject='Invoice', message='see', "
      "attachments=[a])\n"
      "att = frappe.parse_json(frappe.db.get_value('Email Queue', q.name, 'attachments'))\n"
      "print(att[0]['fname'], att[0]['encoding'], att[0]['fcontent'][:6])\n"
      "print(frappe.attach_print('Print Invoice', 'INV 1/2025', file_name='My File')['fname'])\n"
      "print(pdf.hex())\n");
  auto lines = split_lines(out);
  ASSERT_EQ(lines.size(), 5u) << out;
  EXPECT_EQ(lines[0], "True b'%PDF-'");
  EXPECT_EQ(lines[1], "['fcontent', 'fname'] INV1-2025.pdf b'%PDF'");
  // base64 of "%PDF-" starts "JVBERi".
  EXPECT_EQ(lines[2], "INV1-2025.pdf base64 JVBERi");
  EXPECT_EQ(lines[3], "MyFile.pdf");
  std::string pdf_path = dir + "/print.pdf";
  {
    std::ofstream pdf(pdf_path, std::ios::binary);
    for (std::size_t i = 0; i + 1 < lines[4].size(); i += 2)
      pdf << static_cast<char>(std::stoi(lines[4].substr(i, 2), nullptr, 16));
  }
  std::string text;
  FILE* p = popen(("pdftotext " + pdf_path + " -").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  pclose(p);
  std::remove(pdf_path.c_str());
  rmdir(dir.c_str());
  EXPECT_NE(text.find("Acme & Sons"), std::string::npos) << text;
  EXPECT_NE(text.find("Widget"), std::string::npos) << text;
  EXPECT_EQ(text.find("hidden-value"), std::string::npos) << text;
}

TEST_F(Print, MissingPdfRendererIsAClearError) {
  setenv("QUIRE_WKHTMLTOPDF", "/nonexistent/wkhtmltopdf", 1);
  std::string out = run("frappe.get_print('Print Invoice', 'INV 1/2025', as_pdf=True)\n");
  unsetenv("QUIRE_WKHTMLTOPDF");
  EXPECT_EQ(out,
            "OSError: wkhtmltopdf is not installed on this server (Debian package wkhtmltopdf): "
            "PDFs cannot be made");
}

}  // namespace
}  // namespace quire::scripting::testing
