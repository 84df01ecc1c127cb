// html2text (2020.1.16) with its default options, as frappe.utils.to_markdown
// and a script's top-level html2text call it: the HTML2Text event handler
// (tags to Markdown marks, with its pending-newline and spacing state), the
// Markdown escapes of text runs (escape_md_section, escape_md) and the final
// paragraph wrapping at 78 columns (optwrap over Python's textwrap). The
// events come from utils_html_tokenizer (html.parser's). Only the code paths
// of the defaults are here: no Google Docs styles, inline links, no table
// padding.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/utils_to_markdown.h"

#include <map>
#include <optional>
#include <vector>

#include "lang/sandbox/host.h"
#include "lang/text/utf8.h"
#include "scripting/native_util.h"
#include "scripting/url_join.h"
#include "scripting/utils_html_entities.h"
#include "scripting/utils_html_tokenizer.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// ---- text as code points (Python's str), and its character classes.

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += lang::text::decode_utf8(s, i);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) lang::text::append_utf8(out, c);
  return out;
}

// str.isspace / \s of a str pattern.
bool py_space(char32_t c) {
  return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// \d: decimal digits (ASCII and the other scripts' digits are rare in
// business text; ASCII is what is checked).
bool py_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

// \w: letters, digits and "_" (non-ASCII code points taken as letters).
bool py_word(char32_t c) {
  return (c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '_')) ||
         (c >= 0x80 && !py_space(c));
}

std::u32string strip(std::u32string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && py_space(s[a])) ++a;
  while (b > a && py_space(s[b - 1])) --b;
  return std::u32string(s.substr(a, b - a));
}

// ---- html2text's escapes (utils.py).

// escape_md: "\", "[", "]", "(", ")" get a backslash.
std::u32string escape_md(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (c == '\\' || c == '[' || c == ']' || c == '(' || c == ')') out += U'\\';
    out += c;
  }
  return out;
}

// One of the "^(\s*)<mark>(?=...)" rules of escape_md_section: a backslash
// before the mark found at a line start (re.MULTILINE).
template <class Head, class Follow>
std::u32string escape_line_starts(const std::u32string& s, Head head, char32_t mark,
                                  Follow follows) {
  std::vector<std::size_t> at;
  std::size_t resume = 0;
  for (std::size_t p = 0; p < s.size(); ++p) {
    if (p < resume || (p > 0 && s[p - 1] != '\n')) continue;
    std::size_t q = p;
    while (q < s.size() && py_space(s[q])) ++q;
    std::size_t after_head = head(s, q);
    if (after_head == std::u32string::npos || after_head >= s.size() || s[after_head] != mark)
      continue;
    if (after_head + 1 >= s.size() || !follows(s[after_head + 1])) continue;
    at.push_back(after_head);
    resume = after_head + 1;
  }
  std::u32string out;
  std::size_t k = 0;
  for (std::size_t p = 0; p < s.size(); ++p) {
    if (k < at.size() && at[k] == p) {
      out += U'\\';
      ++k;
    }
    out += s[p];
  }
  return out;
}

std::u32string escape_md_section(const std::u32string& text) {
  static const std::u32string slash_chars = U"\\`*_{}[]()#+-.!";
  std::u32string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    s += text[i];
    if (text[i] == '\\' && i + 1 < text.size() &&
        slash_chars.find(text[i + 1]) != std::u32string::npos)
      s += U'\\';
  }
  auto digits = [](const std::u32string& t, std::size_t q) {
    std::size_t e = q;
    while (e < t.size() && py_digit(t[e])) ++e;
    return e == q ? std::u32string::npos : e;
  };
  auto nothing = [](const std::u32string&, std::size_t q) { return q; };
  s = escape_line_starts(s, digits, U'.', py_space);
  s = escape_line_starts(s, nothing, U'+', py_space);
  s = escape_line_starts(s, nothing, U'-', [](char32_t c) { return py_space(c) || c == '-'; });
  return s;
}

// ---- textwrap.wrap(text, width, break_long_words=False, subsequent_indent).

