#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// User Permissions (Frappe's frappe/core/doctype/user_permission): a row
// {user, allow, for_value, applicable_for} restricts `user` to the listed
// `allow` documents wherever a document of `applicable_for` (or of any
// DocType when it is empty) links to an `allow` document, and in lists of
// `allow` itself.

struct UserPermissionValue {
  std::string doc;             // for_value
  std::string applicable_for;  // "" = every DocType
  bool is_default = false;
};

// allow → the rows for it, as Frappe's get_user_permissions returns them.
using UserPermissionMap = std::map<std::string, std::vector<UserPermissionValue>, std::less<>>;

// The user's User Permissions; empty for Administrator and Guest (as Frappe).
UserPermissionMap get_user_permissions(const Session& session, const std::string& user);

// The docs of `values` that apply when looking at a document of `doctype`:
// those without applicable_for and those applicable for `doctype`.
std::vector<std::string> allowed_docs_for(const std::vector<UserPermissionValue>& values,
                                          const std::string& doctype);

// Frappe's has_user_permission: false when `doc` (its own name, or a Link
// field of it or of its child rows) points outside the user's User
// Permissions. Empty links pass (user permissions are not strict). A user who
// may write User Permissions is not restricted by them.
bool has_user_permission(const Session& session, const Document& doc);

// For get_list (Frappe's DatabaseQuery.add_user_permissions): the trusted SQL
// condition restricting `meta`'s rows to the user's User Permissions, one
// "(`f` is empty or `f` in (...))" per restricted Link field (and `name`),
// joined with AND; "" when none applies.
std::string user_permission_condition(const Session& session, const Meta& meta);

// The User Permission controller: "Apply To All Document Types" clears
// applicable_for; the same permission twice is a DuplicateEntryError "User
// permission already exists"; one default per user and DocType.
void register_user_permission_controller(EventRegistry& events);

}  // namespace quire::model
