#pragma once
// The allow-lists frappe.sanitize_html hands to bleach.clean
// (frappe/utils/html_utils.py: acceptable_elements, svg_elements,
// mathml_elements, acceptable_attributes, svg_attributes; the CSS properties
// are bleach_allowlist.all_styles).

#include <string>
#include <unordered_set>

namespace quire::scripting {

struct SanitizeAllowLists {
  std::unordered_set<std::string> tags;
  std::unordered_set<std::string> attributes;      // for every tag ("*")
  std::unordered_set<std::string> svg_attributes;  // for <svg> only
  std::unordered_set<std::string> css_properties;
  // The SVG names lower-cased, as html.parser reports them.
  std::unordered_set<std::string> svg_tags_lower;
  std::unordered_set<std::string> svg_attributes_lower;
};

const SanitizeAllowLists& sanitize_allow_lists();

}  // namespace quire::scripting
