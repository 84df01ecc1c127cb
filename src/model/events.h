#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/meta.h"

namespace quire::model {

class Document;
struct Session;

// What a hook receives beside the document: the session, the event name, and
// the event's arguments (rename passes {old, new, merge}). A hook may put a
// value in `result` (before_rename may return the new name).
struct HookCall {
  Session& session;
  std::string_view event;
  const Json& args;
  Json& result;
};

using Hook = std::function<void(Document&, HookCall&)>;

// Where lifecycle events go, in Frappe's order (spec §2.1 "Where the script
// runs"): the DocType's controller method, then `doc_events` hooks for the
// DocType, then those for "*", then server scripts last. An exception from
// any handler propagates and aborts the operation.
class EventRegistry {
 public:
  // The controller method `event` of `doctype` (native code now, app code later).
  void add_controller(const std::string& doctype, const std::string& event, Hook hook);
  // An app's doc_events entry; `doctype` may be "*".
  void add_doc_event(const std::string& doctype, const std::string& event, Hook hook);
  // The server-script dispatcher, called last for every event (it decides
  // which scripts match). One per registry.
  void set_server_scripts(Hook hook);

  // Permission-query conditions for get_list (spec §2.4): hooks for the
  // DocType, then for "*", then the server script; each returns a SQL
  // condition (trusted: written by an administrator) or "".
  using PermissionQuery = std::function<std::string(Session&, const std::string& doctype)>;
  void add_permission_query(const std::string& doctype, PermissionQuery hook);
  void set_permission_query_script(PermissionQuery hook);
  // The conditions joined with " and " ("" when none).
  std::string permission_query_conditions(Session& session, const std::string& doctype) const;

  // How Password field values are stored in __Auth: the site layer installs
  // one that hashes user passwords and encrypts the others. Without one the
  // value is stored as given (tests, tools).
  struct StoredPassword {
    std::string value;
    bool encrypted = false;  // reversible (Frappe's __Auth.encrypted)
  };
  using PasswordStore = std::function<StoredPassword(
      const std::string& doctype, const std::string& fieldname, const std::string& value)>;
  void set_password_store(PasswordStore store) { password_store_ = std::move(store); }
  const PasswordStore& password_store() const { return password_store_; }

  // Runs every handler for `event` on `doc`; returns the last result set.
  Json run(Document& doc, std::string_view event, Session& session,
           const Json& args = Json::object()) const;

 private:
  using Key = std::pair<std::string, std::string>;
  std::map<Key, std::vector<Hook>> controllers_;
  std::map<Key, std::vector<Hook>> doc_events_;
  Hook server_scripts_;
  std::map<std::string, std::vector<PermissionQuery>> permission_queries_;
  PermissionQuery permission_query_script_;
  PasswordStore password_store_;
};

}  // namespace quire::model
