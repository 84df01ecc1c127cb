// See utils_linkify.h. bleach's url_re (linkifier.build_url_re, flags
// IGNORECASE | VERBOSE | UNICODE) is
//   \(* \b(?<![@.])(?:(?:PROTOCOLS):/{0,3}(?:(?:\w+:)?\w+@)?)?
//   ([\w-]+\.)+(?:TLDS)(?:\:[0-9]+)?(?!\.\w)\b (?:[/?][^\s{}|\\^\[\]`<>"]*)?
// Python's re tries the alternatives and repetitions in a fixed order and
// takes the first that matches; UrlMatcher walks the same choices in the
// same order over code points (\w and \s with str's Unicode meaning), which
// a std::regex (ECMAScript, bytes) would not.
#include "scripting/utils_linkify.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::scripting {

namespace {

namespace text = quire::lang::text;

// html5lib_shim.allowed_protocols, sorted as build_url_re joins them.
constexpr std::array<std::string_view, 23> kProtocols = {
    "afs",  "aim",   "callto", "data",   "ed2k", "feed",   "ftp",   "gopher",
    "http", "https", "irc",    "mailto", "news", "nntp",   "rsync", "rtsp",
    "sftp", "ssh",   "tag",    "telnet", "urn",  "webcal", "xmpp"};

// linkifier.TLDS, sorted as build_url_re joins them.
std::vector<std::string_view> sorted_tlds() {
  std::vector<std::string_view> tlds = {
      "ac", "ad",   "ae", "aero", "af", "ag",   "ai",     "al",   "am",  "an",  "ao",     "aq",
      "ar", "arpa", "as", "asia", "at", "au",   "aw",     "ax",   "az",  "ba",  "bb",     "bd",
      "be", "bf",   "bg", "bh",   "bi", "biz",  "bj",     "bm",   "bn",  "bo",  "br",     "bs",
      "bt", "bv",   "bw", "by",   "bz", "ca",   "cat",    "cc",   "cd",  "cf",  "cg",     "ch",
      "ci", "ck",   "cl", "cm",   "cn", "co",   "com",    "coop", "cr",  "cu",  "cv",     "cx",
      "cy", "cz",   "de", "dj",   "dk", "dm",   "do",     "dz",   "ec",  "edu", "ee",     "eg",
      "er", "es",   "et", "eu",   "fi", "fj",   "fk",     "fm",   "fo",  "fr",  "ga",     "gb",
      "gd", "ge",   "gf", "gg",   "gh", "gi",   "gl",     "gm",   "gn",  "gov", "gp",     "gq",
      "gr", "gs",   "gt", "gu",   "gw", "gy",   "hk",     "hm",   "hn",  "hr",  "ht",     "hu",
      "id", "ie",   "il", "im",   "in", "info", "int",    "io",   "iq",  "ir",  "is",     "it",
      "je", "jm",   "jo", "jobs", "jp", "ke",   "kg",     "kh",   "ki",  "km",  "kn",     "kp",
      "kr", "kw",   "ky", "kz",   "la", "lb",   "lc",     "li",   "lk",  "lr",  "ls",     "lt",
      "lu", "lv",   "ly", "ma",   "mc", "md",   "me",     "mg",   "mh",  "mil", "mk",     "ml",
      "mm", "mn",   "mo", "mobi", "mp", "mq",   "mr",     "ms",   "mt",  "mu",  "museum", "mv",
      "mw", "mx",   "my", "mz",   "na", "name", "nc",     "ne",   "net", "nf",  "ng",     "ni",
      "nl", "no",   "np", "nr",   "nu", "nz",   "om",     "org",  "pa",  "pe",  "pf",     "pg",
      "ph", "pk",   "pl", "pm",   "pn", "post", "pr",     "pro",  "ps",  "pt",  "pw",     "py",
      "qa", "re",   "ro", "rs",   "ru", "rw",   "sa",     "sb",   "sc",  "sd",  "se",     "sg",
      "sh", "si",   "sj", "sk",   "sl", "sm",   "sn",     "so",   "sr",  "ss",  "st",     "su",
      "sv", "sx",   "sy", "sz",   "tc", "td",   "tel",    "tf",   "tg",  "th",  "tj",     "tk",
      "tl", "tm",   "tn", "to",   "tp", "tr",   "travel", "tt",   "tv",  "tw",  "tz",     "ua",
      "ug", "uk",   "us", "uy",   "uz", "va",   "vc",     "ve",   "vg",  "vi",  "vn",     "vu",
      "wf", "ws",   "xn", "xxx",  "ye", "yt",   "yu",     "za",   "zm",  "zw"};
  std::sort(tlds.begin(), tlds.end());
  return tlds;
}

bool is_word(char32_t c) {
  return c == '_' || text::is_alpha(c) || text::is_decimal(c) || text::is_digit(c) ||
         text::is_numeric(c);
}

char32_t ascii_lower(char32_t c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

class UrlMatcher {
 public:
  explicit UrlMatcher(const std::u32string& s) : s_(s) {}

  // The end of the match starting at `start`, if one does.
  std::optional<std::size_t> match_at(std::size_t start) const {
    std::size_t parens = start;
    while (parens < s_.size() && s_[parens] == '(') ++parens;
    for (std::size_t p = parens + 1; p-- > start;) {  // \(* gives back one at a time
      if (!boundary(p)) continue;
      if (p > 0 && (s_[p - 1] == '@' || s_[p - 1] == '.')) continue;
      if (auto end = with_scheme(p)) return end;
      if (auto end = host_and_rest(p)) return end;
    }
    return std::nullopt;
  }

 private:
  bool word_at(std::size_t i) const { return i < s_.size() && is_word(s_[i]); }
  bool boundary(std::size_t i) const { return (i > 0 && is_word(s_[i - 1])) != word_at(i); }

  // Does `word` (ASCII lower case) match at i, ignoring case?
  bool literal_at(std::size_t i, std::string_view word) const {
    if (i + word.size() > s_.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (ascii_lower(s_[i + k]) != static_cast<char32_t>(word[k])) return false;
    return true;
  }

  std::size_t word_run(std::size_t i) const {
    while (i < s_.size() && is_word(s_[i])) ++i;
    return i;
  }

  // (?:PROTOCOLS):/{0,3}(?:(?:\w+:)?\w+@)? then the host.
  std::optional<std::size_t> with_scheme(std::size_t p) const {
    for (std::string_view protocol : kProtocols) {
      if (!literal_at(p, protocol) || p + protocol.size() >= s_.size() ||
          s_[p + protocol.size()] != ':')
        continue;
      std::size_t q = p + protocol.size() + 1, slashes = 0;
      while (slashes < 3 && q + slashes < s_.size() && s_[q + slashes] == '/') ++slashes;
      for (std::size_t n = slashes + 1; n-- > 0;) {
        std::size_t r = q + n;
        // \w+ stops before ':' and '@' only at its longest, so the optional
        // groups have one way each to match.
        std::size_t user = word_run(r);
        if (user > r && user < s_.size() && s_[user] == ':') {
          std::size_t pass = word_run(user + 1);
          if (pass > user + 1 && pass < s_.size() && s_[pass] == '@')
            if (auto end = host_and_rest(pass + 1)) return end;
        }
        if (user > r && user < s_.size() && s_[user] == '@')
          if (auto end = host_and_rest(user + 1)) return end;
        if (auto end = host_and_rest(r)) return end;
      }
    }
    return std::nullopt;
  }

  // ([\w-]+\.)+(?:TLDS)(?:\:[0-9]+)?(?!\.\w)\b then the optional path. A
  // label stops before '.' only at its longest, so the labels are fixed and
  // only their count is given back.
  std::optional<std::size_t> host_and_rest(std::size_t x) const {
    std::vector<std::size_t> after_labels;
    std::size_t i = x;
    while (true) {
      std::size_t j = i;
      while (j < s_.size() && (is_word(s_[j]) || s_[j] == '-')) ++j;
      if (j == i || j >= s_.size() || s_[j] != '.') break;
      i = j + 1;
      after_labels.push_back(i);
    }
    static const std::vector<std::string_view> tlds = sorted_tlds();
    for (std::size_t n = after_labels.size(); n-- > 0;) {
      std::size_t y = after_labels[n];
      for (std::string_view tld : tlds) {
        if (!literal_at(y, tld)) continue;
        if (auto end = after_tld(y + tld.size())) return path(*end);
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> after_tld(std::size_t z) const {
    if (z < s_.size() && s_[z] == ':') {
      std::size_t digits = z + 1;
      while (digits < s_.size() && s_[digits] >= '0' && s_[digits] <= '9') ++digits;
      for (std::size_t e = digits; e > z + 1; --e)
        if (host_ends(e)) return e;
    }
    if (host_ends(z)) return z;
    return std::nullopt;
  }

  bool host_ends(std::size_t e) const {
    if (e + 1 < s_.size() && s_[e] == '.' && is_word(s_[e + 1])) return false;
    return boundary(e);
  }

  std::size_t path(std::size_t e) const {
    if (e >= s_.size() || (s_[e] != '/' && s_[e] != '?')) return e;
    static const std::u32string unsafe = U"{}|\\^[]`<>\"";
    ++e;
    while (e < s_.size() && !text::is_space(s_[e]) && unsafe.find(s_[e]) == std::u32string::npos)
      ++e;
    return e;
  }

  const std::u32string& s_;
};

// LinkifyFilter.strip_non_url_bits: the URL, what goes before, after it.
void strip_non_url_bits(std::u32string& url, std::u32string& prefix, std::u32string& suffix) {
  while (!url.empty()) {
    if (url.front() == '(') {
      prefix += '(';
      url.erase(0, 1);
      if (!url.empty() && url.back() == ')') {
        suffix.insert(suffix.begin(), ')');
        url.pop_back();
      }
      continue;
    }
    char32_t last = url.back();
    if ((last == ')' && url.find('(') == std::u32string::npos) || last == ',' || last == '.') {
      url.pop_back();
      suffix.insert(suffix.begin(), last);
      continue;
    }
    break;
  }
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::append_utf8(out, c);
  return out;
}

// PROTO_RE: ^[\w-]+:/{0,3}
bool has_scheme(const std::u32string& url) {
  std::size_t i = 0;
  while (i < url.size() && (is_word(url[i]) || url[i] == '-')) ++i;
  return i > 0 && i < url.size() && url[i] == ':';
}

void append_plain(std::vector<LinkifyPiece>& out, const std::u32string& s) {
  if (s.empty()) return;
  if (!out.empty() && out.back().href.empty())
    out.back().text += utf8(s);
  else
    out.push_back({utf8(s), ""});
}

}  // namespace

std::vector<LinkifyPiece> linkify_text(std::string_view input) {
  std::u32string s;
  for (std::size_t pos = 0; pos < input.size();) s += text::decode_utf8(input, pos);
  std::vector<LinkifyPiece> out;
  UrlMatcher matcher(s);
  std::size_t done = 0;
  for (std::size_t start = 0; start < s.size();) {
    std::optional<std::size_t> end = matcher.match_at(start);
    if (!end) {
      ++start;
      continue;
    }
    append_plain(out, s.substr(done, start - done));
    std::u32string url = s.substr(start, *end - start), prefix, suffix;
    strip_non_url_bits(url, prefix, suffix);
    append_plain(out, prefix);
    std::string href = has_scheme(url) ? utf8(url) : "http://" + utf8(url);
    out.push_back({utf8(url), href});
    append_plain(out, suffix);
    done = start = *end;
  }
  append_plain(out, s.substr(done));
  return out;
}

std::string rel_with_nofollow(std::string_view rel) {
  std::vector<std::string> values;
  bool has = false;
  std::size_t i = 0;
  while (i <= rel.size()) {
    std::size_t space = rel.find(' ', i);
    if (space == std::string_view::npos) space = rel.size();
    std::string value(rel.substr(i, space - i));
    if (!value.empty()) {
      has = has || text::str_lower(value) == "nofollow";
      values.push_back(value);
    }
    i = space + 1;
  }
  if (!has) values.emplace_back("nofollow");
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : " ") + value;
  return out;
}

bool linkify_knows_tag(const std::string& tag) {
  static const std::unordered_set<std::string> tags = {
      "a",        "abbr",     "address", "area",     "article",    "aside",    "audio",
      "b",        "base",     "bdi",     "bdo",      "blockquote", "body",     "br",
      "button",   "canvas",   "caption", "cite",     "code",       "col",      "colgroup",
      "data",     "datalist", "dd",      "del",      "details",    "dfn",      "dialog",
      "div",      "dl",       "dt",      "em",       "embed",      "fieldset", "figcaption",
      "figure",   "footer",   "form",    "h1",       "h2",         "h3",       "h4",
      "h5",       "h6",       "head",    "header",   "hgroup",     "hr",       "html",
      "i",        "iframe",   "img",     "input",    "ins",        "kbd",      "keygen",
      "label",    "legend",   "li",      "link",     "map",        "mark",     "menu",
      "meta",     "meter",    "nav",     "noscript", "object",     "ol",       "optgroup",
      "option",   "output",   "p",       "param",    "picture",    "pre",      "progress",
      "q",        "rp",       "rt",      "ruby",     "s",          "samp",     "script",
      "section",  "select",   "slot",    "small",    "source",     "span",     "strong",
      "style",    "sub",      "summary", "sup",      "table",      "tbody",    "td",
      "template", "textarea", "tfoot",   "th",       "thead",      "time",     "title",
      "tr",       "track",    "u",       "ul",       "var",        "video",    "wbr"};
  return tags.count(tag) > 0;
}

}  // namespace quire::scripting
