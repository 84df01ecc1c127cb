#include "cli/site_runtime.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "cli/script_request_view.h"
#include "http/api.h"
#include "http/envelope.h"
#include "http/users.h"
#include "jobs/clock.h"
#include "jobs/job.h"
#include "jobs/job_queue.h"
#include "jobs/next_execution.h"
#include "jobs/scheduler.h"
#include "jobs/site_jobs.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/session.h"
#include "model/transaction.h"
#include "scripting/frappe_api.h"
#include "scripting/http_settings.h"
#include "scripting/run_state.h"
#include "scripting/script_error.h"
#include "scripting/script_limits.h"
#include "site/site_error.h"

namespace quire::cli {
namespace {

using Json = nlohmann::json;

// The job method frappe.enqueue's jobs run under.
constexpr const char* kScriptCallMethod = "quire.server_script_call";

// `server_script_enabled`, read again only when the file's modification time
// changes, and its time looked at no more than once a second: a stat per run
// was 3-4% of an API script's request.
std::function<bool()> enabled_setting(std::string path) {
  struct Cache {
    std::mutex mutex;
    std::chrono::steady_clock::time_point checked{};
    std::optional<std::filesystem::file_time_type> seen;
    bool value = false;
  };
  auto cache = std::make_shared<Cache>();
  return [cache, path = std::move(path)] {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(cache->mutex);
    if (cache->seen && now - cache->checked < std::chrono::seconds(1)) return cache->value;
    cache->checked = now;
    std::error_code error;
    auto stamp = std::filesystem::last_write_time(path, error);
    if (error) {
      cache->seen.reset();
      return cache->value = false;
    }
    if (!cache->seen || *cache->seen != stamp) {
      cache->value = scripting::read_server_script_enabled(path);
      cache->seen = stamp;
    }
    return cache->value;
  };
}

bool is_write(const std::string& verb) {
  return verb == "POST" || verb == "PUT" || verb == "PATCH" || verb == "DELETE";
}

// Frappe's _server_messages: a JSON list of JSON-encoded message dicts.
void add_messages(Json& body, const scripting::RequestState& request) {
  if (request.message_log.empty()) return;
  Json list = Json::array();
  for (const auto& m : request.message_log) list.push_back(m.dump());
  body["_server_messages"] = list.dump();
}

// A failed request's _server_messages as Frappe sends them: everything
// msgprinted before the error (frappe.throw's own message is the last of
// them), and the error's message when it did not come from frappe.throw.
void add_error_messages(http::ApiRequest& api, const scripting::RequestState& request,
                        std::exception_ptr error) {
  if (request.message_log.empty() || api.v2) return;
  Json list = Json::array();
  for (const auto& m : request.message_log) {
    list.push_back(m.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  http::ErrorInfo info = http::describe_error(error);
  // A server-side failure (a database error, a bug: 500 with no script
  // traceback) keeps its text out of the reply, as the envelope does.
  bool internal = info.status == http::Status::internal_server_error && info.traceback.empty();
  if (!request.message_log.back().contains("raise_exception") && !internal) {
    list.push_back(Json{
        {"message", info.message},
        {"title", info.title},
        {"indicator", "red"},
        {"raise_exception",
         1}}.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  api.reply.body["_server_messages"] = list.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// One API script call inside the request's transaction (spec §2.2). The
// script's frappe.db.commit() ends a savepoint; a GET that committed asks
// the request to commit what was committed (the rest was rolled back here).
Json run_api(scripting::ServerScripts& scripts, const scripting::ScriptInfo& info,
             http::ApiRequest& api) {
  // The request's own state (add_script_request_state), so what the script
  // msgprints before failing reaches the error's _server_messages too.
  scripting::RequestState own;
  scripting::RequestState* outer = scripting::find_request(api.session);
  scripting::RequestState& request = outer ? *outer : own;
  request.form_dict = api.args;
  request.http_method = api.verb() == "HEAD" ? "GET" : api.verb();
  request.client_ip = std::string(api.route.remote_ip);
  // frappe.call's synthetic request is not one a script serves: only a call
  // with no request around it (own state) is seen through its own.
  ScriptRequestView incoming(api);
  own.incoming = &incoming;
  std::optional<scripting::RequestScope> scope;
  if (!outer) scope.emplace(api.session, own);
  std::optional<model::Transaction> txn;
  txn.emplace(api.session);
  bool committed = false;
  request.commit = [&] {
    txn->commit();
    committed = true;
    txn.emplace(api.session);
  };
  request.rollback = [&] {
    txn.reset();
    txn.emplace(api.session);
  };
  // The callbacks capture this frame: they must not outlive it.
  struct Clear {
    scripting::RequestState& r;
    ~Clear() {
      r.commit = nullptr;
      r.rollback = nullptr;
    }
  } clear{request};
  Json result = scripts.execute_api(api.session, info);
  if (is_write(request.http_method)) {
    txn->commit();
  } else {
    txn.reset();
    if (committed) api.reply.commit = true;
  }
  Json body = request.response.is_object() ? request.response : Json::object();
  // Frappe sends the response without its empty "docs" list.
  if (auto docs = body.find("docs"); docs != body.end() && docs->is_array() && docs->empty()) {
    body.erase(docs);
  }
  if (auto code = body.find("http_status_code"); code != body.end() && code->is_number_integer()) {
    api.reply.status = static_cast<http::Status>(code->get<int>());
    body.erase(code);
  }
  for (auto& [key, value] : body.items()) api.reply.body[key] = value;
  add_messages(api.reply.body, request);
  // Whatever the script left in frappe.response["message"] is sent as is
  // when it returned nothing.
  if (result.is_object() && result.empty()) {
    if (!api.v2) return nullptr;
    auto message = api.reply.body.find("message");
    if (message == api.reply.body.end()) return nullptr;
    Json value = *message;
    api.reply.body.erase(message);
    return value;
  }
  if (!api.v2) api.reply.body.erase("message");
  return result;
}

Json script_stats(scripting::ServerScripts& scripts, http::ApiRequest& api) {
  if (!api.session.is_administrator() && !api.session.has_role("System Manager")) {
    model::raise(model::ErrorKind::PermissionError, "Not permitted");
  }
  Json list = Json::array();
  for (const auto& s : scripts.stats()) {
    list.push_back({{"name", s.name},
                    {"executions", s.executions},
                    {"failures", s.failures},
                    {"p50_ms", s.p50_micros / 1000.0},
                    {"p99_ms", s.p99_micros / 1000.0},
                    {"steps", s.steps_total}});
  }
  return list;
}

// ScriptError carries the Frappe class and status Frappe answers with.
bool classify_script_error(std::exception_ptr error, http::ErrorInfo& info) {
  try {
    std::rethrow_exception(error);
  } catch (const scripting::ScriptError& e) {
    info.status = static_cast<http::Status>(e.http_status());
    info.exc_type = e.python_type();
    info.message = e.what();
    if (!e.title().empty()) info.title = e.title();
    info.traceback = e.traceback();
    return true;
  } catch (...) {
    return false;
  }
}

// The Server Script behind a Scheduled Job Type's method, if any.
std::string script_for_method(model::Session& session, std::string_view method) {
  if (!session.metas.find_meta("Scheduled Job Type")) return {};
  model::ListArgs args;
  args.doctype = "Scheduled Job Type";
  args.filters = Json{{"method", std::string(method)}};
  args.pluck = "server_script";
  args.limit = 1;
  Json found = model::get_all(session, args);
  if (found.empty() || !found[0].is_string()) return {};
  return found[0].get<std::string>();
}

// frappe.enqueue (called once the script's transaction committed): a job
// that runs the method as frappe.call would, as the user who enqueued it.
void enqueue_script_call(const jobs::QueueOptions& queue_options, model::Session& session,
                         const std::string& method, const Json& kwargs, const Json& options) {
  jobs::EnqueueRequest request;
  request.method = kScriptCallMethod;
  // job_name as Frappe's enqueue defaults it (the method), for is_job_queued.
  auto job_name = options.find("job_name");
  request.args = Json{
      {"method", method},
      {"kwargs", kwargs},
      {"user", session.user},
      {"job_name",
       job_name != options.end() && job_name->is_string()
           ? job_name->get<std::string>()
           : method}}.dump();
  if (auto queue = options.find("queue"); queue != options.end() && queue->is_string()) {
    request.queue = queue->get<std::string>();
  }
  if (auto timeout = options.find("timeout"); timeout != options.end() && timeout->is_number()) {
    request.timeout_ms = static_cast<jobs::Millis>(timeout->get<double>() * 1000);
  }
  auto job_id = options.find("job_id");
  auto dedup = options.find("deduplicate");
  if (job_id != options.end() && job_id->is_string() && dedup != options.end() &&
      dedup->is_boolean() && dedup->get<bool>()) {
    request.job_id = job_id->get<std::string>();
  }
  static const jobs::SystemClock clock;
  jobs::JobQueue(clock, queue_options).enqueue(session.db, request);
}

// Runs whitelisted `method` of the site as frappe.call does inside a script
// (spec §2.5): the session's user, `kwargs` as form_dict, in the session's
// transaction; the guest rule applies, HTTP-verb restrictions do not. A
// method's rate limit counts these calls too, by the client address of the
// request the script serves ("script" in a job), so a script cannot be used
// to get around it (login attempts...). Returns its value (what /api/method
// would send as "message").
Json call_site_method(http::SiteApp& site, model::Session& session, const std::string& name,
                      const http::Method& method, const Json& kwargs) {
  http::Request http_request{boost::beast::http::verb::post, "/api/method/" + name, 11};
  const scripting::RequestState* outer = scripting::find_request(session);
  const std::string ip = outer && !outer->client_ip.empty() ? outer->client_ip : "script";
  if (method.rate_limit) site.rate_limiter().enforce(*method.rate_limit, name, "POST", ip, kwargs);
  http::RouteContext route;
  route.params = {name};
  route.remote_ip = ip;
  http::Identity identity;
  identity.user = session.user;
  http::Reply reply;
  http::ApiRequest api{site,    http_request, route, kwargs.is_object() ? kwargs : Json::object(),
                       session, identity,     reply, false};
  // The script keeps acting as its own user whatever the method does to the
  // session (a `login` called from a script must not change who the rest of
  // the script, or the request it serves, runs as).
  struct KeepUser {
    model::Session& session;
    std::string user;
    std::vector<std::string> roles;
    ~KeepUser() {
      session.user = std::move(user);
      session.roles = std::move(roles);
    }
  } keep{session, session.user, session.roles};
  return method.run(api);
}

// The site's whitelisted method `name` for the session's user, or nullopt
// (not whitelisted, or Guest calling a method that does not allow guests).
std::optional<http::Method> whitelisted_method(http::SiteApp& site, model::Session& session,
                                               const std::string& name) {
  auto method = site.methods().find(name, session);
  if (!method || (session.user == "Guest" && !method->allow_guest)) return std::nullopt;
  return method;
}

// What the scripts of a job printed becomes the job's output, whether the job
// failed or not: appended when the job's request state goes out of scope.
struct PrintedIntoJobOutput {
  jobs::JobContext& context;
  scripting::RequestState& request;
  ~PrintedIntoJobOutput() {
    for (const auto& line : request.debug_log) context.output += line + "\n";
  }
};

// Runs a job's script work: a script's failure or a Frappe error becomes the
// JobError the worker records (the script's traceback where it has one).
template <class Work>
void run_as_job(Work&& work) {
  try {
    work();
  } catch (const scripting::ScriptError& e) {
    throw jobs::JobError(e.traceback().empty() ? e.python_type() + ": " + e.what() : e.traceback());
  } catch (const model::FrappeError& e) {
    throw jobs::JobError(std::string(model::class_name(e.kind())) + ": " + e.what());
  }
}

// The job behind frappe.enqueue: an API script by its api_method, else any
// whitelisted method of the site (ping, frappe.client.*...), with the
// enqueued keyword arguments as form_dict, as the user who enqueued it,
// committed with the job. What it printed is the job's output, failed or not.
void run_script_call(scripting::ServerScripts& scripts, http::SiteApp& site,
                     model::Session& session, const Json& args, jobs::JobContext& context) {
  const std::string method = args.value("method", std::string());
  http::act_as(session, args.value("user", std::string("Guest")));
  scripting::RequestState request;
  request.form_dict = args.value("kwargs", Json::object());
  request.http_method = "POST";
  scripting::RequestScope scope(session, request);
  PrintedIntoJobOutput output{context, request};
  run_as_job([&] {
    if (auto info = scripts.find_api(session, method)) {
      scripts.execute_api(session, *info);
      return;
    }
    if (method == "ping" || method == "frappe.ping") return;
    auto found = whitelisted_method(site, session, method);
    if (!found) {
      throw model::FrappeError(model::ErrorKind::PermissionError,
                               scripting::not_whitelisted_message(method));
    }
    call_site_method(site, session, method, *found, request.form_dict);
  });
}

// A failed frappe.enqueue job leaves an Error Log titled with its method
// (Frappe's execute_job: log_error(title=method_name)), with what it printed.
void log_failed_script_call(model::MetaStore& metas, model::EventRegistry& events,
                            jobs::JobContext& context, const std::string& error) {
  model::Session session(context.db, metas, events);
  session.transaction_depth = 1;  // the failure record's transaction
  Json args = Json::parse(context.job.args, nullptr, false);
  std::string method = args.is_object() ? args.value("method", std::string()) : std::string();
  std::vector<std::string> printed;
  std::size_t start = 0;
  while (start < context.output.size()) {
    std::size_t end = context.output.find('\n', start);
    if (end == std::string::npos) end = context.output.size();
    printed.push_back(context.output.substr(start, end - start));
    start = end + 1;
  }
  scripting::log_failed_run(session, method.empty() ? kScriptCallMethod : method, error, printed);
}

// A request that failed inside a script with a server error (a script bug:
// 5xx with the script's traceback) leaves an Error Log with the traceback and
// what the script printed, written once the request's work is rolled back.
// Frappe's own errors (frappe.throw's 417, PermissionError...) are answers,
// not faults, and are not logged.
void log_failed_request(http::ApiRequest& api, const scripting::RequestState& request,
                        std::exception_ptr error) {
  http::ErrorInfo info = http::describe_error(error);
  if (static_cast<int>(info.status) < 500 || info.traceback.empty()) return;
  std::string title = std::string(http::to_std(api.http.target()));
  title = title.substr(0, title.find('?'));
  model::Session& session = api.session;
  session.after_rollback.push_back(
      [&session, title, traceback = info.traceback, printed = request.debug_log] {
        try {
          scripting::log_failed_run(session, title, traceback, printed);
        } catch (const std::exception& e) {
          std::cerr << "quire: cannot write the Error Log of " << title << ": " << e.what()
                    << std::endl;
        }
      });
}

// A test-only method (QUIRE_TEST_FAULT_METHODS=1 in the environment of
// `quire serve`): msgprints, then fails as the server itself would (a 500
// with no script traceback), so a test can check that the failure's
// internal text stays out of _server_messages.
void add_fault_methods(http::Methods& methods) {
  const char* flag = std::getenv("QUIRE_TEST_FAULT_METHODS");
  if (!flag || std::string_view(flag) != "1") return;
  methods.add("quire.test.msgprint_then_fail", http::whitelisted([](http::ApiRequest& api) -> Json {
                if (auto* request = scripting::find_request(api.session)) {
                  request->message_log.push_back(
                      Json{{"message", "printed before the fault"}, {"title", "Message"}});
                }
                throw std::runtime_error("internal fault detail: tabSecret row 42");
              }));
}

}  // namespace

std::unique_ptr<scripting::ServerScripts> start_server_scripts(const site::Sites& sites,
                                                               const Json& site_config,
                                                               model::EventRegistry& events,
                                                               http::SiteApp* site,
                                                               const std::string& site_name) {
  scripting::ScriptSettings settings;
  settings.enabled = enabled_setting(sites.common_config_path().string());
  try {
    scripting::read_script_limits(site_config, settings);
  } catch (const std::invalid_argument& e) {
    throw site::SiteError(e.what());
  }
  try {
    scripting::read_http_policy(site_config, settings.http);
  } catch (const std::invalid_argument& e) {
    throw site::SiteError(e.what());
  }
  if (auto url = site_config.find("host_name"); url != site_config.end() && url->is_string()) {
    settings.site_url = url->get<std::string>();
  }
  settings.site_dir = sites.site_dir(site_name).string();
  settings.enqueue = [queue_options = jobs::queue_options_from_config(site_config)](
                         model::Session& session, const std::string& method, const Json& kwargs,
                         const Json& options) {
    enqueue_script_call(queue_options, session, method, kwargs, options);
  };
  settings.job_queued = [](model::Session& session, const std::string& job_name,
                           const std::string& queue) {
    return !session.db
                .query(
                    "SELECT 1 FROM `__job_queue` WHERE `status` IN ('queued', 'running')"
                    " AND `queue` = ? AND `method` = ?"
                    " AND json_extract(`args`, '$.job_name') = ? LIMIT 1",
                    {db::Value{queue}, db::Value{std::string(kScriptCallMethod)},
                     db::Value{job_name}})
                .empty();
  };
  int all_interval = 4;
  try {
    all_interval = jobs::all_interval_from_config(site_config);
  } catch (const std::exception& e) {
    throw site::SiteError(e.what());
  }
  settings.next_execution = [all_interval, offset = jobs::maintenance_offset_for_site(site_name)](
                                model::Session& session, const model::Document& job) {
    return jobs::next_execution_of(session, job, all_interval, offset);
  };
  if (site) {
    settings.whitelisted = [site](model::Session& session, const std::string& method) {
      return whitelisted_method(*site, session, method).has_value();
    };
    settings.call_method = [site](model::Session& session, const std::string& method,
                                  const Json& kwargs) -> Json {
      auto found = whitelisted_method(*site, session, method);
      if (!found) {
        throw model::FrappeError(model::ErrorKind::PermissionError,
                                 scripting::not_whitelisted_message(method));
      }
      return call_site_method(*site, session, method, *found, kwargs);
    };
  }
  auto scripts = std::make_unique<scripting::ServerScripts>(std::move(settings));
  scripts->install(events);
  return scripts;
}

void add_script_methods(http::Methods& methods, scripting::ServerScripts& scripts) {
  static std::once_flag classifier_added;
  std::call_once(classifier_added, [] { http::add_error_classifier(classify_script_error); });

  methods.add("quire.server_script_stats", http::whitelisted([&scripts](http::ApiRequest& api) {
                return script_stats(scripts, api);
              }));
  add_fault_methods(methods);
  methods.add_resolver([&scripts](std::string_view name,
                                  model::Session& session) -> std::optional<http::Method> {
    auto info = scripts.find_api(session, std::string(name));
    if (!info) return std::nullopt;
    http::Method method;
    method.run = [&scripts, info](http::ApiRequest& api) { return run_api(scripts, *info, api); };
    // The script itself refuses Guest (a bare PermissionError, as Frappe),
    // after the rate limit has counted the call.
    method.allow_guest = true;
    method.verbs = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (info->enable_rate_limit) {
      http::RateLimit limit;
      limit.limit = static_cast<int>(info->rate_limit_count ? info->rate_limit_count : 5);
      limit.seconds = static_cast<int>(info->rate_limit_seconds ? info->rate_limit_seconds : 86400);
      method.rate_limit = limit;
    }
    return method;
  });
}

void add_script_request_state(http::SiteApp& site, scripting::ServerScripts&) {
  site.set_request_wrapper([](http::ApiRequest& api, const std::function<Json()>& call) {
    scripting::RequestState request;
    request.form_dict = api.args;
    request.http_method = api.verb() == "HEAD" ? "GET" : api.verb();
    request.client_ip = std::string(api.route.remote_ip);
    ScriptRequestView incoming(api);
    request.incoming = &incoming;
    scripting::RequestScope scope(api.session, request);
    try {
      Json value = call();
      if (!request.message_log.empty() && !api.reply.body.contains("_server_messages")) {
        add_messages(api.reply.body, request);
      }
      return value;
    } catch (...) {
      add_error_messages(api, request, std::current_exception());
      log_failed_request(api, request, std::current_exception());
      throw;
    }
  });
}

void add_script_job_handlers(jobs::HandlerRegistry& handlers, scripting::ServerScripts& scripts,
                             http::SiteApp& site) {
  model::MetaStore& metas = site.metas();
  model::EventRegistry& events = site.events();
  handlers.add(
      kScriptCallMethod,
      [&scripts, &site, &metas, &events](jobs::JobContext& context) {
        model::Session session(context.db, metas, events);
        session.transaction_depth = 1;
        Json args = Json::parse(context.job.args, nullptr, false);
        if (!args.is_object())
          throw jobs::JobError("a script call job needs a JSON object of args");
        run_script_call(scripts, site, session, args, context);
      },
      [&metas, &events](jobs::JobContext& context, const std::string& error) {
        log_failed_script_call(metas, events, context, error);
      });
  handlers.set_fallback([&scripts, &metas,
                         &events](std::string_view method) -> std::optional<jobs::JobHandler> {
    return [&scripts, &metas, &events, method = std::string(method)](jobs::JobContext& context) {
      model::Session session(context.db, metas, events);
      // The worker opened the job's transaction; scripts' own work nests in it.
      session.transaction_depth = 1;
      const std::string script = script_for_method(session, method);
      if (script.empty()) throw jobs::JobError("no handler for method '" + method + "'");
      scripting::RequestState request;
      scripting::RequestScope scope(session, request);
      PrintedIntoJobOutput output{context, request};
      // Another process (quire serve) may have changed the script since this
      // one cached the script map: compare its `modified`, one cheap query.
      model::ListArgs current;
      current.doctype = "Server Script";
      current.filters = Json{{"name", script}};
      current.pluck = "modified";
      Json modified = model::get_all(session, current);
      auto cached = scripts.find_by_name(session, script);
      if (!cached || modified.empty() || !modified[0].is_string() ||
          cached->modified != modified[0].get<std::string>()) {
        scripts.clear_cache();
      }
      run_as_job([&] { scripts.execute_scheduled(session, script); });
    };
  });
}

}  // namespace quire::cli
