#include "scripting/run_state.h"

#include "model/db_api.h"

namespace quire::scripting {

namespace {
thread_local RunState* t_current = nullptr;
thread_local std::unordered_map<const model::Session*, RequestState*> t_requests;
}  // namespace

RequestScope::RequestScope(model::Session& session, RequestState& state) : session_(&session) {
  auto it = t_requests.find(session_);
  previous_ = it == t_requests.end() ? nullptr : it->second;
  t_requests[session_] = &state;
}

RequestScope::~RequestScope() {
  if (previous_) {
    t_requests[session_] = previous_;
  } else {
    t_requests.erase(session_);
  }
}

RequestState* find_request(const model::Session& session) {
  auto it = t_requests.find(&session);
  return it == t_requests.end() ? nullptr : it->second;
}

RunState* current_run() {
  return t_current;
}

CurrentRun::CurrentRun(RunState& run) : previous_(t_current) {
  run.outer = t_current;
  run.depth = t_current ? t_current->depth + 1 : 0;
  t_current = &run;
}

CurrentRun::~CurrentRun() {
  t_current = previous_;
}

std::string system_setting(const char* field, const char* fallback) {
  RunState* run = current_run();
  if (!run) return fallback;
  try {
    auto meta = run->session.metas.find_meta("System Settings");
    if (meta && meta->field(field)) {
      Json v = model::get_single_value(run->session, "System Settings", field);
      if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
    }
  } catch (...) {
    // A site without System Settings yet (tests, install) reads the fallback.
  }
  return fallback;
}

}  // namespace quire::scripting
