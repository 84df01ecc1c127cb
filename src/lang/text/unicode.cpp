#include "lang/text/unicode.h"

#include <algorithm>
#include <vector>

#include "lang/text/unicode_tables.h"
#include "lang/text/utf8.h"

namespace quire::lang::text {

namespace {

bool in_table(const tables::RangeTable& table, char32_t cp) {
  const tables::CodePointRange* end = table.ranges + table.size;
  const tables::CodePointRange* it =
      std::upper_bound(table.ranges, end, cp,
                       [](char32_t c, const tables::CodePointRange& r) { return c < r.first; });
  return it != table.ranges && cp <= (it - 1)->last;
}

// Appends the full case mapping of cp (itself when the table has no entry).
void append_mapped(std::string& out, const tables::CaseMappingTable& table, char32_t cp) {
  const tables::CaseMapping* end = table.entries + table.size;
  const tables::CaseMapping* it =
      std::lower_bound(table.entries, end, cp,
                       [](const tables::CaseMapping& m, char32_t c) { return m.code_point < c; });
  if (it == end || it->code_point != cp) {
    append_utf8(out, cp);
    return;
  }
  for (char32_t m : it->mapped) {
    if (m != 0) append_utf8(out, m);
  }
}

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) cps.push_back(decode_utf8(s, pos));
  return cps;
}

// ASCII text (the common case) maps byte by byte with no tables.
bool ascii_upper_letter(char c) {
  return c >= 'A' && c <= 'Z';
}
bool ascii_lower_letter(char c) {
  return c >= 'a' && c <= 'z';
}
char ascii_to_upper(char c) {
  return ascii_lower_letter(c) ? static_cast<char>(c - 32) : c;
}
char ascii_to_lower(char c) {
  return ascii_upper_letter(c) ? static_cast<char>(c + 32) : c;
}

constexpr char32_t kCapitalSigma = 0x3A3;

// CPython's handle_capital_sigma: U+03A3 lowers to final sigma when it ends a
// word: \p{cased}\p{case-ignorable}* SIGMA !(\p{case-ignorable}*\p{cased}).
char32_t lower_sigma(const std::vector<char32_t>& cps, size_t i) {
  size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = cps[--j];
    if (!is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && is_cased(c);
  if (final_sigma && i + 1 < cps.size()) {
    size_t k = i + 1;
    for (; k < cps.size(); ++k) {
      c = cps[k];
      if (!is_case_ignorable(c)) break;
    }
    final_sigma = k == cps.size() || !is_cased(c);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void append_lower(std::string& out, const std::vector<char32_t>& cps, size_t i) {
  if (cps[i] == kCapitalSigma) {
    append_utf8(out, lower_sigma(cps, i));
  } else {
    append_mapped(out, tables::map_lower, cps[i]);
  }
}

template <typename Pred>
bool all_of_nonempty(std::string_view s, Pred pred) {
  if (s.empty()) return false;
  for (size_t pos = 0; pos < s.size();) {
    if (!pred(decode_utf8(s, pos))) return false;
  }
  return true;
}

}  // namespace

bool is_alpha(char32_t cp) {
  return in_table(tables::alpha, cp);
}
bool is_decimal(char32_t cp) {
  return in_table(tables::decimal, cp);
}
bool is_digit(char32_t cp) {
  return in_table(tables::digit, cp);
}
bool is_numeric(char32_t cp) {
  return in_table(tables::numeric, cp);
}
bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return in_table(tables::space, cp);
}
bool is_linebreak(char32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}
bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return in_table(tables::printable, cp);
}
bool is_upper(char32_t cp) {
  return in_table(tables::upper, cp);
}
bool is_lower(char32_t cp) {
  return in_table(tables::lower, cp);
}
bool is_title(char32_t cp) {
  return in_table(tables::title, cp);
}
bool is_cased(char32_t cp) {
  return in_table(tables::cased, cp);
}
bool is_case_ignorable(char32_t cp) {
  return in_table(tables::case_ignorable, cp);
}
bool is_xid_start(char32_t cp) {
  return cp != '_' && in_table(tables::identifier_start, cp);
}
bool is_xid_continue(char32_t cp) {
  return in_table(tables::identifier_continue, cp);
}

