#pragma once

#include <optional>
#include <string>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// The document lifecycle in Frappe's exact hook order (spec §4.4-§4.9). Each
// operation runs in a Transaction: an exception anywhere, hooks included,
// rolls back everything it wrote.

// A new document of `doctype` with defaults filled (frappe.new_doc).
Document::Ptr new_doc(Session& session, const std::string& doctype);
// An unsaved document from a dict with a "doctype" key (frappe.get_doc(dict)).
Document::Ptr doc_from_dict(Session& session, const Json& dict);
// A saved document (frappe.get_doc(doctype, name)); a Single when name is null.
Document::Ptr get_doc(Session& session, const std::string& doctype, const Json& name = nullptr);

struct InsertOptions {
  std::optional<bool> ignore_permissions;
  std::optional<bool> ignore_links;
  std::optional<bool> ignore_mandatory;
  bool ignore_if_duplicate = false;
  std::optional<Json> set_name;
};

Document& insert(Session& session, Document& doc, const InsertOptions& options = {});
Document& save(Session& session, Document& doc, std::optional<bool> ignore_permissions = {});
Document& submit(Session& session, Document& doc);
Document& cancel(Session& session, Document& doc);
Document& discard(Session& session, Document& doc);

struct DeleteOptions {
  bool force = false;
  bool ignore_permissions = false;
  bool ignore_missing = true;
  bool ignore_on_trash = false;
  // No "Deleted Document" copy is kept.
  bool delete_permanently = false;
};
// frappe.delete_doc: false when the document was missing and ignore_missing.
bool delete_doc(Session& session, const std::string& doctype, const Json& name,
                const DeleteOptions& options = {});

// frappe.rename_doc: returns the final new name.
Json rename_doc(Session& session, const std::string& doctype, const Json& old_name,
                const Json& new_name, bool merge = false, bool force = false);

// doc.db_set: writes fields straight to the row (no validation, no other hooks).
void db_set(Session& session, Document& doc, const Json& values, bool update_modified = true);

// Re-reads the document from the database.
void reload(Session& session, Document& doc);

}  // namespace quire::model
