#include "model/document.h"

#include "model/coercion.h"
#include "model/errors.h"
#include "model/fieldtypes.h"

namespace quire::model {
namespace {

bool is_reserved_key(std::string_view key) {
  return key == "doctype" || key == "meta" || key == "flags" || key == "parent_doc" ||
         key == "_meta" || key == "__islocal" || key == "__unsaved" || key == "__onload";
}

}  // namespace

Document::Document(std::shared_ptr<const Meta> meta, const MetaSource& metas)
    : meta_(std::move(meta)), metas_(&metas) {
  for (const auto& c : standard_columns()) values_[c] = nullptr;
  values_["docstatus"] = 0;
  values_["idx"] = 0;
  if (meta_->istable) {
    for (const auto& c : child_columns()) values_[c] = nullptr;
  }
  for (const DocField* f : meta_->data_fields()) values_[f->fieldname] = nullptr;
  for (const DocField* f : meta_->table_fields()) children_[f->fieldname];
}

Json Document::get(std::string_view key) const {
  if (key == "doctype") return doctype();
  if (auto it = children_.find(key); it != children_.end()) {
    Json rows = Json::array();
    for (const auto& row : it->second) rows.push_back(row->as_dict());
    return rows;
  }
  auto it = values_.find(key);
  return it == values_.end() ? Json(nullptr) : it->second;
}

void Document::set(const std::string& key, const Json& value) {
  if (is_reserved_key(key)) return;
  if (auto it = children_.find(key); it != children_.end()) {
    if (!value.is_null() && !value.is_array()) {
      const DocField* f = meta_->field(key);
      raise(ErrorKind::ValidationError,
            "Value for " + (f ? f->display_label() : key) + " must be a list of rows");
    }
    it->second.clear();
    if (value.is_array()) {
      for (const auto& row : value) append(key, row);
    }
    return;
  }
  values_[key] = value;
}

void Document::update(const Json& dict) {
  if (!dict.is_object()) raise(ErrorKind::ValidationError, "update() needs a dict of values");
  if (auto it = dict.find("name"); it != dict.end()) set("name", *it);
  for (const auto& [key, value] : dict.items()) {
    if (key != "name") set(key, value);
  }
}

Document& Document::append(const std::string& table_field, const Json& values) {
  const DocField* f = meta_->field(table_field);
  if (f == nullptr || !is_table_fieldtype(f->fieldtype)) {
    raise(ErrorKind::ValidationError,
          "Document for field \"" + table_field + "\" attached to child table of \"" + doctype() +
              "\" must be a dict or BaseDocument, not an unknown table");
  }
  if (!values.is_object()) {
    raise(ErrorKind::ValidationError, "Rows of " + f->display_label() + " must be dicts");
  }
  auto child = std::make_shared<Document>(metas_->get(f->options), *metas_);
  child->parent_doc = this;
  for (const auto& [key, value] : values.items()) child->set(key, value);
  if (values.contains("name") && !values["name"].is_null()) child->set_new(false);
  child->values_["parent"] = values_["name"];
  child->values_["parenttype"] = doctype();
  child->values_["parentfield"] = table_field;
  if (child->values_["docstatus"].is_null()) child->values_["docstatus"] = 0;
  auto& rows = children_[table_field];
  if (!values.contains("idx") || values["idx"].is_null() || cint(values["idx"]) == 0) {
    child->values_["idx"] = static_cast<std::int64_t>(rows.size() + 1);
  }
  rows.push_back(child);
  return *child;
}

Document::Rows Document::rows_matching(const std::string& field, const Json& filters) const {
  Rows out;
  for (const auto& row : table(field)) {
    bool match = true;
    if (filters.is_object()) {
      for (const auto& [k, v] : filters.items()) match = match && row->get(k) == v;
    }
    if (match) out.push_back(row);
  }
  return out;
}

Document::Rows& Document::table(const std::string& field) {
  auto it = children_.find(field);
  if (it == children_.end())
    raise(ErrorKind::ValidationError, field + " is not a table field of " + doctype());
  return it->second;
}

const Document::Rows& Document::table(const std::string& field) const {
  auto it = children_.find(field);
  if (it == children_.end())
    raise(ErrorKind::ValidationError, field + " is not a table field of " + doctype());
  return it->second;
}

Json Document::as_dict() const {
  Json out = Json::object();
  for (const auto& [key, value] : values_) {
    const DocField* f = meta_->field(key);
    if (f != nullptr && f->fieldtype == "Password" && !value.is_null()) {
      out[key] = std::string(cstr(value).size(), '*');  // never return a secret
      continue;
    }
    out[key] = (f != nullptr && is_data_fieldtype(f->fieldtype)) ? coerce(*f, value) : value;
  }
  out["doctype"] = doctype();
  for (const auto& [field, rows] : children_) {
    Json list = Json::array();
    for (const auto& row : rows) list.push_back(row->as_dict());
    out[field] = std::move(list);
  }
  if (is_local_) out["__islocal"] = 1;
  return out;
}

std::string Document::name_text() const {
  return cstr(get("name"));
}

int Document::docstatus() const {
  return static_cast<int>(cint(get("docstatus")));
}

bool Document::flag(const char* key) const {
  auto it = flags.find(key);
  if (it == flags.end() || it->is_null()) return false;
  if (it->is_boolean()) return it->get<bool>();
  return cint(*it) != 0;
}

Json Document::get_value_before_save(std::string_view key) const {
  return before_save_ ? before_save_->get(key) : Json(nullptr);
}

bool Document::has_value_changed(std::string_view key) const {
  if (!before_save_) return true;
  const DocField* f = meta_->field(key);
  Json now = get(key), before = before_save_->get(key);
  if (f != nullptr && is_data_fieldtype(f->fieldtype)) {
    now = coerce(*f, now);
    before = coerce(*f, before);
  }
  return now != before;
}

Document::Ptr Document::clone() const {
  auto copy = std::make_shared<Document>(meta_, *metas_);
  copy->values_ = values_;
  copy->flags = flags;
  copy->is_local_ = is_local_;
  for (const auto& [field, rows] : children_) {
    auto& dest = copy->children_[field];
    for (const auto& row : rows) {
      auto c = row->clone();
      c->parent_doc = copy.get();
      dest.push_back(c);
    }
  }
  return copy;
}

}  // namespace quire::model
