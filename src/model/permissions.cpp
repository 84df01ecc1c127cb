#include "model/permissions.h"

#include "model/coercion.h"
#include "model/errors.h"

namespace quire::model {

bool has_permission(const Session& session, const Meta& meta, std::string_view ptype,
                    const Document* doc) {
  if (session.is_administrator()) return true;
  for (const auto& p : meta.permissions) {
    if (p.permlevel != 0 || !session.has_role(p.role) || !p.allows(ptype)) continue;
    if (!p.if_owner || doc == nullptr || doc->is_new()) return true;
    if (cstr(doc->get("owner")) == session.user) return true;
  }
  return false;
}

void check_permission(const Session& session, const Document& doc, std::string_view ptype) {
  if (doc.flag("ignore_permissions")) return;
  // Child rows are checked through their parent.
  const Document& subject = doc.parent_doc ? *doc.parent_doc : doc;
  if (!has_permission(session, subject.meta(), ptype, &subject)) {
    raise(ErrorKind::PermissionError, "Insufficient Permission for " + subject.doctype() +
                                          " (<strong>" + std::string(ptype) + "</strong>)");
  }
}

std::string sql_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\0') continue;  // NUL would end the text early
    out += c;
  }
  return out + "'";
}

ListPermission list_permission(const Session& session, const Meta& meta) {
  ListPermission out;
  if (session.is_administrator()) return out;
  bool any = false, owner_only = true;
  for (const auto& p : meta.permissions) {
    if (p.permlevel != 0 || !session.has_role(p.role)) continue;
    if (!p.read && !p.select) continue;
    any = true;
    if (!p.if_owner) owner_only = false;
  }
  if (!any) raise(ErrorKind::PermissionError, "No permission to read " + meta.name);
  if (owner_only) {
    out.all_rows = false;
    out.conditions.push_back("`tab" + meta.name + "`.`owner` = " + sql_literal(session.user));
  }
  return out;
}

}  // namespace quire::model
