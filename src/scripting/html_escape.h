#pragma once
// One HTML escaper for the three escapes Frappe's names need. They differ
// only in what the quotes become:
//   markupsafe.escape (Jinja's |e):     " -> &#34;   ' -> &#39;
//   frappe.utils.escape_html:           " -> &quot;  ' -> &apos;
//   markdown2 (md_to_html) attributes:  " -> &quot;  ' kept; text: both kept
// & < > are always &amp; &lt; &gt;.

#include <string>
#include <string_view>

namespace quire::scripting {

// What each quote becomes (nullptr: kept as it is).
struct HtmlQuotes {
  const char* double_quote;
  const char* single_quote;
};

inline constexpr HtmlQuotes kMarkupsafeQuotes{"&#34;", "&#39;"};
inline constexpr HtmlQuotes kFrappeQuotes{"&quot;", "&apos;"};
inline constexpr HtmlQuotes kAttributeQuotes{"&quot;", nullptr};
inline constexpr HtmlQuotes kTextQuotes{nullptr, nullptr};

// Appends `text` to `out` with & < > and the quotes `quotes` names escaped.
void html_escape_into(std::string& out, std::string_view text, const HtmlQuotes& quotes);

}  // namespace quire::scripting
