#pragma once
// Who may see an error's traceback: Frappe's is_traceback_allowed() and
// report_error() (frappe/utils/response.py, develop).
//
// An error response carries the traceback — v1 "exception" (its last line)
// and "exc" (JSON text of a list holding it), v2 errors[].exception — only
// when all of these hold:
//   - the status is not 404 (Frappe leaves 404s bare);
//   - the acting user is a System User (enabled, user_type "System User";
//     Administrator always; never Guest) — Frappe's is_system_user();
//   - tracebacks are allowed on the site: site config `allow_error_traceback`
//     when set, else System Settings' `allow_error_traceback` when a site
//     stores it, else on (Frappe's default for that setting);
//   - the error is not one Frappe raises with flags.disable_traceback
//     (CSRFTokenError), unless site config `developer_mode` is set (Frappe's
//     dev server shows them anyway).
// Everybody else gets the class and, for Frappe exceptions, the message —
// never internals: a 500's text reaches only those allowed a traceback.

#include <string>

#include "http/envelope.h"

namespace quire::http {

class SiteApp;

bool traceback_allowed(SiteApp& app, const std::string& user, const ErrorInfo& error);

}  // namespace quire::http
