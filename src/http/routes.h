#pragma once

// The pieces SiteApp assembles; each lives in its own file.

#include "http/methods.h"
#include "http/router.h"

namespace quire::http {

class SiteApp;

// login, logout, frappe.auth.get_logged_user, quire.auth.get_csrf_token,
// frappe.core.doctype.user.user.generate_keys (auth_methods.cpp).
void register_auth_methods(Methods& methods);
// frappe.client.* and run_doc_method (client_methods.cpp).
void register_client_methods(Methods& methods);

// /api/method/<cmd> and /api/v1/method/<cmd> (method_routes.cpp), and
// /api/v2/method/<cmd>.
void add_method_routes(SiteApp& app, Router& router);
// /api/resource/... and /api/v1/resource/... (resource_routes.cpp).
void add_resource_routes(SiteApp& app, Router& router);
// /api/v2/document/..., /api/v2/doctype/... (v2_routes.cpp).
void add_v2_routes(SiteApp& app, Router& router);

}  // namespace quire::http
