#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Role permissions at permlevel 0 (spec §7.1 "Permission"): Administrator may
// do anything; otherwise some DocPerm row of one of the session's roles must
// allow `ptype`, and an `if_owner` row only for documents the user owns.
bool has_permission(const Session& session, const Meta& meta, std::string_view ptype,
                    const Document* doc = nullptr);

// Throws PermissionError "Insufficient Permission for {doctype} (<strong>{ptype}</strong>)".
void check_permission(const Session& session, const Document& doc, std::string_view ptype);

// For get_list: nullopt when the user may read every row; a condition list
// (owner match) when only if_owner rows grant read; throws PermissionError
// "No permission to read {doctype}" when nothing grants read or select.
struct ListPermission {
  bool all_rows = true;
  std::vector<std::string> conditions;  // trusted SQL (values escaped by sql_literal)
};

// A SQL string literal: wrapped in single quotes, quotes doubled (the only
// escape SQLite knows), so any text is safe inside it. Frappe's db.escape.
std::string sql_literal(std::string_view text);
ListPermission list_permission(const Session& session, const Meta& meta);

}  // namespace quire::model
