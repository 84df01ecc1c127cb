#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "db/query/table_info.h"

namespace quire::model {

using Json = nlohmann::json;

// One row of a DocType's `fields` (Frappe's DocField).
struct DocField {
  std::string fieldname;
  std::string label;
  std::string fieldtype = "Data";
  std::string options;
  bool reqd = false;
  bool unique = false;
  bool read_only = false;
  bool hidden = false;
  bool in_list_view = false;
  bool in_standard_filter = false;
  bool search_index = false;
  bool allow_on_submit = false;
  bool set_only_once = false;
  bool non_negative = false;
  bool no_copy = false;
  bool is_virtual = false;
  int permlevel = 0;
  int length = 0;                     // 0: the type's default
  std::optional<Json> default_value;  // Frappe's `default` (text in JSON)
  std::string fetch_from;
  Json raw;  // every key as loaded, so an exported DocType round-trips

  // The label, or the fieldname when the label is empty (Frappe's messages do this).
  const std::string& display_label() const { return label.empty() ? fieldname : label; }
};

// One row of `permissions` (Frappe's DocPerm).
struct DocPerm {
  std::string role;
  int permlevel = 0;
  bool if_owner = false;
  bool read = false, write = false, create = false, submit = false, cancel = false, delete_ = false,
       amend = false, report = false, export_ = false, print = false, email = false, share = false,
       select = false;
  Json raw;
  bool allows(std::string_view ptype) const;
};

// A DocType: what Frappe's DocType JSON says about a kind of document.
struct Meta {
  std::string name;
  std::string module;
  bool istable = false;
  bool issingle = false;
  bool is_submittable = false;
  bool is_tree = false;
  bool track_changes = false;
  bool allow_rename = false;
  bool custom = false;
  std::string autoname;
  std::string naming_rule;
  std::string name_case;
  std::string title_field;
  std::string sort_field = "creation";
  std::string sort_order = "DESC";
  std::vector<DocField> fields;
  std::vector<DocPerm> permissions;
  Json raw;
  // fieldname -> position in `fields`, for field() (filled by parse_meta).
  std::map<std::string, size_t, std::less<>> field_index;

  const DocField* field(std::string_view fieldname) const;
  // Fields stored in this DocType's table (data fieldtypes, not virtual).
  std::vector<const DocField*> data_fields() const;
  std::vector<const DocField*> table_fields() const;
  bool is_autoincrement() const;

  // The table name: `tab` + DocType name.
  std::string table() const { return "tab" + name; }
};

// Where DocType metadata comes from (the site's MetaStore). get() throws
// FrappeError DoesNotExistError "DocType {0} not found" for an unknown name.
class MetaSource {
 public:
  virtual ~MetaSource() = default;
  virtual std::shared_ptr<const Meta> get(std::string_view doctype) const = 0;
};

// Parses Frappe's DocType JSON (as exported by Frappe, or as posted to
// /api/resource/DocType). Throws FrappeError (ValidationError) with a clear
// message for malformed input: missing name, unknown fieldtype, bad or
// duplicate fieldname, a Table field without options.
Meta parse_meta(const Json& doctype_json);

// The standard columns every table has (spec §4.1), in table order, and the
// extra ones child tables have.
const std::vector<std::string>& standard_columns();
const std::vector<std::string>& child_columns();
bool is_standard_column(std::string_view name);

// The query builder's view of a DocType's table.
db::query::TableInfo table_info(const Meta& meta);

}  // namespace quire::model
