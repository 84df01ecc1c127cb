// The regular expression CPython's _strptime builds from a format, and its
// matching: case-insensitive, anchored at the start, whitespace runs as
// \s+, each directive's alternatives tried in the regex's order with full
// backtracking (C locale names; %Z knows UTC and GMT).

#include "lang/time/strptime_pattern.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "lang/time/error.h"
#include "lang/time/names.h"
#include "lang/time/py_repr.h"

namespace quire::lang::time {

bool same_letter(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

namespace {

// One piece of the compiled pattern.
struct Element {
  enum Kind { Literal, Whitespace, Directive } kind;
  char c;  // the literal character or the directive letter
};

bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' ||
         c == '\x1f';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// One regex alternative of fixed length: "3[01]" is {"3", "01"}; "\d" is
// "0123456789".
using Alternative = std::vector<const char*>;

constexpr const char* kDigit = "0123456789";

const std::vector<Alternative>& numeric_alternatives(char directive) {
  static const std::vector<Alternative> d = {
      {"3", "01"}, {"12", kDigit}, {"0", "123456789"}, {"123456789"}, {" ", "123456789"}};
  static const std::vector<Alternative> H = {{"2", "0123"}, {"01", kDigit}, {kDigit}};
  static const std::vector<Alternative> I = {{"1", "012"}, {"0", "123456789"}, {"123456789"}};
  static const std::vector<Alternative> Y = {{kDigit, kDigit, kDigit, kDigit}};
  static const std::vector<Alternative> j = {{"3", "6", "0123456"},   {"3", "012345", kDigit},
                                             {"12", kDigit, kDigit},  {"0", "123456789", kDigit},
                                             {"0", "0", "123456789"}, {"123456789", kDigit},
                                             {"0", "123456789"},      {"123456789"}};
  static const std::vector<Alternative> M = {{"012345", kDigit}, {kDigit}};
  static const std::vector<Alternative> S = {{"6", "01"}, {"012345", kDigit}, {kDigit}};
  static const std::vector<Alternative> U = {{"5", "0123"}, {"01234", kDigit}, {kDigit}};
  static const std::vector<Alternative> w = {{"0123456"}};
  static const std::vector<Alternative> u = {{"1234567"}};
  static const std::vector<Alternative> V = {
      {"5", "0123"}, {"0", "123456789"}, {"1234", kDigit}, {kDigit}};
  static const std::vector<Alternative> y = {{kDigit, kDigit}};
  static const std::vector<Alternative> none;
  switch (directive) {
    case 'd':
      return d;
    case 'H':
      return H;
    case 'I':
    case 'm':
      return I;
    case 'G':
    case 'Y':
      return Y;
    case 'j':
      return j;
    case 'M':
      return M;
    case 'S':
      return S;
    case 'U':
    case 'W':
      return U;
    case 'w':
      return w;
    case 'u':
      return u;
    case 'V':
      return V;
    case 'y':
      return y;
    default:
      return none;
  }
}

// Names in the order the regex tries them: longest first, stable.
std::vector<std::string> names_by_length(const char* const* names, size_t count) {
  std::vector<std::string> out(names, names + count);
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

const std::vector<std::string>& name_alternatives(char directive) {
  static const std::vector<std::string> A = names_by_length(kWeekdayNames, 7);
  static const std::vector<std::string> a = names_by_length(kWeekdayAbbr, 7);
  static const std::vector<std::string> B = names_by_length(kMonthNames + 1, 12);
  static const std::vector<std::string> b = names_by_length(kMonthAbbr + 1, 12);
  static const std::vector<std::string> p = {"AM", "PM"};
  static const std::vector<std::string> Z = {"UTC", "GMT"};
  static const std::vector<std::string> none;
  switch (directive) {
    case 'A':
      return A;
    case 'a':
      return a;
    case 'B':
      return B;
    case 'b':
      return b;
    case 'p':
      return p;
    case 'Z':
      return Z;
    default:
      return none;
  }
}

bool known_directive(char c) {
  return !numeric_alternatives(c).empty() || !name_alternatives(c).empty() || c == 'f' ||
         c == 'z' || c == '%' || c == 'c' || c == 'x' || c == 'X';
}

// Lengths the %z group can match at `pos`, in the regex's preference order:
// [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)
std::vector<size_t> offset_candidates(const std::string& s, size_t pos) {
  std::vector<size_t> out;
  auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  auto sixty = [&](size_t i) { return at(i) >= '0' && at(i) <= '5' && is_digit(at(i + 1)); };
  if ((at(pos) == '+' || at(pos) == '-') && is_digit(at(pos + 1)) && is_digit(at(pos + 2))) {
    for (int colon = 1; colon >= 0; --colon) {
      size_t p = pos + 3;
      if (colon == 1 && at(p) != ':') continue;
      p += colon;
      if (!sixty(p)) continue;
      p += 2;
      for (int colon2 = 1; colon2 >= 0; --colon2) {
        size_t q = p;
        if (colon2 == 1 && at(q) != ':') continue;
        q += colon2;
        if (!sixty(q)) continue;
        q += 2;
        if (at(q) == '.') {
          size_t digits = 0;
          while (digits < 6 && is_digit(at(q + 1 + digits))) ++digits;
          for (size_t k = digits; k >= 1; --k) out.push_back(q + 1 + k - pos);
        }
        out.push_back(q - pos);
      }
      out.push_back(p - pos);
    }
  }
  if (at(pos) == 'Z') out.push_back(1);
  return out;
}

// Every length the directive can match at `pos`, most preferred first.
std::vector<size_t> candidates(char directive, const std::string& s, size_t pos) {
  std::vector<size_t> out;
  if (directive == 'f') {
    size_t n = 0;
    while (n < 6 && pos + n < s.size() && is_digit(s[pos + n])) ++n;
    for (; n >= 1; --n) out.push_back(n);
    return out;
  }
  if (directive == 'z') return offset_candidates(s, pos);
  if (directive == '%') {
    if (pos < s.size() && s[pos] == '%') out.push_back(1);
    return out;
  }
  for (const Alternative& alt : numeric_alternatives(directive)) {
    bool ok = pos + alt.size() <= s.size();
    for (size_t k = 0; ok && k < alt.size(); ++k)
      ok = std::string_view(alt[k]).find(s[pos + k]) != std::string_view::npos;
    if (ok) out.push_back(alt.size());
  }
  for (const std::string& name : name_alternatives(directive)) {
    bool ok = pos + name.size() <= s.size();
    for (size_t k = 0; ok && k < name.size(); ++k) ok = same_letter(name[k], s[pos + k]);
    if (ok) out.push_back(name.size());
  }
  return out;
}

class Pattern {
 public:
  explicit Pattern(const std::string& format) : format_(format) { compile(format, 0); }

  // Matches from the start of `text`; fills the captured directive texts.
  // Returns the end of the match, or npos when nothing matches.
  size_t match(const std::string& text) {
    text_ = &text;
    captures_.assign(elements_.size(), {0, 0});
    steps_ = 0;
    return match_from(0, 0);
  }

  // (directive letter, matched text) in pattern order.
  std::vector<std::pair<char, std::string>> groups() const {
    std::vector<std::pair<char, std::string>> out;
    for (size_t i = 0; i < elements_.size(); ++i)
      if (elements_[i].kind == Element::Directive && elements_[i].c != '%')
        out.emplace_back(elements_[i].c, text_->substr(captures_[i].first, captures_[i].second));
    return out;
  }

 private:
  void compile(const std::string& f, int depth) {
    for (size_t i = 0; i < f.size(); ++i) {
      char c = f[i];
      if (is_space(c)) {
        while (i + 1 < f.size() && is_space(f[i + 1])) ++i;
        elements_.push_back({Element::Whitespace, ' '});
      } else if (c != '%') {
        elements_.push_back({Element::Literal, c});
      } else if (i + 1 >= f.size()) {
        raise_value_error("stray % in format " + python_string_repr(format_));
      } else {
        char d = f[++i];
        if (!known_directive(d)) {
          // Regex-escaped characters and whitespace put a backslash (or
          // \s+) after the '%', which Python reports as the bad '%'.
          bool escaped =
              std::string_view("\\.^$*+?(){}[]|").find(d) != std::string_view::npos || is_space(d);
          raise_value_error("'" + std::string(1, escaped ? '%' : d) +
                            "' is a bad directive in format " + python_string_repr(format_));
        }
        if (d == 'c' && depth == 0) {
          compile("%a %b %d %H:%M:%S %Y", 1);
        } else if (d == 'x' && depth == 0) {
          compile("%m/%d/%y", 1);
        } else if (d == 'X' && depth == 0) {
          compile("%H:%M:%S", 1);
        } else {
          elements_.push_back({Element::Directive, d});
        }
      }
    }
  }

  size_t match_from(size_t index, size_t pos) {
    if (++steps_ > kMaxSteps)
      raise_value_error("strptime: format too ambiguous to match in bounded time");
    if (index == elements_.size()) return pos;
    const std::string& s = *text_;
    const Element& e = elements_[index];
    if (e.kind == Element::Literal) {
      if (pos >= s.size() || !same_letter(s[pos], e.c)) return std::string::npos;
      return match_from(index + 1, pos + 1);
    }
    if (e.kind == Element::Whitespace) {
      size_t n = 0;
      while (pos + n < s.size() && is_space(s[pos + n])) ++n;
      for (; n >= 1; --n) {
        size_t end = match_from(index + 1, pos + n);
        if (end != std::string::npos) return end;
      }
      return std::string::npos;
    }
    for (size_t length : candidates(e.c, s, pos)) {
      captures_[index] = {pos, length};
      size_t end = match_from(index + 1, pos + length);
      if (end != std::string::npos) return end;
    }
    return std::string::npos;
  }

  static constexpr long kMaxSteps = 1000000;
  std::string format_;
  std::vector<Element> elements_;
  std::vector<std::pair<size_t, size_t>> captures_;
  const std::string* text_ = nullptr;
  long steps_ = 0;
};

}  // namespace

StrptimeMatch match_strptime_format(const std::string& text, const std::string& format) {
  Pattern pattern(format);
  size_t end = pattern.match(text);
  if (end == std::string::npos) return StrptimeMatch{false, 0, {}};
  return StrptimeMatch{true, end, pattern.groups()};
}

}  // namespace quire::lang::time