int decimal_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  const char32_t* end = tables::decimal_zeros.zeros + tables::decimal_zeros.size;
  const char32_t* it = std::upper_bound(tables::decimal_zeros.zeros, end, cp);
  if (it == tables::decimal_zeros.zeros) return -1;
  const char32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

bool str_isalpha(std::string_view s) {
  return all_of_nonempty(s, is_alpha);
}
bool str_isdecimal(std::string_view s) {
  return all_of_nonempty(s, is_decimal);
}
bool str_isdigit(std::string_view s) {
  return all_of_nonempty(s, is_digit);
}
bool str_isnumeric(std::string_view s) {
  return all_of_nonempty(s, is_numeric);
}
bool str_isspace(std::string_view s) {
  return all_of_nonempty(s, is_space);
}
bool str_isalnum(std::string_view s) {
  return all_of_nonempty(
      s, [](char32_t c) { return is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c); });
}
bool str_isprintable(std::string_view s) {
  return s.empty() || all_of_nonempty(s, is_printable);
}
bool str_isascii(std::string_view s) {
  return is_ascii(s);
}

bool str_isidentifier(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  const char32_t first = decode_utf8(s, pos);
  if (!in_table(tables::identifier_start, first)) return false;
  while (pos < s.size()) {
    if (!is_xid_continue(decode_utf8(s, pos))) return false;
  }
  return true;
}

bool str_isupper(std::string_view s) {
  bool cased = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = decode_utf8(s, pos);
    if (is_lower(c) || is_title(c)) return false;
    if (is_upper(c)) cased = true;
  }
  return cased;
}

bool str_islower(std::string_view s) {
  bool cased = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = decode_utf8(s, pos);
    if (is_upper(c) || is_title(c)) return false;
    if (is_lower(c)) cased = true;
  }
  return cased;
}

bool str_istitle(std::string_view s) {
  bool cased = false;
  bool previous_is_cased = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = decode_utf8(s, pos);
    if (is_upper(c) || is_title(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

std::string str_upper(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) c = ascii_to_upper(c);
    return out;
  }
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) append_mapped(out, tables::map_upper, decode_utf8(s, pos));
  return out;
}

std::string str_lower(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) c = ascii_to_lower(c);
    return out;
  }
  const std::vector<char32_t> cps = decode_all(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) append_lower(out, cps, i);
  return out;
}

std::string str_casefold(std::string_view s) {
  if (is_ascii(s)) return str_lower(s);
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    append_mapped(out, tables::map_casefold, decode_utf8(s, pos));
  }
  return out;
}

std::string str_title(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    bool previous_is_cased = false;
    for (char& c : out) {
      c = previous_is_cased ? ascii_to_lower(c) : ascii_to_upper(c);
      previous_is_cased = ascii_upper_letter(c) || ascii_lower_letter(c);
    }
    return out;
  }
  const std::vector<char32_t> cps = decode_all(s);
  std::string out;
  out.reserve(s.size());
  bool previous_is_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (previous_is_cased) {
      append_lower(out, cps, i);
    } else {
      append_mapped(out, tables::map_title, cps[i]);
    }
    previous_is_cased = is_cased(cps[i]);
  }
  return out;
}

std::string str_capitalize(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (size_t i = 0; i < out.size(); ++i) {
      out[i] = i == 0 ? ascii_to_upper(out[i]) : ascii_to_lower(out[i]);
    }
    return out;
  }
  const std::vector<char32_t> cps = decode_all(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    if (i == 0) {
      append_mapped(out, tables::map_title, cps[i]);
    } else {
      append_lower(out, cps, i);
    }
  }
  return out;
}

std::string str_swapcase(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) c = ascii_upper_letter(c) ? ascii_to_lower(c) : ascii_to_upper(c);
    return out;
  }
  const std::vector<char32_t> cps = decode_all(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    if (is_upper(cps[i])) {
      append_lower(out, cps, i);
    } else if (is_lower(cps[i])) {
      append_mapped(out, tables::map_upper, cps[i]);
    } else {
      append_utf8(out, cps[i]);
    }
  }
  return out;
}

std::string transform_decimal_and_space_to_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = decode_utf8(s, pos);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (is_space(c)) {
      out.push_back(' ');
    } else if (int d = decimal_value(c); d >= 0) {
      out.push_back(static_cast<char>('0' + d));
    } else {
      out.push_back('?');
    }
  }
  return out;
}

}  // namespace quire::lang::text
