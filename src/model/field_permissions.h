#pragma once

#include <set>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Field-level permissions (Frappe's permlevel): a field at permlevel n > 0
// may be read (written) only by a user one of whose roles has a DocPerm row
// at level n granting read (write). Level 0 is the document's own
// permission. Administrator is never restricted.

// The permlevels at which the session's roles may `ptype` (Frappe's
// get_permlevel_access); empty for Administrator, who has them all.
std::set<int> permlevel_access(const Session& session, const Meta& permissions_of,
                               std::string_view ptype);

// Fields of `meta` (data fields at permlevel > 0) the session may not
// `ptype`, judged by the DocPerm rows of `permissions_of` (the parent's for a
// child DocType). Empty for Administrator.
std::set<std::string, std::less<>> fields_without_access(const Session& session, const Meta& meta,
                                                         const Meta& permissions_of,
                                                         std::string_view ptype);
inline std::set<std::string, std::less<>> fields_without_access(const Session& session,
                                                                const Meta& meta,
                                                                std::string_view ptype) {
  return fields_without_access(session, meta, meta, ptype);
}

// Removes from a document's dict (as_dict) the fields the session may not
// read, child rows included (Frappe's apply_fieldlevel_read_permissions).
void remove_unreadable_fields(const Session& session, const Meta& meta, Json& dict);

// Frappe's validate_higher_perm_levels: fields the session may not write go
// back to their stored values (a new document: to their defaults; a new
// document's child rows are left alone). Skipped with ignore_permissions,
// during install and for Administrator.
void reset_fields_without_write_access(Session& session, Document& doc);

}  // namespace quire::model
