#pragma once

#include "http/router.h"

namespace quire::http {

// The routes every site answers regardless of its apps and scripts:
// /api/method/ping (Frappe's health check, also under /api/v1).
void add_builtin_routes(Router& router);

}  // namespace quire::http
