// The strongest test of the parser: for every program of the corpus, our
// ast_dump must equal CPython 3.11's ast.dump(ast.parse(source)) byte for
// byte, with and without positions (include_attributes=True).

#include <gtest/gtest.h>

#include <filesystem>

#include "lang/syntax/ast_dump.h"
#include "lang/syntax/parser.h"
#include "oracle_support.h"

namespace quire::lang::syntax {
namespace {

using testing::python_files;
using testing::read_file;
using testing::run_command;
using testing::test_path;

class CorpusTest : public ::testing::TestWithParam<std::string> {};

std::string oracle_dump(const std::string& file, bool attributes) {
  std::string command =
      testing::python3() + " '" + test_path("oracle/ast_dump.py") + "' '" + file + "'";
  if (attributes) command += " --attributes";
  std::string out = run_command(command);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string our_dump(const std::string& file, bool attributes) {
  ParseLimits limits;
  limits.run_compile_checks = false;  // ast.parse does not run the compiler
  ParseResult result = parse_module(read_file(file), file, limits);
  if (!result.ok()) return "error: " + format_syntax_error(*result.error);
  return ast_dump(*result.module, attributes);
}

TEST_P(CorpusTest, DumpMatchesCPython) {
  const std::string& file = GetParam();
  std::string expected = oracle_dump(file, false);
  ASSERT_FALSE(expected.empty()) << "python3 (3.11) could not dump " << file;
  EXPECT_EQ(our_dump(file, false), expected) << file;
}

TEST_P(CorpusTest, DumpWithPositionsMatchesCPython) {
  const std::string& file = GetParam();
  std::string expected = oracle_dump(file, true);
  ASSERT_FALSE(expected.empty()) << "python3 (3.11) could not dump " << file;
  EXPECT_EQ(our_dump(file, true), expected) << file;
}

// With the compile-time checks on, we must accept exactly the corpus
// programs CPython's compile() accepts (and reject the others).
TEST_P(CorpusTest, CompileChecksAgreeWithCPython) {
  const std::string& file = GetParam();
  std::string verdict = run_command(testing::python3() + " '" +
                                    test_path("oracle/compile_error.py") + "' '" + file + "'");
  ASSERT_FALSE(verdict.empty()) << "python3 (3.11) oracle failed for " << file;
  ParseResult result = parse_module(read_file(file), file);
  EXPECT_EQ(result.ok(), verdict == "OK\n")
      << file << "\nCPython: " << verdict
      << "quire: " << (result.ok() ? "OK" : format_syntax_error(*result.error));
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(syntax_corpus, CorpusTest,
                         ::testing::ValuesIn(python_files(test_path("corpus"))), test_name);

TEST(syntax_Corpus, HasAtLeast150Programs) {
  EXPECT_GE(python_files(test_path("corpus")).size(), 150u);
}

}  // namespace
}  // namespace quire::lang::syntax
