// frappe.utils.md_to_html / markdown against python3's markdown2 with
// Frappe's extras (frappe/utils/data.py md_to_html), on the common shapes
// of Markdown in notes, emails and descriptions. Cases where CommonMark and
// markdown2 parse differently are listed in docs/scripting.md, not here.

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsMarkdown = ScriptingTest;

const char* kMarkdown[] = {
    "Hello *world* and **bold** and `code`",
    "# Title One\n\nSome text.\n\n## Sub & Title\n\n### Title One",
    "- a\n- b\n\n1. x\n2. y",
    "* one\n* two with [a link](http://x.com/?a=1&b=2 \"T\")",
    "[link](http://x.com) ![img](/a.png) ![alt text](b.png \"Title\")",
    "```python\nprint(1 < 2)\n```\n\n```\nx = 1\n```",
    "> quote\n> more\n\n> other",
    "| a | b |\n|---|---|\n| 1 | 2 |\n| *x* | `y` |",
    "line1\nline2\n\npara2  \nbreak",
    "<div>raw</div>\n\ntext & < > \"q\"",
    "",
    "    indented code\n    <b>",
    "---\n\n***",
    "_em_ __strong__ ***both***",
    "Dear {{ name }},\n\nYour invoice **INV-001** is due on 2024-01-05.\n\nThanks",
    "## Über Café\n\n# 2. Numbers & Symbols!",
};

TEST_F(UtilsMarkdown, MatchesMarkdown2WithFrappesExtras) {
  std::string list = "[";
  for (const char* m : kMarkdown) list += Json(m).dump() + ", ";
  list += "]";
  std::string expected = run_python(
      "import json\n"
      "try:\n"
      "    import markdown2\n"
      "except ImportError:\n"
      "    print('SKIP python3-markdown2')\n"
      "    raise SystemExit\n"
      "extras = {'fenced-code-blocks': None, 'tables': None, 'header-ids': None, 'toc': None,\n"
      "          'highlightjs-lang': None,\n"
      "          'html-classes': {'table': 'table table-bordered', 'img': 'screenshot'}}\n"
      "for m in " +
          list + ":\n    print(json.dumps(markdown2.markdown(m, extras=extras)))\n",
      "/usr/bin/python3");
  if (expected.rfind("SKIP", 0) == 0) GTEST_SKIP() << expected;
  std::string got = run("for m in " + list +
                        ":\n"
                        "    print(json.dumps(frappe.utils.md_to_html(m)))\n");
  std::vector<std::string> want, have;
  for (auto* text : {&expected, &got}) {
    auto& lines = text == &expected ? want : have;
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      lines.push_back(text->substr(start, end - start));
      start = end == std::string::npos ? text->size() : end + 1;
    }
  }
  ASSERT_EQ(have.size(), std::size(kMarkdown)) << got;
  ASSERT_EQ(want.size(), std::size(kMarkdown)) << expected;
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(have[i], want[i]) << "markdown: " << kMarkdown[i];
  }
}

TEST_F(UtilsMarkdown, MarkdownIsMdToHtmlAndBounded) {
  EXPECT_EQ(run("print(frappe.utils.markdown('*a*') == frappe.utils.md_to_html('*a*'), "
                "repr(frappe.utils.md_to_html(None)))\n"),
            "True '<p></p>\\n'\n");
  EXPECT_EQ(run("frappe.utils.md_to_html('>' * 5000 + ' deep')\n"),
            "ValueError: markdown nested more than 100 levels deep");
}

}  // namespace
}  // namespace quire::scripting::testing
