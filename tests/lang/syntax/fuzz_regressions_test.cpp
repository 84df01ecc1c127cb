// Inputs found by fuzz/syntax_fuzzer.cpp that once crashed or misbehaved.
// Each must now parse (or fail) cleanly, with the compile checks on and off.

#include <gtest/gtest.h>

#include "lang/syntax/ast_dump.h"
#include "lang/syntax/parser.h"

namespace quire::lang::syntax {
namespace {

void parse_all_ways(std::string_view source) {
  for (bool checks : {true, false}) {
    ParseLimits limits;
    limits.run_compile_checks = checks;
    ParseResult r = parse_module(source, "fuzz.py", limits);
    if (r.ok()) {
      EXPECT_FALSE(ast_dump(*r.module, true).empty());
    } else {
      EXPECT_FALSE(format_syntax_error(*r.error).empty());
    }
  }
  ParseResult e = parse_expression(source, "fuzz.py");
  if (!e.ok()) {
    EXPECT_FALSE(e.error->message.empty());
  }
}

TEST(syntax_FuzzRegressions, KeywordOnlyParameterWithoutDefault) {
  // kw_defaults holds nullptr for `y`; the compile checks dereferenced it.
  parse_all_ways("f = lambda x, *, y: x\n");
  ParseResult r = parse_module("def f(*, a, b=1): pass\n", "t.py");
  EXPECT_TRUE(r.ok());
}

TEST(syntax_FuzzRegressions, TokenizerErrorRightAfterEquals) {
  // The assignment-chain error path read the token after '=', which did not
  // exist because the tokenizer had stopped there.
  parse_all_ways(
      "a = 1 .real\nh = \x11"
      "e-0_5\n");
  ParseResult r = parse_module("h = \x11\n", "t.py");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "invalid non-printable character U+0011");
  r = parse_module("x = y = \x01\n", "t.py");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "invalid non-printable character U+0001");
}

TEST(syntax_FuzzRegressions, AnnotatedEmptyTuple) {
  // The annotation error read the first element of an empty tuple.
  parse_all_ways("():e int = 1\n");
  ParseResult r = parse_module("(): int = 1\n", "t.py");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->message, "only single target (not tuple) can be annotated");
}

}  // namespace
}  // namespace quire::lang::syntax