bool wrap_space(char32_t c) {  // textwrap's whitespace: "\t\n\x0b\x0c\r "
  return c == ' ' || (c >= 9 && c <= 13);
}
bool letter(char32_t c) {  // [^\d\W]
  return py_word(c) && !py_digit(c);
}
bool word_punct(char32_t c) {  // [\w!"'&.,?]
  return py_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' ||
         c == '?';
}

// TextWrapper.wordsep_re's chunks.
std::vector<std::u32string> chunks_of(const std::u32string& t) {
  std::vector<std::u32string> out;
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto at = [&](std::size_t k) -> char32_t { return k < n ? t[k] : 0; };
  while (i < n) {
    std::size_t start = i;
    if (wrap_space(t[i])) {
      while (i < n && wrap_space(t[i])) ++i;
    } else if (t[i] == '-' && i > 0 && word_punct(t[i - 1]) && at(i + 1) == '-') {
      // (?<=wp) -{2,} (?=\w): an em-dash between words
      std::size_t e = i;
      while (e < n && t[e] == '-') ++e;
      if (e < n && py_word(t[e])) {
        i = e;
      } else {
        goto word;
      }
    } else {
    word:
      i = start;
      for (;;) {
        ++i;  // nws+? takes one more
        if (i >= n || wrap_space(t[i])) break;
        // hyphenated word: "-" after two letters or letter-hyphen-letter,
        // before letter, optional "-", letter
        if (t[i] == '-') {
          bool behind = (i >= 2 && letter(t[i - 1]) && letter(t[i - 2])) ||
                        (i >= 3 && letter(t[i - 1]) && t[i - 2] == '-' && letter(t[i - 3]));
          bool ahead =
              letter(at(i + 1)) && (letter(at(i + 2)) || (at(i + 2) == '-' && letter(at(i + 3))));
          if (behind && ahead) {
            ++i;
            break;
          }
        }
        // before an em-dash: (?<=wp)(?=-{2,}\w)
        if (t[i] == '-' && at(i + 1) == '-' && word_punct(t[i - 1])) {
          std::size_t e = i;
          while (e < n && t[e] == '-') ++e;
          if (e < n && py_word(t[e])) break;
        }
      }
    }
    out.emplace_back(t.substr(start, i - start));
  }
  return out;
}

std::vector<std::u32string> wrap(std::u32string text, std::size_t width,
                                 const std::u32string& subsequent_indent) {
  // expandtabs(8), then every textwrap whitespace to a space
  std::u32string expanded;
  for (char32_t c : text) {
    if (c == '\t') {
      do expanded += U' ';
      while (expanded.size() % 8);
    } else {
      expanded += wrap_space(c) ? U' ' : c;
    }
  }
  std::vector<std::u32string> chunks = chunks_of(expanded);
  std::vector<std::u32string> lines;
  std::size_t next = 0;
  auto blank = [](const std::u32string& c) { return strip(c).empty(); };
  while (next < chunks.size()) {
    const std::u32string indent = lines.empty() ? U"" : subsequent_indent;
    const std::size_t room = width > indent.size() ? width - indent.size() : 0;
    if (!lines.empty() && blank(chunks[next])) ++next;
    std::vector<std::u32string> line;
    std::size_t len = 0;
    while (next < chunks.size() && len + chunks[next].size() <= room) {
      len += chunks[next].size();
      line.push_back(chunks[next++]);
    }
    if (next < chunks.size() && chunks[next].size() > room && line.empty()) {
      line.push_back(chunks[next++]);  // break_long_words=False: a long word alone
    }
    if (!line.empty() && blank(line.back())) line.pop_back();
    if (!line.empty()) {
      std::u32string joined = indent;
      for (const auto& c : line) joined += c;
      lines.push_back(std::move(joined));
    }
  }
  return lines;
}

// ---- HTML2Text.

int heading_level(const std::string& tag) {
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] > '0' && tag[1] <= '9') return tag[1] - '0';
  return 0;
}

const std::optional<std::string>* find_attr(const HtmlAttributes& attrs, const char* name) {
  const std::optional<std::string>* found = nullptr;
  for (const auto& [k, v] : attrs) {
    if (k == name) found = &v;  // dict(attrs): the last one wins
  }
  return found;
}

