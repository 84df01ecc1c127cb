#pragma once
// frappe.utils: generate_hash, sha256_hash, is_html, is_image, comma_sep,
// new_line_sep, filter_strip_join, get_number_format_info, quoted, report
// and form URLs, filter tuples.

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_misc_functions(lang::Type* utils);

// urllib.parse.quote(text, safe) on the UTF-8 bytes (letters, digits and
// "_.-~" are always safe).
std::string url_quote(std::string_view text, std::string_view safe);
// data.py quoted: url_quote with safe "~@#$&()*!+=:;,.?/'".
std::string quoted_text(std::string_view text);
// get_url(uri): the site URL (no trailing slash) joined with `uri`.
std::string site_url(const std::string& uri);
// frappe.utils.<name>(*args) (a new reference, or Exc): for helpers that
// apply another utils function as Frappe's code does (flt, cint, fmt_money).
lang::Value call_util(lang::Isolate& I, const char* name, lang::Value* args, std::size_t nargs);

}  // namespace quire::scripting
