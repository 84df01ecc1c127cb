#pragma once
// bleach.css_sanitizer.CSSSanitizer.sanitize_css (bleach 5.0.1 over
// tinycss2 1.2): a style attribute's declarations whose property is allowed,
// re-serialised as tinycss2 writes them ("name:value;", strings in double
// quotes, "!important" kept), whitespace and comments between them kept
// once, the whole stripped.

#include <string>
#include <string_view>
#include <unordered_set>

namespace quire::scripting {

std::string sanitize_css(std::string_view style,
                         const std::unordered_set<std::string>& allowed_properties);

}  // namespace quire::scripting
