#include "scripting/server_scripts.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/read_sql.h"
#include "model/transaction.h"
#include "scripting/document_binding.h"
#include "scripting/engine.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/linter.h"
#include "scripting/script_error.h"
#include "scripting/value_convert.h"

namespace quire::scripting {

using model::Document;
using model::ErrorKind;
using model::FrappeError;
using model::Session;

namespace {

const std::pair<const char*, const char*> kEventMap[] = {
    {"before_insert", "Before Insert"},
    {"after_insert", "After Insert"},
    {"before_validate", "Before Validate"},
    {"validate", "Before Save"},
    {"on_update", "After Save"},
    {"before_rename", "Before Rename"},
    {"after_rename", "After Rename"},
    {"before_submit", "Before Submit"},
    {"on_submit", "After Submit"},
    {"before_cancel", "Before Cancel"},
    {"on_cancel", "After Cancel"},
    {"before_discard", "Before Discard"},
    {"on_discard", "After Discard"},
    {"on_trash", "Before Delete"},
    {"after_delete", "After Delete"},
    {"before_update_after_submit", "Before Save (Submitted Document)"},
    {"on_update_after_submit", "After Save (Submitted Document)"},
    {"before_print", "Before Print"},
    {"on_payment_paid", "On Payment Paid"},
    {"on_payment_failed", "On Payment Failed"},
    {"on_payment_authorized", "On Payment Authorization"},
    {"on_payment_charge_processed", "On Payment Charge Processed"},
    {"on_payment_mandated_charge_processed", "On Payment Mandate Charge Processed"},
    {"on_payment_mandate_acquisition_processed", "On Payment Mandate Acquisition Processed"},
};

std::string text_of(const Json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::int64_t int_of(const Json& row, const char* key, std::int64_t fallback) {
  auto it = row.find(key);
  if (it == row.end() || it->is_null()) return fallback;
  if (it->is_number()) return it->get<std::int64_t>();
  if (it->is_string()) {
    try {
      return std::stoll(it->get<std::string>());
    } catch (...) {
    }
  }
  return fallback;
}

// Runs `body` with the request of `session`, or a throwaway one when the
// caller has none (messages of such a run are not delivered anywhere).
template <typename Body>
void with_request(Session& session, Body&& body) {
  if (RequestState* r = find_request(session)) {
    body(*r);
    return;
  }
  RequestState temp;
  RequestScope scope(session, temp);
  body(temp);
}

// The document behind a hook's reference, without owning it.
Document::Ptr borrowed(Document& doc) {
  return Document::Ptr(Document::Ptr(), &doc);
}

void only_script_managers(const Session& session) {
  if (session.is_administrator() || session.has_role("Script Manager")) return;
  throw FrappeError(ErrorKind::PermissionError,
                    "This action is only allowed for <strong>Script Manager</strong>");
}

}  // namespace

std::string_view event_label(std::string_view method) {
  // Asked for every hook of every document write: a hash lookup, not a scan,
  // hashed on length and end letters (the method names differ there; the
  // full string hash cost more than the rest of the lookup).
  struct MethodHash {
    std::size_t operator()(std::string_view m) const {
      return m.empty() ? 0
                       : m.size() * 1031 + static_cast<unsigned char>(m[m.size() / 2]) * 31 +
                             static_cast<unsigned char>(m.back());
    }
  };
  static const auto* labels = [] {
    auto* out = new std::unordered_map<std::string_view, std::string_view, MethodHash>();
    for (const auto& [m, label] : kEventMap) out->emplace(m, label);
    return out;
  }();
  auto it = labels->find(method);
  return it == labels->end() ? std::string_view() : it->second;
}

bool read_server_script_enabled(const std::string& path) {
  std::ifstream in(path);
  if (!in) return false;
  Json j = Json::parse(in, nullptr, false);
  if (!j.is_object()) return false;
  auto it = j.find("server_script_enabled");
  if (it == j.end()) return false;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number()) return it->get<double>() != 0;
  if (it->is_string()) return !it->get<std::string>().empty() && it->get<std::string>() != "0";
  return false;
}

std::function<bool()> server_script_enabled_setting(const std::string& path) {
  struct Cache {
    std::mutex mutex;
    std::filesystem::file_time_type seen{};
    bool exists = false;
    bool value = false;
  };
  auto cache = std::make_shared<Cache>();
  return [cache, path] {
    std::error_code ec;
    auto mtime = std::filesystem::last_write_time(path, ec);
    std::lock_guard lock(cache->mutex);
    if (ec) {
      cache->exists = false;
      cache->value = false;
      return false;
    }
    if (!cache->exists || mtime != cache->seen) {
      cache->value = read_server_script_enabled(path);
      cache->seen = mtime;
      cache->exists = true;
    }
    return cache->value;
  };
}

ServerScripts::ServerScripts(ScriptSettings settings) : settings_(std::move(settings)) {}

bool ServerScripts::enabled() const {
  return settings_.enabled && settings_.enabled();
}

void ServerScripts::check_enabled() const {
  if (enabled()) return;
  throw ScriptError("ServerScriptNotEnabled",
                    "Server Scripts are disabled. Please enable server scripts from bench "
                    "configuration.<br><a "
                    "href='https://frappeframework.com/docs/user/en/desk/scripting/"
                    "server-script'>Read the documentation to know more</a>",
                    403, "", "Server Scripts Disabled");
}

void ServerScripts::clear_cache() {
  std::lock_guard lock(mutex_);
  map_.reset();
}

namespace {

ScriptTableStamp read_stamp(Session& session) {
  ScriptTableStamp stamp;
  auto rows = session.db.query("select count(*), max(modified) from `tabServer Script`");
  if (rows.empty() || rows[0].size() < 2) return stamp;
  if (const auto* n = std::get_if<std::int64_t>(&rows[0][0])) stamp.rows = *n;
  if (const auto* m = std::get_if<std::string>(&rows[0][1])) stamp.latest_modified = *m;
  return stamp;
}

}  // namespace

bool ServerScripts::changed_elsewhere(Session& session, const ScriptMap& map) {
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  std::int64_t last = map_checked_.load(std::memory_order_relaxed);
  const std::int64_t interval =
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(settings_.map_check_interval)
          .count();
  if (now - last < interval) return false;
  // One thread looks; the others keep the map they have meanwhile.
  if (!map_checked_.compare_exchange_strong(last, now, std::memory_order_relaxed)) return false;
  if (!session.metas.find_meta("Server Script")) return false;
  try {
    return read_stamp(session) != map.stamp;
  } catch (const std::exception&) {
    return false;  // a busy database: look again next time
  }
}

std::shared_ptr<const ScriptMap> ServerScripts::script_map(Session& session) {
  std::shared_ptr<const ScriptMap> current;
  {
    std::lock_guard lock(mutex_);
    current = map_;
  }
  if (current && !changed_elsewhere(session, *current)) return current;
  auto map = std::make_shared<ScriptMap>();
  if (session.metas.find_meta("Server Script")) {
    // Read before the rows: a change between the two is seen at the next check.
    map->stamp = read_stamp(session);
    model::ListArgs args;
    args.doctype = "Server Script";
    args.fields = Json::array({"name", "script_type", "reference_doctype", "doctype_event",
                               "api_method", "modified", "script", "allow_guest",
                               "enable_rate_limit", "rate_limit_count", "rate_limit_seconds"});
    args.filters = Json{{"disabled", 0}};
    args.order_by = "modified desc";
    Json rows = model::get_all(session, args);
    for (const auto& row : rows) {
      auto info = std::make_shared<ScriptInfo>();
      info->name = text_of(row, "name");
      info->script_type = text_of(row, "script_type");
      info->reference_doctype = text_of(row, "reference_doctype");
      info->doctype_event = text_of(row, "doctype_event");
      info->api_method = text_of(row, "api_method");
      info->modified = text_of(row, "modified");
      info->script = text_of(row, "script");
      info->allow_guest = int_of(row, "allow_guest", 0) != 0;
      info->enable_rate_limit = int_of(row, "enable_rate_limit", 0) != 0;
      info->rate_limit_count = int_of(row, "rate_limit_count", 5);
      info->rate_limit_seconds = int_of(row, "rate_limit_seconds", 86400);
      map->by_name[info->name] = info;
      if (info->script_type == "DocType Event") {
        map->doc_events[info->reference_doctype][info->doctype_event].push_back(info);
      } else if (info->script_type == "Permission Query") {
        // One per DocType: the later row (the older script) wins, as in Frappe's map.
        map->permission_query[info->reference_doctype] = info;
      } else if (info->script_type == "API") {
        // The most recently modified script owns a method name.
        map->api.emplace(info->api_method, info);
      }
    }
  }
  // A map just read needs no look at the table for an interval.
  map_checked_.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                     std::memory_order_relaxed);
  std::lock_guard lock(mutex_);
  // Replaces a stale map (or none); a map another thread read meanwhile is as good.
  if (!map_ || map_ == current) map_ = map;
  return map_;
}

