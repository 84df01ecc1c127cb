// The parse API: refusals specific to quire's dialect, limits (deep nesting
// and huge input must end in a clean error, never a crash), source checks,
// and the CPython-identical display of syntax errors.

#include <gtest/gtest.h>

#include "lang/syntax/ast_dump.h"
#include "lang/syntax/parser.h"
#include "oracle_support.h"

namespace quire::lang::syntax {
namespace {

std::string error_of(std::string_view source, const ParseLimits& limits = {}) {
  ParseResult r = parse_module(source, "t.py", limits);
  return r.ok() ? "OK" : r.error->type + ": " + r.error->message;
}

TEST(syntax_Refused, MatchStatement) {
  EXPECT_EQ(error_of("match x:\n    case 1:\n        pass\n"),
            "SyntaxError: 'match' statements are not supported by quire");
  // `match` stays an ordinary name.
  EXPECT_EQ(error_of("match = 1\nmatch(x)\nmatch.y = 2\nprint(match)\n"), "OK");
}

TEST(syntax_Refused, AsyncAndAwait) {
  EXPECT_EQ(error_of("async def f():\n    pass\n"),
            "SyntaxError: 'async' is not supported by quire");
  EXPECT_EQ(error_of("def f():\n    await g()\n"),
            "SyntaxError: 'await' is not supported by quire");
  EXPECT_EQ(error_of("x = [y async for y in z]\n"),
            "SyntaxError: 'async' is not supported by quire");
}

TEST(syntax_Refused, ExceptStar) {
  EXPECT_EQ(error_of("try:\n    pass\nexcept* E:\n    pass\n"),
            "SyntaxError: 'except*' is not supported by quire");
}

TEST(syntax_Limits, DeepNestingEndsInACleanError) {
  const std::vector<std::string> inputs = {
      std::string(100000, '('),
      std::string(100000, '['),
      std::string(100000, '-') + "1",
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "not ";
        return s + "x";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "lambda: ";
        return s + "x";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "x if y else ";
        return s + "z";
      }(),
      [] {
        std::string s = "1";
        for (int i = 0; i < 100000; ++i) s += "+1";
        return s;
      }(),
      [] {
        std::string s = "f";
        for (int i = 0; i < 100000; ++i) s += "()";
        return s;
      }(),
      [] {
        std::string s = "a";
        for (int i = 0; i < 100000; ++i) s += "[0]";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 300; ++i)
          s += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
        return s + std::string(300, ' ') + "pass\n";
      }(),
  };
  for (const std::string& input : inputs) {
    ParseResult r = parse_module(input + "\n", "t.py");
    ASSERT_FALSE(r.ok()) << input.substr(0, 40);
    EXPECT_FALSE(r.error->message.empty());
    EXPECT_GE(r.error->lineno, 1);
  }
}

TEST(syntax_Limits, NestingMessages) {
  EXPECT_EQ(error_of(std::string(300, '(') + "\n"), "SyntaxError: too many nested parentheses");
  std::string deep;
  for (int i = 0; i < 120; ++i) deep += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
  EXPECT_EQ(error_of(deep + std::string(120, ' ') + "pass\n"),
            "IndentationError: too many levels of indentation");
  EXPECT_NE(error_of(std::string(5000, '-') + "1\n").find("too deeply nested"), std::string::npos);
}

TEST(syntax_Limits, ReasonableNestingIsAccepted) {
  EXPECT_EQ(error_of(std::string(199, '(') + "1" + std::string(199, ')') + "\n"), "OK");
  std::string chain = "x = 1";
  for (int i = 0; i < 500; ++i) chain += " + 1";
  EXPECT_EQ(error_of(chain + "\n"), "OK");
}

TEST(syntax_Limits, ConfigurableDepth) {
  ParseLimits tight;
  tight.max_nesting_depth = 10;
  EXPECT_EQ(error_of(std::string(11, '[') + std::string(11, ']') + "\n", tight),
            "SyntaxError: too many nested parentheses");
  EXPECT_EQ(error_of(std::string(9, '[') + std::string(9, ']') + "\n", tight), "OK");
}

TEST(syntax_Limits, SourceSize) {
  ParseLimits small;
  small.max_source_bytes = 100;
  std::string big(101, '#');
  EXPECT_NE(error_of(big, small).find("source too large"), std::string::npos);
  EXPECT_EQ(error_of(std::string(100, '#'), small), "OK");
}

TEST(syntax_Source, BadBytes) {
  EXPECT_EQ(error_of(std::string("x = 1\0\n", 7)),
            "SyntaxError: source code cannot contain null bytes");
  EXPECT_NE(error_of("x = '\xff'\n").find("can't decode byte 0xff"), std::string::npos);
  EXPECT_EQ(error_of("\xEF\xBB\xBFx = 1\n"), "OK");  // a UTF-8 BOM is skipped
  EXPECT_EQ(error_of(""), "OK");
  EXPECT_EQ(error_of("\n\n   \n# only a comment"), "OK");
}

TEST(syntax_Api, ParseExpression) {
  ParseResult r = parse_expression("  a + b * 2\n", "<eval>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ast_dump(*r.expression),
            "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', "
            "ctx=Load()), op=Mult(), right=Constant(value=2)))");
  EXPECT_FALSE(parse_expression("x = 1", "<eval>").ok());
  EXPECT_FALSE(parse_expression("", "<eval>").ok());
}

TEST(syntax_Api, CompileChecksCanBeTurnedOff) {
  ParseLimits ast_only;
  ast_only.run_compile_checks = false;
  EXPECT_EQ(error_of("return 1\n", ast_only), "OK");
  EXPECT_EQ(error_of("return 1\n"), "SyntaxError: 'return' outside function");
}

TEST(syntax_Api, ErrorCarriesFileAndLine) {
  ParseResult r = parse_module("x = 1\ny = (\n", "script.py");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->filename, "script.py");
  EXPECT_EQ(r.error->lineno, 2);
  EXPECT_EQ(r.error->text, "y = (");
}

// The display of a syntax error must be what `python3 file.py` prints.
class DisplayTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DisplayTest, MatchesPython) {
  std::string file = testing::temp_path("display.py");
  testing::write_file(file, GetParam());
  std::string expected =
      testing::run_command(testing::python3() + " '" + file + "' 2>&1 >/dev/null", true);
  ParseResult r = parse_module(GetParam(), file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_syntax_error(*r.error), expected) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    syntax_display, DisplayTest,
    ::testing::Values("x = (1 +\n", "if x:\n    f() = 1\n", "x = \"\xC3\xA9\" + f() = 1\n",
                      "def f():\n\treturn 1 +\n", "if x:\n    a\n  b\n", "x = [1,\n  2 3]\n",
                      "x = (1 + \\\n  2 f() = 3)\n", "  x = 1\n", "print 'hello'\n", "x = 'abc\n",
                      "for x in y\n  pass\n", "return 1\n", "def f(a, a):\n    pass\n",
                      "x = 0777\n", "f(**a, b)\n", "class A:\n    def f(self):\n        x = = 1\n",
                      // IndentationError and TabError: one caret
                      "if x:\npass\n", "class A:\n    def f(self):\n    pass\n",
                      "try:\n    pass\nexcept:\npass\n", "for i in x:\n# c\n\nz = 1\n",
                      "if True:\n        x = 1\n    y = 2\n",
                      "def f():\n\tif x:\n        return 1\n",
                      "if 1:\n        pass\n  else:\n    pass\n"));

}  // namespace
}  // namespace quire::lang::syntax
