#include "model/delete_links.h"

#include <algorithm>
#include <array>

#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/naming.h"
#include "model/persistence.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

// frappe/hooks.py ignore_links_on_delete.
constexpr std::array<std::string_view, 21> kIgnoredOnDelete = {"Communication",
                                                               "ToDo",
                                                               "DocShare",
                                                               "Email Unsubscribe",
                                                               "Activity Log",
                                                               "File",
                                                               "Version",
                                                               "Document Follow",
                                                               "Comment",
                                                               "View Log",
                                                               "Tag Link",
                                                               "Notification Log",
                                                               "Email Queue",
                                                               "Document Share Key",
                                                               "Integration Request",
                                                               "Unhandled Email",
                                                               "Webhook Request Log",
                                                               "Workspace",
                                                               "Route History",
                                                               "Access Log",
                                                               "Permission Log"};

// frappe/model/delete_doc.py delete_dynamic_links: (doctype, field naming the
// DocType, field naming the document).
struct Reference {
  const char* doctype;
  const char* doctype_field;
  const char* name_field;
};
constexpr Reference kDeletedReferences[] = {
    {"ToDo", "reference_type", "reference_name"},
    {"Email Unsubscribe", "reference_doctype", "reference_name"},
    {"DocShare", "share_doctype", "share_name"},
    {"Version", "ref_doctype", "docname"},
    {"Comment", "reference_doctype", "reference_name"},
    {"View Log", "reference_doctype", "reference_name"},
    {"Document Follow", "ref_doctype", "ref_docname"},
    {"Notification Log", "document_type", "document_name"},
};
// Rows that keep existing with the reference cleared.
constexpr Reference kClearedReferences[] = {
    {"Communication", "reference_doctype", "reference_name"},
    {"Activity Log", "reference_doctype", "reference_name"},
    {"Activity Log", "timeline_doctype", "timeline_name"},
};

[[noreturn]] void raise_link_exists(const Document& doc, const std::string& ref_doctype,
                                    const std::string& ref_name, const std::string& row) {
  // Frappe names a Single once ("linked with Settings"), not twice.
  std::string reference = ref_doctype == ref_name ? ref_name : ref_doctype + " " + ref_name;
  raise(ErrorKind::LinkExistsError, "Cannot delete or cancel because " + doc.doctype() + " " +
                                        doc.name_text() + " is linked with " + reference + row);
}

struct Blocker {
  std::string doctype, name, row;
};

// The first row of `meta` whose `field` holds doc's name (and, for a dynamic
// link, whose `doctype_field` holds doc's DocType) that blocks `check`.
std::optional<Blocker> find_blocker(Session& session, const Meta& meta, const DocField& field,
                                    const std::string* doctype_field, const Document& doc,
                                    LinkCheck check) {
  const std::string name = doc.name_text();
  if (meta.issingle) {
    if (check != LinkCheck::for_delete) return std::nullopt;
    auto value_of = [&](const std::string& f) {
      auto rows = session.db.query(
          "SELECT `value` FROM `tabSingles` WHERE `doctype` = ? AND `field` = ?", {meta.name, f});
      return rows.empty() ? std::string() : cstr(from_db(rows[0][0]));
    };
    if (value_of(field.fieldname) != name) return std::nullopt;
    if (doctype_field && value_of(*doctype_field) != doc.doctype()) return std::nullopt;
    return Blocker{meta.name, meta.name, ""};
  }
  std::string sql = "SELECT `name`, " +
                    std::string(meta.istable ? "`parent`, `parenttype`, `idx`" : "'', '', 0") +
                    " FROM " + quote_identifier(meta.table()) + " WHERE " +
                    quote_identifier(field.fieldname) + " = ? AND " +
                    (check == LinkCheck::for_cancel ? "`docstatus` = 1" : "`docstatus` != 2");
  std::vector<db::Value> params = {to_db(doc.get("name"))};
  if (doctype_field) {
    sql += " AND " + quote_identifier(*doctype_field) + " = ?";
    params.emplace_back(doc.doctype());
  }
  // A document linking to itself (or its own child rows to it) never blocks.
  if (meta.istable) {
    sql += " AND NOT (`parenttype` = ? AND `parent` = ?)";
    params.emplace_back(doc.doctype());
    params.emplace_back(name);
  } else if (meta.name == doc.doctype()) {
    sql += " AND `name` != ?";
    params.push_back(to_db(doc.get("name")));
  }
  for (const auto& r : session.db.query(sql + " LIMIT 50", params)) {
    if (!meta.istable) return Blocker{meta.name, cstr(from_db(r[0])), ""};
    std::string parenttype = cstr(from_db(r[2]));
    if (check == LinkCheck::for_delete && links_ignored_on_delete(parenttype)) continue;
    return Blocker{parenttype, cstr(from_db(r[1])), " at Row: " + cstr(from_db(r[3]))};
  }
  return std::nullopt;
}