std::u32string attr_text(const HtmlAttributes& attrs, const char* name) {
  auto v = find_attr(attrs, name);
  return v && *v ? decode(**v) : std::u32string();
}

// html2text's UNIFIABLE (config.py) for entity names, with nbsp's placeholder.
const std::map<std::string, std::string>& unifiable() {
  static const std::map<std::string, std::string> m = {{"rsquo", "'"},
                                                       {"lsquo", "'"},
                                                       {"rdquo", "\""},
                                                       {"ldquo", "\""},
                                                       {"copy", "(C)"},
                                                       {"mdash", "--"},
                                                       {"nbsp", "&nbsp_place_holder;"},
                                                       {"rarr", "->"},
                                                       {"larr", "<-"},
                                                       {"middot", "*"},
                                                       {"ndash", "-"},
                                                       {"oelig", "oe"},
                                                       {"aelig", "ae"},
                                                       {"agrave", "a"},
                                                       {"aacute", "a"},
                                                       {"acirc", "a"},
                                                       {"atilde", "a"},
                                                       {"auml", "a"},
                                                       {"aring", "a"},
                                                       {"egrave", "e"},
                                                       {"eacute", "e"},
                                                       {"ecirc", "e"},
                                                       {"euml", "e"},
                                                       {"igrave", "i"},
                                                       {"iacute", "i"},
                                                       {"icirc", "i"},
                                                       {"iuml", "i"},
                                                       {"ograve", "o"},
                                                       {"oacute", "o"},
                                                       {"ocirc", "o"},
                                                       {"otilde", "o"},
                                                       {"ouml", "o"},
                                                       {"ugrave", "u"},
                                                       {"uacute", "u"},
                                                       {"ucirc", "u"},
                                                       {"uuml", "u"},
                                                       {"lrm", ""},
                                                       {"rlm", ""}};
  return m;
}

