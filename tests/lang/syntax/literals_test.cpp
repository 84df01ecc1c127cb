// Literal decoding: numbers and string escapes. Expected values are those of
// CPython 3.11 (checked with python3 when the tests were written).

#include <gtest/gtest.h>

#include "lang/syntax/parser.h"

namespace quire::lang::syntax {
namespace {

// Parses `source` as an expression and returns the Constant it must be.
const Constant* constant(ParseResult& result, std::string_view source) {
  result = parse_expression(source, "t.py");
  EXPECT_TRUE(result.ok()) << source << ": " << (result.error ? result.error->message : "");
  if (!result.ok()) return nullptr;
  const Constant* c = result.expression->as<Constant>();
  EXPECT_NE(c, nullptr) << source;
  return c;
}

std::int64_t small_int(std::string_view source) {
  ParseResult r;
  const Constant* c = constant(r, source);
  if (!c) return -1;
  EXPECT_EQ(c->value_kind, ConstantKind::Int) << source;
  EXPECT_FALSE(c->int_is_big) << source;
  return c->int_value;
}

std::string big_int(std::string_view source) {
  ParseResult r;
  const Constant* c = constant(r, source);
  if (!c) return "";
  EXPECT_TRUE(c->int_is_big) << source;
  return c->text;
}

double float_value(std::string_view source) {
  ParseResult r;
  const Constant* c = constant(r, source);
  if (!c) return -1;
  EXPECT_EQ(c->value_kind, ConstantKind::Float) << source;
  return c->float_value;
}

std::string str_value(std::string_view source) {
  ParseResult r;
  const Constant* c = constant(r, source);
  if (!c) return "<error>";
  EXPECT_EQ(c->value_kind, ConstantKind::Str) << source;
  return c->text;
}

std::string bytes_value(std::string_view source) {
  ParseResult r;
  const Constant* c = constant(r, source);
  if (!c) return "<error>";
  EXPECT_EQ(c->value_kind, ConstantKind::Bytes) << source;
  return c->text;
}

std::string error_of(std::string_view source) {
  ParseResult r = parse_module(source, "t.py");
  return r.ok() ? "OK" : r.error->message;
}

TEST(syntax_Integers, AllBasesAndUnderscores) {
  EXPECT_EQ(small_int("0"), 0);
  EXPECT_EQ(small_int("00"), 0);
  EXPECT_EQ(small_int("1_000_000"), 1000000);
  EXPECT_EQ(small_int("0xDEAD_beef"), 0xDEADBEEF);
  EXPECT_EQ(small_int("0o777"), 511);
  EXPECT_EQ(small_int("0B1010"), 10);
  EXPECT_EQ(small_int("9223372036854775807"), INT64_MAX);
}

TEST(syntax_Integers, BeyondInt64KeepDecimalDigits) {
  EXPECT_EQ(big_int("9223372036854775808"), "9223372036854775808");
  EXPECT_EQ(big_int("0xFFFFFFFFFFFFFFFFFF"), "4722366482869645213695");  // python3: int(...)
  EXPECT_EQ(big_int("0o1777777777777777777777"), "18446744073709551615");
  EXPECT_EQ(big_int("0b" + std::string(64, '1')), "18446744073709551615");
  EXPECT_EQ(big_int("123_456789012345678901234567890"), "123456789012345678901234567890");
}

TEST(syntax_Floats, Forms) {
  EXPECT_EQ(float_value("1.5"), 1.5);
  EXPECT_EQ(float_value("1."), 1.0);
  EXPECT_EQ(float_value(".25"), 0.25);
  EXPECT_EQ(float_value("1e3"), 1000.0);
  EXPECT_EQ(float_value("1_0.2_5e-1_0"), 10.25e-10);
  EXPECT_EQ(float_value("1e400"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(float_value("1e-400"), 0.0);
  EXPECT_EQ(float_value("0.1"), 0.1);
}

TEST(syntax_Strings, Escapes) {
  EXPECT_EQ(str_value(R"('\n\t\r\\\'\"\a\b\f\v')"), "\n\t\r\\'\"\a\b\f\v");
  EXPECT_EQ(str_value(R"('\0\7\101\777')"), std::string("\0\7A\xC7\xBF", 5));
  EXPECT_EQ(str_value(R"('\x41\xe9')"), "A\xC3\xA9");
  EXPECT_EQ(str_value(R"('\u20ac\U0001F600')"), "\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(str_value(R"('\d\q')"), "\\d\\q");          // unknown escapes are kept
  EXPECT_EQ(str_value("'a\\\nb'"), "ab");               // backslash-newline
  EXPECT_EQ(str_value(R"('\ud800')"), "\xED\xA0\x80");  // lone surrogate as WTF-8
}

TEST(syntax_Strings, PrefixesAndConcatenation) {
  EXPECT_EQ(str_value(R"(r'\n' R"\d")"), "\\n\\d");
  EXPECT_EQ(str_value("'a' \"b\" '''c'''"), "abc");
  EXPECT_EQ(str_value("'''line\nline'''"), "line\nline");
  EXPECT_EQ(bytes_value(R"(b'\x00\xff' rb'\x')"), std::string("\0\xff\\x", 4));
  EXPECT_EQ(bytes_value(R"(b'\777\u1234')"), std::string("\xff\\u1234", 7));
  ParseResult r;
  const Constant* c = constant(r, "u'x' 'y'");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->u_prefix);
  c = constant(r, "U'x'");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->u_prefix);  // CPython sets kind='u' for a lowercase u only
}

TEST(syntax_Strings, CrLfNewlinesAreNormalized) {
  ParseResult r = parse_module("x = '''a\r\nb'''\r\ny = 1\r\n", "t.py");
  ASSERT_TRUE(r.ok());
  const auto* assign = r.module->body[0]->as<Assign>();
  ASSERT_NE(assign, nullptr);
  EXPECT_EQ(assign->value->as<Constant>()->text, "a\nb");
  EXPECT_EQ(r.module->body[1]->lineno, 3);
}

TEST(syntax_FStrings, DebugAndConversions) {
  ParseResult r = parse_expression("f'{x=}'", "t.py");
  ASSERT_TRUE(r.ok());
  const auto* joined = r.expression->as<JoinedStr>();
  ASSERT_NE(joined, nullptr);
  ASSERT_EQ(joined->values.size(), 2u);
  EXPECT_EQ(joined->values[0]->as<Constant>()->text, "x=");
  EXPECT_EQ(joined->values[1]->as<FormattedValue>()->conversion, 'r');

  r = parse_expression("f'{x!s:>{w}}'", "t.py");
  ASSERT_TRUE(r.ok());
  const auto* field = r.expression->as<JoinedStr>()->values[0]->as<FormattedValue>();
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->conversion, 's');
  ASSERT_NE(field->format_spec, nullptr);
  EXPECT_EQ(field->format_spec->as<JoinedStr>()->values.size(), 2u);
}

TEST(syntax_Refused, ComplexNumbersAreRefusedClearly) {
  EXPECT_EQ(error_of("x = 1j\n"), "complex number literals (like 1j) are not supported by quire");
  EXPECT_EQ(error_of("x = 1.5e3J\n"),
            "complex number literals (like 1j) are not supported by quire");
}

TEST(syntax_Literals, NamedUnicodeEscapes) {
  EXPECT_EQ(str_value(R"('\N{BULLET}')"), "\u2022");
  EXPECT_EQ(str_value(R"('\N{latin small letter e with acute}')"), "\u00e9");
  EXPECT_EQ(str_value(R"('\N{LF}\N{BYTE ORDER MARK}')"), "\n\ufeff");  // aliases
  EXPECT_EQ(str_value(R"('\N{HANGUL SYLLABLE GAG}')"), "\uac01");
  EXPECT_EQ(str_value(R"('\N{CJK UNIFIED IDEOGRAPH-4E00}')"), "\u4e00");
  EXPECT_EQ(str_value(R"('\N{nushu character-1b170}')"), "\U0001b170");
  // Algorithmic names are case-sensitive in CPython; unknown names say so.
  EXPECT_NE(error_of("x = '\\N{hangul syllable ga}'\n").find("unknown Unicode character name"),
            std::string::npos);
  EXPECT_NE(error_of("x = '\\N{}'\n").find("position 0-2: malformed \\N character escape"),
            std::string::npos);
  // In bytes \N is not an escape at all, as in CPython.
  EXPECT_EQ(bytes_value(R"(b'\N{x}')"), "\\N{x}");
}

TEST(syntax_Refused, HugeNonDecimalLiteral) {
  std::string source = "x = 0x" + std::string(20001, 'f') + "\n";
  EXPECT_NE(error_of(source).find("integer literal too large"), std::string::npos);
}

}  // namespace
}  // namespace quire::lang::syntax