std::shared_ptr<const lang::Program> ServerScripts::program_for(const ScriptInfo& info) {
  // The map's own entry keeps its program: no lookup or source compare per run.
  if (auto program = info.program.load(std::memory_order_acquire)) return program;
  auto program = compiled_program(info);
  info.program.store(program, std::memory_order_release);
  return program;
}

int ServerScripts::reach_for(const ScriptInfo& info, const lang::Program& program) {
  int reach = info.reach.load(std::memory_order_relaxed);
  if (reach < 0) {
    reach = static_cast<int>(program_reach(program));
    info.reach.store(reach, std::memory_order_relaxed);
  }
  return reach;
}

std::shared_ptr<const lang::Program> ServerScripts::compiled_program(const ScriptInfo& info) {
  {
    std::lock_guard lock(mutex_);
    auto it = compiled_.find(info.name);
    if (it != compiled_.end() && it->second.modified == info.modified &&
        it->second.source == info.script)
      return it->second.program;
  }
  auto program = compile_script(info.name, info.script, settings_.limits);
  std::lock_guard lock(mutex_);
  compiled_[info.name] = {info.modified, info.script, program};
  return program;
}

void ServerScripts::install(model::EventRegistry& events) {
  events.set_server_scripts([this](Document& doc, model::HookCall& call) {
    run_doc_event(call.session, doc, call.event);
  });
  events.set_permission_query_script([this](Session& session, const std::string& doctype) {
    return permission_query(session, doctype);
  });
  auto invalidate = [this](Document&, model::HookCall& call) {
    clear_cache();
    // The map is rebuilt from whatever the transaction leaves behind.
    call.session.after_commit.push_back([this] { clear_cache(); });
    call.session.after_rollback.push_back([this] { clear_cache(); });
  };
  events.add_controller("Server Script", "validate", [this](Document& doc, model::HookCall& call) {
    validate_server_script(call.session, doc);
  });
  events.add_controller("Server Script", "on_update", [this](Document& doc, model::HookCall& call) {
    sync_scheduled_job_type(call.session, doc);
  });
  events.add_controller("Server Script", "on_trash", [this](Document& doc, model::HookCall& call) {
    only_script_managers(call.session);
    stop_scheduled_jobs(call.session, doc.name_text());
  });
  for (const char* event :
       {"after_insert", "on_update", "on_trash", "after_rename", "after_delete"}) {
    events.add_controller("Server Script", event, invalidate);
  }
}

