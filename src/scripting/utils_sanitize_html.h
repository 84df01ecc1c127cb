#pragma once
// frappe.sanitize_html (frappe/utils/html_utils.py): HTML made safe for
// storage the way Frappe does it: <script> and <style> removed with their
// content, then bleach.clean with Frappe's allow-lists (tags, attributes,
// CSS properties, the cid/http/https/mailto/data protocols, strip=True,
// strip_comments=True), then BeautifulSoup's html.parser serialisation of
// the result (text at the top level stripped and written unescaped, inside
// elements with &, < and > escaped, void elements as "<br/>").

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting {

// sanitize_html(html, linkify, always_sanitize): a whole document through
// Frappe's document flow (utils_sanitize_html_document.h); html itself when
// it is JSON
// or holds no tag (unless always_sanitize), the sanitised fragment otherwise,
// its URLs made links when linkify (bleach.linkify, utils_linkify.h).
std::string sanitize_html(std::string_view html, bool linkify = false,
                          bool always_sanitize = false);

// Adds frappe.sanitize_html(html, linkify=False, always_sanitize=False).
void add_sanitize_html(lang::Type* frappe_names);

}  // namespace quire::scripting
