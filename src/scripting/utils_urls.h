#pragma once
// frappe.utils URL helpers of frappe/utils/data.py: scrub_urls,
// expand_relative_urls, quote_urls (href/src and CSS url(...) rewriting) and
// the UTM trackers add_trackers_to_url, parse_and_map_trackers_from_url,
// map_trackers.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_url_functions(lang::Type* utils);

}  // namespace quire::scripting
