#include "model/shares.h"

#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/permissions.h"

namespace quire::model {
namespace {

const char* const kRights[] = {"read", "write", "submit", "share"};

bool is_right(const std::string& right) {
  for (const char* r : kRights) {
    if (right == r) return true;
  }
  return false;
}

// frappe.share.check_share_permission.
void check_share_permission(Session& session, const std::string& doctype, const std::string& name) {
  auto meta = session.metas.get(doctype);
  auto doc = get_doc(session, doctype, meta->issingle ? Json(nullptr) : Json(name));
  if (!has_permission(session, *meta, "share", doc.get())) {
    raise(ErrorKind::PermissionError, "No permission to share " + doctype + " " + name);
  }
}

// The share of `user` (or the everyone share) of the document, or null.
Json find_share(Session& session, const std::string& doctype, const std::string& name,
                const std::string& user, bool everyone) {
  Json filters = {{"share_doctype", doctype}, {"share_name", name}};
  if (everyone) {
    filters["everyone"] = 1;
  } else {
    filters["user"] = user;
  }
  return get_value(session, "DocShare", filters);
}

}  // namespace

std::vector<std::string> get_shared(const Session& session, const std::string& doctype,
                                    const std::string& user,
                                    const std::vector<std::string>& rights) {
  std::vector<std::string> out;
  if (!session.metas.find_meta("DocShare")) return out;
  std::string sql = "SELECT `share_name` FROM `tabDocShare` WHERE `share_doctype` = ?";
  for (const auto& right : rights) {
    if (!is_right(right)) continue;  // a fixed list: never pasted from input
    sql += " AND `" + right + "` = 1";
  }
  sql += user == "Guest" ? " AND `user` = ?" : " AND (`user` = ? OR `everyone` = 1)";
  for (const auto& row : session.db.query(sql, {doctype, user})) {
    out.push_back(cstr(from_db(row[0])));
  }
  return out;
}

Document::Ptr add_share(Session& session, const std::string& doctype, const std::string& name_in,
                        const std::string& user_in, const ShareRights& rights) {
  std::string name = name_in.empty() ? doctype : name_in;
  std::string user = user_in.empty() ? session.user : user_in;
  check_share_permission(session, doctype, name);
  Json existing = find_share(session, doctype, name, user, rights.everyone);
  Document::Ptr doc;
  if (!existing.is_null()) {
    doc = get_doc(session, "DocShare", existing);
  } else {
    doc = new_doc(session, "DocShare");
    // An everyone share has no user (Frappe sets one and clears it in
    // validate; links are checked before validate).
    if (!rights.everyone) doc->set("user", user);
    doc->set("share_doctype", doctype);
    doc->set("share_name", name);
  }
  doc->set("read", 1);  // always read, since it is being shared
  doc->set("write", rights.write ? 1 : 0);
  doc->set("submit", rights.submit ? 1 : 0);
  doc->set("share", rights.share ? 1 : 0);
  doc->set("everyone", rights.everyone ? 1 : 0);
  doc->set("notify_by_email", rights.notify ? 1 : 0);
  if (doc->is_new()) {
    InsertOptions options;
    options.ignore_permissions = true;
    insert(session, *doc, options);
  } else {
    save(session, *doc, true);
  }
  return doc;
}

void remove_share(Session& session, const std::string& doctype, const std::string& name,
                  const std::string& user) {
  Json existing = find_share(session, doctype, name, user, false);
  if (existing.is_null()) return;
  DeleteOptions options;
  options.ignore_permissions = true;
  delete_doc(session, "DocShare", existing, options);
}

Document::Ptr set_share_permission(Session& session, const std::string& doctype,
                                   const std::string& name, const std::string& user,
                                   const std::string& right, bool value, bool everyone) {
  if (!is_right(right)) {
    raise(ErrorKind::ValidationError, "Cannot share with the right " + right);
  }
  check_share_permission(session, doctype, name);
  Json existing = find_share(session, doctype, name, user, everyone);
  if (existing.is_null()) {
    if (!value) return nullptr;
    ShareRights rights;
    rights.everyone = everyone;
    rights.share = right == "share";
    rights.write = right == "write";
    rights.submit = right == "submit";
    return add_share(session, doctype, name, user, rights);
  }
  auto doc = get_doc(session, "DocShare", existing);
  doc->set(right, value ? 1 : 0);
  if (!value && right == "read") {
    for (const char* r : kRights) doc->set(r, 0);
  }
  save(session, *doc, true);
  bool any = false;
  for (const char* r : kRights) any = any || cint(doc->get(r)) != 0;
  if (any) return doc;
  DeleteOptions options;
  options.ignore_permissions = true;
  delete_doc(session, "DocShare", doc->get("name"), options);
  return nullptr;
}

void register_docshare_controller(EventRegistry& events) {
  events.add_controller("DocShare", "validate", [](Document& doc, HookCall& call) {
    if (cint(doc.get("everyone")) != 0) {
      doc.set("user", nullptr);
    } else if (cstr(doc.get("user")).empty()) {
      raise(ErrorKind::ValidationError, "User is mandatory for Share", "Mandatory");
    }
    std::string doctype = cstr(doc.get("share_doctype"));
    std::string name = cstr(doc.get("share_name"));
    auto meta = call.session.metas.get(doctype);
    if (!doc.flag("ignore_share_permission") && !call.session.is_administrator()) {
      auto shared = get_doc(call.session, doctype, meta->issingle ? Json(nullptr) : Json(name));
      if (!has_permission(call.session, *meta, "share", shared.get())) {
        raise(ErrorKind::PermissionError, "You need to have \"Share\" permission");
      }
    }
    if (cint(doc.get("submit")) != 0 && !meta->is_submittable) {
      raise(ErrorKind::ValidationError, "Cannot share " + doctype +
                                            " with submit permission as the doctype " + doctype +
                                            " is not submittable");
    }
    if (cint(doc.get("share")) || cint(doc.get("write")) || cint(doc.get("submit"))) {
      doc.set("read", 1);
    }
  });
}

}  // namespace quire::model
