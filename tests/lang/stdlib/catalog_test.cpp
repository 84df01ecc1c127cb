// The catalog of bound names (editor autocompletion): host descriptions,
// the standard modules' own entries, prefix queries and the JSON listing.

#include "lang/sandbox/catalog.h"

#include "lang/lib/json.h"
#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

TEST(Catalog, StandardModulesDescribeThemselves) {
  describe_stdlib();
  std::vector<catalog::Entry> json_entries = catalog::entries("json.");
  ASSERT_GE(json_entries.size(), 3u);
  bool found = false;
  for (const catalog::Entry& e : json_entries) {
    if (e.name != "json.dumps") continue;
    found = true;
    EXPECT_EQ(e.kind, "function");
    EXPECT_NE(e.signature.find("sort_keys=False"), std::string::npos);
    EXPECT_FALSE(e.doc.empty());
  }
  EXPECT_TRUE(found);
  for (const char* name : {"datetime.date", "datetime.datetime.strftime", "datetime.timedelta",
                           "datetime.date.today", "_dict", "_dict.get", "json.loads"}) {
    EXPECT_EQ(catalog::entries(name).empty(), false) << name;
  }
}

TEST(Catalog, BuiltinsOnRequest) {
  catalog::describe_builtins();
  std::vector<catalog::Entry> sorted_entry = catalog::entries("sorted");
  ASSERT_EQ(sorted_entry.size(), 1u);
  EXPECT_EQ(sorted_entry[0].signature, "(iterable, /, *, key=None, reverse=False)");
  std::vector<catalog::Entry> key_error = catalog::entries("KeyError");
  ASSERT_EQ(key_error.size(), 1u);
  EXPECT_EQ(key_error[0].kind, "exception");
  EXPECT_FALSE(catalog::entries("len").empty());
}

TEST(Catalog, HostDescriptionsReplaceAndSort) {
  catalog::describe("zz_test.b", catalog::kFunction, "(x)", "first");
  catalog::describe("zz_test.a", catalog::kValue, "", "a value");
  catalog::describe("zz_test.b", catalog::kFunction, "(x, y=1)", "second");
  std::vector<catalog::Entry> e = catalog::entries("zz_test.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].name, "zz_test.a");
  EXPECT_EQ(e[1].signature, "(x, y=1)");
  EXPECT_EQ(e[1].doc, "second");
}

TEST(Catalog, JsonListingParses) {
  catalog::describe("zz_json.f", catalog::kFunction, "(a=\"q\")", "Says \"hi\"\nthen \u00e9.");
  std::string text = catalog::to_json("zz_json.");
  Isolate I;
  IsolateScope scope(I);
  Value v = json::load_text(I, text, json::LoadOptions{});
  ASSERT_FALSE(v.is_exc()) << text;
  ASSERT_TRUE(is_list(v));
  ASSERT_EQ(as_list(v)->items.size(), 1u);
  Value rec = as_list(v)->items[0];
  ASSERT_TRUE(is_dict(rec));
  Value doc = dict_get_str(as_dict(rec), "doc");
  ASSERT_TRUE(is_str(doc));
  EXPECT_EQ(as_str(doc)->view(), "Says \"hi\"\nthen \u00e9.");
  EXPECT_EQ(as_str(dict_get_str(as_dict(rec), "signature"))->view(), "(a=\"q\")");
  decref(v);
  EXPECT_EQ(catalog::to_json("no_such_prefix_"), "[]");
}

}  // namespace
}  // namespace quire::lang::test