void ServerScripts::validate_server_script(Session& session, Document& doc) {
  only_script_managers(session);
  Json script = doc.get("script");
  std::string source = script.is_string() ? script.get<std::string>() : "";
  compile_script(doc.name_text(), source,
                 settings_.limits);  // throws "Script: Invalid python code on line N"
  std::string type =
      doc.get("script_type").is_string() ? doc.get("script_type").get<std::string>() : "";
  std::string event =
      doc.get("doctype_event").is_string() ? doc.get("doctype_event").get<std::string>() : "";
  std::string warnings;
  for (const auto& f : lint_script(type, event, source)) {
    if (f.error)
      throw FrappeError(ErrorKind::ValidationError,
                        "Line " + std::to_string(f.line) + ": " + f.message);
    warnings +=
        (warnings.empty() ? "" : "<br>") + ("Line " + std::to_string(f.line) + ": " + f.message);
  }
  if (!warnings.empty()) {
    if (RequestState* r = find_request(session)) {
      r->message_log.push_back(
          Json{{"message", warnings}, {"title", "Linter warnings"}, {"indicator", "orange"}});
    }
  }
  auto required = [&](const char* field, const char* label) {
    Json v = doc.get(field);
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
      throw FrappeError(ErrorKind::MandatoryError,
                        "[Server Script, " + doc.name_text() + "]: " + field,
                        std::string(label) + " is required");
    }
  };
  if (type == "DocType Event") {
    required("reference_doctype", "Reference Document Type");
    required("doctype_event", "DocType Event");
  } else if (type == "Permission Query") {
    required("reference_doctype", "Reference Document Type");
  } else if (type == "API") {
    required("api_method", "API Method");
  } else if (type == "Scheduler Event") {
    required("event_frequency", "Event Frequency");
  }
}

