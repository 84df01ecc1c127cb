#include "model/permissions.h"

#include <algorithm>

#include "model/coercion.h"
#include "model/errors.h"
#include "model/shares.h"
#include "model/user_permissions.h"

namespace quire::model {

bool has_role_permission(const Session& session, const Meta& meta, std::string_view ptype,
                         const Document* doc) {
  if (session.is_administrator()) return true;
  for (const auto& p : meta.permissions) {
    if (p.permlevel != 0 || !session.has_role(p.role) || !p.allows(ptype)) continue;
    if (!p.if_owner || doc == nullptr || doc->is_new()) return true;
    if (cstr(doc->get("owner")) == session.user) return true;
  }
  return false;
}

namespace {

// Frappe's get_doc_permissions: a document outside the user's User
// Permissions keeps only what if_owner rows give its owner (never create).
bool owner_rights_outside_user_permissions(const Session& session, const Meta& meta,
                                           std::string_view ptype, const Document& doc) {
  if (ptype == "create" || cstr(doc.get("owner")) != session.user) return false;
  for (const auto& p : meta.permissions) {
    if (p.permlevel == 0 && p.if_owner && session.has_role(p.role) && p.allows(ptype)) return true;
  }
  return false;
}

// Frappe's false_if_not_shared: a share of the document (or, without a
// document, of any document of the DocType) grants read, write, share and
// submit, and email/print where the first permission row allows them.
bool shared_allows(const Session& session, const Meta& meta, std::string_view ptype,
                   const Document* doc) {
  bool direct = ptype == "read" || ptype == "write" || ptype == "share" || ptype == "submit";
  if (!direct && ptype != "email" && ptype != "print") return false;
  std::string right = direct ? std::string(ptype) : "read";
  auto shared = get_shared(session, meta.name, session.user, {right});
  if (doc == nullptr) return !shared.empty();
  if (doc->is_new()) return false;
  if (std::find(shared.begin(), shared.end(), doc->name_text()) == shared.end()) return false;
  return direct || (!meta.permissions.empty() && meta.permissions.front().allows(ptype));
}

}  // namespace

bool has_permission(const Session& session, const Meta& meta, std::string_view ptype,
                    const Document* doc) {
  if (session.is_administrator()) return true;
  bool allowed = has_role_permission(session, meta, ptype, doc);
  if (allowed && doc != nullptr && !has_user_permission(session, *doc)) {
    allowed = owner_rights_outside_user_permissions(session, meta, ptype, *doc);
  }
  return allowed || shared_allows(session, meta, ptype, doc);
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
  // The owner constraint replaces User Permissions (Frappe's
  // build_match_conditions: one or the other).
  if (owner_only) {
    out.all_rows = false;
    out.conditions.push_back("`tab" + meta.name + "`.`owner` = " + sql_literal(session.user));
  } else if (auto restricted = user_permission_condition(session, meta); !restricted.empty()) {
    out.all_rows = false;
    out.conditions.push_back(restricted);
  }
  return out;
}

std::string list_permission_condition(Session& session, const Meta& meta) {
  std::string permission_query = session.events.permission_query_conditions(session, meta.name);
  auto and_query = [&](std::string condition) {
    if (permission_query.empty()) return condition;
    return condition.empty() ? permission_query : condition + " and " + permission_query;
  };
  std::vector<std::string> shared;
  if (!session.is_administrator() && !meta.istable) {
    shared = get_shared(session, meta.name, session.user, {"read"});
  }
  std::string shared_condition;
  for (const auto& name : shared) {
    shared_condition += (shared_condition.empty() ? "" : ", ") + sql_literal(name);
  }
  if (!shared_condition.empty()) {
    shared_condition = "`tab" + meta.name + "`.`name` in (" + shared_condition + ")";
  }
  bool role_reads = has_role_permission(session, meta, "read") ||
                    has_role_permission(session, meta, "select");
  if (!role_reads && !shared.empty()) return and_query(shared_condition);
  ListPermission match = list_permission(session, meta);  // throws without read/select
  std::string conditions;
  for (const auto& c : match.conditions) conditions += (conditions.empty() ? "" : " and ") + c;
  if (!conditions.empty()) conditions = "(" + conditions + ")";
  conditions = and_query(conditions);
  if (!conditions.empty() && !shared.empty()) {
    conditions = "(" + conditions + ") or (" + shared_condition + ")";
  }
  return conditions;
}

}  // namespace quire::model
