#pragma once
// What a running script reaches beside its code: the session it acts in, the
// request it serves (frappe.local: form_dict, response, message and debug
// logs) and the documents it holds.
//
// RequestState lives as long as a RequestScope (one HTTP request, one job,
// one CLI call). RunState lives for one script run; runs nest (a script saves
// a document whose event runs another script, in another isolate), and
// natives find the innermost one with current_run().

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/object/runtime.h"
#include "model/document.h"
#include "model/session.h"

namespace quire::scripting {

using model::Json;
class ServerScripts;
struct ScriptSettings;
class IncomingRequest;  // utils_request.h

struct RequestState {
  Json form_dict = Json::object();
  // frappe.response; Frappe's starts as {"docs": []}.
  Json response = Json{{"docs", Json::array()}};
  std::vector<Json> message_log;       // msgprint / throw dicts (_server_messages)
  std::vector<std::string> debug_log;  // print() and log() (_debug_messages)
  // Bytes printed by the outermost run under way and the runs it reached
  // (frappe.call, run_script, documents it saved): one output budget for
  // them all, as they share one deadline.
  std::size_t printed_by_outer_run = 0;
  std::string http_method;  // "" outside HTTP
  std::string client_ip;
  // The HTTP request served (frappe.request), owned by the front door; null
  // outside HTTP.
  const IncomingRequest* incoming = nullptr;
  // frappe.db.commit / rollback for scripts allowed to use them: set by whoever
  // owns the transaction (run_api_script, execute_scheduled); no-ops when unset.
  std::function<void()> commit;
  std::function<void()> rollback;
  // Whether that owner commits once the outermost run succeeds (a POST, a
  // scheduled job) or rolls back (a GET): transaction callbacks still
  // waiting then run around that commit or rollback (frappe_db_callbacks.h).
  bool commits_at_end = false;
};

// Makes `state` the request of `session` while it lives.
class RequestScope {
 public:
  RequestScope(model::Session& session, RequestState& state);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  const model::Session* session_;
  RequestState* previous_;
};

// The request `session` serves, or nullptr outside any RequestScope.
RequestState* find_request(const model::Session& session);

enum class ScriptKind { DocTypeEvent, Api, Scheduler, PermissionQuery, WorkflowTask, Adhoc };

struct RunState {
  RunState(model::Session& s, RequestState& r) : session(s), request(r) {}
  model::Session& session;
  RequestState& request;
  ServerScripts* scripts = nullptr;
  // The site's settings (server_scripts.h), or nullptr for a run outside
  // ServerScripts (safe_eval, tests).
  const ScriptSettings* settings() const;
  ScriptKind kind = ScriptKind::Adhoc;
  std::string script_name;
  bool restrict_commit = false;
  // DocType Event runs: the document and the event label the script runs for
  // (a script saving that document again would recurse; see document_binding).
  const model::Document* event_doc = nullptr;
  std::string_view event_label;  // one of event_label()'s static labels
  RunState* outer = nullptr;     // the run this one is nested in (set by CurrentRun)
  int depth = 0;
  // program_reach() of the run's program: set by a caller that keeps it with
  // the program, else worked out when the run binds its globals (-1 until then).
  int reach = -1;
  // Transaction control for frappe.db.commit/rollback (API and scheduled
  // scripts); unset where they are not available.
  std::function<void()> commit;
  std::function<void()> rollback;

  // Document wrappers made during the run and the documents behind them.
  std::unordered_map<const lang::Object*, model::Document::Ptr> documents;
  std::unordered_map<const model::Document*, lang::Value> wrappers;
  // Each wrapper's attribute entries as pull_document left them (values
  // held): push_document skips the immutable ones the script did not replace.
  std::unordered_map<const lang::Object*, std::vector<lang::HashTable::Entry>> pulled;
  // The wrapper whose field was last read for the first time, with what
  // finding that field needs (document_binding.cpp pull_on_demand): a script
  // reads several fields of one row in a row, and each lookup cost more than
  // the conversion.
  struct LastPulled {
    const lang::Object* wrapper = nullptr;
    model::Document* doc = nullptr;
    std::shared_ptr<const void> layout;
    std::vector<lang::HashTable::Entry>* snapshot = nullptr;
  } last_pulled;
  // Documents read from the database (get_doc by name, get_last_doc, reload,
  // get_doc_before_save) and their rows: their Date, Datetime and Time fields
  // are datetime objects, as Frappe's; other documents keep the text they
  // were given (see typed_columns.h).
  std::unordered_set<const model::Document*> loaded;
  // frappe.db.before_commit / after_commit / before_rollback / after_rollback
  // callables the script added (frappe_db_callbacks.h), held until run.
  std::vector<lang::Value> transaction_callbacks[4];
  // Meta objects made during the run (frappe.get_meta, doc.meta; values
  // held), by DocType with the Meta each was made from: one object per run
  // while the DocType is unchanged, as Frappe's request-local meta cache
  // (frappe_meta.cpp). Making one converts the whole field list.
  struct MetaObject {
    std::shared_ptr<const model::Meta> meta;
    lang::Value object;
  };
  std::unordered_map<std::string, MetaObject> meta_objects;
};

RunState* current_run();

// The per-run values of `frappe` that code of a program can reach: by name
// (frappe.form_dict or `args`, frappe.response, frappe.session), or any of
// them through a computed attribute, a template or safe_eval. Building them
// costs a conversion each per run (form_dict its size: insert_many's `docs`
// is the whole batch, for each document's event script), and frappe.response
// one more back into the request after the run; a run skips those its program
// cannot reach (they hold None then, where nothing can see them).
//
// kReachComputed: the program names something that reads attributes by
// computed names or sees an object's attribute table whole (getattr, vars,
// dir, __dict__, templates, safe_eval): it reaches all of the above, and its
// document wrappers are filled at once rather than field by field on first
// read (document_binding.cpp).
enum ProgramReach : unsigned {
  kReachFormDict = 1,
  kReachResponse = 2,
  kReachSession = 4,
  kReachComputed = 8,
  kReachAll = kReachFormDict | kReachResponse | kReachSession | kReachComputed,
};
unsigned program_reach(const lang::Program& program);

// A field of the site's System Settings, or null when the DocType (a site
// being installed) or the field does not exist.
Json system_settings_field(model::Session& session, const std::string& field);

// A System Settings field of the current run's site, or `fallback` when there
// is no run, the field is unset or empty (data.py: frappe.db.get_default).
std::string system_setting(const char* field, const char* fallback);

// ScriptSettings::site_url of `run`'s site as configured, or its default
// (Frappe's http://localhost:8000) when `run` is null or has no site.
std::string configured_site_url(const RunState* run);

// Makes `run` the innermost run of this thread while it lives.
class CurrentRun {
 public:
  explicit CurrentRun(RunState& run);
  ~CurrentRun();
  CurrentRun(const CurrentRun&) = delete;
  CurrentRun& operator=(const CurrentRun&) = delete;

 private:
  RunState* previous_;
};

}  // namespace quire::scripting
