// html.parser.HTMLParser.goahead (CPython 3.11) with end=True over the whole
// input, as a reader that feeds a document at once and closes sees it.
#include "scripting/utils_html_tokenizer.h"

#include <cctype>

#include "lang/text/utf8.h"
#include "scripting/utils_html_entities.h"

namespace quire::scripting {

namespace {

bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
// \s of a str pattern, on the ASCII bytes a tag is made of.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view raw, HtmlEvents& events) : raw_(raw), ev_(events) {}

  void run() {
    const std::size_t n = raw_.size();
    std::size_t i = 0;
    while (i < n) {
      std::size_t j;
      if (!cdata_.empty()) {
        auto close = find_cdata_close(i);
        if (!close) return;  // unclosed script/style: its text is dropped
        j = *close;
      } else {
        j = raw_.find_first_of("&<", i);
        if (j == std::string_view::npos) j = n;
      }
      if (i < j) ev_.data(raw_.substr(i, j - i));
      i = j;
      if (i == n) break;
      if (raw_[i] == '<') {
        long k;
        if (i + 1 < n && is_alpha(raw_[i + 1])) {
          k = parse_starttag(i);
        } else if (raw_.substr(i, 2) == "</") {
          k = parse_endtag(i);
        } else if (raw_.substr(i, 4) == "<!--") {
          k = parse_comment(i);
        } else if (raw_.substr(i, 2) == "<?" || raw_.substr(i, 2) == "<!") {
          auto gt = raw_.find('>', i + 2);
          k = gt == std::string_view::npos ? -1 : static_cast<long>(gt + 1);
        } else if (i + 1 < n) {
          ev_.data("<");
          k = static_cast<long>(i + 1);
        } else {
          break;
        }
        if (k < 0) {
          auto gt = raw_.find('>', i + 1);
          std::size_t end;
          if (gt == std::string_view::npos) {
            auto lt = raw_.find('<', i + 1);
            end = lt == std::string_view::npos ? i + 1 : lt;
          } else {
            end = gt + 1;
          }
          ev_.data(raw_.substr(i, end - i));
          k = static_cast<long>(end);
        }
        i = static_cast<std::size_t>(k);
      } else if (raw_.substr(i, 2) == "&#") {
        // &#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]
        std::size_t p = i + 2;
        bool hex = p < n && (raw_[p] == 'x' || raw_[p] == 'X');
        std::size_t digits = hex ? p + 1 : p;
        std::size_t q = digits;
        while (q < n && (hex ? is_hex(raw_[q]) : std::isdigit(static_cast<unsigned char>(raw_[q]))))
          ++q;
        if (q > digits && q < n && !is_hex(raw_[q])) {
          ev_.char_ref(raw_.substr(i + 2, q - (i + 2)));
          i = raw_[q] == ';' ? q + 1 : q;
          continue;
        }
        if (raw_.find(';', i) != std::string_view::npos) {
          ev_.data(raw_.substr(i, 2));
          i += 2;
        }
        break;
      } else {
        // &([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]
        std::size_t p = i + 1;
        if (p < n && is_alpha(raw_[p])) {
          std::size_t q = p + 1;
          while (q < n && (is_alnum(raw_[q]) || raw_[q] == '-' || raw_[q] == '.')) ++q;
          if (q == n) {
            // The regex backtracks to a "-" or "." of the name as its terminator.
            std::size_t r = n - 1;
            while (r > p && raw_[r] != '-' && raw_[r] != '.') --r;
            q = r > p ? r : n;
          }
          if (q < n) {
            ev_.entity_ref(raw_.substr(p, q - p));
            i = raw_[q] == ';' ? q + 1 : q;
            continue;
          }
        }
        if (p < n && (is_alpha(raw_[p]) || raw_[p] == '#')) {
          // incomplete: "&x" as the very end skips the "&"
          if (n - i == 2) i += 1;
          break;
        }
        if (i + 1 < n) {
          ev_.data("&");
          i += 1;
        } else {
          break;
        }
      }
    }
    if (i < n && cdata_.empty()) ev_.data(raw_.substr(i));
  }

 private:
  // </\s*script\s*>, case-insensitive.
  std::optional<std::size_t> find_cdata_close(std::size_t from) {
    for (std::size_t p = raw_.find("</", from); p != std::string_view::npos;
         p = raw_.find("</", p + 1)) {
      std::size_t q = p + 2;
      while (q < raw_.size() && is_space(raw_[q])) ++q;
      if (lower(raw_.substr(q, cdata_.size())) != cdata_) continue;
      q += cdata_.size();
      while (q < raw_.size() && is_space(raw_[q])) ++q;
      if (q < raw_.size() && raw_[q] == '>') return p;
    }
    return std::nullopt;
  }

  long parse_comment(std::size_t i) {
    // --\s*>
    for (std::size_t p = raw_.find("--", i + 4); p != std::string_view::npos;
         p = raw_.find("--", p + 1)) {
      std::size_t q = p + 2;
      while (q < raw_.size() && is_space(raw_[q])) ++q;
      if (q < raw_.size() && raw_[q] == '>') return static_cast<long>(q + 1);
    }
    return -1;
  }