void ServerScripts::stop_scheduled_jobs(Session& session, const std::string& script_name) {
  if (!session.metas.find_meta("Scheduled Job Type")) return;
  model::ListArgs args;
  args.doctype = "Scheduled Job Type";
  args.filters = Json{{"server_script", script_name}};
  args.pluck = "name";
  for (const auto& name : model::get_all(session, args)) {
    auto job = model::get_doc(session, "Scheduled Job Type", name);
    job->set("stopped", 1);
    job->set("server_script", nullptr);
    model::save(session, *job, true);
  }
}

// spec §2.3: a Scheduler Event script keeps a Scheduled Job Type in step.
void ServerScripts::sync_scheduled_job_type(Session& session, Document& doc) {
  if (!session.metas.find_meta("Scheduled Job Type")) return;
  auto text = [&](const char* f) {
    Json v = doc.get(f);
    return v.is_string() ? v.get<std::string>() : v.is_null() ? std::string() : v.dump();
  };
  std::string type = text("script_type");
  const auto& before = doc.doc_before_save();
  auto linked = [&]() {
    model::ListArgs args;
    args.doctype = "Scheduled Job Type";
    args.filters = Json{{"server_script", doc.name_text()}};
    args.pluck = "name";
    return model::get_all(session, args);
  };
  if (before && before->get("script_type") == Json("Scheduler Event") &&
      type != "Scheduler Event") {
    for (const auto& name : linked()) {
      auto job = model::get_doc(session, "Scheduled Job Type", name);
      job->set("stopped", 1);
      model::save(session, *job, true);
    }
    return;
  }
  if (type != "Scheduler Event") return;
  bool changed = !before;
  for (const char* f : {"event_frequency", "cron_format", "disabled", "script_type"}) {
    changed = changed || doc.has_value_changed(f);
  }
  if (!changed) return;
  Json names = linked();
  Document::Ptr job;
  if (names.empty()) {
    job = model::new_doc(session, "Scheduled Job Type");
    job->set("server_script", doc.name_text());
  } else {
    job = model::get_doc(session, "Scheduled Job Type", names[0]);
  }
  std::string frequency = text("event_frequency");
  job->set("method", scrub(doc.name_text() + "-" + frequency));
  job->set("frequency", frequency);
  job->set("cron_format", frequency == "Cron" ? text("cron_format") : "");
  job->set("stopped",
           doc.get("disabled").is_number() ? doc.get("disabled").get<std::int64_t>() : 0);
  if (settings_.next_execution) {
    std::string next = settings_.next_execution(session, *job);
    job->set("next_execution", next.empty() ? Json() : Json(next));
  }
  if (job->is_new()) {
    job->set("create_log", frequency == "All" || frequency == "Cron" ? 0 : 1);
    model::InsertOptions o;
    o.ignore_permissions = true;
    model::insert(session, *job, o);
  } else {
    model::save(session, *job, true);
  }
  if (RequestState* r = find_request(session)) {
    r->message_log.push_back(
        Json{{"message", "Scheduled execution for script " + doc.name_text() + " has updated"},
             {"title", "Message"},
             {"alert", 1},
             {"indicator", "green"}});
  }
}

