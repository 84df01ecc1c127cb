#include "scripting/frappe_qb_permissions.h"

#include <algorithm>

#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/permissions.h"

namespace quire::scripting::qb {

namespace {

// Frappe's get_roles(user): a Guest has only Guest; others their Has Role
// rows with All and Guest (Administrator passes every check by name).
std::vector<std::string> roles_of(model::Session& session, const std::string& user) {
  if (user == "Guest") return {"Guest"};
  std::vector<std::string> roles;
  for (const auto& row : session.db.query("SELECT DISTINCT `role` FROM `tabHas Role` WHERE "
                                          "`parent` = ? AND `parenttype` = 'User'",
                                          {user})) {
    roles.push_back(model::cstr(model::from_db(row[0])));
  }
  for (const char* role : {"All", "Guest"}) {
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.emplace_back(role);
  }
  return roles;
}

// The session acting as `user` while permissions are worked out (a
// permission query script run meanwhile sees that user too).
class ActingUser {
 public:
  ActingUser(model::Session& session, const std::string& user) : session_(session) {
    if (user.empty() || user == session.user) return;
    saved_user_ = session.user;
    saved_roles_ = session.roles;
    std::vector<std::string> roles = roles_of(session, user);
    session.user = user;
    session.roles = std::move(roles);
    swapped_ = true;
  }
  ActingUser(const ActingUser&) = delete;
  ActingUser& operator=(const ActingUser&) = delete;
  ~ActingUser() {
    if (!swapped_) return;
    session_.user = std::move(saved_user_);
    session_.roles = std::move(saved_roles_);
  }

 private:
  model::Session& session_;
  std::string saved_user_;
  std::vector<std::string> saved_roles_;
  bool swapped_ = false;
};

bool may_select(const model::Session& session, const model::Meta& meta) {
  return model::has_permission(session, meta, "select") ||
         model::has_permission(session, meta, "read");
}

// frappe.has_permission(doctype, "select", user, parent_doctype): a child
// table only through a parent DocType that has it in a Table field.
bool has_select_permission(model::Session& session, const model::Meta& meta,
                           const std::string& parent_doctype) {
  if (session.is_administrator()) return true;
  if (!meta.istable) return may_select(session, meta);
  if (parent_doctype.empty()) return false;
  auto parent = session.metas.find_meta(parent_doctype);
  if (!parent || parent->istable) return false;
  auto tables = parent->table_fields();
  bool holds = std::any_of(tables.begin(), tables.end(),
                           [&](const model::DocField* f) { return f->options == meta.name; });
  return holds && may_select(session, *parent);
}

}  // namespace

EnginePermission engine_permission(model::Session& session, const std::string& doctype,
                                   const std::string& user, const std::string& parent_doctype) {
  ActingUser acting(session, user);
  auto meta = session.metas.get(doctype);
  if (!has_select_permission(session, *meta, parent_doctype)) {
    model::raise(model::ErrorKind::PermissionError,
                 "Insufficient Permission for <strong>" + doctype + "</strong>",
                 "Permission Error");
  }
  EnginePermission out;
  if (parent_doctype.empty() || parent_doctype == doctype) {
    out.condition = model::list_permission_condition(session, *meta);
    return out;
  }
  auto parent = session.metas.get(parent_doctype);
  if (parent->issingle) return out;  // has_permission checked it all
  using db::query::quote_identifier;
  const std::string child_table = quote_identifier("tab" + doctype);
  const std::string parent_table = quote_identifier("tab" + parent_doctype);
  out.join = " INNER JOIN " + parent_table + " ON " + child_table + ".`parent` = " + parent_table +
             ".`name`";
  out.condition = model::list_permission_condition(session, *parent);
  return out;
}

}  // namespace quire::scripting::qb
