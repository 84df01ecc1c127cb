#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "model/session.h"

namespace quire::http {

// The document operations behind /api/resource, /api/v2/document and
// frappe.client.*, with Frappe's permission checks. Every one acts as
// session.user; lifecycle permission checks (create, write, delete, submit,
// cancel) happen in the model layer.

// Throws PermissionError "No permission for {doctype}" unless some role of the
// session may `ptype` the DocType (before any document is loaded, so a
// caller without access learns nothing about which names exist).
void require_doctype_permission(model::Session& session, const std::string& doctype,
                                std::string_view ptype);

// frappe.client.get_list from request arguments: fields, filters, or_filters,
// order_by, group_by, limit_start/start, limit_page_length/limit/page_length
// (default `default_limit`; 0 = all), as_dict (default true), pluck.
// Returns the rows.
nlohmann::json list_documents(model::Session& session, const std::string& doctype,
                              const nlohmann::json& args, long long default_limit = 20);

// A document the session may read, loaded. DoesNotExistError (404) when
// missing, PermissionError (403) when not readable.
model::Document::Ptr readable_document(model::Session& session, const std::string& doctype,
                                       const std::string& name);

// The document as the API returns it (as_dict, no __islocal), without the
// fields the session's permission levels do not let it read.
nlohmann::json document_json(const model::Session& session, const model::Document& doc);

// Inserts `data` (a dict; its "doctype" is replaced by `doctype`). With
// `keep_name`, a "name" in the data is the document's name whatever the
// DocType's naming rule (v2's POST document honours it).
model::Document::Ptr insert_document(model::Session& session, const std::string& doctype,
                                     nlohmann::json data, bool keep_name = false);
// Loads, applies `data` (minus doctype, name, flags), saves.
model::Document::Ptr update_document(model::Session& session, const std::string& doctype,
                                     const std::string& name, nlohmann::json data);
// delete_doc with ignore_missing = false.
void delete_document(model::Session& session, const std::string& doctype, const std::string& name);

// A saved document from a client-sent dict with doctype and name (Frappe's
// frappe.get_doc(dict) for an existing document): loaded, then updated.
// A dict without a name is a new document (not inserted).
model::Document::Ptr document_from_client(model::Session& session, const nlohmann::json& dict);

// Runs a whitelisted document method: submit, cancel or save. Others →
// PermissionError "Method {name} is not whitelisted" (the methods quire's
// controllers expose; app methods come with scripts).
nlohmann::json run_document_method(model::Session& session, model::Document& doc,
                                   const std::string& method);

// The request argument as a dict (JSON text is parsed). ValidationError when
// it is not one.
nlohmann::json dict_arg(const nlohmann::json& value, const char* what);
// A required string argument (DocType name, document name...).
std::string required_string(const nlohmann::json& args, const char* key);

}  // namespace quire::http