void ServerScripts::run_doc_event(Session& session, Document& doc, std::string_view event) {
  // Most writes have no script: the cheapest test first.
  auto map = script_map(session);
  auto by_doctype = map->doc_events.find(doc.doctype());
  if (by_doctype == map->doc_events.end()) return;
  std::string_view label = event_label(event);
  if (label.empty()) return;
  auto it = by_doctype->second.find(label);
  if (it == by_doctype->second.end()) return;
  if (session.flag("in_install") || session.flag("in_migrate")) return;
  check_enabled();
  for (const auto& info : it->second) {
    auto program = program_for(*info);
    with_request(session, [&](RequestState& request) {
      RunState run(session, request);
      run.scripts = this;
      run.kind = ScriptKind::DocTypeEvent;
      run.script_name = info->name;
      run.restrict_commit = true;
      run.event_doc = &doc;
      run.event_label = label;
      run.reach = reach_for(*info, *program);
      lang::Value wrapper;
      RunHooks hooks;
      hooks.bind = [&](lang::Isolate& I) {
        wrapper = wrap_document(I, run, borrowed(doc));
        if (wrapper.is_exc()) return false;
        return bind_global(I, "doc", wrapper);
      };
      hooks.after = [&](lang::Isolate& I) {
        // What the script set on doc reaches the document being saved.
        if (!push_document(I, run, wrapper)) {
          lang::Value exc = I.pending;
          I.pending = lang::Value();
          throw_script_exception(I, exc, "");
        }
      };
      execute(*program, run, hooks);
    });
  }
}

namespace {

// Whether `sql` has the keyword WITH outside its quoted strings and names. A
// common table expression can recurse without end (the keyword RECURSIVE is
// optional in SQLite), and conditions run inside every get_list of the
// DocType, where no script deadline applies. Words inside quotes and comments
// are not keywords; one in a comment is refused too, which costs nothing.
bool has_with_keyword(std::string_view sql) {
  auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::size_t end = sql.find(close, i + 1);
      // A doubled quote inside is its escape: the scan resumes after it,
      // which lands on the next quoted run.
      i = end == std::string_view::npos ? sql.size() : end + 1;
      continue;
    }
    if (!word_char(c)) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < sql.size() && word_char(sql[i])) ++i;
    std::string_view word = sql.substr(start, i - start);
    if (word.size() == 4 && std::tolower(static_cast<unsigned char>(word[0])) == 'w' &&
        std::tolower(static_cast<unsigned char>(word[1])) == 'i' &&
        std::tolower(static_cast<unsigned char>(word[2])) == 't' &&
        std::tolower(static_cast<unsigned char>(word[3])) == 'h')
      return true;
  }
  return false;
}

}  // namespace

std::string ServerScripts::permission_query(Session& session, const std::string& doctype) {
  auto map = script_map(session);
  auto it = map->permission_query.find(doctype);
  if (it == map->permission_query.end()) return "";
  check_enabled();
  const ScriptInfo& info = *it->second;
  auto program = program_for(info);
  std::string conditions;
  with_request(session, [&](RequestState& request) {
    RunState run(session, request);
    run.scripts = this;
    run.kind = ScriptKind::PermissionQuery;
    run.script_name = info.name;
    RunHooks hooks;
    hooks.bind = [&](lang::Isolate& I) {
      lang::Value user = lang::new_str(I, session.user);
      lang::Value empty = lang::new_str(I, "");
      bind_global(I, "user", user);
      bind_global(I, "conditions", empty);
      lang::decref(user);
      lang::decref(empty);
      return true;
    };
    hooks.after = [&](lang::Isolate& I) {
      lang::Value v = global_value(I, "conditions");
      if (v.is_undef() || v.is_none()) return;
      int t = lang::truthy(I, v);
      if (t <= 0) return;
      std::string text;
      if (!lang::str_into(I, v, text)) return;
      conditions = text;
    };
    execute(*program, run, hooks);
  });
  if (conditions.empty()) return "";
  if (has_with_keyword(conditions)) {
    throw FrappeError(ErrorKind::ValidationError,
                      "Permission Query script " + info.name +
                          " set conditions with a WITH clause (a common table expression), "
                          "which could run without end inside every list of " +
                          doctype);
  }
  // Accepted only as a read-only expression over the DocType: the engine's
  // read-only path prepares it inside a query on the DocType's table (no
  // statements, no writes, no credential tables).
  try {
    model::read_sql(session,
                    "select 1 from `tab" + doctype + "` where (" + conditions + ") limit 0");
  } catch (const std::exception& e) {
    throw FrappeError(ErrorKind::ValidationError, "Permission Query script " + info.name +
                                                      " set conditions that are not a "
                                                      "read-only SQL expression over " +
                                                      doctype + ": " + e.what());
  }
  return "(" + conditions + ")";
}

