// The builtins listing for the script editor names only what a sandboxed
// script can see.
#include <gtest/gtest.h>

#include "lang/sandbox/catalog.h"
#include "lang/sandbox/policy.h"

namespace quire::lang {
namespace {

TEST(Catalog, BuiltinsListingLeavesOutHiddenNames) {
  catalog::describe_builtins();
  EXPECT_FALSE(catalog::entries("len").empty());
  EXPECT_FALSE(catalog::entries("sorted").empty());
  for (const char* hidden : {"vars", "globals", "locals", "dir", "open", "input", "compile", "eval",
                             "exec", "breakpoint", "memoryview", "__import__", "help", "exit"}) {
    ASSERT_TRUE(sandbox::builtin_hidden(hidden)) << hidden;
    for (const catalog::Entry& e : catalog::entries(hidden))
      EXPECT_NE(e.name, hidden) << "listed although hidden";
  }
}

}  // namespace
}  // namespace quire::lang
