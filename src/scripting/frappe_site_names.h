#pragma once
// The smaller names of safe_exec's globals and `frappe` namespace (spec
// §3.6-§3.7): get_system_settings, get_gravatar, get_hooks, socketio_port,
// website, get_print / attach_print, and the top-level dev_server,
// is_job_queued, get_visible_columns, get_toc, get_next_link.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe namespace and to the top-level globals.
void add_site_names(lang::Type* frappe_names, lang::Type* globals);

}  // namespace quire::scripting