std::shared_ptr<const ScriptInfo> ServerScripts::find_api(Session& session,
                                                          const std::string& method) {
  auto map = script_map(session);
  auto it = map->api.find(method);
  return it == map->api.end() ? nullptr : it->second;
}

std::shared_ptr<const ScriptInfo> ServerScripts::find_by_name(Session& session,
                                                              const std::string& name) {
  auto map = script_map(session);
  auto it = map->by_name.find(name);
  return it == map->by_name.end() ? nullptr : it->second;
}

std::optional<RateLimit> ServerScripts::rate_limit(Session& session, const std::string& method) {
  auto info = find_api(session, method);
  if (!info || !info->enable_rate_limit) return std::nullopt;
  return RateLimit{info->rate_limit_count ? info->rate_limit_count : 5,
                   info->rate_limit_seconds ? info->rate_limit_seconds : 86400};
}

void ServerScripts::check_rate(const ScriptInfo& info, const std::string& client_ip) {
  std::int64_t limit = info.rate_limit_count ? info.rate_limit_count : 5;
  std::int64_t seconds = info.rate_limit_seconds ? info.rate_limit_seconds : 86400;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  Window& w = rate_windows_[{info.api_method, client_ip}];
  if (w.count == 0 || now - w.start >= std::chrono::seconds(seconds)) {
    w.start = now;
    w.count = 0;
  }
  if (++w.count > limit) {
    throw ScriptError("RateLimitExceededError",
                      "You hit the rate limit because of too many requests. Please try after "
                      "sometime.",
                      417);
  }
}

Json ServerScripts::execute_api(Session& session, const ScriptInfo& info) {
  if (info.script_type != "API") {
    throw FrappeError(ErrorKind::DoesNotExistError, "Server Script " + info.name + " not found");
  }
  if (session.user == "Guest" && !info.allow_guest)
    throw FrappeError(ErrorKind::PermissionError, "");
  check_enabled();
  Json result = Json::object();
  with_request(session, [&](RequestState& request) {
    if (info.enable_rate_limit && !request.client_ip.empty()) check_rate(info, request.client_ip);
    auto program = program_for(info);
    RunState run(session, request);
    run.scripts = this;
    run.kind = ScriptKind::Api;
    run.script_name = info.name;
    RunHooks hooks;
    hooks.after = [&](lang::Isolate& I) {
      lang::Value frappe = global_value(I, "frappe");
      if (frappe.is_undef() || !lang::is_kind(frappe, lang::Kind::Module)) return;
      lang::Value flags = lang::dict_get_str(static_cast<lang::Module*>(frappe.o)->attrs, "flags");
      if (flags.is_undef()) return;
      if (!to_json(I, flags, result)) {
        lang::Value exc = I.pending;
        I.pending = lang::Value();
        throw_script_exception(I, exc, "");
      }
    };
    execute(*program, run, hooks);
  });
  return result;
}

namespace {

// Runs `program` in a transaction of its own, as Frappe runs Scheduler Event
// and Workflow Task scripts: frappe.db.commit/rollback work, and what the
// script left uncommitted is committed when it ends. `hooks_for` gives the
// run's hooks once its RunState exists.
void run_committed(ServerScripts* scripts, Session& session, const ScriptInfo& info,
                   const lang::Program& program, ScriptKind kind,
                   const std::function<RunHooks(RunState&)>& hooks_for = {}) {
  RequestState own;
  RequestState* existing = find_request(session);
  RequestState& request = existing ? *existing : own;
  std::optional<RequestScope> scope;
  if (!existing) scope.emplace(session, own);
  std::optional<model::Transaction> txn;
  txn.emplace(session);
  request.commit = [&] {
    txn->commit();
    txn.emplace(session);
  };
  request.rollback = [&] {
    txn.reset();
    txn.emplace(session);
  };
  request.commits_at_end = true;
  // The callbacks capture this frame: they must not outlive it.
  struct Clear {
    RequestState& r;
    ~Clear() {
      r.commit = nullptr;
      r.rollback = nullptr;
      r.commits_at_end = false;
    }
  } clear{request};
  RunState run(session, request);
  run.scripts = scripts;
  run.kind = kind;
  run.script_name = info.name;
  execute(program, run, hooks_for ? hooks_for(run) : RunHooks{});
  txn->commit();
}

}  // namespace

