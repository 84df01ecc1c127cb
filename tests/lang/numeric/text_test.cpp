// lang/text against CPython: UTF-8 helpers, repr/ascii of str and bytes,
// Unicode predicates and case mapping (including final sigma and special
// casing), int()/float() digit transformation.

#include <gtest/gtest.h>

#include "lang/text/repr.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"
#include "python_oracle.h"

namespace quire::lang::text {
namespace {

using numeric::testing::run_python;

TEST(Utf8Test, EncodeDecodeRoundTripsEveryCodePoint) {
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    const std::string encoded = encode_utf8(cp);
    ASSERT_EQ(encoded.size(), utf8_length(cp));
    size_t pos = 0;
    ASSERT_EQ(decode_utf8(encoded, pos), cp);
    ASSERT_EQ(pos, encoded.size());
  }
}

TEST(Utf8Test, EncodingMatchesCPython) {
  auto rows = run_python(R"PY(
for cp in list(range(0, 0x800, 7)) + list(range(0x800, 0x110000, 4099)) + [0xD800, 0xDFFF, 0x10FFFF]:
    row(cp, chr(cp).encode('utf-8', 'surrogatepass').hex())
)PY");
  ASSERT_GT(rows.size(), 300u);
  for (const auto& r : rows) {
    std::string hex;
    for (unsigned char c : encode_utf8(static_cast<char32_t>(std::stoul(r[0])))) {
      char buffer[3];
      std::snprintf(buffer, sizeof buffer, "%02x", c);
      hex += buffer;
    }
    EXPECT_EQ(hex, r[1]) << r[0];
  }
}

TEST(Utf8Test, ValidationAndIndexing) {
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));                 // truncated
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));             // overlong
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));     // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\x80"));                 // stray continuation
  EXPECT_TRUE(is_valid_utf8("\xed\xa0\x80"));          // surrogate, allowed internally
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80", false));  // but not in strict UTF-8
  size_t pos = 0;
  EXPECT_EQ(decode_utf8("\xff", pos), 0xFFFDu);  // bad input never reads past the end
  EXPECT_EQ(pos, 1u);
  const std::string s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";  // a é € 😀 z
  EXPECT_EQ(count_code_points(s), 5u);
  EXPECT_FALSE(is_ascii(s));
  EXPECT_TRUE(is_ascii("plain"));
  EXPECT_EQ(byte_offset_of(s, 0, false), 0u);
  EXPECT_EQ(byte_offset_of(s, 2, false), 3u);
  EXPECT_EQ(byte_offset_of(s, 4, false), 10u);
  EXPECT_EQ(byte_offset_of(s, 5, false), s.size());
  EXPECT_EQ(byte_offset_of("abc", 2, true), 2u);
  EXPECT_EQ(code_point_index_of(s, 6, false), 3u);
  EXPECT_EQ(code_point_index_of("abc", 2, true), 2u);
}

TEST(ReprTest, StrReprAndAsciiMatchCPythonForCodePoints) {
  auto rows = run_python(R"PY(
cps = list(range(0, 0x3000)) + list(range(0x3000, 0x110000, 7))
for i in range(0, len(cps), 16):
    s = ''.join(chr(c) for c in cps[i:i + 16])
    row(s, repr(s), ascii(s))
for s in ["it's", 'say "hi"', 'both \' and "', '\\', '', 'tab\tnl\nret\r', '\x7f\x00\x1b', "'", '"']:
    row(s, repr(s), ascii(s))
)PY");
  ASSERT_GT(rows.size(), 10000u);
  for (const auto& r : rows) {
    EXPECT_EQ(str_repr(r[0]), r[1]);
    EXPECT_EQ(str_ascii(r[0]), r[2]);
  }
}

TEST(ReprTest, BytesReprMatchesCPython) {
  auto rows = run_python(R"PY(
import random
random.seed(3)
cases = [bytes(range(i, i + 16)) for i in range(0, 256, 16)] + [b"it's", b'"', b'\'"', b'', b'\\']
cases += [bytes(random.randrange(256) for _ in range(random.randrange(10))) for _ in range(200)]
for b in cases:
    row(b.hex(), repr(b))
)PY");
  ASSERT_GT(rows.size(), 200u);
  for (const auto& r : rows) {
    std::string bytes;
    for (size_t i = 0; i + 1 < r[0].size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(r[0].substr(i, 2), nullptr, 16)));
    }
    EXPECT_EQ(bytes_repr(bytes), r[1]);
  }
}

