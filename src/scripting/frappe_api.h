#pragma once
// The safe globals of a run (spec §3.6): `frappe` with its namespaces,
// `_dict`, `_`, `as_json`, `log`, `args`, `scrub`, `run_script`, and every
// Frappe exception class as `frappe.<Name>`.

#include "lang/vm/isolate.h"
#include "scripting/http_client.h"
#include "scripting/run_state.h"

namespace quire::scripting {

bool bind_safe_globals(lang::Isolate& I, RunState& run);

// The namespaces, process-wide and immutable (frappe_db.cpp,
// frappe_utils.cpp): classes whose attributes are the functions, so a run
// binds them without allocating anything.
lang::Type* db_namespace(bool with_commit);
lang::Type* utils_namespace();

// Frappe's msgprint / throw: records the message for _server_messages and,
// when `raise_class` is set, raises it (returns Exc then).
lang::Value message(lang::Isolate& I, RunState& run, lang::Value msg, lang::Value title,
                    lang::Value raise_class, lang::Value indicator, bool alert);

// frappe.call(method, **kwargs): an API script, or a whitelisted method.
lang::Value call_whitelisted(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                             const lang::Tuple* kwnames);

// False, with MemoryError raised, when query `rows` (a list of rows of
// scalars, as get_all and db.sql give them) would not fit in what is left of
// the run's memory limit once converted: refused before converting, as
// other allocations sized by data are, so a read of a big table fails at
// once instead of filling the heap past its limit in one native call.
bool query_result_fits(lang::Isolate& I, const Json& rows);

// frappe.json_handler: Frappe's json default (dates and times as str(),
// documents as as_dict()); also the default of frappe.utils.orjson_dumps.
lang::Value json_handler(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                         const lang::Tuple* kwnames, void* data);

// Frappe's PermissionError text for a method that is not whitelisted.
std::string not_whitelisted_message(const std::string& method);

// frappe.sendmail and frappe.enqueue (frappe_mail_jobs.cpp).
void add_mail_and_job_functions(lang::Type* frappe_names);

// frappe.make_get/post/put/patch/delete_request (frappe_http.cpp).
void add_http_functions(lang::Type* frappe_names);

// One outgoing request with make_*_request's arguments (Undef: not given),
// plus headers added after the script's (FrappeClient's session cookie).
struct ScriptRequest {
  const char* method;
  lang::Value url, auth, headers, data, json, params, timeout;
  HttpHeaders extra_headers;
};
// Sends it under the site's network rules and the run's limits, as
// make_*_request does; a failure is raised as requests raises it (false).
// Any status is an answer: the caller decides what 4xx/5xx mean.
bool send_script_request(lang::Isolate& I, const ScriptRequest& request, HttpResponse& out);

}  // namespace quire::scripting
