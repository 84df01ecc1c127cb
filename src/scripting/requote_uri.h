#pragma once
// requests.utils.requote_uri: what requests does to every URL it sends (and
// to each redirect's Location), so that scripts may write a space or a
// non-ASCII letter in a URL ("/api/resource/Sales Invoice").

#include <string>
#include <string_view>

namespace quire::scripting {

// Percent-encodes what is neither unreserved nor one of requests' safe
// characters (!#$%&'()*+,/:;=?@[]~), byte by byte (UTF-8 stays UTF-8).
// %XX escapes are kept (those of unreserved characters decoded, as
// unquote_unreserved does); when a '%' is followed by two letters or digits
// that are not hex, every '%' is encoded as %25.
std::string requote_uri(std::string_view uri);

}  // namespace quire::scripting
