#include "model/events.h"

#include "model/document.h"

namespace quire::model {

void EventRegistry::add_controller(const std::string& doctype, const std::string& event,
                                   Hook hook) {
  controllers_[{doctype, event}].push_back(std::move(hook));
}

void EventRegistry::add_doc_event(const std::string& doctype, const std::string& event, Hook hook) {
  doc_events_[{doctype, event}].push_back(std::move(hook));
}

void EventRegistry::set_server_scripts(Hook hook) {
  server_scripts_ = std::move(hook);
}

void EventRegistry::add_permission_query(const std::string& doctype, PermissionQuery hook) {
  permission_queries_[doctype].push_back(std::move(hook));
}

void EventRegistry::set_permission_query_script(PermissionQuery hook) {
  permission_query_script_ = std::move(hook);
}

std::string EventRegistry::permission_query_conditions(Session& session,
                                                       const std::string& doctype) const {
  std::string out;
  auto add = [&](const std::string& c) {
    if (c.empty()) return;
    out += (out.empty() ? "" : " and ") + c;
  };
  for (const char* key : {"", "*"}) {
    auto it = permission_queries_.find(*key ? std::string(key) : doctype);
    if (it == permission_queries_.end()) continue;
    for (const auto& hook : it->second) add(hook(session, doctype));
  }
  if (permission_query_script_) add(permission_query_script_(session, doctype));
  return out;
}

Json EventRegistry::run(Document& doc, std::string_view event, Session& session,
                        const Json& args) const {
  Json result;
  HookCall call{session, event, args, result};
  std::string ev(event);
  auto fire = [&](const std::map<Key, std::vector<Hook>>& map, const std::string& doctype) {
    auto it = map.find({doctype, ev});
    if (it == map.end()) return;
    for (const auto& hook : it->second) hook(doc, call);
  };
  fire(controllers_, doc.doctype());
  fire(doc_events_, doc.doctype());
  fire(doc_events_, "*");
  if (server_scripts_) server_scripts_(doc, call);
  return result;
}

}  // namespace quire::model
