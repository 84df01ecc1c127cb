#pragma once
// get_query(..., ignore_permissions=False, user=..., parent_doctype=...):
// Frappe's Engine (frappe/database/query.py, develop) checks "select" on
// the DocType as `user` (a child table through `parent_doctype`, which must
// hold it in a Table field), then adds get_list's permission conditions:
// for a child table those of the parent, through an INNER JOIN of the
// parent's table (none for a Single parent).

#include <string>

#include "model/session.h"

namespace quire::scripting::qb {

struct EnginePermission {
  std::string condition;  // SQL, "" when every row may be read
  std::string join;       // " INNER JOIN ..." for a child table's parent, or ""
};

// Throws PermissionError "Insufficient Permission for <strong>{doctype}</strong>"
// when `user` (the session's when empty) may not select `doctype`.
EnginePermission engine_permission(model::Session& session, const std::string& doctype,
                                   const std::string& user, const std::string& parent_doctype);

}  // namespace quire::scripting::qb
