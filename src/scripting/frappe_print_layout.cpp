// Frappe's print view rules (see frappe_print_layout.h).
#include "scripting/frappe_print_layout.h"

#include <algorithm>

#include "scripting/frappe_meta.h"

namespace quire::scripting {

using model::Json;

namespace {

const Json& member(const Json& object, const std::string& key) {
  static const Json null;
  if (!object.is_object()) return null;
  auto it = object.find(key);
  return it == object.end() ? null : *it;
}

std::string text_member(const Json& object, const char* key) {
  const Json& v = member(object, key);
  return v.is_string() ? v.get<std::string>() : "";
}

bool blank_after_strip(std::string_view text) {
  std::string stripped = strip_html_tags(text);
  return std::all_of(stripped.begin(), stripped.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

// Python's `value == 0` for a JSON value (0, 0.0 and False).
bool equals_zero(const Json& v) {
  if (v.is_boolean()) return !v.get<bool>();
  if (v.is_number()) return v.get<double>() == 0;
  return false;
}

}  // namespace

bool json_truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  return !v.empty();
}

std::string strip_html_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      std::size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

bool is_print_hide(const model::Meta& meta, const Json& doc, const std::string& fieldname,
                   const Json& df) {
  const model::DocField* meta_df = meta.field(fieldname);
  const Json meta_raw = meta_df ? meta_df->raw : Json();
  if (json_truthy(member(meta_raw, "__print_hide"))) return true;
  bool hide = false;
  if (equals_zero(member(doc, fieldname)) && !meta.istable) {
    hide = json_truthy(member(df, "print_hide_if_no_value")) ||
           json_truthy(member(meta_raw, "print_hide_if_no_value"));
  }
  if (!hide) {
    if (df.is_object() && !member(df, "print_hide").is_null()) {
      hide = json_truthy(member(df, "print_hide"));
    } else if (meta_df) {
      hide = json_truthy(member(meta_raw, "print_hide"));
    }
  }
  return hide;
}

bool is_print_visible(const model::Meta& meta, const Json& doc, const Json& df,
                      const FieldSet& no_read) {
  std::string type = text_member(df, "fieldtype");
  if (type == "Section Break" || type == "Column Break" || type == "Button") return false;
  std::string fieldname = text_member(df, "fieldname");
  const Json& level = member(df, "permlevel");
  if (level.is_number() && level.get<double>() > 0 && no_read.count(fieldname)) return false;
  return !is_print_hide(meta, doc, fieldname, df);
}

bool has_print_value(const Json& df, const Json& doc) {
  const Json& value = member(doc, text_member(df, "fieldname"));
  if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()))
    return false;
  if (value.is_string() && blank_after_strip(value.get_ref<const std::string&>())) {
    std::string type = text_member(df, "fieldtype");
    return type == "Text" || type == "Text Editor";
  }
  if (value.is_array() && value.empty()) return false;
  return true;
}

bool column_has_value(const Json& rows, const std::string& fieldname, const Json& col_df) {
  std::string type = text_member(col_df, "fieldtype");
  if ((type == "Float" || type == "Currency") &&
      !json_truthy(member(col_df, "print_hide_if_no_value")))
    return true;
  if (!rows.is_array()) return false;
  for (const Json& row : rows) {
    const Json& value = member(row, fieldname);
    if (!json_truthy(value)) continue;
    if (!value.is_string() || !blank_after_strip(value.get_ref<const std::string&>())) return true;
  }
  return false;
}

std::vector<Json> visible_columns(const Json& rows, const model::Meta& table_meta, const Json& df,
                                  const FieldSet& no_read) {
  const Json& doc = rows.at(0);
  FieldSet hidden;
  const Json& hide_list = member(df, "hide_in_print_layout");
  if (hide_list.is_array()) {
    for (const Json& name : hide_list)
      if (name.is_string()) hidden.insert(name.get<std::string>());
  }
  auto add_column = [&](const Json& col_df) {
    std::string fieldname = text_member(col_df, "fieldname");
    if (hidden.count(fieldname)) return false;
    return is_print_visible(table_meta, doc, col_df, no_read) &&
           column_has_value(rows, fieldname, col_df);
  };
  std::vector<Json> columns;
  const Json& chosen = member(df, "visible_columns");
  if (json_truthy(chosen) && chosen.is_array()) {
    // Columns picked in the Print Format Builder: the docfield's properties
    // overridden by the builder's.
    for (const Json& col : chosen) {
      auto it = table_meta.field_index.find(text_member(col, "fieldname"));
      if (it == table_meta.field_index.end()) continue;
      Json merged = docfield_json(table_meta, table_meta.fields[it->second], it->second + 1);
      if (col.is_object()) merged.update(col);
      if (add_column(merged)) columns.push_back(std::move(merged));
    }
    return columns;
  }
  for (std::size_t i = 0; i < table_meta.fields.size(); ++i) {
    Json col = docfield_json(table_meta, table_meta.fields[i], i + 1);
    if (add_column(col)) columns.push_back(std::move(col));
  }
  return columns;
}

std::vector<PrintPage> make_print_layout(const model::Meta& meta, const Json& doc,
                                         const FieldSet& no_read) {
  std::vector<PrintPage> layout(1);
  PrintPage& page = layout.back();
  Json shown = doc;
  for (std::size_t i = 0; i < meta.fields.size(); ++i) {
    Json df = docfield_json(meta, meta.fields[i], i + 1);
    const std::string type = meta.fields[i].fieldtype;
    if (type == "Section Break" || page.empty()) {
      if (page.size() > 1 && !page.back().has_data) page.pop_back();
      PrintSection section;
      if (type == "Section Break") section.label = meta.fields[i].label;
      page.push_back(std::move(section));
    } else if (type == "Column Break") {
      page.back().columns.emplace_back();
    } else if (page.back().columns.empty()) {
      page.back().columns.emplace_back();
    }
    // An HTML field with content always shows (Frappe sets it to True).
    if (type == "HTML" && !meta.fields[i].options.empty()) shown[meta.fields[i].fieldname] = true;
    if (is_print_visible(meta, shown, df, no_read) && has_print_value(df, shown)) {
      if (page.back().columns.empty()) page.back().columns.emplace_back();
      page.back().columns.back().fields.push_back(std::move(df));
      page.back().has_data = true;
    }
  }
  return layout;
}

Json layout_json(const std::vector<PrintPage>& layout) {
  Json pages = Json::array();
  for (const PrintPage& page : layout) {
    Json sections = Json::array();
    for (const PrintSection& section : page) {
      Json columns = Json::array();
      for (const PrintColumn& column : section.columns)
        columns.push_back(Json{{"fields", column.fields}});
      Json s = {{"columns", columns}, {"has_data", section.has_data}};
      if (!section.label.empty()) s["label"] = section.label;
      sections.push_back(std::move(s));
    }
    pages.push_back(std::move(sections));
  }
  return pages;
}

}  // namespace quire::scripting
