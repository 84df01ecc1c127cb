#pragma once
// The rules of Frappe's print view (frappe/www/printview.py) on a document's
// dict (as_dict) and its DocType: which fields print (is_visible,
// is_print_hide, has_value), which child-table columns print
// (get_visible_columns, column_has_value), and the layout of sections and
// columns the standard print format walks (make_layout).

#include <set>
#include <string>
#include <vector>

#include "model/meta.h"

namespace quire::scripting {

using FieldSet = std::set<std::string, std::less<>>;

// Python truthiness of a JSON value (null, false, 0, "", [], {} are false).
bool json_truthy(const model::Json& v);

// Frappe's strip_html: `text` without anything between < and >.
std::string strip_html_tags(std::string_view text);

// BaseDocument.is_print_hide(fieldname, df): `df` may be null (the meta's
// field decides).
bool is_print_hide(const model::Meta& meta, const model::Json& doc, const std::string& fieldname,
                   const model::Json& df);

// printview.is_visible: breaks and buttons never print; fields at a permlevel
// the user may not read (`no_read`) neither.
bool is_print_visible(const model::Meta& meta, const model::Json& doc, const model::Json& df,
                      const FieldSet& no_read);

// printview.has_value.
bool has_print_value(const model::Json& df, const model::Json& doc);

// printview.column_has_value.
bool column_has_value(const model::Json& rows, const std::string& fieldname,
                      const model::Json& col_df);

// printview.get_visible_columns(data, table_meta, df): the docfields (dicts)
// of the child table's columns to print. `rows` must not be empty (Frappe
// reads data[0]).
std::vector<model::Json> visible_columns(const model::Json& rows, const model::Meta& table_meta,
                                         const model::Json& df, const FieldSet& no_read);

struct PrintColumn {
  std::vector<model::Json> fields;  // docfields
};
struct PrintSection {
  std::string label;
  std::vector<PrintColumn> columns;
  bool has_data = false;
};
using PrintPage = std::vector<PrintSection>;

// printview.make_layout(doc, meta) without a Print Format Builder layout: one
// page (rows with page_break do not start new pages in quire).
std::vector<PrintPage> make_print_layout(const model::Meta& meta, const model::Json& doc,
                                         const FieldSet& no_read);

// The layout as the `layout` argument of a print template: a list of pages,
// each a list of {"label", "columns": [{"fields": [...]}], "has_data"}.
model::Json layout_json(const std::vector<PrintPage>& layout);

}  // namespace quire::scripting