void ServerScripts::execute_scheduled(Session& session, const std::string& name) {
  auto info = find_by_name(session, name);
  if (!info || info->script_type != "Scheduler Event") {
    throw FrappeError(ErrorKind::DoesNotExistError, "Server Script " + name + " not found");
  }
  check_enabled();
  auto program = program_for(*info);
  run_committed(this, session, *info, *program, ScriptKind::Scheduler);
}

void ServerScripts::execute_workflow_task(Session& session, const std::string& name,
                                          Document& doc) {
  auto info = find_by_name(session, name);
  if (!info || info->script_type != "Workflow Task") {
    throw FrappeError(ErrorKind::DoesNotExistError, "Server Script " + name + " not found");
  }
  check_enabled();
  auto program = program_for(*info);
  lang::Value wrapper;
  run_committed(this, session, *info, *program, ScriptKind::WorkflowTask, [&](RunState& run) {
    RunHooks hooks;
    // Captures the RunState by address: it outlives this lambda's frame.
    hooks.bind = [&wrapper, &doc, r = &run](lang::Isolate& I) {
      wrapper = wrap_document(I, *r, borrowed(doc));
      if (wrapper.is_exc()) return false;
      return bind_global(I, "doc", wrapper);
    };
    hooks.after = [&wrapper, r = &run](lang::Isolate& I) {
      // Frappe's doc is the caller's document: what the script set stays on it.
      if (!push_document(I, *r, wrapper)) {
        lang::Value exc = I.pending;
        I.pending = lang::Value();
        throw_script_exception(I, exc, "");
      }
    };
    return hooks;
  });
}

void log_failed_run(Session& session, const std::string& title, const std::string& error,
                    const std::vector<std::string>& printed) {
  if (!session.metas.find_meta("Error Log")) return;
  // Error Log.method is a Data field (140 characters): a long request path
  // is cut on a character boundary rather than losing the log.
  std::string method = title;
  if (method.size() > 140) {
    std::size_t cut = 137;
    while (cut > 0 && (static_cast<unsigned char>(method[cut]) & 0xC0) == 0x80) --cut;
    method = method.substr(0, cut) + "...";
  }
  std::string text = error;
  if (!printed.empty()) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += "\nPrinted before the error:\n";
    for (const auto& line : printed) text += line + "\n";
  }
  model::Transaction txn(session);
  auto doc = model::doc_from_dict(
      session, Json{{"doctype", "Error Log"}, {"method", method}, {"error", text}});
  model::InsertOptions o;
  o.ignore_permissions = true;
  o.ignore_links = true;
  model::insert(session, *doc, o);
  txn.commit();
}

void ServerScripts::record_run(const std::string& name, double micros, std::int64_t steps,
                               bool failed) {
  std::lock_guard lock(stats_mutex_);
  Counters& c = counters_[name];
  ++c.executions;
  if (failed) ++c.failures;
  c.steps += steps;
  if (c.recent.size() < kStatsWindow) {
    c.recent.push_back(micros);
  } else {
    c.recent[c.next] = micros;
    c.next = (c.next + 1) % kStatsWindow;
  }
}

std::vector<ScriptStats> ServerScripts::stats() const {
  std::lock_guard lock(stats_mutex_);
  std::vector<ScriptStats> out;
  for (const auto& [name, c] : counters_) {
    ScriptStats s;
    s.name = name;
    s.executions = c.executions;
    s.failures = c.failures;
    s.steps_total = c.steps;
    std::vector<double> sorted = c.recent;
    std::sort(sorted.begin(), sorted.end());
    if (!sorted.empty()) {
      auto at = [&](double q) {
        return sorted[std::min(sorted.size() - 1,
                               static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
      };
      s.p50_micros = at(0.5);
      s.p99_micros = at(0.99);
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace quire::scripting
