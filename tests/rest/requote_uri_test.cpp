// requote_uri (what quire's outgoing HTTP does to each URL, FrappeClient's
// "/api/resource/Sales Invoice" included) against python3's
// requests.utils.requote_uri (Debian's python3-requests), run at test time.

#include "scripting/requote_uri.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../scripting/python_reference.h"

namespace quire::scripting {
namespace {

TEST(RequoteUri, MatchesRequests) {
  const std::vector<std::string> corpus = {
      "http://127.0.0.1:8000/api/resource/Sales Invoice",
      "http://h/api/resource/Client Tag/old tag?fields=[\"name\"]&x=a b",
      "http://h/caf\xc3\xa9/\xe2\x82\xac?q=\xc3\xbc",
      "http://h/already%20quoted/%41%7e%2F%2f",
      "http://h/bad%zz/and%20ok",
      "http://h/trailing%2",
      "http://h/%",
      "http://h/a%2xb%20c",
      "http://h/%4",
      "http://h/p<a>\"b\"{c}|d\\e^f`g",
      "http://u:p@h:1/!$&'()*+,;=:@[]~#frag ment",
      "",
  };
  // The corpus reaches python3 as ASCII-only JSON in a raw string literal.
  std::string out = testing::run_python(
      "import json\nfrom requests.utils import requote_uri\n"
      "corpus = json.loads(r'''" +
          nlohmann::json(corpus).dump(-1, ' ', true) +
          "''')\nprint(json.dumps([requote_uri(u) for u in corpus]))\n",
      "/usr/bin/python3");  // Debian's python3-requests
  auto parsed = nlohmann::json::parse(out, nullptr, false);
  ASSERT_TRUE(parsed.is_array()) << out;
  auto expected = parsed.get<std::vector<std::string>>();
  ASSERT_EQ(expected.size(), corpus.size());
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    EXPECT_EQ(requote_uri(corpus[i]), expected[i]) << corpus[i];
  }
}

}  // namespace
}  // namespace quire::scripting
