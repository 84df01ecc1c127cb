#pragma once

#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "db/query/table_info.h"
#include "model/meta.h"

namespace quire::model {

// Every DocType a site knows: the core ones compiled in (src/model/doctypes)
// and the site's own, added as their DocType documents are saved. Shared by
// all threads of a site; entries are immutable and replaced whole.
class MetaStore final : public MetaSource, public db::query::SchemaLookup {
 public:
  // Starts with the core DocTypes.
  MetaStore();

  std::shared_ptr<const Meta> get(std::string_view doctype) const override;
  std::shared_ptr<const Meta> find_meta(std::string_view doctype) const;  // nullptr if unknown
  const db::query::TableInfo* find(std::string_view doctype) const override;

  // Adds or replaces a DocType.
  void put(Meta meta);
  void remove(std::string_view doctype);
  bool is_core(std::string_view doctype) const;
  std::vector<std::string> names() const;

 private:
  struct Entry {
    std::shared_ptr<const Meta> meta;
    std::shared_ptr<const db::query::TableInfo> table;
  };
  mutable std::shared_mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
  // Replaced entries stay alive: a query being built on another thread may
  // still hold a pointer into one. DocTypes change rarely, so this stays small.
  std::vector<Entry> retired_;
  std::vector<std::string> core_;
};

// The compiled-in JSON text of every core DocType.
const std::vector<std::string_view>& core_doctype_json();

}  // namespace quire::model
