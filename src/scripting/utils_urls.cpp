// frappe.utils' URL rewriters and UTM trackers, as frappe/utils/data.py:
// scrub_urls, expand_relative_urls and quote_urls rewrite href/src
// attributes and CSS url(...) of an HTML text with data.py's three patterns;
// add_trackers_to_url, parse_and_map_trackers_from_url and map_trackers read
// and write utm_* query parameters with urllib.parse's rules.
//
// The patterns are matched by hand rather than with std::regex: libstdc++'s
// regex recurses once per character, so a long attribute in a script's HTML
// could exhaust the stack. Each pattern is simple enough that a greedy scan
// gives what Python's backtracking gives (noted at each matcher).
//
// Frappe looks the tracker values up in its UTM Source / Medium / Campaign
// DocTypes (their slugs, and creates missing ones with create=True); quire
// has no UTM DocTypes, so the values are used as given.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/utils_urls.h"

#include <optional>
#include <utility>
#include <vector>

#include "lang/syntax/unicode_chars.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/utils_misc.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_quote(char c) {
  return c == '\'' || c == '"';
}

// One match: the pattern's four groups.
using Groups = std::vector<std::string>;

// (href|src)([\s]*=[\s]*['"]?)(<value>)(['"]?) at `p`, the value being
// `http` + [^'">]+ (http) or (?!http)[^'" >]+ (not http). Python gives up a
// taken quote or spaces only to fail anyway (the value cannot start with a
// quote or a space), so one greedy pass decides.
std::optional<Groups> match_attribute(std::string_view s, std::size_t p, bool http,
                                      std::size_t& end) {
  std::string_view name;
  if (s.compare(p, 4, "href") == 0) {
    name = "href";
  } else if (s.compare(p, 3, "src") == 0) {
    name = "src";
  } else {
    return std::nullopt;
  }
  std::size_t i = p + name.size();
  std::size_t g2 = i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return std::nullopt;
  ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i < s.size() && is_quote(s[i])) ++i;
  std::size_t g3 = i;
  if (http) {
    if (s.compare(i, 4, "http") != 0) return std::nullopt;
    i += 4;
    std::size_t start = i;
    while (i < s.size() && !is_quote(s[i]) && s[i] != '>') ++i;
    if (i == start) return std::nullopt;
  } else {
    if (s.compare(i, 4, "http") == 0) return std::nullopt;
    while (i < s.size() && !is_quote(s[i]) && s[i] != ' ' && s[i] != '>') ++i;
    if (i == g3) return std::nullopt;
  }
  std::size_t g4 = i;
  if (i < s.size() && is_quote(s[i])) ++i;
  end = i;
  return Groups{std::string(name), std::string(s.substr(g2, g3 - g2)),
                std::string(s.substr(g3, g4 - g3)), std::string(s.substr(g4, i - g4))};
}

// (:[\s]?url)(\(['"]?)((?!http)[^'" >]+)(['"]?\)) at `p`. The value may hold
// ')' itself, so Python backtracks it to the last ')' (or quote + ')') it
// can end on: the longest such value wins.
std::optional<Groups> match_css_url(std::string_view s, std::size_t p, std::size_t& end) {
  if (s[p] != ':') return std::nullopt;
  std::size_t i = p + 1;
  if (i < s.size() && is_space(s[i]) && s.compare(i + 1, 3, "url") == 0) ++i;
  if (s.compare(i, 3, "url") != 0) return std::nullopt;
  i += 3;
  std::size_t g2 = i;
  if (i >= s.size() || s[i] != '(') return std::nullopt;
  ++i;
  if (i < s.size() && is_quote(s[i])) ++i;
  std::size_t g3 = i;
  if (s.compare(i, 4, "http") == 0) return std::nullopt;
  std::size_t run = i;
  while (run < s.size() && !is_quote(s[run]) && s[run] != ' ' && s[run] != '>') ++run;
  for (std::size_t k = run; k > g3; --k) {
    std::size_t tail = 0;
    if (k < s.size() && is_quote(s[k]) && k + 1 < s.size() && s[k + 1] == ')') {
      tail = 2;
    } else if (k < s.size() && s[k] == ')') {
      tail = 1;
    }
    if (!tail) continue;
    end = k + tail;
    return Groups{std::string(s.substr(p, g2 - p)), std::string(s.substr(g2, g3 - g2)),
                  std::string(s.substr(g3, k - g3)), std::string(s.substr(k, tail))};
  }
  return std::nullopt;
}

// re.sub over every non-overlapping match, left to right.
template <typename Match, typename Replace>
std::string substitute(std::string_view s, Match&& match, Replace&& replace) {
  std::string out;
  std::size_t p = 0;
  while (p < s.size()) {
    std::size_t end = p;
    std::optional<Groups> g = match(s, p, end);
    if (!g) {
      out += s[p++];
      continue;
    }
    out += replace(*g);
    p = end;
  }
  return out;
}

