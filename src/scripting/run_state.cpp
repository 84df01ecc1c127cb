#include "scripting/run_state.h"

#include "lang/compile/code.h"
#include "model/db_api.h"
#include "scripting/server_scripts.h"

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

unsigned program_reach(const lang::Program& program) {
  // Names through which code reaches attributes or code by computed strings:
  // any of them reaches everything (the conservative side).
  static constexpr std::string_view kComputed[] = {
      "getattr",         "vars",     "dir",
      "__dict__",        "local",    "safe_eval",
      "render_template", "get_attr", "__getattribute__"};
  auto reach_of_name = [](std::string_view name) -> unsigned {
    if (name == "form_dict" || name == "args") return kReachFormDict;
    if (name == "response") return kReachResponse;
    if (name == "session") return kReachSession;
    for (std::string_view n : kComputed) {
      if (name == n) return kReachAll;
    }
    return 0;
  };
  unsigned reach = 0;
  for (const auto& name : program.global_names) reach |= reach_of_name(name);
  for (const auto& code : program.codes) {
    for (const lang::Str* name : code->names) {
      if (name) reach |= reach_of_name(name->view());
    }
    for (lang::Value c : code->consts) {
      if (!lang::is_str(c)) continue;
      std::string_view text = lang::as_str(c)->view();
      if (text.find("form_dict") != std::string_view::npos) reach |= kReachFormDict;
      if (text.find("response") != std::string_view::npos) reach |= kReachResponse;
      if (text.find("session") != std::string_view::npos) reach |= kReachSession;
    }
  }
  return reach;
}

RequestState* find_request(const model::Session& session) {
  auto it = t_requests.find(&session);
  return it == t_requests.end() ? nullptr : it->second;
}

const ScriptSettings* RunState::settings() const {
  return scripts ? &scripts->settings() : nullptr;
}

std::string configured_site_url(const RunState* run) {
  static const ScriptSettings kDefaults;
  const ScriptSettings* settings = run ? run->settings() : nullptr;
  return (settings ? *settings : kDefaults).site_url;
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

Json system_settings_field(model::Session& session, const std::string& field) {
  auto meta = session.metas.find_meta("System Settings");
  if (!meta || !meta->field(field)) return Json();
  return model::get_single_value(session, "System Settings", field);
}

std::string system_setting(const char* field, const char* fallback) {
  RunState* run = current_run();
  if (!run) return fallback;
  try {
    Json v = system_settings_field(run->session, field);
    if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
  } catch (...) {
    // A site without System Settings yet (tests, install) reads the fallback.
  }
  return fallback;
}

}  // namespace quire::scripting
