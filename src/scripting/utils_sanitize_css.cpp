// See utils_sanitize_css.h. A small tokenizer for what a style attribute
// holds: enough of CSS Syntax to find where each declaration ends (strings,
// comments and bracketed blocks may hold ';') and to re-write strings as
// tinycss2 serialises them.
#include "scripting/utils_sanitize_css.h"

#include <cctype>
#include <vector>

namespace quire::scripting {
namespace {

bool css_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool python_space(char c) {
  return css_space(c) || c == '\v' || (c >= 0x1c && c <= 0x1f);
}

bool name_char(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c >= 0x80;
}

// The string token starting at s[i] (a quote), re-written in double quotes as
// tinycss2's serialize_string does; i ends after it.
std::string serialize_string(std::string_view s, std::size_t& i) {
  char quote = s[i++];
  std::string value;
  while (i < s.size() && s[i] != quote) {
    if (s[i] == '\n') break;  // a bad string: tinycss2 ends it at the newline
    if (s[i] == '\\' && i + 1 < s.size()) {
      if (s[i + 1] == '\n') {
        i += 2;
        continue;
      }
      value += s[i + 1];
      i += 2;
      continue;
    }
    value += s[i++];
  }
  if (i < s.size() && s[i] == quote) ++i;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\A ";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool starts_url(std::string_view s, std::size_t i) {
  if (i + 4 > s.size() || (i > 0 && name_char(static_cast<unsigned char>(s[i - 1])))) return false;
  std::string head(s.substr(i, 4));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head != "url(") return false;
  std::size_t j = i + 4;
  while (j < s.size() && css_space(s[j])) ++j;
  return j >= s.size() || (s[j] != '"' && s[j] != '\'');
}

// An unquoted url(...) at s[i]: tinycss2 writes it "url(value)" with the
// whitespace inside trimmed, or "url([bad url])" when a quote, "(" or inner
// whitespace makes it a bad URL (whose remnants run to the first ")").
std::string consume_url(std::string_view s, std::size_t& i) {
  i += 4;
  while (i < s.size() && css_space(s[i])) ++i;
  std::string value;
  bool bad = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == ')') {
      ++i;
      break;
    }
    if (css_space(c)) {
      while (i < s.size() && css_space(s[i])) ++i;
      if (i >= s.size() || s[i] == ')') continue;
      bad = true;
    } else if (c == '"' || c == '\'' || c == '(' || static_cast<unsigned char>(c) < 0x20 ||
               c == 0x7f) {
      bad = true;
    }
    if (bad) {
      while (i < s.size() && s[i] != ')') i += (s[i] == '\\' && i + 1 < s.size()) ? 2 : 1;
      if (i < s.size()) ++i;
      return "url([bad url])";
    }
    if (c == '\\' && i + 1 < s.size()) {
      value += s.substr(i, 2);
      i += 2;
      continue;
    }
    value += c;
    ++i;
  }
  return "url(" + value + ")";
}

// One declaration's or stray item's text up to (not including) the ';' that
// ends it at the top level, strings re-serialised.
std::string consume_item(std::string_view s, std::size_t& i) {
  std::string out;
  std::vector<char> closers;
  while (i < s.size()) {
    char c = s[i];
    if (closers.empty() && c == ';') break;
    if (c == '"' || c == '\'') {
      out += serialize_string(s, i);
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t end = s.find("*/", i + 2);
      end = end == std::string_view::npos ? s.size() : end + 2;
      out += s.substr(i, end - i);
      i = end;
      continue;
    }
    if (starts_url(s, i)) {
      out += consume_url(s, i);
      continue;
    }
    if (c == '\\' && i + 1 < s.size()) {
      out += s.substr(i, 2);
      i += 2;
      continue;
    }
    if (c == '(') closers.push_back(')');
    if (c == '[') closers.push_back(']');
    if (c == '{') closers.push_back('}');
    if (!closers.empty() && c == closers.back()) closers.pop_back();
    out += c;
    ++i;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "name: value" -> "name:value;" when name is allowed ("" otherwise, as for a
// parse error); "value !important" keeps its text before the "!".
std::string allowed_declaration(const std::string& item,
                                const std::unordered_set<std::string>& allowed) {
  std::size_t n = 0;
  if (n < item.size() && item[n] == '-') ++n;
  if (n >= item.size() || std::isdigit(static_cast<unsigned char>(item[n])) ||
      !name_char(static_cast<unsigned char>(item[n])))
    return "";
  while (n < item.size() && name_char(static_cast<unsigned char>(item[n]))) ++n;
  std::string name = item.substr(0, n);
  std::size_t colon = n;
  while (colon < item.size() && css_space(item[colon])) ++colon;
  if (colon >= item.size() || item[colon] != ':') return "";
  if (!allowed.count(ascii_lower(name))) return "";
  std::string value = item.substr(colon + 1);
  // "!important" (any case, whitespace around it) at the end.
  std::size_t end = value.size();
  while (end > 0 && css_space(value[end - 1])) --end;
  const std::string important = "important";
  if (end >= important.size() &&
      ascii_lower(value.substr(end - important.size(), important.size())) == important) {
    std::size_t bang = end - important.size();
    while (bang > 0 && css_space(value[bang - 1])) --bang;
    if (bang > 0 && value[bang - 1] == '!')
      return name + ":" + value.substr(0, bang - 1) + "!important;";
  }
  return name + ":" + value + ";";
}

}  // namespace

std::string sanitize_css(std::string_view style,
                         const std::unordered_set<std::string>& allowed_properties) {
  enum class Kind { None, Declaration, Whitespace, Comment };
  std::string out;
  Kind last = Kind::None;
  std::size_t i = 0;
  while (i < style.size()) {
    char c = style[i];
    if (css_space(c)) {
      std::size_t start = i;
      while (i < style.size() && css_space(style[i])) ++i;
      if (last != Kind::None && last != Kind::Whitespace) {
        out += style.substr(start, i - start);
        last = Kind::Whitespace;
      }
      continue;
    }
    if (c == ';') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < style.size() && style[i + 1] == '*') {
      std::size_t end = style.find("*/", i + 2);
      end = end == std::string_view::npos ? style.size() : end + 2;
      if (last != Kind::None && last != Kind::Comment) {
        out += style.substr(i, end - i);
        last = Kind::Comment;
      }
      i = end;
      continue;
    }
    std::string item = consume_item(style, i);
    std::string kept = c == '@' ? "" : allowed_declaration(item, allowed_properties);
    if (!kept.empty()) {
      out += kept;
      last = Kind::Declaration;
    }
  }
  std::size_t b = 0, e = out.size();
  while (b < e && python_space(out[b])) ++b;
  while (e > b && python_space(out[e - 1])) --e;
  return out.substr(b, e - b);
}

}  // namespace quire::scripting
