#pragma once
// API scripts behind /api/method/<api_method> (spec §2.2), as one call the
// HTTP layer makes: it owns the transaction (GET rolls back unless the script
// commits; POST/PUT/PATCH/DELETE commit), applies the guest rule and the
// script's rate limit, and shapes the answer Frappe sends.

#include <optional>
#include <string>

#include "model/session.h"
#include "scripting/run_state.h"
#include "scripting/server_scripts.h"

namespace quire::scripting {

struct ApiResponse {
  int status = 200;
  // v1: {"message": ...} or whatever the script put in frappe.response, plus
  // "_server_messages" (a JSON string of JSON strings) when there are
  // messages; errors: {"exc_type", "exception", "_server_messages"}.
  Json body;
};

// Runs the API script named `method` for `session`. nullopt when no enabled
// API script has that api_method (the HTTP layer then tries its own routes).
// `request` carries form_dict, http_method and client_ip, and collects messages.
std::optional<ApiResponse> run_api_script(ServerScripts& scripts, model::Session& session,
                                          const std::string& method, RequestState& request,
                                          bool v2 = false);

// Convenience form: builds the RequestState from form_dict and http_method.
std::optional<ApiResponse> run_api_script(ServerScripts& scripts, model::Session& session,
                                          const std::string& method, const Json& form_dict,
                                          const std::string& http_method, bool v2 = false);

}  // namespace quire::scripting
