// Decodes the generated name tables (see unicode_names_data.h for the layout).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "lang/text/unicode_names.h"
#include "lang/text/unicode_names_data.h"

namespace quire::lang::text {

namespace {

constexpr std::uint32_t kBase = 91, kOne = 50, kTwo = 84, kThree = 89;

std::uint32_t digit(char c) {
  auto d = static_cast<std::uint32_t>(static_cast<unsigned char>(c) - 0x23);
  return c > '\\' ? d - 1 : d;
}

// Reads one value of the variable-length code at `p`, advancing it.
std::uint32_t decode(const char*& p) {
  std::uint32_t lead = digit(*p++);
  if (lead < kOne) return lead;
  std::uint32_t width = lead < kTwo ? 1 : lead < kThree ? 2 : 3;
  std::uint32_t offset = kOne, start = kOne, span = kBase;
  if (width >= 2) {
    offset += (kTwo - kOne) * kBase;
    start = kTwo;
    span = kBase * kBase;
  }
  if (width == 3) {
    offset += (kThree - kTwo) * kBase * kBase;
    start = kThree;
    span = kBase * kBase * kBase;
  }
  std::uint32_t v = (lead - start) * span;
  for (std::uint32_t k = 0, scale = span / kBase; k < width; ++k, scale /= kBase)
    v += digit(*p++) * scale;
  return offset + v;
}

struct Dictionary {
  std::vector<std::string_view> words;  // sorted
  std::vector<std::uint32_t> codes;     // same order
};

const Dictionary& dictionary() {
  static const Dictionary d = [] {
    Dictionary out;
    out.words.reserve(names::word_count);
    out.codes.reserve(names::word_count);
    std::string_view all(names::words, names::words_size);
    const char* code = names::word_codes;
    while (!all.empty()) {
      std::size_t space = all.find(' ');
      out.words.push_back(all.substr(0, space));
      out.codes.push_back(decode(code));
      all.remove_prefix(space + 1);
    }
    return out;
  }();
  return d;
}

// The word numbers of `upper` (split at single spaces); false when a word is
// in no name.
bool word_numbers(std::string_view upper, std::vector<std::uint32_t>& out) {
  const Dictionary& d = dictionary();
  for (;;) {
    std::size_t space = upper.find(' ');
    std::string_view word = upper.substr(0, space);
    auto it = std::lower_bound(d.words.begin(), d.words.end(), word);
    if (it == d.words.end() || *it != word) return false;
    out.push_back(d.codes[static_cast<std::size_t>(it - d.words.begin())]);
    if (space == std::string_view::npos) return true;
    upper.remove_prefix(space + 1);
  }
}

// Scans a record stream for the name with these word numbers.
std::optional<char32_t> find_record(const char* p, std::size_t size,
                                    const std::vector<std::uint32_t>& wanted, std::uint32_t step) {
  const char* end = p + size;
  std::int64_t code_point = -static_cast<std::int64_t>(step);
  while (p < end) {
    code_point += decode(p) + step;
    std::size_t k = 0;
    bool same = true;
    for (std::uint32_t w; (w = decode(p)) != 0; ++k)
      same = same && k < wanted.size() && w == wanted[k];
    if (same && k == wanted.size()) return static_cast<char32_t>(code_point);
  }
  return std::nullopt;
}

// CPython's find_syllable: the longest jamo name of the column at `s`.
int longest_jamo(std::string_view& s, const char* const* table, int count) {
  int best = -1;
  std::size_t best_len = 0;
  for (int i = 0; i < count; ++i) {
    std::string_view jamo = table[i];
    if ((best < 0 || jamo.size() > best_len) && s.substr(0, jamo.size()) == jamo) {
      best = i;
      best_len = jamo.size();
    }
  }
  s.remove_prefix(best_len);
  return best;
}

std::optional<char32_t> hangul_syllable(std::string_view rest) {
  static const char* const kLeading[] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                         "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
  static const char* const kVowel[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                       "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                       "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
  static const char* const kTrailing[] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                          "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                          "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};
  int l = longest_jamo(rest, kLeading, 19);
  int v = longest_jamo(rest, kVowel, 21);
  int t = longest_jamo(rest, kTrailing, 28);
  if (l < 0 || v < 0 || t < 0 || !rest.empty()) return std::nullopt;
  return static_cast<char32_t>(0xAC00 + (l * 21 + v) * 28 + t);
}

std::optional<std::uint32_t> parse_upper_hex(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  std::uint32_t v = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      v = v * 16 + static_cast<std::uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F')
      v = v * 16 + static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return std::nullopt;
  }
  return v;
}

constexpr std::string_view kUnified = "CJK UNIFIED IDEOGRAPH-";

// PREFIX-XXXX names. CJK unified ideographs: case-sensitive, four or five hex
// digits; the others are ordinary names, so compared after upper-casing.
std::optional<char32_t> hex_named(std::string_view raw, std::string_view upper) {
  for (std::size_t i = 0; i < names::hex_range_count; ++i) {
    const names::HexNamedRange& r = names::hex_ranges[i];
    std::string_view prefix = r.prefix;
    bool unified = prefix == kUnified;
    std::string_view s = unified ? raw : upper;
    if (s.substr(0, prefix.size()) != prefix) continue;
    std::string_view hex = s.substr(prefix.size());
    auto v = parse_upper_hex(hex);
    if (!v || *v < r.first || *v > r.last) continue;
    std::size_t canonical = *v > 0xFFFFF ? 6 : *v > 0xFFFF ? 5 : 4;  // as "%04X"
    if (unified ? (hex.size() == 4 || hex.size() == 5) : hex.size() == canonical)
      return static_cast<char32_t>(*v);
  }
  return std::nullopt;
}

}  // namespace

std::optional<char32_t> lookup_character_name(std::string_view name) {
  if (name.substr(0, 16) == "HANGUL SYLLABLE ") return hangul_syllable(name.substr(16));
  std::string upper;
  upper.reserve(name.size());
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    upper += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (auto v = hex_named(name, upper)) return v;
  std::vector<std::uint32_t> wanted;
  if (!word_numbers(upper, wanted)) return std::nullopt;
  if (auto v = find_record(names::names, names::names_size, wanted, 1)) return v;
  return find_record(names::aliases, names::aliases_size, wanted, 0);
}

}  // namespace quire::lang::text
