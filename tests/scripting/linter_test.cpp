// The save-time warnings for Frappe's documented anti-patterns.

#include <gtest/gtest.h>

#include "scripting/linter.h"

namespace quire::scripting::testing {
namespace {

std::vector<int> lines(const std::vector<LintFinding>& findings) {
  std::vector<int> out;
  for (const auto& f : findings) out.push_back(f.line);
  return out;
}

TEST(Linter, CommitInADocTypeEventScript) {
  auto f = lint_script("DocType Event", "Before Save", "x = 1\nfrappe.db.commit()\n");
  ASSERT_EQ(lines(f), std::vector<int>{2});
  EXPECT_NE(f[0].message.find("not available in DocType Event"), std::string::npos);
  EXPECT_TRUE(lint_script("API", "", "frappe.db.commit()\n").empty());
}

TEST(Linter, SaveInABeforeEventAndAssignmentInAnAfterEvent) {
  EXPECT_EQ(lines(lint_script("DocType Event", "Before Save", "doc.x = 1\ndoc.save()\n")),
            std::vector<int>{2});
  auto f = lint_script("DocType Event", "After Save", "if doc.a == 1:\n    doc.b = 2\n");
  ASSERT_EQ(lines(f), std::vector<int>{2});
  EXPECT_NE(f[0].message.find("db_set"), std::string::npos);
}

TEST(Linter, ImportsAndUnknownNames) {
  EXPECT_EQ(lines(lint_script("API", "", "import json\nfrom os import path\nx = 'import y'\n")),
            (std::vector<int>{1, 2}));
  auto f = lint_script("API", "", "frappe.get_doc('ToDo', 'x')\nfrappe.nope()\n# frappe.other\n");
  ASSERT_EQ(lines(f), std::vector<int>{2});
  EXPECT_NE(f[0].message.find("frappe.nope"), std::string::npos);
}

TEST(Linter, TextInsideStringsIsNotCode) {
  EXPECT_TRUE(lint_script("DocType Event", "Before Save",
                          "msg = 'call frappe.db.commit() or doc.save()'\n"
                          "doc.description = \"\"\"import x\nfrappe.zzz\"\"\"\n")
                  .empty());
}

}  // namespace
}  // namespace quire::scripting::testing