// The same by code point (unifiable_n: every name but nbsp).
std::optional<std::string> unifiable_code_point(char32_t c) {
  static const std::map<char32_t, std::string> m = [] {
    std::map<char32_t, std::string> out;
    for (const auto& [name, text] : unifiable()) {
      if (name == "nbsp") continue;
      std::u32string cp = decode(*html5_entity(name));
      out[cp[0]] = text;
    }
    return out;
  }();
  auto it = m.find(c);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

class Html2Text final : public HtmlEvents {
 public:
  Html2Text(int bodywidth, std::string_view baseurl) : body_width_(bodywidth), baseurl_(baseurl) {}

  std::string handle(std::string_view html) {
    tokenize_html(html, *this);
    pbr();
    o(U"", false, Force::kEnd);
    std::string text = encode(out_);
    const std::string placeholder = "&nbsp_place_holder;";
    for (auto p = text.find(placeholder); p != std::string::npos; p = text.find(placeholder, p)) {
      text.replace(p, placeholder.size(), " ");
      p += 1;
    }
    return encode(optwrap(decode(text)));
  }

  void start_tag(const std::string& tag, const HtmlAttributes& attrs) override {
    handle_tag(tag, attrs, true);
  }
  void end_tag(const std::string& tag) override { handle_tag(tag, {}, false); }

  void char_ref(std::string_view name) override {
    bool hex = name[0] == 'x' || name[0] == 'X';
    std::string digits(name.substr(hex ? 1 : 0));
    unsigned long long c = 0;
    for (char d : digits) {
      c = c * (hex ? 16 : 10) + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(d))
                                                          ? d - '0'
                                                          : std::tolower(d) - 'a' + 10);
      if (c > 0x10FFFF) break;
    }
    if (auto u = unifiable_code_point(static_cast<char32_t>(c))) {
      handle_data(decode(*u), true);
    } else if (c <= 0x10FFFF) {  // chr(c); beyond it ValueError gives ""
      handle_data(std::u32string(1, static_cast<char32_t>(c)), true);
    }
  }

  void entity_ref(std::string_view name) override {
    std::u32string ref;
    auto u = unifiable().find(std::string(name));
    if (u != unifiable().end()) {
      ref = decode(u->second);
    } else if (auto e = html5_entity(name)) {
      ref = decode(*e);
    } else {
      ref = U"&" + decode(name) + U";";
    }
    if (!ref.empty()) handle_data(ref, true);
  }

  void data(std::string_view text) override { handle_data(decode(text), false); }

 private:
  enum class Force { kNo, kYes, kEnd };
  struct ListElement {
    std::string name;
    long num;
  };

  void pbr() {
    if (p_p_ == 0) p_p_ = 1;
  }
  void p() { p_p_ = 2; }
  void soft_br() {
    pbr();
    br_toggle_ = U"  ";
  }

  void out(const std::u32string& s) {
    out_ += s;
    if (!s.empty()) last_was_nl_ = s.back() == '\n';
  }

  void o(std::u32string data, bool puredata = false, Force force = Force::kNo) {
    if (abbr_data_) *abbr_data_ += data;
    if (quiet_) return;
    if (puredata && !pre_) {
      std::u32string collapsed;
      for (std::size_t i = 0; i < data.size();) {
        if (py_space(data[i])) {
          collapsed += U' ';
          while (i < data.size() && py_space(data[i])) ++i;
        } else {
          collapsed += data[i++];
        }
      }
      data = collapsed;
      if (!data.empty() && data[0] == ' ') {
        space_ = true;
        data.erase(0, 1);
      }
    }
    if (data.empty() && force == Force::kNo) return;
    if (startpre_) {
      if (data.rfind(U"\n", 0) != 0 && data.rfind(U"\r\n", 0) != 0) data = U"\n" + data;
    }
    std::u32string bq(static_cast<std::size_t>(blockquote_), U'>');
    if (!(force != Force::kNo && !data.empty() && data[0] == '>') && blockquote_) bq += U' ';
    if (pre_) {
      if (list_.empty()) bq += U"    ";
      for (std::size_t k = 0; k < list_.size(); ++k) bq += U"    ";
      std::u32string replaced;
      for (char32_t c : data) {
        replaced += c;
        if (c == '\n') replaced += bq;
      }
      data = replaced;
    }
    if (startpre_) {
      startpre_ = false;
      if (!list_.empty()) {
        std::size_t k = 0;
        while (k < data.size() && data[k] == '\n') ++k;
        data.erase(0, k);
      }
    }
    if (start_) {
      space_ = false;
      p_p_ = 0;
      start_ = false;
    }
    if (force == Force::kEnd) {
      p_p_ = 0;
      out(U"\n");
      space_ = false;
    }
    if (p_p_) {
      std::u32string piece = br_toggle_ + U"\n" + bq;
      std::u32string all;
      for (int k = 0; k < p_p_; ++k) all += piece;
      out(all);
      space_ = false;
      br_toggle_.clear();
    }
    if (space_) {
      if (!last_was_nl_) out(U" ");
      space_ = false;
    }
    if (!abbr_list_.empty() && force == Force::kEnd) {
      for (const auto& [abbr, definition] : abbr_list_) {
        out(U"  *[" + abbr + U"]: " + definition + U"\n");
      }
    }
    p_p_ = 0;
    out(data);
  }

  bool no_preceding_space() const {
    return !preceding_data_.empty() && !py_space(preceding_data_.back());
  }

  void handle_data(std::u32string data, bool entity_char) {
    if (data.empty()) return;
    if (stressed_) {
      data = strip(data);
      stressed_ = false;
      preceding_stressed_ = true;
    } else if (preceding_stressed_) {
      char32_t c = data[0];
      if (!py_space(c) && c != '.' && c != '!' && c != '?' && !heading_level(current_tag_) &&
          current_tag_ != "a" && current_tag_ != "code" && current_tag_ != "pre") {
        data = U" " + data;
      }
      preceding_stressed_ = false;
    }
    if (maybe_automatic_link_) {
      const std::u32string href = *maybe_automatic_link_;
      if (href == data && absolute_url(href)) {
        o(U"<" + data + U">");
        empty_link_ = false;
        return;
      }
      o(U"[");
      maybe_automatic_link_.reset();
      empty_link_ = false;
    }
    if (!code_ && !pre_ && !entity_char) data = escape_md_section(data);
    preceding_data_ = data;
    o(data, true);
  }

  // ^[a-zA-Z+]+://
  static bool absolute_url(const std::u32string& href) {
    std::size_t k = 0;
    while (k < href.size() && href[k] < 0x80 &&
           (std::isalpha(static_cast<int>(href[k])) || href[k] == '+'))
      ++k;
    return k > 0 && href.compare(k, 3, U"://") == 0;
  }

  void handle_tag(const std::string& tag, const HtmlAttributes& attrs, bool start) {
    current_tag_ = tag;
    if (start && maybe_automatic_link_ && tag != "p" && tag != "div" && tag != "style" &&
        tag != "dl" && tag != "dt" && tag != "img") {
      o(U"[");
      maybe_automatic_link_.reset();
      empty_link_ = false;
    }
    if (int level = heading_level(tag)) {
      p();
      if (start) {
        inheader_ = true;
        o(std::u32string(static_cast<std::size_t>(level), U'#') + U" ");
      } else {
        inheader_ = false;
        return;
      }
    }
    if (tag == "p" || tag == "div") {
      if (!(!astack_.empty() && tag == "div")) p();
    }
    if (tag == "br" && start) o(blockquote_ > 0 ? U"  \n> " : U"  \n");
    if (tag == "hr" && start) {
      p();
      o(U"* * *");
      p();
    }
    if (tag == "head" || tag == "style" || tag == "script") quiet_ += start ? 1 : -1;
    if (tag == "body") quiet_ = 0;
    if (tag == "blockquote") {
      if (start) {
        p();
        o(U"> ", false, Force::kYes);
        start_ = true;
        ++blockquote_;
      } else {
        --blockquote_;
        p();
      }
    }
    auto mark = [&](const std::u32string& m) {
      o(start && no_preceding_space() ? U" " + m : m);
      if (start) stressed_ = true;
    };
    if (tag == "em" || tag == "i" || tag == "u") mark(U"_");
    if (tag == "strong" || tag == "b") mark(U"**");
    if (tag == "del" || tag == "strike" || tag == "s") mark(U"~~");
    if ((tag == "kbd" || tag == "code" || tag == "tt") && !pre_) {
      o(U"`");
      code_ = !code_;
    }
    if (tag == "abbr") {
      if (start) {
        abbr_title_.reset();
        abbr_data_ = U"";
        if (auto t = find_attr(attrs, "title")) abbr_title_ = *t ? decode(**t) : U"";
      } else {
        if (abbr_title_) {
          auto& list = abbr_list_;
          bool replaced = false;
          for (auto& [k, v] : list) {
            if (k == *abbr_data_) {
              v = *abbr_title_;
              replaced = true;
            }
          }
          if (!replaced) list.emplace_back(*abbr_data_, *abbr_title_);
          abbr_title_.reset();
        }
        abbr_data_.reset();
      }
    }
    if (tag == "q") {
      o(U"\"");
      quote_ = !quote_;
    }
    if (tag == "a") {
      if (start) {
        auto href = find_attr(attrs, "href");
        if (href && *href && (*href)->rfind("#", 0) != 0) {
          astack_.push_back(attrs);
          maybe_automatic_link_ = decode(**href);
          empty_link_ = true;
        } else {
          astack_.push_back(std::nullopt);
        }
      } else if (!astack_.empty()) {
        std::optional<HtmlAttributes> a = astack_.back();
        astack_.pop_back();
        if (maybe_automatic_link_ && !empty_link_) {
          maybe_automatic_link_.reset();
        } else if (a) {
          if (empty_link_) {
            o(U"[");
            empty_link_ = false;
            maybe_automatic_link_.reset();
          }
          std::u32string title = escape_md(attr_text(*a, "title"));
          link_url(attr_text(*a, "href"), title);
        }
      }
    }
    if (tag == "img" && start) {
      if (find_attr(attrs, "src")) {
        std::u32string src = attr_text(attrs, "src");
        std::u32string alt = attr_text(attrs, "alt");
        if (maybe_automatic_link_) {
          o(U"[");
          maybe_automatic_link_.reset();
          empty_link_ = false;
        }
        o(U"![" + escape_md(alt) + U"]");
        o(U"(" + escape_md(joined(src)) + U")");
      }
    }
    if (tag == "dl" && start) p();
    if (tag == "dt" && !start) pbr();
    if (tag == "dd" && start) o(U"    ");
    if (tag == "dd" && !start) pbr();
    if (tag == "ol" || tag == "ul") {
      if (list_.empty() && !last_was_list_) p();
      if (start) {
        long numbering = 0;
        if (auto s = find_attr(attrs, "start"); s && *s) {
          // int(attrs["start"]) - 1; a ValueError keeps 0
          std::u32string t = strip(decode(**s));
          std::size_t k = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
          bool ok = k < t.size();
          for (std::size_t m = k; m < t.size(); ++m) ok = ok && (py_digit(t[m]) || t[m] == '_');
          if (ok) numbering = std::stol(encode(t)) - 1;
        }
        list_.push_back({tag, numbering});
      } else if (!list_.empty()) {
        list_.pop_back();
        if (list_.empty()) o(U"\n");
      }
      last_was_list_ = true;
    } else {
      last_was_list_ = false;
    }
    if (tag == "li") {
      pbr();
      if (start) {
        ListElement fallback{"ul", 0};
        ListElement& li = list_.empty() ? fallback : list_.back();
        std::u32string indent;
        for (std::size_t k = 0; k < list_.size(); ++k) indent += U"  ";
        o(indent);
        if (li.name == "ul") {
          o(U"* ");
        } else if (li.name == "ol") {
          li.num += 1;
          o(decode(std::to_string(li.num)) + U". ");
        }
        start_ = true;
      }
    }
    if (tag == "table" && start) table_start_ = true;
    if ((tag == "td" || tag == "th") && start) {
      if (split_next_td_) o(U"| ");
      split_next_td_ = true;
    }
    if (tag == "tr" && start) td_count_ = 0;
    if (tag == "tr" && !start) {
      split_next_td_ = false;
      soft_br();
      if (table_start_) {
        std::u32string rule;
        for (int k = 0; k < td_count_; ++k) rule += k ? U"|---" : U"---";
        o(rule);
        soft_br();
        table_start_ = false;
      }
    }
    if ((tag == "td" || tag == "th") && start) ++td_count_;
    if (tag == "pre") {
      if (start) {
        startpre_ = true;
        pre_ = true;
      } else {
        pre_ = false;
      }
      p();
    }
  }

  void link_url(const std::u32string& link, const std::u32string& title) {
    std::u32string t = strip(title).empty() ? U"" : U" \"" + title + U"\"";
    o(U"](" + escape_md(joined(link)) + t + U")");
  }

  // urljoin(self.baseurl, link), as html2text writes every link and image.
  std::u32string joined(const std::u32string& link) const {
    return baseurl_.empty() ? link : decode(url_join(baseurl_, encode(link)));
  }

  // optwrap: each paragraph (line) wrapped at body_width unless skipwrap says not.
  std::u32string optwrap(const std::u32string& text) const {
    if (!body_width_) return text;
    std::u32string result;
    int newlines = 0;
    std::size_t begin = 0;
    for (;;) {
      std::size_t end = text.find(U'\n', begin);
      std::u32string para = text.substr(begin, end == std::u32string::npos ? end : end - begin);
      if (!para.empty()) {
        if (!skipwrap(para)) {
          std::u32string indent;
          if (para.rfind(U"  *", 0) == 0) {
            indent = U"    ";
          } else if (para.rfind(U"> ", 0) == 0) {
            indent = U"> ";
          }
          auto lines = wrap(para, static_cast<std::size_t>(body_width_), indent);
          for (std::size_t k = 0; k < lines.size(); ++k) result += (k ? U"\n" : U"") + lines[k];
          if (para.size() >= 2 && para.compare(para.size() - 2, 2, U"  ") == 0) {
            result += U"  \n";
            newlines = 1;
          } else if (!indent.empty()) {
            result += U"\n";
            newlines = 1;
          } else {
            result += U"\n\n";
            newlines = 2;
          }
        } else if (!(para.size() >= 2 && py_space(para[0]) && para[1] == '+')) {
          // config.RE_SPACE (r"\s\+") matched at the start keeps the line out
          result += para + U"\n";
          newlines = 1;
        }
      } else if (newlines < 2) {
        result += U"\n";
        ++newlines;
      }
      if (end == std::u32string::npos) break;
      begin = end + 1;
    }
    return result;
  }

  static bool skipwrap(const std::u32string& para) {
    if (para.compare(0, 4, U"    ") == 0 || para[0] == '\t') return true;
    std::size_t k = 0;
    while (k < para.size() && py_space(para[k])) ++k;
    std::u32string stripped = para.substr(k);
    if (stripped.compare(0, 2, U"--") == 0 && stripped.size() > 2 && stripped[2] != '-')
      return false;
    if (!stripped.empty() && (stripped[0] == '-' || stripped[0] == '*') &&
        stripped.compare(0, 2, U"**") != 0)
      return true;
    // \d+\.\s or [-\*\+]\s at the start
    std::size_t d = 0;
    while (d < stripped.size() && py_digit(stripped[d])) ++d;
    if (d > 0 && d + 1 < stripped.size() && stripped[d] == '.' && py_space(stripped[d + 1]))
      return true;
    return stripped.size() >= 2 &&
           (stripped[0] == '-' || stripped[0] == '*' || stripped[0] == '+') &&
           py_space(stripped[1]);
  }

  int body_width_;
  std::string baseurl_;
  std::u32string out_;
  bool last_was_nl_ = false;
  int quiet_ = 0;
  int p_p_ = 0;
  bool start_ = true;
  bool space_ = false;
  std::vector<std::optional<HtmlAttributes>> astack_;
  std::optional<std::u32string> maybe_automatic_link_;
  bool empty_link_ = false;
  std::vector<ListElement> list_;
  int blockquote_ = 0;
  bool pre_ = false;
  bool startpre_ = false;
  bool code_ = false;
  bool quote_ = false;
  std::u32string br_toggle_;
  bool last_was_list_ = false;
  bool inheader_ = false;
  std::optional<std::u32string> abbr_title_;
  std::optional<std::u32string> abbr_data_;
  std::vector<std::pair<std::u32string, std::u32string>> abbr_list_;
  bool stressed_ = false;
  bool preceding_stressed_ = false;
  std::u32string preceding_data_;
  std::string current_tag_;
  bool split_next_td_ = false;
  int td_count_ = 0;
  bool table_start_ = false;
};

