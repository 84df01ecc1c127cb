#include "model/fieldtypes.h"

#include <algorithm>
#include <array>

namespace quire::model {
namespace {

constexpr std::array<std::string_view, 35> kDataTypes = {"Currency",
                                                         "Int",
                                                         "Long Int",
                                                         "Float",
                                                         "Percent",
                                                         "Check",
                                                         "Small Text",
                                                         "Long Text",
                                                         "Code",
                                                         "Text Editor",
                                                         "Markdown Editor",
                                                         "HTML Editor",
                                                         "Date",
                                                         "Datetime",
                                                         "Time",
                                                         "Text",
                                                         "Data",
                                                         "Link",
                                                         "Dynamic Link",
                                                         "Password",
                                                         "Select",
                                                         "Rating",
                                                         "Read Only",
                                                         "Attach",
                                                         "Attach Image",
                                                         "Signature",
                                                         "Color",
                                                         "Barcode",
                                                         "Geolocation",
                                                         "Duration",
                                                         "Icon",
                                                         "Phone",
                                                         "Autocomplete",
                                                         "JSON",
                                                         "Int"};

constexpr std::array<std::string_view, 11> kNoValueTypes = {
    "Section Break", "Column Break", "Tab Break",         "HTML",  "Button", "Image", "Fold",
    "Heading",       "Table",        "Table MultiSelect", "Button"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

}  // namespace

bool is_data_fieldtype(std::string_view t) {
  return contains(kDataTypes, t);
}

bool is_table_fieldtype(std::string_view t) {
  return t == "Table" || t == "Table MultiSelect";
}

bool is_known_fieldtype(std::string_view t) {
  return is_data_fieldtype(t) || contains(kNoValueTypes, t);
}

bool is_int_fieldtype(std::string_view t) {
  return t == "Int" || t == "Long Int" || t == "Check";
}

bool is_float_fieldtype(std::string_view t) {
  return t == "Float" || t == "Currency" || t == "Percent" || t == "Duration" || t == "Rating";
}

bool is_varchar_fieldtype(std::string_view t) {
  return t == "Data" || t == "Link" || t == "Dynamic Link" || t == "Select" || t == "Read Only" ||
         t == "Color" || t == "Icon" || t == "Phone" || t == "Autocomplete";
}

std::string_view sqlite_type(std::string_view t) {
  if (is_int_fieldtype(t)) return "INTEGER";
  if (is_float_fieldtype(t)) return "REAL";
  return "TEXT";
}

db::query::ColumnKind column_kind(std::string_view t) {
  using db::query::ColumnKind;
  if (is_int_fieldtype(t)) return ColumnKind::Integer;
  if (is_float_fieldtype(t)) return ColumnKind::Real;
  if (t == "Date") return ColumnKind::Date;
  if (t == "Datetime") return ColumnKind::Datetime;
  if (t == "Time") return ColumnKind::Time;
  return ColumnKind::Text;
}

}  // namespace quire::model
