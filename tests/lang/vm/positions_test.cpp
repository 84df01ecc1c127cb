// The position table (compile/positions.cpp): what the compiler records for
// each instruction is what a traceback reads back. What CPython prints from
// it is checked by the differential tracebacks/ programs against python3.

#include <gtest/gtest.h>

#include "lang/compile/code.h"
#include "lang/run/run.h"

namespace quire::lang {
namespace {

TEST(PositionTable, RoundTripsRunsUnknownColumnsAndLargeLines) {
  std::vector<Position> positions = {
      {1, 1, 0, 5},
      {1, 1, 0, 5},
      {1, 1, 4, 9},
      {3, 5, 2, 1},
      {2, 2, -1, -1},
      {2, 2, -1, -1},
      {100000, 100000, 300, 4000},
      {7, 7, 0, 0},
  };
  for (int i = 0; i < 20; ++i) positions.push_back({5, 6, 10, 2});  // a long run, two lines
  positions.push_back({3, 3, 0, 1});                                // a line back
  PositionTableWriter writer;
  for (const Position& p : positions) writer.add(p);
  Code code;
  code.positions = writer.finish();
  for (std::size_t i = 0; i < positions.size(); ++i) {
    Position got = code.position(i);
    EXPECT_EQ(got, positions[i]) << "instruction " << i;
  }
  EXPECT_LT(code.positions.size(), positions.size() * 3);
}

TEST(PositionTable, EveryCompiledInstructionHasAPositionOnItsLine) {
  Compiled c = compile("t.py", "x = 1\ndef f(a):\n    return a[0] + 1\nprint(f([x]))\n");
  ASSERT_TRUE(c.program) << c.error_text();
  for (const auto& code : c.program->codes) {
    for (std::size_t i = 0; i < code->ops.size(); ++i) {
      Position p = code->position(i);
      EXPECT_EQ(p.line, code->lines[i]) << code->name << " instruction " << i;
      EXPECT_GE(p.end_line, p.line);
    }
  }
}

}  // namespace
}  // namespace quire::lang
