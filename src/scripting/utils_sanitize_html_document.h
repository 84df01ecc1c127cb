#pragma once
// frappe.sanitize_html's full-document flow (frappe/utils/html_utils.py):
// text that starts with "<!DOCTYPE" or "<html" (or whose second line is a
// doctype) is parsed as a whole document by html5lib, its <script>
// elements, comments and whitespace-only strings are removed, and
// BeautifulSoup writes it with the "html5" formatter (named references,
// boolean attributes, "<br>"). Nothing else is sanitised, as in Frappe.

#include <string>
#include <string_view>

namespace quire::scripting {

// Does Frappe take the full-document flow for this text?
bool is_full_html_document(std::string_view html);

std::string sanitize_html_document(std::string_view html);

// bs4's EntitySubstitution.substitute_html: &, <, > and every non-ASCII
// character HTML5 names written as named references.
std::string substitute_html(std::string_view text);

}  // namespace quire::scripting