  // The start tag at i: attributes as attrfind_tolerant reads them.
  long parse_starttag(std::size_t i) {
    const std::size_t n = raw_.size();
    std::size_t p = i + 1;
    std::size_t name_end = p;
    while (name_end < n && !is_space(raw_[name_end]) && raw_[name_end] != '/' &&
           raw_[name_end] != '>' && raw_[name_end] != '\0')
      ++name_end;
    std::string tag = lower(raw_.substr(p, name_end - p));
    HtmlAttributes attrs;
    p = name_end;
    for (;;) {
      while (p < n && (is_space(raw_[p]) || (raw_[p] == '/' && p + 1 < n && raw_[p + 1] != '>')))
        ++p;
      if (p >= n) return -1;
      if (raw_[p] == '>') {
        emit_start(tag, attrs, false);
        return static_cast<long>(p + 1);
      }
      if (raw_[p] == '/') {  // "/>"
        emit_start(tag, attrs, true);
        return static_cast<long>(p + 2);
      }
      std::size_t a = p;
      ++p;
      while (p < n && !is_space(raw_[p]) && raw_[p] != '/' && raw_[p] != '=' && raw_[p] != '>') ++p;
      std::string name = lower(raw_.substr(a, p - a));
      std::size_t q = p;
      while (q < n && is_space(raw_[q])) ++q;
      if (q < n && raw_[q] == '=') {
        while (q < n && raw_[q] == '=') ++q;
        while (q < n && is_space(raw_[q])) ++q;
        std::string value;
        if (q < n && (raw_[q] == '"' || raw_[q] == '\'')) {
          auto close = raw_.find(raw_[q], q + 1);
          if (close == std::string_view::npos) return -1;
          value = std::string(raw_.substr(q + 1, close - q - 1));
          q = close + 1;
        } else {
          std::size_t v = q;
          while (q < n && !is_space(raw_[q]) && raw_[q] != '>') ++q;
          value = std::string(raw_.substr(v, q - v));
        }
        attrs.emplace_back(std::move(name), html_unescape(value));
        p = q;
      } else {
        attrs.emplace_back(std::move(name), std::nullopt);
      }
    }
  }

  void emit_start(const std::string& tag, const HtmlAttributes& attrs, bool self_closing) {
    if (self_closing) {
      ev_.start_end_tag(tag, attrs);
      return;
    }
    ev_.start_tag(tag, attrs);
    if (tag == "script" || tag == "style") cdata_ = tag;
  }

  long parse_endtag(std::size_t i) {
    auto gt = raw_.find('>', i + 1);
    if (gt == std::string_view::npos) return -1;
    std::size_t gtpos = gt + 1;
    // </\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
    std::size_t p = i + 2;
    while (p < raw_.size() && is_space(raw_[p])) ++p;
    std::size_t name_start = p;
    if (p < raw_.size() && is_alpha(raw_[p])) {
      ++p;
      while (p < raw_.size() && (is_alnum(raw_[p]) || raw_[p] == '-' || raw_[p] == '.' ||
                                 raw_[p] == ':' || raw_[p] == '_'))
        ++p;
    }
    std::size_t name_end = p;
    while (p < raw_.size() && is_space(raw_[p])) ++p;
    bool exact = name_end > name_start && p == gt;
    if (!exact) {
      if (!cdata_.empty()) {
        ev_.data(raw_.substr(i, gtpos - i));
        return static_cast<long>(gtpos);
      }
      std::size_t t = i + 2;
      if (t < raw_.size() && is_alpha(raw_[t])) {
        std::size_t e = t;
        while (e < raw_.size() && !is_space(raw_[e]) && raw_[e] != '/' && raw_[e] != '>' &&
               raw_[e] != '\0')
          ++e;
        ev_.end_tag(lower(raw_.substr(t, e - t)));
        auto close = raw_.find('>', e);
        return static_cast<long>(close + 1);
      }
      if (raw_.substr(i, 3) == "</>") return static_cast<long>(i + 3);
      // A bogus comment: up to the next ">".
      return static_cast<long>(gtpos);
    }
    std::string tag = lower(raw_.substr(name_start, name_end - name_start));
    if (!cdata_.empty() && tag != cdata_) {
      ev_.data(raw_.substr(i, gtpos - i));
      return static_cast<long>(gtpos);
    }
    ev_.end_tag(tag);
    cdata_.clear();
    return static_cast<long>(gtpos);
  }

  std::string_view raw_;
  HtmlEvents& ev_;
  std::string cdata_;
};

}  // namespace

std::string html_unescape(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    std::size_t semi = text.find(';', i);
    if (semi != std::string_view::npos && semi > i + 1) {
      std::string_view name = text.substr(i + 1, semi - i - 1);
      if (name[0] == '#' && name.size() > 1) {
        bool hex = name[1] == 'x' || name[1] == 'X';
        std::string_view digits = name.substr(hex ? 2 : 1);
        bool ok = !digits.empty() && digits.size() < 9;
        for (char c : digits)
          ok = ok && (hex ? is_hex(c) : std::isdigit(static_cast<unsigned char>(c)));
        if (ok) {
          char32_t c =
              static_cast<char32_t>(std::stoul(std::string(digits), nullptr, hex ? 16 : 10));
          if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
          lang::text::append_utf8(out, c);
          i = semi + 1;
          continue;
        }
      } else if (auto entity = html5_entity(name)) {
        out += *entity;
        i = semi + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

void tokenize_html(std::string_view html, HtmlEvents& events) {
  Tokenizer(html, events).run();
}

}  // namespace quire::scripting
