// See utils_sanitize_html_values.h.
#include "scripting/utils_sanitize_html_values.h"

#include <cctype>
#include <unordered_set>

#include "lang/text/utf8.h"
#include "scripting/utils_html_tokenizer.h"

namespace quire::scripting {

// html5lib's void elements: no end tag, no children.
bool is_void(const std::string& tag) {
  static const std::unordered_set<std::string> names = {
      "area", "base", "br",    "col",    "embed", "hr",  "img",      "input",   "keygen",
      "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame"};
  return names.count(tag) > 0;
}

// bleach's attributes whose value is a URI (html5lib_shim.attr_val_is_uri).
bool is_uri_attribute(const std::string& name) {
  static const std::unordered_set<std::string> names = {
      "href",    "src",    "cite",   "action", "longdesc",   "poster",  "background",
      "datasrc", "dynsrc", "lowsrc", "ping",   "xlink:href", "xml:base"};
  return names.count(name) > 0;
}

// BeautifulSoup's handle_charref: below 256 the byte as windows-1252 when
// that code page defines it, else the code point; U+FFFD when invalid.
std::string char_ref_text(std::string_view name) {
  static const unsigned short cp1252[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  bool hex = !name.empty() && (name[0] == 'x' || name[0] == 'X');
  std::string digits(hex ? name.substr(1) : name);
  unsigned long cp = 0xFFFD;
  try {
    std::size_t used = 0;
    cp = std::stoul(digits, &used, hex ? 16 : 10);
    if (used != digits.size()) cp = 0xFFFD;
  } catch (...) {
    cp = 0xFFFD;
  }
  if (cp >= 0x80 && cp < 0xA0 && cp1252[cp - 0x80]) cp = cp1252[cp - 0x80];
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > lang::text::kMaxCodePoint) cp = 0xFFFD;
  std::string out;
  lang::text::append_utf8(out, static_cast<char32_t>(cp));
  return out;
}

namespace {

// The length of the Python whitespace character at s[i] (ending at s[i] when
// backwards), 0 if none: ASCII whitespace, the no-break space editors leave
// and the rest of Python's isspace set.
std::size_t space_at(std::string_view s, std::size_t i, bool backwards) {
  static const char* const spaces[] = {"\xc2\x85",     "\xc2\xa0",     "\xe1\x9a\x80",
                                       "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf",
                                       "\xe2\x81\x9f", "\xe3\x80\x80"};
  unsigned char c = backwards ? s[i - 1] : s[i];
  if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) return 1;
  for (std::string_view sp : spaces) {
    if (backwards ? (i >= sp.size() && s.substr(i - sp.size(), sp.size()) == sp)
                  : s.substr(i, sp.size()) == sp)
      return sp.size();
  }
  // U+2000..U+200A
  if (backwards ? (i >= 3 && s.substr(i - 3, 2) == "\xe2\x80" &&
                   static_cast<unsigned char>(s[i - 1]) <= 0x8a)
                : (s.substr(i, 2) == "\xe2\x80" && i + 2 < s.size() &&
                   static_cast<unsigned char>(s[i + 2]) <= 0x8a))
    return 3;
  return 0;
}

}  // namespace

std::string python_strip(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    std::size_t n = space_at(s, b, false);
    if (!n) break;
    b += n;
  }
  while (e > b) {
    std::size_t n = space_at(s, e, true);
    if (!n) break;
    e -= n;
  }
  return std::string(s.substr(b, e - b));
}

// BeautifulSoup's "minimal" formatter.
std::string escape_minimal(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string quoted_attribute(const std::string& value) {
  return bs4_quoted(escape_minimal(value));
}

// BeautifulSoup's attribute quoting: double quotes, single quotes when the
// value holds only double ones, &quot; when it holds both.
std::string bs4_quoted(std::string text) {
  bool dq = text.find('"') != std::string::npos, sq = text.find('\'') != std::string::npos;
  if (dq && !sq) {
    std::string out = "'";
    out += text;
    out += '\'';
    return out;
  }
  if (dq) {
    std::string out;
    for (char c : text) out += c == '"' ? std::string("&quot;") : std::string(1, c);
    text = out;
  }
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// bleach's sanitize_uri_value with protocols cid, http, https, mailto, data.
bool allowed_uri(std::string_view value) {
  std::string normalized;
  for (char c : html_unescape(value)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '`' || u <= 0x20 || u == 0x7f) continue;
    normalized += static_cast<char>(std::tolower(u));
  }
  // \x80-\xa0 and Unicode whitespace are removed too: the no-break space is
  // the one an editor writes.
  for (std::size_t p; (p = normalized.find("\xc2\xa0")) != std::string::npos;)
    normalized.erase(p, 2);
  static const std::unordered_set<std::string> protocols = {"cid", "http", "https", "mailto",
                                                            "data"};
  std::size_t colon = normalized.find(':');
  if (colon != std::string::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(normalized[0]))) {
    std::string scheme = normalized.substr(0, colon);
    bool scheme_chars = true;
    for (char c : scheme)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
        scheme_chars = false;
    std::string rest = normalized.substr(colon + 1);
    bool port_like = !rest.empty() && rest.find_first_not_of("0123456789") == std::string::npos;
    if (scheme_chars && !port_like) return protocols.count(scheme) > 0;
  }
  return true;  // no scheme: a relative URL or "#anchor", allowed with http
}

bool is_heading(const std::string& tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

bool closes_paragraph(const std::string& tag) {
  static const std::unordered_set<std::string> names = {
      "address", "article", "aside",    "blockquote", "center", "details", "dialog",    "dir",
      "div",     "dl",      "fieldset", "figcaption", "figure", "footer",  "header",    "hgroup",
      "main",    "menu",    "nav",      "ol",         "p",      "section", "summary",   "ul",
      "h1",      "h2",      "h3",       "h4",         "h5",     "h6",      "pre",       "listing",
      "form",    "table",   "hr",       "li",         "dd",     "dt",      "plaintext", "xmp"};
  return names.count(tag) > 0;
}

// html5lib's "special" elements stop the search for an open <li>/<dd>.
bool is_special(const std::string& tag) {
  static const std::unordered_set<std::string> names = {
      "applet",  "area",   "article",  "aside",      "blockquote", "body",    "br",      "button",
      "caption", "center", "col",      "colgroup",   "dd",         "details", "dir",     "dl",
      "dt",      "embed",  "fieldset", "figcaption", "figure",     "footer",  "form",    "h1",
      "h2",      "h3",     "h4",       "h5",         "h6",         "header",  "hr",      "html",
      "iframe",  "img",    "input",    "li",         "listing",    "main",    "marquee", "menu",
      "nav",     "object", "ol",       "pre",        "section",    "select",  "summary", "table",
      "tbody",   "td",     "textarea", "tfoot",      "th",         "thead",   "tr",      "ul",
      "xmp"};
  return names.count(tag) > 0;
}

}  // namespace quire::scripting
