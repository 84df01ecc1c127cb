#pragma once
// frappe.website's extract_title, get_home_page and get_boot_data, and the
// get_toc / get_next_link globals (frappe/website/utils.py). quire serves no
// website pages, so the page index those two walk is empty: they answer ""
// as Frappe does for a route with no pages.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds the names to the frappe.website type and to the script globals.
void add_website_names(lang::Type* website, lang::Type* globals);

}  // namespace quire::scripting
