#include "model/user_permissions.h"

#include <algorithm>

#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/permissions.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

bool ignores_user_permissions(const DocField& f) {
  auto found = f.raw.find("ignore_user_permissions");
  return found != f.raw.end() && cint(*found) != 0;
}

// The Link fields User Permissions look at (Frappe's meta.get_link_fields).
std::vector<const DocField*> link_fields(const Meta& meta) {
  std::vector<const DocField*> out;
  for (const DocField* f : meta.data_fields()) {
    if (f->fieldtype == "Link" && !f->options.empty() && !ignores_user_permissions(*f)) {
      out.push_back(f);
    }
  }
  return out;
}

bool contains(const std::vector<std::string>& docs, const std::string& value) {
  return std::find(docs.begin(), docs.end(), value) != docs.end();
}

bool may_write_user_permissions(const Session& session) {
  auto meta = session.metas.find_meta("User Permission");
  return meta && has_role_permission(session, *meta, "write");
}

bool links_allowed(const Document& d, const UserPermissionMap& permissions,
                   const std::string& doctype) {
  for (const DocField* f : link_fields(d.meta())) {
    std::string value = cstr(d.get(f->fieldname));
    if (value.empty()) continue;
    auto found = permissions.find(f->options);
    if (found == permissions.end()) continue;
    auto allowed = allowed_docs_for(found->second, doctype);
    if (!allowed.empty() && !contains(allowed, value)) return false;
  }
  return true;
}

}  // namespace

UserPermissionMap get_user_permissions(const Session& session, const std::string& user) {
  UserPermissionMap out;
  if (user == "Administrator" || user == "Guest" || !session.metas.find_meta("User Permission")) {
    return out;
  }
  auto rows = session.db.query(
      "SELECT `allow`, `for_value`, `applicable_for`, `is_default`, `apply_to_all_doctypes`"
      " FROM `tabUser Permission` WHERE `user` = ? ORDER BY `creation`",
      {user});
  for (const auto& r : rows) {
    // apply_to_all_doctypes clears applicable_for (the doctype's validate does).
    bool all = cint(from_db(r[4])) != 0;
    out[cstr(from_db(r[0]))].push_back(UserPermissionValue{
        cstr(from_db(r[1])), all ? std::string() : cstr(from_db(r[2])), cint(from_db(r[3])) != 0});
  }
  return out;
}

std::vector<std::string> allowed_docs_for(const std::vector<UserPermissionValue>& values,
                                          const std::string& doctype) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    if (v.applicable_for.empty() || v.applicable_for == doctype) out.push_back(v.doc);
  }
  return out;
}

bool has_user_permission(const Session& session, const Document& doc) {
  auto permissions = get_user_permissions(session, session.user);
  if (permissions.empty() || may_write_user_permissions(session)) return true;
  const std::string& doctype = doc.doctype();
  if (auto own = permissions.find(doctype); own != permissions.end()) {
    auto allowed = allowed_docs_for(own->second, doctype);
    if (!allowed.empty() && !contains(allowed, doc.name_text())) return false;
  }
  if (!links_allowed(doc, permissions, doctype)) return false;
  for (const DocField* tf : doc.meta().table_fields()) {
    if (!doc.has_table(tf->fieldname)) continue;
    for (const auto& row : doc.table(tf->fieldname)) {
      if (!links_allowed(*row, permissions, doctype)) return false;
    }
  }
  return true;
}

std::string user_permission_condition(const Session& session, const Meta& meta) {
  auto permissions = get_user_permissions(session, session.user);
  if (permissions.empty()) return "";
  std::vector<std::pair<std::string, std::string>> fields;  // (fieldname, linked doctype)
  for (const DocField* f : link_fields(meta)) fields.emplace_back(f->fieldname, f->options);
  fields.emplace_back("name", meta.name);
  std::string out;
  for (const auto& [fieldname, target] : fields) {
    auto found = permissions.find(target);
    if (found == permissions.end()) continue;
    auto docs = allowed_docs_for(found->second, meta.name);
    if (docs.empty()) continue;
    std::string column = quote_identifier(meta.table()) + "." + quote_identifier(fieldname);
    std::string values;
    for (const auto& d : docs) values += (values.empty() ? "" : ", ") + sql_literal(d);
    out += (out.empty() ? "" : " and ") + std::string("(ifnull(") + column + ", '') = '' or " +
           column + " in (" + values + "))";
  }
  return out;
}

void register_user_permission_controller(EventRegistry& events) {
  events.add_controller("User Permission", "validate", [](Document& doc, HookCall& call) {
    if (cint(doc.get("apply_to_all_doctypes")) != 0) doc.set("applicable_for", nullptr);
    Json others = Json::array({"name", "!=", cstr(doc.get("name"))});
    Json same = Json::array({Json::array({"allow", "=", cstr(doc.get("allow"))}),
                             Json::array({"user", "=", cstr(doc.get("user"))}), others});
    Json duplicate = same;
    duplicate.push_back(Json::array({"for_value", "=", cstr(doc.get("for_value"))}));
    duplicate.push_back(Json::array({"applicable_for", "=", cstr(doc.get("applicable_for"))}));
    duplicate.push_back(
        Json::array({"apply_to_all_doctypes", "=", cint(doc.get("apply_to_all_doctypes"))}));
    if (count(call.session, "User Permission", duplicate) > 0) {
      raise(ErrorKind::DuplicateEntryError, "User permission already exists");
    }
    if (cint(doc.get("is_default")) == 0) return;
    ListArgs defaults;
    defaults.doctype = "User Permission";
    defaults.filters = same;
    defaults.filters.push_back(Json::array({"is_default", "=", 1}));
    defaults.or_filters =
        Json::array({Json::array({"applicable_for", "=", cstr(doc.get("applicable_for"))}),
                     Json::array({"apply_to_all_doctypes", "=", 1})});
    defaults.limit = 1;
    defaults.pluck = "name";
    auto overlap = get_all(call.session, defaults);
    if (!overlap.empty()) {
      raise(ErrorKind::ValidationError, "User Permission " + cstr(overlap[0]) +
                                            " has already assigned default value for " +
                                            cstr(doc.get("allow")) + ".");
    }
  });
}

}  // namespace quire::model
