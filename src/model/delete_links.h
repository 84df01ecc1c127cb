#pragma once

#include <string>
#include <string_view>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// What deleting or cancelling a document checks and clears about the
// documents that point at it (spec §4.8 steps 7, 9 and 10; Frappe's
// check_if_doc_is_linked, check_if_doc_is_dynamically_linked,
// delete_dynamic_links and add_to_deleted_document).

enum class LinkCheck {
  // Deleting: a link from any document that is not cancelled blocks it.
  for_delete,
  // Cancelling: only a link from a submitted document blocks it.
  for_cancel,
};

// Throws LinkExistsError "Cannot delete or cancel because {doctype} {name} is
// linked with {ref_doctype} {ref_name}[ at Row: {idx}]" for the first Link or
// Dynamic Link (in a parent, child or Single document) that points at `doc`.
// When deleting, a DocType with an `enabled` or `disabled` field gets "You can
// disable this {doctype} instead of deleting it." instead. Links from the
// DocTypes Frappe's `ignore_links_on_delete` hook lists (ToDo, Version,
// DocShare, Comment...) do not block a delete; links from a document to
// itself never block.
void check_links_to(Session& session, const Document& doc, LinkCheck check);

// True for DocTypes whose links never block a delete (Frappe's
// ignore_links_on_delete hook).
bool links_ignored_on_delete(std::string_view doctype);

// After a delete: removes the ToDo, DocShare, Version, Comment... rows that
// refer to the deleted document, for those of these DocTypes the site has.
// Frappe enqueues this after commit; quire runs it in the delete's own
// transaction, so a rolled-back delete keeps them.
void delete_references_to(Session& session, const std::string& doctype, const std::string& name);

// Keeps a copy of a deleted document as a "Deleted Document" (deleted_doctype,
// deleted_name, data = the document as JSON), written directly as Frappe's
// db_insert does: no hooks, no permission check. Not for Deleted Documents
// themselves.
void add_to_deleted_documents(Session& session, const Document& doc);

}  // namespace quire::model
