#pragma once
// CPython 3.11's urllib.parse.urljoin(base, url) on UTF-8 text: what
// html2text (and so frappe's html2text/to_markdown with a baseurl) does to
// every link. Byte-wise is exact: every delimiter urlsplit looks for is ASCII.

#include <stdexcept>
#include <string>
#include <string_view>

namespace quire::scripting {

// Throws std::invalid_argument("Invalid IPv6 URL") where urlsplit raises
// ValueError for an unbalanced bracket in the netloc.
std::string url_join(std::string_view base, std::string_view url);

}  // namespace quire::scripting
