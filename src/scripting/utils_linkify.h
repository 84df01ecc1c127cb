#pragma once
// bleach.linkify with its defaults, as frappe.sanitize_html(linkify=True)
// calls it (frappe/utils/html_utils.py): bleach's url_re finds URLs in text
// (parse_email=False: addresses stay text), strip_non_url_bits gives back
// the parentheses, commas and periods the pattern took too many of, an URL
// without a scheme gets "http://", and the nofollow callback adds
// rel="nofollow" to every link but a mailto: one. The text and tag rules are
// the Sanitizer's (utils_sanitize_html.cpp); this file holds the matching.

#include <string>
#include <string_view>
#include <vector>

namespace quire::scripting {

// A run of text: plain, or an URL linkify turns into <a href=href>text</a>.
struct LinkifyPiece {
  std::string text;
  std::string href;  // empty for plain text
};

// bleach's LinkifyFilter.handle_links over one text node.
std::vector<LinkifyPiece> linkify_text(std::string_view text);

// The nofollow callback on an existing rel value: "nofollow" appended unless
// one of its space-separated values already is (in any case).
std::string rel_with_nofollow(std::string_view rel);

// html5lib_shim.HTML_TAGS: the tags bleach.linkify's parser knows; any other
// tag reaches its output as text.
bool linkify_knows_tag(const std::string& tag);

}  // namespace quire::scripting