// data.py _expand_relative_urls.
std::string expand_match(Groups g, const std::string& url) {
  const std::string& value = g[2];
  if (!(value.rfind("mailto", 0) == 0 || value.rfind("data:", 0) == 0 ||
        value.rfind("tel:", 0) == 0)) {
    if (value.rfind("/", 0) != 0) g[2] = "/" + value;
    g.insert(g.begin() + 2, url);
  }
  std::string out;
  for (const auto& part : g) out += part;
  if (g[0].find("url") != std::string::npos && g[1].rfind("(", 0) == 0 && !g.back().empty() &&
      g.back().back() == ')') {
    out += " !important";
  }
  return out;
}

std::string expand_relative_urls(std::string_view html) {
  std::string url = site_url("");
  if (!url.empty() && url.back() == '/') url.pop_back();
  auto replace = [&](const Groups& g) { return expand_match(g, url); };
  std::string once = substitute(
      html,
      [](std::string_view s, std::size_t p, std::size_t& end) {
        return match_attribute(s, p, false, end);
      },
      replace);
  return substitute(once, match_css_url, replace);
}

bool html_arg(Isolate& I, const char* fname, Value* args, std::size_t nargs, const Tuple* kwnames,
              std::string& out) {
  Value a[1];
  if (!parse_args(I, fname, args, nargs, kwnames, {"html"}, 1, a)) return false;
  if (!is_str(a[0])) {
    raise(I, types().TypeError, "expected string or bytes-like object");
    return false;
  }
  out = std::string(as_str(a[0])->view());
  return true;
}

// expand_relative_urls(html): relative href/src and CSS url(...) prefixed
// with get_url() (mailto:, data: and tel: left alone).
QUIRE_NATIVE(u_expand_relative_urls) {
  std::string html;
  if (!html_arg(I, "expand_relative_urls", args, nargs, kwnames, html)) return Value::exc();
  return new_str(I, expand_relative_urls(html));
}

// scrub_urls(html): expand_relative_urls (data.py no longer quotes here).
QUIRE_NATIVE(u_scrub_urls) {
  std::string html;
  if (!html_arg(I, "scrub_urls", args, nargs, kwnames, html)) return Value::exc();
  return new_str(I, expand_relative_urls(html));
}

// quote_urls(html): absolute href/src values through quoted().
QUIRE_NATIVE(u_quote_urls) {
  std::string html;
  if (!html_arg(I, "quote_urls", args, nargs, kwnames, html)) return Value::exc();
  return new_str(I, substitute(
                        html,
                        [](std::string_view s, std::size_t p, std::size_t& end) {
                          return match_attribute(s, p, true, end);
                        },
                        [](Groups g) {
                          g[2] = quoted_text(g[2]);
                          return g[0] + g[1] + g[2] + g[3];
                        }));
}

// ------------------------------------------------------------------ trackers

// urllib.parse.unquote (UTF-8, errors="replace") after '+' -> ' ' (parse_qsl).
std::string unquote_plus(std::string_view s) {
  std::string bytes;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9'   ? c - '0'
             : c >= 'a' && c <= 'f' ? c - 'a' + 10
             : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                    : -1;
    };
    if (s[i] == '+') {
      bytes += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      bytes += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      bytes += s[i];
    }
  }
  if (lang::syntax::find_invalid_utf8(bytes) == std::string::npos) return bytes;
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t length = 1;
    char32_t cp = lang::syntax::decode_utf8(std::string_view(bytes).substr(i), length);
    lang::syntax::append_utf8(out, cp);
    i += length;
  }
  return out;
}

