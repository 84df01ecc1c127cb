// url_join (CPython 3.11's urllib.parse.urljoin) against python3 itself, and
// html2text(html, baseurl=...) — which joins every link and image with it —
// against python3-html2text.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "python_reference.h"
#include "scripting/url_join.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UrlJoin = ScriptingTest;

const char kSeparator[] = "|||";

std::vector<std::string> pairs() {
  // RFC 3986 section 5.4's examples, then the shapes links in e-mails and
  // notes take (absolute, protocol-relative, other schemes, odd spacing).
  const std::vector<std::string> bases = {"http://a/b/c/d;p?q",
                                          "https://example.com",
                                          "https://example.com/",
                                          "https://example.com/a/b/",
                                          "https://example.com/a/b?x=1#top",
                                          "HTTP://A/B/c",
                                          "  https://h/x/y",
                                          "/relative/base",
                                          "mailto:x@y.z",
                                          "ftp://h/dir/file;type=a",
                                          "file:///etc/x",
                                          "tel:123"};
  const std::vector<std::string> urls = {"g:h",
                                         "g",
                                         "./g",
                                         "g/",
                                         "/g",
                                         "//g",
                                         "?y",
                                         "g?y",
                                         "#s",
                                         "g#s",
                                         "g?y#s",
                                         ";x",
                                         "g;x",
                                         "g;x?y#s",
                                         ".",
                                         "./",
                                         "..",
                                         "../",
                                         "../g",
                                         "../..",
                                         "../../",
                                         "../../g",
                                         "../../../g",
                                         "../../../../g",
                                         "/./g",
                                         "/../g",
                                         "g.",
                                         ".g",
                                         "g..",
                                         "..g",
                                         "./../g",
                                         "./g/.",
                                         "g/./h",
                                         "g/../h",
                                         "g;x=1/./y",
                                         "g;x=1/../y",
                                         "g?y/./x",
                                         "g?y/../x",
                                         "g#s/./x",
                                         "g#s/../x",
                                         "http:g",
                                         "page.html",
                                         "https://other.org/x",
                                         "mailto:a@b",
                                         "javascript:alert(1)",
                                         "  ../x",
                                         "a\tb\nc",
                                         "//cdn.example.com/x.png",
                                         "tel:555",
                                         "HTTPS:y",
                                         "a//b//c",
                                         "1ab:x",
                                         "é/ü?q=ö",
                                         "http://[::1/x",
                                         "\x01x",
                                         ""};
  std::vector<std::string> out;
  for (const std::string& base : bases)
    for (const std::string& url : urls) out.push_back(base + kSeparator + url);
  out.push_back(std::string(kSeparator) + "g");
  return out;
}

std::string ours(const std::string& pair) {
  const std::size_t at = pair.find(kSeparator);
  try {
    return url_join(pair.substr(0, at), pair.substr(at + 3));
  } catch (const std::invalid_argument& e) {
    return std::string("ValueError: ") + e.what();
  }
}

TEST_F(UrlJoin, JoinsAsCPythonsUrljoin) {
  const std::vector<std::string> corpus = pairs();
  const std::vector<std::string> expected = python_string_list(
      "import json, sys\n"
      "from urllib.parse import urljoin\n"
      "def join(pair):\n"
      "    base, url = pair.split('|||', 1)\n"
      "    try:\n"
      "        return urljoin(base, url)\n"
      "    except ValueError as e:\n"
      "        return 'ValueError: ' + str(e)\n"
      "print(json.dumps([join(p) for p in json.load(open(sys.argv[1]))]))\n",
      corpus);
  ASSERT_EQ(expected.size(), corpus.size());
  for (std::size_t i = 0; i < corpus.size(); ++i)
    EXPECT_EQ(ours(corpus[i]), expected[i]) << corpus[i];
}

TEST_F(UrlJoin, Html2TextJoinsLinksAndImagesWithTheBaseUrl) {
  const std::string program =
      "html = '<p><a href=\"../doc/x.pdf\" title=\"T\">doc</a> <img src=\"img/a.png\" alt=\"A\">"
      " <a href=\"https://elsewhere.org/\">out</a> <a href=\"#top\">top</a></p>'\n"
      "for base in ['https://site.example/blog/post/', 'https://site.example', '']:\n"
      "    print(repr(html2text(html, base)))\n";
  const std::string got = run(program);
  const std::string expected =
      run_python("from html2text import html2text\n" + program, "/usr/bin/python3");
  EXPECT_EQ(got, expected);
  EXPECT_NE(got.find("https://site.example/blog/doc/x.pdf"), std::string::npos) << got;
}

}  // namespace
}  // namespace quire::scripting::testing
