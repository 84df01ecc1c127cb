#include "scripting/api_script.h"

#include "model/errors.h"
#include "model/transaction.h"
#include "scripting/script_error.h"

namespace quire::scripting {

namespace {

bool commits(const std::string& http_method) {
  return http_method == "POST" || http_method == "PUT" || http_method == "PATCH" ||
         http_method == "DELETE";
}

void add_messages(Json& body, const RequestState& request) {
  if (request.message_log.empty()) return;
  Json list = Json::array();
  for (const auto& m : request.message_log) list.push_back(m.dump());
  body["_server_messages"] = list.dump();
}

// What the script printed (print, frappe.log): Frappe's make_logs puts it in
// `_debug_messages` (v1, a JSON text) or `debug` (v2), on errors too.
void add_debug(Json& body, const RequestState& request, bool v2) {
  if (request.debug_log.empty()) return;
  if (v2) {
    Json list = Json::array();
    for (const auto& line : request.debug_log) list.push_back(Json{{"message", line}});
    body["debug"] = list;
  } else {
    body["_debug_messages"] = Json(request.debug_log).dump();
  }
}

ApiResponse error_response(const std::string& type, const std::string& message, int status,
                           const RequestState& request, bool v2) {
  ApiResponse r;
  r.status = status;
  r.body = Json{{"exc_type", type}, {"exception", type + ": " + message}};
  add_messages(r.body, request);
  add_debug(r.body, request, v2);
  return r;
}

}  // namespace

std::optional<ApiResponse> run_api_script(ServerScripts& scripts, model::Session& session,
                                          const std::string& method, RequestState& request,
                                          bool v2) {
  auto info = scripts.find_api(session, method);
  if (!info) return std::nullopt;
  RequestScope scope(session, request);
  try {
    std::optional<model::Transaction> txn;
    txn.emplace(session);
    bool committed_by_script = false;
    request.commit = [&] {
      txn->commit();
      committed_by_script = true;
      txn.emplace(session);
    };
    request.rollback = [&] {
      txn.reset();
      txn.emplace(session);
    };
    request.commits_at_end = commits(request.http_method);
    Json result = scripts.execute_api(session, *info);
    request.commit = nullptr;
    request.rollback = nullptr;
    if (commits(request.http_method)) {
      txn->commit();
    } else {
      txn.reset();  // GET: what the script wrote after its last commit is rolled back
    }
    (void)committed_by_script;
    ApiResponse r;
    r.body = request.response.is_object() ? request.response : Json::object();
    // Frappe sends the response without its empty "docs" list.
    if (r.body.contains("docs") && r.body["docs"].is_array() && r.body["docs"].empty()) {
      r.body.erase("docs");
    }
    if (!(result.is_object() && result.empty())) r.body[v2 ? "data" : "message"] = result;
    add_messages(r.body, request);
    add_debug(r.body, request, v2);
    return r;
  } catch (const model::FrappeError& e) {
    request.commit = nullptr;
    request.rollback = nullptr;
    return error_response(std::string(model::class_name(e.kind())), e.what(),
                          model::http_status(e.kind()), request, v2);
  } catch (const ScriptError& e) {
    request.commit = nullptr;
    request.rollback = nullptr;
    return error_response(e.python_type(), e.what(), e.http_status(), request, v2);
  }
}

std::optional<ApiResponse> run_api_script(ServerScripts& scripts, model::Session& session,
                                          const std::string& method, const Json& form_dict,
                                          const std::string& http_method, bool v2) {
  RequestState request;
  request.form_dict = form_dict;
  request.http_method = http_method;
  return run_api_script(scripts, session, method, request, v2);
}

}  // namespace quire::scripting