// parse_qsl(query): '&'-separated name=value pairs; pairs without '=' or
// with an empty value are dropped (keep_blank_values=False).
std::vector<std::pair<std::string, std::string>> parse_qsl(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    std::string_view piece =
        query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    auto eq = piece.find('=');
    if (eq != std::string_view::npos && eq + 1 < piece.size()) {
      out.emplace_back(unquote_plus(piece.substr(0, eq)), unquote_plus(piece.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

// A URL cut as urlsplit cuts it: everything before the query, the query,
// the fragment (urlunparse puts them back the same way).
struct UrlParts {
  std::string head, query, fragment;
  std::string scheme;
};

UrlParts split_url(std::string_view raw) {
  // urlsplit drops leading C0 controls and spaces and every tab and newline.
  std::string url;
  std::size_t first = 0;
  while (first < raw.size() && static_cast<unsigned char>(raw[first]) <= ' ') ++first;
  for (char c : raw.substr(first)) {
    if (c != '\t' && c != '\r' && c != '\n') url += c;
  }
  UrlParts parts;
  std::size_t hash = url.find('#');
  if (hash != std::string::npos) {
    parts.fragment = url.substr(hash + 1);
    url.resize(hash);
  }
  std::size_t q = url.find('?');
  if (q != std::string::npos) {
    parts.query = url.substr(q + 1);
    url.resize(q);
  }
  std::size_t colon = url.find(':');
  if (colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0]))) {
    bool ok = true;
    for (std::size_t i = 0; i < colon; ++i) {
      char c = url[i];
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
    }
    if (ok) {
      for (std::size_t i = 0; i < colon; ++i) {
        url[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
      }
      parts.scheme = url.substr(0, colon);
    }
  }
  parts.head = url;
  return parts;
}

// add_trackers_to_url(url, source, campaign=None, medium=None, content=None).
QUIRE_NATIVE(u_add_trackers_to_url) {
  Value a[5];
  if (!parse_args(I, "add_trackers_to_url", args, nargs, kwnames,
                  {"url", "source", "campaign", "medium", "content"}, 2, a))
    return Value::exc();
  std::string url;
  if (!arg_string(I, a[0], url, "url")) return Value::exc();
  UrlParts parts = split_url(url);
  if (parts.scheme == "mailto") {
    incref(a[0]);
    return a[0];
  }
  // dict(parse_qsl(query)) | trackers: a name keeps its first place and
  // its last value.
  std::vector<std::pair<std::string, std::string>> query;
  auto put = [&](const std::string& key, const std::string& text) {
    for (auto& [k, existing] : query) {
      if (k == key) {
        existing = text;
        return;
      }
    }
    query.emplace_back(key, text);
  };
  for (const auto& [k, v] : parse_qsl(parts.query)) put(k, v);
  auto set = [&](const char* key, Value v) -> bool {
    std::string text;
    if (!str_into(I, v, text)) return false;
    put(key, text);
    return true;
  };
  if (!set("utm_source", a[1])) return Value::exc();
  // data.py's order: medium, then campaign, then content (each when truthy).
  static const std::pair<int, const char*> optional[] = {
      {3, "utm_medium"}, {2, "utm_campaign"}, {4, "utm_content"}};
  for (const auto& [i, key] : optional) {
    int t = given(a[i]) ? truthy(I, a[i]) : 0;
    if (t < 0) return Value::exc();
    if (t && !set(key, a[i])) return Value::exc();
  }
  std::string encoded;
  for (const auto& [k, v] : query) {
    if (!encoded.empty()) encoded += '&';
    encoded += url_quote(k, " ");
    encoded += '=';
    encoded += url_quote(v, " ");
  }
  for (char& c : encoded) {
    if (c == ' ') c = '+';
  }
  std::string out = parts.head + (encoded.empty() ? "" : "?" + encoded);
  if (!parts.fragment.empty()) out += "#" + parts.fragment;
  return new_str(I, out);
}

// map_trackers(url_trackers, create=False): utm_source / utm_medium /
// utm_campaign (or source / medium / campaign) and utm_content (content).
Value map_trackers(Isolate& I, Value trackers) {
  Value out = Value::object(alloc_dict(I));
  static const std::pair<const char*, const char*> keys[] = {{"utm_source", "source"},
                                                             {"utm_medium", "medium"},
                                                             {"utm_campaign", "campaign"},
                                                             {"utm_content", "content"}};
  for (const auto& [utm, plain] : keys) {
    Value names[2] = {new_str(I, utm), new_str(I, plain)};
    Value fallback = call_method(I, trackers, "get", &names[1], 1);
    Value v = fallback.is_exc() ? fallback : [&] {
      Value get_args[2] = {names[0], fallback};
      return call_method(I, trackers, "get", get_args, 2);
    }();
    decref(fallback);
    int t = v.is_exc() ? -1 : truthy(I, v);
    bool ok = t >= 0 && (!t || dict_set(I, as_dict(out), names[0], v));
    decref(v);
    decref(names[0]);
    decref(names[1]);
    if (!ok) {
      decref(out);
      return Value::exc();
    }
  }
  return out;
}

QUIRE_NATIVE(u_map_trackers) {
  Value a[2];
  if (!parse_args(I, "map_trackers", args, nargs, kwnames, {"url_trackers", "create"}, 1, a))
    return Value::exc();
  return map_trackers(I, a[0]);
}

// parse_and_map_trackers_from_url(url, create=False): map_trackers of the
// URL's query (dict(parse_qsl(query)): the last value of a name wins).
QUIRE_NATIVE(u_parse_and_map_trackers_from_url) {
  Value a[2];
  if (!parse_args(I, "parse_and_map_trackers_from_url", args, nargs, kwnames, {"url", "create"}, 1,
                  a))
    return Value::exc();
  std::string url;
  if (!arg_string(I, a[0], url, "url")) return Value::exc();
  Value trackers = Value::object(alloc_dict(I));
  for (const auto& [k, v] : parse_qsl(split_url(url).query)) {
    Value key = new_str(I, k);
    Value value = new_str(I, v);
    bool ok = dict_set(I, as_dict(trackers), key, value);
    decref(key);
    decref(value);
    if (!ok) {
      decref(trackers);
      return Value::exc();
    }
  }
  Value out = map_trackers(I, trackers);
  decref(trackers);
  return out;
}

}  // namespace

void add_url_functions(Type* utils) {
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn functions[] = {
      {"scrub_urls", u_scrub_urls},
      {"expand_relative_urls", u_expand_relative_urls},
      {"quote_urls", u_quote_urls},
      {"add_trackers_to_url", u_add_trackers_to_url},
      {"map_trackers", u_map_trackers},
      {"parse_and_map_trackers_from_url", u_parse_and_map_trackers_from_url},
  };
  for (const auto& f : functions) host::define_method(utils, f.name, f.fn);
}

}  // namespace quire::scripting
