#include "model/meta_store.h"

#include <algorithm>
#include <mutex>

#include "model/errors.h"

namespace quire::model {

MetaStore::MetaStore() {
  for (std::string_view text : core_doctype_json()) {
    Meta meta = parse_meta(Json::parse(text));
    core_.push_back(meta.name);
    put(std::move(meta));
  }
}

std::shared_ptr<const Meta> MetaStore::find_meta(std::string_view doctype) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(doctype);
  return it == entries_.end() ? nullptr : it->second.meta;
}

std::shared_ptr<const Meta> MetaStore::get(std::string_view doctype) const {
  auto meta = find_meta(doctype);
  if (!meta) raise(ErrorKind::DoesNotExistError, "DocType " + std::string(doctype) + " not found");
  return meta;
}

const db::query::TableInfo* MetaStore::find(std::string_view doctype) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(doctype);
  return it == entries_.end() ? nullptr : it->second.table.get();
}

void MetaStore::put(Meta meta) {
  auto table = std::make_shared<const db::query::TableInfo>(table_info(meta));
  auto shared = std::make_shared<const Meta>(std::move(meta));
  std::unique_lock lock(mutex_);
  auto it = entries_.find(shared->name);
  if (it != entries_.end()) {
    retired_.push_back(it->second);
    it->second = Entry{shared, table};
  } else {
    entries_.emplace(shared->name, Entry{shared, table});
  }
}

void MetaStore::remove(std::string_view doctype) {
  std::unique_lock lock(mutex_);
  auto it = entries_.find(doctype);
  if (it == entries_.end()) return;
  retired_.push_back(it->second);
  entries_.erase(it);
}

bool MetaStore::is_core(std::string_view doctype) const {
  return std::find(core_.begin(), core_.end(), doctype) != core_.end();
}

std::vector<std::string> MetaStore::names() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [name, entry] : entries_) out.push_back(name);
  return out;
}

}  // namespace quire::model
