// HTML of Frappe's print view (see frappe_print_render.h).
#include "scripting/frappe_print_render.h"

#include "model/field_permissions.h"
#include "scripting/frappe_format.h"
#include "scripting/frappe_meta.h"
#include "scripting/html_escape.h"
#include "scripting/native_util.h"
#include "scripting/render_template.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Json;

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  html_escape_into(out, text, kMarkupsafeQuotes);
  return out;
}

std::string text_of(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Field types whose formatted value is HTML already (Frappe sanitises these
// on save); every other value is escaped, where Frappe's template relies on
// the save-time XSS filter.
bool is_markup_type(std::string_view type) {
  for (std::string_view t : {"Text", "Small Text", "Long Text", "Text Editor", "HTML Editor",
                             "Markdown Editor", "HTML"}) {
    if (type == t) return true;
  }
  return false;
}

// format_value(value, df, doc) as text ready for the page.
bool formatted(Isolate& I, const Json& value, const Json& df, Value doc, std::string& out) {
  Value v = to_value(I, value);
  if (v.is_exc()) return false;
  Value shown = format_value(I, v, df, doc, Value::none(), Value::none());
  decref(v);
  if (shown.is_exc()) return false;
  std::string text;
  bool ok = str_into(I, shown, text);
  decref(shown);
  if (!ok) return false;
  out += is_markup_type(text_of(df, "fieldtype")) ? text : escaped(text);
  return true;
}

// The value of a field in a document's dict (null when absent).
const Json& field_value(const Json& dict, const std::string& fieldname) {
  static const Json null;
  auto it = dict.find(fieldname);
  return it == dict.end() ? null : *it;
}

const char* align_class(std::string_view type) {
  if (type == "Currency" || type == "Float" || type == "Int" || type == "Percent")
    return "text-right";
  if (type == "Check") return "text-center";
  return "text-left";
}

std::string field_attributes(const Json& df) {
  return "data-fieldname=\"" + escaped(text_of(df, "fieldname")) + "\" data-fieldtype=\"" +
         escaped(text_of(df, "fieldtype")) + "\"";
}

bool render_table(Isolate& I, RunState& run, const PrintSubject& subject, const Json& df,
                  std::string& out) {
  const Json& rows = field_value(subject.dict, text_of(df, "fieldname"));
  auto table_meta = run.session.metas.get(text_of(df, "options"));
  auto no_read = model::fields_without_access(run.session, *table_meta, *subject.meta, "read");
  auto columns = visible_columns(rows, *table_meta, df, no_read);
  out +=
      "<div " + field_attributes(df) + ">\n<table class=\"table table-bordered table-condensed\">";
  out += "\n<thead><tr><th style=\"width: 40px\" class=\"table-sr\">Sr</th>";
  for (const Json& col : columns) {
    out += "<th class=\"" + std::string(align_class(text_of(col, "fieldtype"))) + "\">" +
           escaped(text_of(col, "label")) + "</th>";
  }
  out += "</tr></thead>\n<tbody>";
  for (const Json& row : rows) {
    out +=
        "\n<tr><td class=\"table-sr\">" + (row.contains("idx") ? row["idx"].dump() : "") + "</td>";
    for (const Json& col : columns) {
      std::string fieldname = text_of(col, "fieldname");
      out += "<td class=\"" + std::string(align_class(text_of(col, "fieldtype"))) +
             "\"><div class=\"value\">";
      auto it = row.find(fieldname);
      if (it != row.end() && !it->is_null() && !formatted(I, *it, col, subject.doc, out))
        return false;
      out += "</div></td>";
    }
    out += "</tr>";
  }
  out += "\n</tbody>\n</table>\n</div>\n";
  return true;
}

bool render_html_field(Isolate& I, const PrintSubject& subject, const Json& df, std::string& out) {
  Value args[2] = {new_str(I, text_of(df, "options")), Value::object(alloc_dict(I))};
  Value key = new_str(I, "doc");
  bool ok = dict_set(I, as_dict(args[1]), key, subject.doc);
  decref(key);
  Value html = ok ? render_template_native(I, args, 2, nullptr, nullptr) : Value::exc();
  decref(args[0]);
  decref(args[1]);
  if (html.is_exc()) return false;
  std::string text;
  ok = str_into(I, html, text);
  decref(html);
  out += "<div " + field_attributes(df) + ">" + text + "</div>\n";
  return ok;
}

bool render_field(Isolate& I, RunState& run, const PrintSubject& subject, const Json& df,
                  std::string& out) {
  std::string type = text_of(df, "fieldtype");
  if (type == "Table") return render_table(I, run, subject, df, out);
  if (type == "HTML") return render_html_field(I, subject, df, out);
  bool check = type == "Check";
  out += std::string("<div class=\"row") +
         (json_truthy(df.value("bold", Json())) ? " important" : "") + " data-field\" " +
         field_attributes(df) + ">\n";
  out += std::string("<div class=\"col-xs-") + (check ? "9" : "5") +
         (subject.align_labels_right ? " text-right" : "") + "\">";
  if (type != "Image" && !check) out += "<label>" + escaped(text_of(df, "label")) + "</label>";
  out += std::string("</div>\n<div class=\"col-xs-") + (check ? "3" : "7") + " value\">";
  if (!formatted(I, field_value(subject.dict, text_of(df, "fieldname")), df, subject.doc, out))
    return false;
  out += "</div>\n</div>\n";
  return true;
}

void render_heading(const PrintSubject& subject, std::size_t page, std::size_t pages,
                    std::string& out) {
  const Json& dict = subject.dict;
  auto shown = [&](const char* key, const std::string& fallback) {
    auto it = dict.find(key);
    return it != dict.end() && it->is_string() ? it->get<std::string>() : fallback;
  };
  out += "<div class=\"print-heading\">\n<h2><div>" +
         escaped(shown("print_heading", subject.meta->name)) +
         "</div><small class=\"sub-heading\">" +
         escaped(shown("sub_heading", text_of(dict, "name"))) + "</small></h2>\n</div>\n";
  if (subject.meta->is_submittable) {
    int docstatus = dict.value("docstatus", Json(0)).is_number() ? dict["docstatus"].get<int>() : 0;
    if (docstatus == 2) {
      out +=
          "<div class=\"text-center\" document-status=\"cancelled\"><h4 style=\"margin: 0px;\">"
          "CANCELLED</h4></div>\n";
    } else if (docstatus == 0) {
      out +=
          "<div class=\"text-center\" document-status=\"draft\"><h4 style=\"margin: 0px;\">"
          "DRAFT</h4></div>\n";
    }
  }
  if (pages > 1) {
    out += "<p class=\"text-right\">Page #" + std::to_string(page) + " of " +
           std::to_string(pages) + "</p>\n";
  }
}

// Bootstrap's grid and table rules the standard format's classes need (Frappe
// links its print.css, which quire does not serve to a PDF renderer).
const char* const kStandardCss =
    R"css(.print-format { padding: 4mm; font-size: 9pt; font-family: "Helvetica Neue", Helvetica, Arial, "Open Sans", sans-serif; color: #000; }
.print-format .row { display: flex; flex-wrap: wrap; margin: 0 -5px; }
.print-format .row > div { padding: 0 5px; box-sizing: border-box; }
.col-xs-3 { width: 25%; } .col-xs-4 { width: 33.333%; } .col-xs-5 { width: 41.667%; }
.col-xs-6 { width: 50%; } .col-xs-7 { width: 58.333%; } .col-xs-9 { width: 75%; }
.col-xs-12 { width: 100%; }
.print-heading { text-align: right; border-bottom: 1px solid #d1d8dd; margin-bottom: 10px; }
.print-heading h2 { font-size: 24px; margin: 0 0 5px; }
.print-heading .sub-heading { font-size: 14px; color: #555; }
.section-break { margin: 8px 0; }
.data-field { margin: 5px 0; }
.data-field label { color: #555; font-weight: normal; }
.important .value { font-weight: bold; }
.text-right { text-align: right; } .text-center { text-align: center; } .text-left { text-align: left; }
table.table { width: 100%; border-collapse: collapse; margin: 10px 0; }
table.table th, table.table td { border: 1px solid #d1d8dd; padding: 4px 6px; vertical-align: top; }
table.table th { background: #f7fafc; font-weight: bold; }
.table-sr { width: 40px; }
.page-break { page-break-after: always; }
.page-break:last-child { page-break-after: auto; }
)css";

}  // namespace

const Json& default_print_settings() {
  static const Json settings = {{"doctype", "Print Settings"},
                                {"name", "Print Settings"},
                                {"send_print_as_pdf", 1},
                                {"with_letterhead", 1},
                                {"repeat_header_footer", 1},
                                {"compact_item_print", 1},
                                {"print_uom_after_quantity", 0},
                                {"allow_print_for_draft", 1},
                                {"add_draft_heading", 1},
                                {"allow_print_for_cancelled", 0},
                                {"print_taxes_with_zero_amount", 0},
                                {"pdf_page_size", "A4"},
                                {"pdf_generator", "wkhtmltopdf"},
                                {"print_style", nullptr},
                                {"font", nullptr},
                                {"font_size", nullptr}};
  return settings;
}

bool render_standard_print(Isolate& I, RunState& run, const PrintSubject& subject,
                           const std::vector<PrintPage>& layout, std::string& out) {
  for (std::size_t p = 0; p < layout.size(); ++p) {
    out += "<div class=\"page-break\">\n<div id=\"header-html\" class=\"hidden-pdf\">\n";
    render_heading(subject, p + 1, layout.size(), out);
    out += "</div>\n";
    for (const PrintSection& section : layout[p]) {
      out += "<div class=\"row section-break\">\n";
      if (subject.section_headings && !section.label.empty())
        out += "<h4 class=\"col-sm-12\">" + escaped(section.label) + "</h4>\n";
      std::size_t n = section.columns.size();
      for (const PrintColumn& column : section.columns) {
        out += "<div class=\"col-xs-" + std::to_string(n ? 12 / n : 12) + " column-break\">\n";
        for (const Json& df : column.fields) {
          if (!render_field(I, run, subject, df, out)) return false;
        }
        out += "</div>\n";
      }
      out += "</div>\n";
    }
    out += "</div>\n";
  }
  return true;
}

bool render_print_template(Isolate& I, const PrintSubject& subject, const std::string& source,
                           const std::vector<PrintPage>& layout, bool no_letterhead,
                           std::string& out) {
  Dict* context = alloc_dict(I);
  Value args[2] = {new_str(I, source), Value::object(context)};
  auto put = [&](const char* name, Value v, bool owned) {
    Value key = new_str(I, name);
    bool ok = !v.is_exc() && dict_set(I, context, key, v);
    decref(key);
    if (owned && !v.is_exc()) decref(v);
    return ok;
  };
  bool ok = put("doc", subject.doc, false) && put("meta", meta_object(I, *subject.meta), true) &&
            put("layout", to_value(I, layout_json(layout)), true) &&
            put("no_letterhead", Value::integer(no_letterhead ? 1 : 0), false) &&
            put("trigger_print", Value::integer(0), false) &&
            put("letter_head", Value::none(), false) && put("footer", Value::none(), false) &&
            put("print_settings", to_value(I, default_print_settings()), true);
  Value html = ok ? render_template_native(I, args, 2, nullptr, nullptr) : Value::exc();
  decref(args[0]);
  decref(args[1]);
  if (html.is_exc()) return false;
  ok = str_into(I, html, out);
  decref(html);
  return ok;
}

std::string print_page(const std::string& title, const std::string& css, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>" +
         escaped(title) + "</title>\n<style>\n" + kStandardCss + css +
         "\n</style>\n</head>\n<body>\n<div class=\"print-format-gutter\">\n"
         "<div class=\"print-format\">\n" +
         body + "\n</div>\n</div>\n</body>\n</html>\n";
}

}  // namespace quire::scripting
