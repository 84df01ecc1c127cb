#include "model/field_permissions.h"

#include "model/coercion.h"
#include "model/lifecycle.h"

namespace quire::model {

std::set<int> permlevel_access(const Session& session, const Meta& permissions_of,
                               std::string_view ptype) {
  std::set<int> levels;
  for (const auto& p : permissions_of.permissions) {
    if (session.has_role(p.role) && p.allows(ptype)) levels.insert(p.permlevel);
  }
  return levels;
}

std::set<std::string, std::less<>> fields_without_access(const Session& session, const Meta& meta,
                                                         const Meta& permissions_of,
                                                         std::string_view ptype) {
  std::set<std::string, std::less<>> out;
  if (session.is_administrator()) return out;
  std::set<int> levels;
  bool levels_read = false;
  for (const DocField* f : meta.data_fields()) {
    if (f->permlevel <= 0) continue;
    if (!levels_read) {
      levels = permlevel_access(session, permissions_of, ptype);
      levels_read = true;
    }
    if (!levels.count(f->permlevel)) out.insert(f->fieldname);
  }
  return out;
}

namespace {

void remove_from(const std::set<std::string, std::less<>>& hidden, Json& dict) {
  for (const auto& f : hidden) dict.erase(f);
}

}  // namespace

void remove_unreadable_fields(const Session& session, const Meta& meta, Json& dict) {
  if (session.is_administrator() || !dict.is_object()) return;
  remove_from(fields_without_access(session, meta, "read"), dict);
  for (const DocField* tf : meta.table_fields()) {
    auto rows = dict.find(tf->fieldname);
    auto child = session.metas.find_meta(tf->options);
    if (rows == dict.end() || !rows->is_array() || !child) continue;
    auto hidden = fields_without_access(session, *child, meta, "read");
    if (hidden.empty()) continue;
    for (auto& row : *rows) remove_from(hidden, row);
  }
}

void reset_fields_without_write_access(Session& session, Document& doc) {
  if (doc.flag("ignore_permissions") || session.flag("in_install") || session.is_administrator()) {
    return;
  }
  const Meta& meta = doc.meta();
  auto hidden = fields_without_access(session, meta, "write");
  if (!hidden.empty()) {
    Document::Ptr reference = doc.is_new() ? new_doc(session, meta.name) : doc.doc_before_save();
    for (const auto& f : hidden) doc.set(f, reference ? reference->get(f) : Json(nullptr));
  }
  if (doc.is_new() || !doc.doc_before_save()) return;
  for (const DocField* tf : meta.table_fields()) {
    auto child = session.metas.find_meta(tf->options);
    if (!child || !doc.has_table(tf->fieldname)) continue;
    auto child_hidden = fields_without_access(session, *child, meta, "write");
    if (child_hidden.empty()) continue;
    const auto& before = *doc.doc_before_save();
    for (auto& row : doc.table(tf->fieldname)) {
      // A row not stored before keeps what it was given (Frappe: no stored row, no reset).
      Document::Ptr stored;
      if (before.has_table(tf->fieldname)) {
        for (const auto& old : before.table(tf->fieldname)) {
          if (old->name_text() == row->name_text()) stored = old;
        }
      }
      if (!stored) continue;
      for (const auto& f : child_hidden) row->set(f, stored->get(f));
    }
  }
}

}  // namespace quire::model
