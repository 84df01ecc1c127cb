#pragma once
// FrappeClient (frappe/frappeclient.py), the top-level safe global: a REST
// client for another Frappe site, sending every request through
// send_script_request (the site's network rules and the run's limits).

#include "lang/object/runtime.h"

namespace quire::scripting {

// The FrappeClient class (created on first use, immortal).
lang::Type* frappe_client_type();

}  // namespace quire::scripting
