#include "scripting/run_state.h"

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

}  // namespace quire::scripting