bool has_fields(const Meta& meta, std::initializer_list<const char*> fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [&](const char* f) { return meta.field(f) != nullptr; });
}

}  // namespace

bool links_ignored_on_delete(std::string_view doctype) {
  return std::find(kIgnoredOnDelete.begin(), kIgnoredOnDelete.end(), doctype) !=
         kIgnoredOnDelete.end();
}

void check_links_to(Session& session, const Document& doc, LinkCheck check) {
  for (const auto& other_name : session.metas.names()) {
    auto meta = session.metas.find_meta(other_name);
    if (!meta) continue;
    if (check == LinkCheck::for_delete && links_ignored_on_delete(meta->name)) continue;
    for (const DocField* f : meta->data_fields()) {
      std::optional<Blocker> blocker;
      if (f->fieldtype == "Link" && f->options == doc.doctype()) {
        blocker = find_blocker(session, *meta, *f, nullptr, doc, check);
      } else if (f->fieldtype == "Dynamic Link" && meta->field(f->options) != nullptr) {
        blocker = find_blocker(session, *meta, *f, &f->options, doc, check);
      }
      if (!blocker) continue;
      if (check == LinkCheck::for_delete &&
          (doc.meta().field("enabled") || doc.meta().field("disabled"))) {
        raise(ErrorKind::LinkExistsError,
              "You can disable this " + doc.doctype() + " instead of deleting it.");
      }
      raise_link_exists(doc, blocker->doctype, blocker->name, blocker->row);
    }
  }
}

void delete_references_to(Session& session, const std::string& doctype, const std::string& name) {
  for (const auto& ref : kDeletedReferences) {
    auto meta = session.metas.find_meta(ref.doctype);
    if (!meta || meta->issingle || !has_fields(*meta, {ref.doctype_field, ref.name_field})) {
      continue;
    }
    session.db.query("DELETE FROM " + quote_identifier(meta->table()) + " WHERE " +
                         quote_identifier(ref.doctype_field) + " = ? AND " +
                         quote_identifier(ref.name_field) + " = ?",
                     {doctype, name});
  }
  for (const auto& ref : kClearedReferences) {
    auto meta = session.metas.find_meta(ref.doctype);
    if (!meta || meta->issingle || !has_fields(*meta, {ref.doctype_field, ref.name_field})) {
      continue;
    }
    auto doctype_column = quote_identifier(ref.doctype_field);
    auto name_column = quote_identifier(ref.name_field);
    session.db.query("UPDATE " + quote_identifier(meta->table()) + " SET " + doctype_column +
                         " = NULL, " + name_column + " = NULL WHERE " + doctype_column +
                         " = ? AND " + name_column + " = ?",
                     {doctype, name});
  }
}

void add_to_deleted_documents(Session& session, const Document& doc) {
  if (doc.doctype() == "Deleted Document") return;
  auto meta = session.metas.find_meta("Deleted Document");
  if (!meta) return;
  Document record(meta, session.metas);
  std::string now = session.now();
  record.set("name", random_hash());
  record.set("owner", session.user);
  record.set("modified_by", session.user);
  record.set("creation", now);
  record.set("modified", now);
  record.set("docstatus", 0);
  record.set("deleted_doctype", doc.doctype());
  record.set("deleted_name", doc.name_text());
  record.set("restored", 0);
  Json data = doc.as_dict();
  data.erase("__islocal");
  record.set("data", data.dump(1));
  insert_row(session, record);
}

}  // namespace quire::model
