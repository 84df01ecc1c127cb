#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/meta.h"

namespace quire::model {

// A document in memory: its field values, its child rows and its flags, as
// Frappe's Document holds them. Persistence and the lifecycle live in
// lifecycle.h; this class only holds and shapes values.
class Document {
 public:
  using Ptr = std::shared_ptr<Document>;
  using Rows = std::vector<Ptr>;

  // `metas` resolves child DocTypes for table fields; it must outlive the document.
  Document(std::shared_ptr<const Meta> meta, const MetaSource& metas);

  const Meta& meta() const { return *meta_; }
  const std::shared_ptr<const Meta>& meta_ptr() const { return meta_; }
  const std::string& doctype() const { return meta_->name; }

  // A field's value (null when unset). For a table field: its rows as dicts.
  Json get(std::string_view key) const;
  // Sets a value. For a table field the rows are replaced (each element is a
  // dict, appended as by append()). Reserved keys (doctype, flags, meta) are ignored.
  void set(const std::string& key, const Json& value);
  // `name` first, then every other key (Frappe's update()).
  void update(const Json& dict);
  // Adds a child row to `table`; throws ValidationError for an unknown table.
  Document& append(const std::string& table, const Json& values = Json::object());
  // Child rows of `field` whose values equal every entry of `filters`
  // (Frappe's doc.get(table, {filters})).
  Rows rows_matching(const std::string& field, const Json& filters) const;
  Rows& table(const std::string& field);
  const Rows& table(const std::string& field) const;
  bool has_table(const std::string& field) const { return children_.count(field) != 0; }

  // Every valid column (coerced), `doctype`, and children as dicts.
  Json as_dict() const;

  Json name() const { return get("name"); }
  std::string name_text() const;
  int docstatus() const;
  bool is_new() const { return is_local_; }
  void set_new(bool is_new) { is_local_ = is_new; }

  // Values captured when the current save began (null outside a save).
  const Ptr& doc_before_save() const { return before_save_; }
  void set_doc_before_save(Ptr before) { before_save_ = std::move(before); }
  bool has_value_changed(std::string_view key) const;
  Json get_value_before_save(std::string_view key) const;

  // Frappe's doc.flags: ignore_permissions, ignore_links, ignore_mandatory...
  Json flags = Json::object();
  bool flag(const char* key) const;

  // Child rows point at their parent (not owned).
  Document* parent_doc = nullptr;

  // The raw value map (for persistence code).
  const std::map<std::string, Json, std::less<>>& values() const { return values_; }

  // A deep copy (children copied too).
  Ptr clone() const;

  const MetaSource& metas() const { return *metas_; }

 private:
  std::shared_ptr<const Meta> meta_;
  const MetaSource* metas_;
  std::map<std::string, Json, std::less<>> values_;
  std::map<std::string, Rows, std::less<>> children_;
  Ptr before_save_;
  bool is_local_ = true;
};

}  // namespace quire::model
