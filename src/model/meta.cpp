#include "model/meta.h"

#include <algorithm>
#include <set>

#include "db/query/identifiers.h"
#include "model/errors.h"
#include "model/fieldtypes.h"

namespace quire::model {
namespace {

// Frappe writes flags as 0/1, sometimes as booleans or "0"/"1".
bool flag(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number()) return it->get<double>() != 0;
  if (it->is_string()) return !it->get<std::string>().empty() && it->get<std::string>() != "0";
  return false;
}

std::string text(const Json& obj, const char* key, std::string fallback = {}) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return it->dump();
}

int integer(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return 0;
  if (it->is_number()) return static_cast<int>(it->get<double>());
  if (it->is_string()) {
    try {
      return std::stoi(it->get<std::string>());
    } catch (...) {
      return 0;
    }
  }
  return 0;
}

DocField parse_field(const Json& j, const std::string& doctype) {
  if (!j.is_object())
    raise(ErrorKind::ValidationError, "Each field of " + doctype + " must be an object");
  DocField f;
  f.raw = j;
  f.fieldname = text(j, "fieldname");
  f.label = text(j, "label");
  f.fieldtype = text(j, "fieldtype", "Data");
  f.options = text(j, "options");
  f.reqd = flag(j, "reqd");
  f.unique = flag(j, "unique");
  f.read_only = flag(j, "read_only");
  f.hidden = flag(j, "hidden");
  f.in_list_view = flag(j, "in_list_view");
  f.in_standard_filter = flag(j, "in_standard_filter");
  f.search_index = flag(j, "search_index");
  f.allow_on_submit = flag(j, "allow_on_submit");
  f.set_only_once = flag(j, "set_only_once");
  f.non_negative = flag(j, "non_negative");
  f.no_copy = flag(j, "no_copy");
  f.is_virtual = flag(j, "is_virtual");
  f.permlevel = integer(j, "permlevel");
  f.length = integer(j, "length");
  f.fetch_from = text(j, "fetch_from");
  if (auto it = j.find("default");
      it != j.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty())) {
    f.default_value = *it;
  }
  if (!is_known_fieldtype(f.fieldtype)) {
    raise(ErrorKind::ValidationError, "Fieldtype " + f.fieldtype + " of field " + f.fieldname +
                                          " in " + doctype + " is not supported");
  }
  bool stores_value = is_data_fieldtype(f.fieldtype) || is_table_fieldtype(f.fieldtype);
  if (stores_value || !f.fieldname.empty()) {
    if (!db::query::is_valid_fieldname(f.fieldname)) {
      raise(ErrorKind::ValidationError,
            "Fieldname " + f.fieldname + " in " + doctype +
                " is not valid: use letters, digits and underscores, starting with a letter");
    }
  }
  if (is_table_fieldtype(f.fieldtype) && !db::query::is_valid_doctype_name(f.options)) {
    raise(ErrorKind::ValidationError, "Options for " + f.fieldtype + " field " + f.fieldname +
                                          " in " + doctype + " must name the child DocType");
  }
  if (f.length < 0)
    raise(ErrorKind::ValidationError, "Length of " + f.fieldname + " cannot be negative");
  return f;
}

DocPerm parse_perm(const Json& j) {
  DocPerm p;
  p.raw = j;
  p.role = text(j, "role");
  p.permlevel = integer(j, "permlevel");
  p.if_owner = flag(j, "if_owner");
  p.read = flag(j, "read");
  p.write = flag(j, "write");
  p.create = flag(j, "create");
  p.submit = flag(j, "submit");
  p.cancel = flag(j, "cancel");
  p.delete_ = flag(j, "delete");
  p.amend = flag(j, "amend");
  p.report = flag(j, "report");
  p.export_ = flag(j, "export");
  p.print = flag(j, "print");
  p.email = flag(j, "email");
  p.share = flag(j, "share");
  p.select = flag(j, "select");
  return p;
}

}  // namespace

bool DocPerm::allows(std::string_view ptype) const {
  if (ptype == "read") return read;
  if (ptype == "write") return write;
  if (ptype == "create") return create;
  if (ptype == "submit") return submit;
  if (ptype == "cancel") return cancel;
  if (ptype == "delete") return delete_;
  if (ptype == "amend") return amend;
  if (ptype == "report") return report;
  if (ptype == "export") return export_;
  if (ptype == "print") return print;
  if (ptype == "email") return email;
  if (ptype == "share") return share;
  if (ptype == "select") return select;
  return false;
}

const DocField* Meta::field(std::string_view fieldname) const {
  auto it = field_index.find(fieldname);
  return it == field_index.end() ? nullptr : &fields[it->second];
}

std::vector<const DocField*> Meta::data_fields() const {
  std::vector<const DocField*> out;
  for (const auto& f : fields) {
    if (is_data_fieldtype(f.fieldtype) && !f.is_virtual) out.push_back(&f);
  }
  return out;
}

std::vector<const DocField*> Meta::table_fields() const {
  std::vector<const DocField*> out;
  for (const auto& f : fields) {
    if (is_table_fieldtype(f.fieldtype)) out.push_back(&f);
  }
  return out;
}

bool Meta::is_autoincrement() const {
  return autoname == "autoincrement";
}

