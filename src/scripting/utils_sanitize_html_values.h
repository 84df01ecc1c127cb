#pragma once
// How frappe.sanitize_html's three passes treat single values: which tags
// are void, which attributes hold URIs and which URIs bleach keeps, how
// BeautifulSoup reads character references and writes text and attributes.

#include <string>
#include <string_view>

namespace quire::scripting {

// html5lib's void elements: no end tag, no children.
bool is_void(const std::string& tag);

// bleach's attributes whose value is a URI (html5lib_shim.attr_val_is_uri).
bool is_uri_attribute(const std::string& name);

// bleach's sanitize_uri_value with protocols cid, http, https, mailto, data.
bool allowed_uri(std::string_view value);

// BeautifulSoup's handle_charref ("38", "x26").
std::string char_ref_text(std::string_view name);

// Python's str.strip().
std::string python_strip(std::string_view s);

// BeautifulSoup's "minimal" formatter: &, < and > escaped.
std::string escape_minimal(std::string_view text);

// An attribute value as BeautifulSoup writes it, quotes included.
std::string quoted_attribute(const std::string& value);

// An attribute value its formatter has escaped, quoted as BeautifulSoup
// quotes it.
std::string bs4_quoted(std::string text);

// html5lib's tree construction sets: h1..h6; the start tags that close an
// open <p>; the "special" elements (they stop the search for an open
// <li>/<dd> and for a generic end tag's element).
bool is_heading(const std::string& tag);
bool closes_paragraph(const std::string& tag);
bool is_special(const std::string& tag);

}  // namespace quire::scripting
