#include "scripting/url_join.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace quire::scripting {
namespace {

struct Parsed {
  std::string scheme, netloc, path, params, query, fragment;
};

bool listed(std::string_view scheme, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), scheme) != names.end();
}

// urllib.parse's scheme tables (3.11.7).
bool uses_relative(std::string_view s) {
  return listed(
      s, {"",    "ftp",      "http", "gopher", "nntp",  "imap", "wais", "file",    "https", "shttp",
          "mms", "prospero", "rtsp", "rtsps",  "rtspu", "sftp", "svn",  "svn+ssh", "ws",    "wss"});
}
bool uses_netloc(std::string_view s) {
  return listed(
      s, {"",    "ftp",     "http",  "gopher", "nntp",     "telnet",  "imap",  "wais",  "file",
          "mms", "https",   "shttp", "snews",  "prospero", "rtsp",    "rtsps", "rtspu", "rsync",
          "svn", "svn+ssh", "sftp",  "nfs",    "git",      "git+ssh", "ws",    "wss"});
}
bool uses_params(std::string_view s) {
  return listed(s, {"", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps",
                    "rtspu", "sip", "sips", "mms", "sftp", "tel"});
}

bool scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

// _WHATWG_C0_CONTROL_OR_SPACE
bool c0_or_space(char c) {
  return static_cast<unsigned char>(c) <= 0x20;
}

std::string without_tab_newline(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '\t' && c != '\r' && c != '\n') out += c;
  return out;
}

Parsed urlparse(std::string_view raw, std::string_view default_scheme) {
  std::size_t start = 0;
  while (start < raw.size() && c0_or_space(raw[start])) ++start;
  std::string url = without_tab_newline(raw.substr(start));
  std::string_view scheme_in = default_scheme;
  while (!scheme_in.empty() && c0_or_space(scheme_in.front())) scheme_in.remove_prefix(1);
  while (!scheme_in.empty() && c0_or_space(scheme_in.back())) scheme_in.remove_suffix(1);
  Parsed p;
  p.scheme = without_tab_newline(scheme_in);
  const std::size_t colon = url.find(':');
  if (colon != std::string::npos && colon > 0 &&
      ((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z')) &&
      std::all_of(url.begin(), url.begin() + static_cast<long>(colon), scheme_char)) {
    p.scheme = url.substr(0, colon);
    for (char& c : p.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url.erase(0, colon + 1);
  }
  if (url.compare(0, 2, "//") == 0) {
    const std::size_t end = std::min(url.find_first_of("/?#", 2), url.size());
    p.netloc = url.substr(2, end - 2);
    url.erase(0, end);
    const bool open = p.netloc.find('[') != std::string::npos;
    const bool close = p.netloc.find(']') != std::string::npos;
    if (open != close) throw std::invalid_argument("Invalid IPv6 URL");
  }
  if (const std::size_t hash = url.find('#'); hash != std::string::npos) {
    p.fragment = url.substr(hash + 1);
    url.erase(hash);
  }
  if (const std::size_t q = url.find('?'); q != std::string::npos) {
    p.query = url.substr(q + 1);
    url.erase(q);
  }
  if (uses_params(p.scheme) && url.find(';') != std::string::npos) {
    const std::size_t slash = url.rfind('/');
    const std::size_t semi = url.find(';', slash == std::string::npos ? 0 : slash);
    if (semi != std::string::npos) {
      p.params = url.substr(semi + 1);
      url.erase(semi);
    }
  }
  p.path = url;
  return p;
}

// Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on
// "literal" + std::string.
std::string urlunparse(const Parsed& p) {
  std::string url = p.path;
  if (!p.params.empty()) url.append(1, ';').append(p.params);
  if (!p.netloc.empty() ||
      (!p.scheme.empty() && uses_netloc(p.scheme) && url.compare(0, 2, "//") != 0)) {
    if (!url.empty() && url[0] != '/') url.insert(url.begin(), '/');
    std::string prefixed(2, '/');
    prefixed.append(p.netloc).append(url);
    url = std::move(prefixed);
  }
  if (!p.scheme.empty()) {
    std::string prefixed = p.scheme;
    prefixed.append(1, ':').append(url);
    url = std::move(prefixed);
  }
  if (!p.query.empty()) url.append(1, '?').append(p.query);
  if (!p.fragment.empty()) url.append(1, '#').append(p.fragment);
  return url;
}

std::vector<std::string> split_slash(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (;;) {
    const std::size_t slash = text.find('/', from);
    if (slash == std::string_view::npos) {
      parts.emplace_back(text.substr(from));
      return parts;
    }
    parts.emplace_back(text.substr(from, slash - from));
    from = slash + 1;
  }
}

}  // namespace

std::string url_join(std::string_view base_text, std::string_view url_text) {
  if (base_text.empty()) return std::string(url_text);
  if (url_text.empty()) return std::string(base_text);
  const Parsed base = urlparse(base_text, "");
  Parsed url = urlparse(url_text, base.scheme);
  if (url.scheme != base.scheme || !uses_relative(url.scheme)) return std::string(url_text);
  if (uses_netloc(url.scheme)) {
    if (!url.netloc.empty()) return urlunparse(url);
    url.netloc = base.netloc;
  }
  if (url.path.empty() && url.params.empty()) {
    url.path = base.path;
    url.params = base.params;
    if (url.query.empty()) url.query = base.query;
    return urlunparse(url);
  }
  std::vector<std::string> base_parts = split_slash(base.path);
  if (!base_parts.back().empty()) base_parts.pop_back();
  std::vector<std::string> segments;
  if (url.path.compare(0, 1, "/") == 0) {
    segments = split_slash(url.path);
  } else {
    segments = base_parts;
    for (std::string& s : split_slash(url.path)) segments.push_back(std::move(s));
    // segments[1:-1] = filter(None, segments[1:-1])
    if (segments.size() > 2) {
      std::vector<std::string> kept{segments.front()};
      for (std::size_t i = 1; i + 1 < segments.size(); ++i)
        if (!segments[i].empty()) kept.push_back(segments[i]);
      kept.push_back(segments.back());
      segments = std::move(kept);
    }
  }
  std::vector<std::string> resolved;
  for (const std::string& seg : segments) {
    if (seg == "..") {
      if (!resolved.empty()) resolved.pop_back();
    } else if (seg != ".") {
      resolved.push_back(seg);
    }
  }
  if (segments.back() == "." || segments.back() == "..") resolved.emplace_back();
  std::string joined;
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    if (i) joined += '/';
    joined += resolved[i];
  }
  url.path = joined.empty() ? "/" : joined;
  return urlunparse(url);
}

}  // namespace quire::scripting
