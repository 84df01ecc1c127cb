// Every broken program of syntax_errors.txt must fail with exactly the error
// CPython 3.11's compile() reports: exception type, message, line, offset and
// end position (flag message-only: compare type, message and line).

#include <gtest/gtest.h>

#include <sstream>

#include "lang/syntax/parser.h"
#include "oracle_support.h"

namespace quire::lang::syntax {
namespace {

using testing::read_file;
using testing::run_command;
using testing::temp_path;
using testing::test_path;
using testing::write_file;

struct ErrorCase {
  std::string name;
  std::string source;
  bool message_only = false;
};

// Shown in test names and failure messages instead of raw bytes.
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << c.name;
}

std::vector<ErrorCase> load_cases() {
  std::vector<ErrorCase> cases;
  std::istringstream in(read_file(test_path("syntax_errors.txt")));
  std::string line;
  bool no_newline = false;
  auto close = [&] {
    if (!cases.empty() && no_newline && !cases.back().source.empty())
      cases.back().source.pop_back();
  };
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      close();
      std::istringstream header(line.substr(4));
      ErrorCase c;
      header >> c.name;
      std::string flag;
      no_newline = false;
      while (header >> flag) {
        if (flag == "no-newline") no_newline = true;
        if (flag == "message-only") c.message_only = true;
      }
      cases.push_back(c);
    } else if (!cases.empty()) {
      cases.back().source += line + "\n";
    }
  }
  close();
  return cases;
}

class SyntaxErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SyntaxErrorTest, MatchesCPython) {
  const ErrorCase& c = GetParam();
  std::string file = temp_path(c.name + ".py");
  write_file(file, c.source);
  std::string expected = run_command(testing::python3() + " '" +
                                     test_path("oracle/compile_error.py") + "' '" + file + "'");
  if (!expected.empty() && expected.back() == '\n') expected.pop_back();
  ASSERT_FALSE(expected.empty()) << "python3 (3.11) oracle failed for " << c.name;
  ASSERT_NE(expected, "OK") << "CPython accepts case " << c.name;

  ParseResult result = parse_module(c.source, "t.py");
  ASSERT_FALSE(result.ok()) << "quire accepts case " << c.name;
  const SyntaxError& e = *result.error;
  std::string ours;
  if (c.message_only) {
    ours = e.type + "|" + e.message + "|" + std::to_string(e.lineno);
    expected =
        expected.substr(0, expected.find('|', expected.find('|', expected.find('|') + 1) + 1));
  } else {
    ours = e.type + "|" + e.message + "|" + std::to_string(e.lineno) + "|" +
           std::to_string(e.offset) + "|" + std::to_string(e.end_lineno) + "|" +
           std::to_string(e.end_offset);
  }
  EXPECT_EQ(ours, expected) << "case " << c.name << ":\n" << c.source;
}

INSTANTIATE_TEST_SUITE_P(syntax_errors, SyntaxErrorTest, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return info.param.name;
                         });

TEST(syntax_SyntaxErrorTable, HasAtLeast60Cases) {
  EXPECT_GE(load_cases().size(), 60u);
}

}  // namespace
}  // namespace quire::lang::syntax
