#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "model/events.h"
#include "model/meta_store.h"

namespace quire::model {

// The current time as Frappe writes it: "YYYY-MM-DD HH:MM:SS.ffffff" (UTC).
std::string now_datetime_text();

// One unit of work on a site: the connection, the metadata, the event
// registry, who is acting, and the transaction state. Not shared between
// threads (a request or job owns one).
struct Session {
  Session(db::Database& db, MetaStore& metas, EventRegistry& events)
      : db(db), metas(metas), events(events) {}

  db::Database& db;
  MetaStore& metas;
  EventRegistry& events;

  std::string user = "Administrator";
  std::vector<std::string> roles = {"Administrator", "System Manager", "All"};

  // Injectable clock (tests fix it); returns now_datetime_text() by default.
  std::function<std::string()> clock = now_datetime_text;
  std::string now() const { return clock(); }
  std::string today() const { return now().substr(0, 10); }

  // frappe.flags: in_install, in_migrate, in_import, in_patch...
  Json flags = Json::object();
  bool flag(const char* key) const {
    auto it = flags.find(key);
    return it != flags.end() && it->is_boolean()  ? it->get<bool>()
           : it != flags.end() && it->is_number() ? it->get<double>() != 0
                                                  : false;
  }

  bool has_role(std::string_view role) const;
  bool is_administrator() const { return user == "Administrator"; }

  // Transaction state (see transaction.h).
  int transaction_depth = 0;
  int savepoint_counter = 0;
  // Callbacks run once the outermost transaction commits or rolls back
  // (Frappe's after_commit / after_rollback). A savepoint rolled back runs and
  // drops the rollback callbacks registered inside it.
  std::vector<std::function<void()>> after_commit;
  std::vector<std::function<void()>> after_rollback;

  // (doctype, name) pairs being saved: db_set does not touch `modified` for them.
  std::vector<std::pair<std::string, std::string>> currently_saving;
};

}  // namespace quire::model