// Every assigned plane (0-3 and the E0000 tags) in full, the rest sampled.
TEST(UnicodeTest, PredicatesMatchCPythonForCodePoints) {
  auto rows = run_python(R"PY(
import unicodedata
out = []
CODE_POINTS = list(range(0x32400)) + list(range(0xE0000, 0xE0200)) + list(range(0x32400, 0x110000, 97))
for cp in CODE_POINTS:
    c = chr(cp)
    flags = ''.join('1' if f else '0' for f in (
        c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.isprintable(),
        c.isupper(), c.islower(), c.isidentifier(), ('a' + c).isidentifier(), c.isalnum(),
        c.istitle()))
    out.append('%d %s%d' % (cp, flags, unicodedata.decimal(c, -1)))
row('\n'.join(out))
)PY");
  ASSERT_EQ(rows.size(), 1u);
  const std::string& all = rows[0][0];
  size_t line_start = 0;
  int mismatches = 0;
  size_t checked = 0;
  while (line_start < all.size() && mismatches < 20) {
    const size_t line_end = std::min(all.find('\n', line_start), all.size());
    const std::string line = all.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    const size_t space = line.find(' ');
    const auto cp = static_cast<char32_t>(std::stoul(line.substr(0, space)));
    const std::string expected = line.substr(space + 1);
    ++checked;
    const std::string c = encode_utf8(cp);
    const std::string ours =
        std::string() + (is_alpha(cp) ? '1' : '0') + (is_decimal(cp) ? '1' : '0') +
        (is_digit(cp) ? '1' : '0') + (is_numeric(cp) ? '1' : '0') + (is_space(cp) ? '1' : '0') +
        (is_printable(cp) ? '1' : '0') + (is_upper(cp) ? '1' : '0') + (is_lower(cp) ? '1' : '0') +
        (str_isidentifier(c) ? '1' : '0') + (str_isidentifier("a" + c) ? '1' : '0') +
        (str_isalnum(c) ? '1' : '0') + (str_istitle(c) ? '1' : '0') +
        std::to_string(decimal_value(cp));
    if (ours != expected) {
      ++mismatches;
      ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(cp) << ": ours " << ours
                    << " CPython " << expected;
    }
  }
  EXPECT_GT(checked, 200000u);
}

TEST(UnicodeTest, CaseMappingAndStringPredicatesMatchCPython) {
  auto rows = run_python(R"PY(
import random
random.seed(11)
ALPHABET = ('abcXYZ \t\n\'-_.1\u00df\u0130\u0131\u03a3\u03c3\u03c2\u01c5\u01c4\u01c6\u1e9e\ufb01'
            '\u0345\u0307\u00e9\u00c9\u1f88\u2160\u24b6\U00010400\U00010428\u0587\u1fb3\u0149'
            '\u02bc\u00ad\u2019\u05d0\u0660\u00b2\u00bd\u3000\x1c\x85')
cases = ['', 'hello world', 'HELLO', 'Hello World', 'hELLO wORLD', "they're bill's friends",
         '\u03a3', 'A\u03a3', 'A\u03a3b', 'A\u03a3 b', 'A\u0345\u03a3', 'A\u03a3\u0345', 'A\u03a3\u0345b',
         '\u03a3\u03a3', 'A\u03a3\u03a3', 'stra\u00dfe', '\u00df', '\ufb01sh', '\u0130stanbul',
         '\u01c4ungla', '\u01c5', 'abc123def', '123', 'a1b2', '_private', '1abc', 'caf\u00e9',
         '\u1f88\u1f80', 'x\u0307', 'I\u0307']
cases += [''.join(random.choice(ALPHABET) for _ in range(random.randrange(1, 9))) for _ in range(3000)]
for s in cases:
    row(s, s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase(),
        ''.join('1' if f else '0' for f in (s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(),
            s.isspace(), s.isalnum(), s.isidentifier(), s.isprintable(), s.istitle(), s.isupper(),
            s.islower(), s.isascii())))
)PY");
  ASSERT_GT(rows.size(), 3000u);
  for (const auto& r : rows) {
    const std::string& s = r[0];
    SCOPED_TRACE(str_repr(s));
    EXPECT_EQ(str_upper(s), r[1]);
    EXPECT_EQ(str_lower(s), r[2]);
    EXPECT_EQ(str_casefold(s), r[3]);
    EXPECT_EQ(str_title(s), r[4]);
    EXPECT_EQ(str_capitalize(s), r[5]);
    EXPECT_EQ(str_swapcase(s), r[6]);
    const std::string flags = std::string() + (str_isalpha(s) ? '1' : '0') +
                              (str_isdecimal(s) ? '1' : '0') + (str_isdigit(s) ? '1' : '0') +
                              (str_isnumeric(s) ? '1' : '0') + (str_isspace(s) ? '1' : '0') +
                              (str_isalnum(s) ? '1' : '0') + (str_isidentifier(s) ? '1' : '0') +
                              (str_isprintable(s) ? '1' : '0') + (str_istitle(s) ? '1' : '0') +
                              (str_isupper(s) ? '1' : '0') + (str_islower(s) ? '1' : '0') +
                              (str_isascii(s) ? '1' : '0');
    EXPECT_EQ(flags, r[7]);
  }
}

TEST(UnicodeTest, LinebreaksMatchCPythonSplitlines) {
  auto rows = run_python(R"PY(
row(' '.join(str(c) for c in range(0x110000) if len(('a' + chr(c) + 'b').splitlines()) == 2))
)PY");
  ASSERT_EQ(rows.size(), 1u);
  std::string ours;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    if (!is_linebreak(cp)) continue;
    if (!ours.empty()) ours.push_back(' ');
    ours += std::to_string(cp);
  }
  EXPECT_EQ(ours, rows[0][0]);
}

TEST(UnicodeTest, TransformDecimalAndSpace) {
  EXPECT_EQ(transform_decimal_and_space_to_ascii("\xd9\xa1\xd9\xa2"), "12");  // Arabic-Indic 1 2
  EXPECT_EQ(transform_decimal_and_space_to_ascii("\xe2\x80\x83"
                                                 "7"),
            " 7");  // em space
  EXPECT_EQ(transform_decimal_and_space_to_ascii("\xc3\xa9"), "?");
  EXPECT_EQ(transform_decimal_and_space_to_ascii("a1 "), "a1 ");
}

}  // namespace
}  // namespace quire::lang::text
