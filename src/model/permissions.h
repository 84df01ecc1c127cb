#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Role permissions at permlevel 0 (spec §7.1 "Permission"): Administrator may
// do anything; otherwise some DocPerm row of one of the session's roles must
// allow `ptype`, and an `if_owner` row only for documents the user owns.
bool has_role_permission(const Session& session, const Meta& meta, std::string_view ptype,
                         const Document* doc = nullptr);

// Frappe's frappe.has_permission: role permissions (above), narrowed for a
// document by the user's User Permissions (user_permissions.h: outside them
// only the owner's if_owner rights remain), widened by shares (shares.h: a
// share grants read/write/share/submit on its document; without a document,
// any share of the DocType grants the DocType-level check).
bool has_permission(const Session& session, const Meta& meta, std::string_view ptype,
                    const Document* doc = nullptr);

// Throws PermissionError "Insufficient Permission for {doctype} (<strong>{ptype}</strong>)".
void check_permission(const Session& session, const Document& doc, std::string_view ptype);

// For get_list: nullopt when the user may read every row; a condition list
// (owner match, else the User Permission conditions) when only if_owner rows
// grant read or User Permissions restrict the rows; throws PermissionError
// "No permission to read {doctype}" when nothing grants read or select.
struct ListPermission {
  bool all_rows = true;
  std::vector<std::string> conditions;  // trusted SQL (values escaped by sql_literal)
};

// A SQL string literal: wrapped in single quotes, quotes doubled (the only
// escape SQLite knows), so any text is safe inside it. Frappe's db.escape.
std::string sql_literal(std::string_view text);
ListPermission list_permission(const Session& session, const Meta& meta);

// The whole permission condition get_list adds (Frappe's
// build_match_conditions, spec §7.1): the owner constraint or the User
// Permission conditions, AND the permission-query conditions (events.h), OR
// the documents shared with the user; only the shared documents when no role
// reads the DocType. "" when every row may be read. Throws PermissionError
// "No permission to read {doctype}" when neither a role nor a share allows it.
std::string list_permission_condition(Session& session, const Meta& meta);

}  // namespace quire::model