Meta parse_meta(const Json& j) {
  if (!j.is_object()) raise(ErrorKind::ValidationError, "A DocType must be a JSON object");
  Meta m;
  m.raw = j;
  m.name = text(j, "name");
  if (!db::query::is_valid_doctype_name(m.name)) {
    raise(ErrorKind::ValidationError,
          m.name.empty()
              ? std::string("DocType name is required")
              : "DocType name " + m.name +
                    " is not valid: use letters, digits, spaces, hyphens and underscores");
  }
  m.module = text(j, "module");
  m.istable = flag(j, "istable");
  m.issingle = flag(j, "issingle");
  m.is_submittable = flag(j, "is_submittable");
  m.is_tree = flag(j, "is_tree");
  m.track_changes = flag(j, "track_changes");
  m.allow_rename = flag(j, "allow_rename");
  m.custom = flag(j, "custom");
  m.autoname = text(j, "autoname");
  m.naming_rule = text(j, "naming_rule");
  m.name_case = text(j, "name_case");
  m.title_field = text(j, "title_field");
  m.sort_field = text(j, "sort_field", "creation");
  if (m.sort_field.empty()) m.sort_field = "creation";
  m.sort_order = text(j, "sort_order", "DESC");
  if (m.sort_order.empty()) m.sort_order = "DESC";
  std::string order = m.sort_order;
  std::transform(order.begin(), order.end(), order.begin(), ::toupper);
  if (order != "ASC" && order != "DESC") {
    raise(ErrorKind::ValidationError, "Sort order of " + m.name + " must be ASC or DESC");
  }
  if (m.istable && m.issingle) {
    raise(ErrorKind::ValidationError, "Child Table " + m.name + " cannot be a Single DocType");
  }
  std::set<std::string> seen;
  if (auto it = j.find("fields"); it != j.end() && !it->is_null()) {
    if (!it->is_array())
      raise(ErrorKind::ValidationError, "fields of " + m.name + " must be a list");
    for (const auto& fj : *it) {
      DocField f = parse_field(fj, m.name);
      if (!f.fieldname.empty()) {
        if (is_standard_column(f.fieldname) || f.fieldname == "parent" ||
            f.fieldname == "parentfield" || f.fieldname == "parenttype" ||
            f.fieldname == "doctype") {
          raise(ErrorKind::ValidationError,
                "Fieldname " + f.fieldname + " is reserved (" + m.name + ")");
        }
        if (!seen.insert(f.fieldname).second) {
          raise(ErrorKind::ValidationError,
                "Fieldname " + f.fieldname + " appears multiple times in " + m.name);
        }
      }
      m.fields.push_back(std::move(f));
    }
  }
  if (auto it = j.find("permissions"); it != j.end() && it->is_array()) {
    for (const auto& pj : *it) {
      if (pj.is_object()) m.permissions.push_back(parse_perm(pj));
    }
  }
  for (size_t i = 0; i < m.fields.size(); ++i) {
    if (!m.fields[i].fieldname.empty()) m.field_index.emplace(m.fields[i].fieldname, i);
  }
  if (m.sort_field != "creation" && m.sort_field != "modified" && m.sort_field != "name" &&
      m.sort_field != "idx" && m.field(m.sort_field) == nullptr) {
    raise(ErrorKind::ValidationError,
          "Sort field " + m.sort_field + " must be a field of " + m.name);
  }
  return m;
}

const std::vector<std::string>& standard_columns() {
  static const std::vector<std::string> cols = {"name",  "creation",  "modified", "modified_by",
                                                "owner", "docstatus", "idx"};
  return cols;
}

const std::vector<std::string>& child_columns() {
  static const std::vector<std::string> cols = {"parent", "parentfield", "parenttype"};
  return cols;
}

bool is_standard_column(std::string_view name) {
  const auto& cols = standard_columns();
  return std::find(cols.begin(), cols.end(), name) != cols.end();
}

db::query::TableInfo table_info(const Meta& meta) {
  using db::query::ColumnKind;
  db::query::TableInfo t;
  t.doctype = meta.name;
  t.is_child = meta.istable;
  t.add_column("name", meta.is_autoincrement() ? ColumnKind::Integer : ColumnKind::Text);
  t.add_column("creation", ColumnKind::Datetime);
  t.add_column("modified", ColumnKind::Datetime);
  t.add_column("modified_by", ColumnKind::Text);
  t.add_column("owner", ColumnKind::Text);
  t.add_column("docstatus", ColumnKind::Integer);
  t.add_column("idx", ColumnKind::Integer);
  if (meta.istable) {
    for (const auto& c : child_columns()) t.add_column(c, ColumnKind::Text);
  }
  for (const DocField* f : meta.data_fields()) {
    t.add_column(f->fieldname, column_kind(f->fieldtype));
    if (f->fieldtype == "Link") t.links[f->fieldname] = f->options;
  }
  if (meta.is_tree) {
    t.add_column("lft", ColumnKind::Integer);
    t.add_column("rgt", ColumnKind::Integer);
  }
  for (const DocField* f : meta.table_fields()) t.child_tables[f->fieldname] = f->options;
  t.sort_field = meta.sort_field;
  std::string order = meta.sort_order;
  std::transform(order.begin(), order.end(), order.begin(), ::tolower);
  t.sort_order = order;
  return t;
}

}  // namespace quire::model
