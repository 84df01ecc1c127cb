// frappe.utils' URL rewriters and UTM trackers (utils_urls.cpp) against
// python3 running frappe/utils/data.py's definitions: the same three regular
// expressions through Python's `re` and the same urllib.parse calls (the
// UTM DocType lookups left out: quire has no UTM DocTypes).

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsUrls = ScriptingTest;

// data.py's patterns and rewriters (expand_relative_urls, quote_urls) and
// trackers (add_trackers_to_url, parse_and_map_trackers_from_url,
// map_trackers), with get_url() given.
const char* kReference = R"PY(import json, re
from urllib.parse import parse_qsl, quote, urlencode, urlparse, urlunparse

NOT_HTTP = re.compile(r'(href|src){1}([\s]*=[\s]*[\'"]?)((?!http)[^\'" >]+)([\'"]?)')
CSS_URL = re.compile(r'(:[\s]?url)(\([\'"]?)((?!http)[^\'" >]+)([\'"]?\))')
HTTP = re.compile(r'(href|src){1}([\s]*=[\s]*[\'"]?)((?:http)[^\'">]+)([\'"]?)')

def expand_relative_urls(html, url):
    url = url[:-1] if url.endswith("/") else url
    def one(match):
        parts = list(match.groups())
        if not parts[2].startswith(("mailto", "data:", "tel:")):
            if not parts[2].startswith("/"):
                parts[2] = "/" + parts[2]
            parts.insert(2, url)
        if "url" in parts[0] and parts[1].startswith("(") and parts[-1].endswith(")"):
            parts.append(" !important")
        return "".join(parts)
    return CSS_URL.sub(one, NOT_HTTP.sub(one, html))

def quote_urls(html):
    def one(match):
        parts = list(match.groups())
        parts[2] = quote(parts[2].encode(), safe=b"~@#$&()*!+=:;,.?/'")
        return "".join(parts)
    return HTTP.sub(one, html)

def add_trackers_to_url(url, source, campaign=None, medium=None, content=None):
    parts = list(urlparse(url))
    if parts[0] == "mailto":
        return url
    trackers = {"utm_source": source}
    if medium:
        trackers["utm_medium"] = medium
    if campaign:
        trackers["utm_campaign"] = campaign
    if content:
        trackers["utm_content"] = content
    parts[4] = urlencode(dict(parse_qsl(parts[4])) | trackers)
    return urlunparse(parts)

def map_trackers(t):
    out = {}
    for utm, plain in (("utm_source", "source"), ("utm_medium", "medium"),
                       ("utm_campaign", "campaign"), ("utm_content", "content")):
        if value := t.get(utm, t.get(plain)):
            out[utm] = value
    return out

def parse_and_map_trackers_from_url(url):
    return map_trackers(dict(parse_qsl(urlparse(url).query)))
)PY";

const char* kHtml[] = {
    R"h(<a href="/app/todo">x</a><img src='files/a.png'>)h",
    R"h(<a href = "mailto:a@b.c">m</a><a href="tel:123">t</a><img src="data:image/png;base64,xx">)h",
    R"h(<a href="http://x.com/a b">abs</a><a href=https://y.com/é?q=1 >u</a>)h",
    R"h(<div style="background-image: url('/assets/bg.png')"></div><p style="background:url(x(1).png)">)h",
    R"h(<a href="">e</a><a href=''>e</a><link href=#top><a href="http">only http</a>)h",
    R"h(src=x datasrc=/y  :url(a) : url(/b) :  url(/c) href  =	'/tab' hrefx=1)h",
    R"h(:url("/a.png"x) :url(/p)q) :url(/n :url('/m') :url(http://h/x.png))h",
    R"h(<img src="https://x.com/a b'c<d>" srcset=http://h/é%20 >)h",
};

TEST_F(UtilsUrls, RewritersMatchDataPy) {
  std::string list = "[";
  for (const char* h : kHtml) list += Json(h).dump() + ", ";
  list += "]";
  std::string script =
      "url = frappe.utils.get_url()\n"
      "print(url)\n"
      "for h in " +
      list +
      ":\n"
      "    print(json.dumps([frappe.utils.expand_relative_urls(h), "
      "frappe.utils.scrub_urls(h), frappe.utils.quote_urls(h)]))\n";
  std::string got = run(script);
  std::string url = got.substr(0, got.find('\n'));
  ASSERT_EQ(url.rfind("http", 0), 0u) << got;
  std::string expected = run_python(std::string(kReference) + "url = " + Json(url).dump() +
                                    "\nprint(url)\n"
                                    "for h in " +
                                    list +
                                    ":\n"
                                    "    e = expand_relative_urls(h, url)\n"
                                    "    print(json.dumps([e, e, quote_urls(h)]))\n");
  ASSERT_FALSE(expected.empty()) << "python3 did not run";
  EXPECT_EQ(got, expected);
  EXPECT_EQ(run("frappe.utils.scrub_urls(None)\n"),
            "TypeError: expected string or bytes-like object");
}

TEST_F(UtilsUrls, TrackersMatchDataPy) {
  const char* calls[] = {
      R"("https://x.com/p?a=1&utm_source=old#frag", "news", "spring", "email")",
      R"("https://x.com", "s")",
      R"("mailto:a@b.c", "s", "c")",
      R"("/relative/path?x=&y=2&z", "src", None, None, "c t")",
      R"("http://h/p;params?q=a+b%20c%E9", "é s")",
      R"("https://x.com/?", "s", "", "m")",
      R"("HTTPS://X.com/a?b=1&b=2#", "s", 0, "m", "x&y=z")",
      R"("https://x.com/p", source="s", medium="m", content="k")",
  };
  const char* urls =
      R"(["https://x.com/?utm_source=Google&medium=cpc&utm_campaign=&content=c&utm_content=d", )"
      R"("/p?source=a+b&campaign=%C3%A9t%C3%A9&x=1", "no query", "?utm_medium=m&utm_medium=n"])";
  std::string body;
  for (const char* c : calls) {
    body += std::string("print(json.dumps(add_trackers_to_url(") + c + ")))\n";
  }
  body += std::string("for u in ") + urls +
          ":\n"
          "    print(json.dumps(parse_and_map_trackers_from_url(u)))\n"
          "print(json.dumps(map_trackers({'source': 's', 'utm_medium': 'm', "
          "'campaign': 0, 'utm_content': None, 'content': 'c'})))\n";
  std::string got =
      run(""
          "add_trackers_to_url = frappe.utils.add_trackers_to_url\n"
          "parse_and_map_trackers_from_url = frappe.utils.parse_and_map_trackers_from_url\n"
          "map_trackers = frappe.utils.map_trackers\n" +
          body);
  std::string expected = run_python(std::string(kReference) + body);
  ASSERT_FALSE(expected.empty()) << "python3 did not run";
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace quire::scripting::testing