bool html_text_arg(Isolate& I, Value v, std::string& out) {
  if (!is_str(v)) {
    raise(I, types().TypeError, "expected str, got " + type_name(v));
    return false;
  }
  out = std::string(as_str(v)->view());
  return true;
}

// to_markdown(html): html2text(html or "").
QUIRE_NATIVE(u_to_markdown) {
  Value a[1];
  if (!parse_args(I, "to_markdown", args, nargs, kwnames, {"html"}, 1, a)) return Value::exc();
  std::string html;
  bool truthy = false;
  if (!is_true(I, a[0], truthy)) return Value::exc();
  if (truthy && !html_text_arg(I, a[0], html)) return Value::exc();
  return new_str(I, html_to_markdown(html));
}

}  // namespace

std::string html_to_markdown(std::string_view html, std::string_view baseurl, int bodywidth) {
  return Html2Text(bodywidth, baseurl).handle(html);
}

void add_to_markdown_functions(Type* utils) {
  host::define_method(utils, "to_markdown", u_to_markdown);
}

Value html2text_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_args(I, "html2text", args, nargs, kwnames, {"html", "baseurl", "bodywidth"}, 1, a))
    return Value::exc();
  std::string html;
  if (!is_str(a[0])) return raise(I, types().TypeError, "expected str, got " + type_name(a[0]));
  html = std::string(as_str(a[0])->view());
  std::string baseurl;
  if (!opt_string(I, a[1], baseurl, "baseurl")) return Value::exc();
  std::int64_t width = 78;
  if (!opt_int(I, a[2], width, 78)) return Value::exc();
  try {
    return new_str(I, html_to_markdown(html, baseurl, static_cast<int>(width)));
  } catch (const std::invalid_argument& e) {
    return raise(I, types().ValueError, e.what());  // urlsplit's "Invalid IPv6 URL"
  }
}

}  // namespace quire::scripting
