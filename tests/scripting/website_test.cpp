// frappe.website's extract_title, get_home_page and get_boot_data, and the
// get_toc / get_next_link globals (frappe/website/utils.py).

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using Website = ScriptingTest;

TEST_F(Website, ExtractTitleMatchesWebsiteUtils) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<!-- title: About Us -->\n<h1>Other</h1>", "x/about.html"},
      {"<!-- title:   -->\n<h1>  Heading One </h1>", "x/y.md"},
      {"<!-- title: a > b -->", "docs/user_guide-intro.md"},
      {"<h1>{{ title }}</h1>", "/docs/getting-started/"},
      {"<H1>upper</H1> no match", "my_page"},
      {"nothing here", "café_ünïcode-page.html"},
      {"<h1>élan " + std::string(400, 'x') + "</h1>", "p"},
      {"", "a.b.c/d_e"},
  };
  std::string script = "cases = " + nlohmann::json(cases).dump() + "\n" +
                       "for source, path in cases:\n"
                       "    print(repr(frappe.website.extract_title(source, path)))\n";
  // The rules of website/utils.py extract_title / extract_comment_tag, in python3.
  std::string reference = run_python(
      "import json, os, re, sys\n"
      "cases = " +
      nlohmann::json(cases).dump() +
      "\n"
      "for source, path in cases:\n"
      "    m = re.search('<!-- title:([^>]*) -->', source)\n"
      "    title = m.groups()[0].strip() if m else None\n"
      "    if not title and '<h1>' in source:\n"
      "        content = re.compile('<h1>([^<]*)').search(source).group().strip()[:300]\n"
      "        if '{{' not in content:\n"
      "            title = content\n"
      "    if not title:\n"
      "        title = os.path.basename(path.rsplit('.')[0].rstrip('/'))"
      ".replace('_', ' ').replace('-', ' ').title()\n"
      "    print(repr(title))\n");
  EXPECT_EQ(run(script), reference);
}

TEST_F(Website, HomePageByRoleElseMeOrLogin) {
  EXPECT_EQ(run("print(frappe.website.get_home_page())\n"), "me\n");
  EXPECT_EQ(run("frappe.db.set_value('Role', 'System Manager', 'home_page', '/app/todo/')\n"
                "print(frappe.website.get_home_page())\n"),
            "app/todo\n");
  session->user = "Guest";
  session->roles = {"Guest"};
  EXPECT_EQ(run("print(frappe.website.get_home_page())\n"), "login\n");
}

TEST_F(Website, BootDataHasSysdefaultsAndTimeZones) {
  EXPECT_EQ(run("b = frappe.website.get_boot_data()\n"
                "print(sorted(b), sorted(b['sysdefaults']))\n"
                "print(b['sysdefaults']['float_precision'] == (frappe.utils.cint("
                "frappe.get_system_settings('float_precision')) or 3))\n"
                "print(b['time_zone']['system'] == frappe.utils.get_system_timezone(), "
                "b['time_zone']['user'] == b['time_zone']['system'])\n"),
            "['sysdefaults', 'time_zone'] ['date_format', 'float_precision', 'time_format']\n"
            "True\n"
            "True True\n");
}

TEST_F(Website, NoPagesSoNoTocAndNoNextLink) {
  EXPECT_EQ(run("print(repr(get_toc('docs/intro')), repr(get_next_link('docs/intro', "
                "url_prefix='/x/')))\n"
                "try:\n"
                "    get_toc()\n"
                "except TypeError:\n"
                "    print('TypeError')\n"),
            "'' ''\nTypeError\n");
}

}  // namespace
}  // namespace quire::scripting::testing
