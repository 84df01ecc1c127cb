// `orjson` and frappe.utils.orjson_dumps (frappe_orjson.h). The output
// shared with the standard json module is compared with python3's
// json.dumps(separators=(",", ":"), ensure_ascii=False[, sort_keys=True]
// or indent=2); the rest are the forms orjson's README documents: RFC 3339
// datetimes ("1970-01-01T00:00:00+00:00", OPT_NAIVE_UTC, OPT_UTC_Z,
// OPT_OMIT_MICROSECONDS), NaN as null, "Integer exceeds 64-bit range",
// "Dict key must be str", JSONEncodeError a TypeError, JSONDecodeError a
// ValueError, and the option values of orjson's src/opt.rs. Floats with an
// exponent are written as orjson's ryu writes them ("1e300", not json's
// "1e+300").

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class FrappeOrjson : public ScriptingTest {};

const char* const kValues =
    "values = [None, True, 0, -7, 2**63 - 1, 2**64 - 1, -2**63, 1.5, 0.1, -0.0, 1e15, "
    "'a\"b\\\\c\\n\\t\\x01é好😀', [], {}, [1, [2, [3]]], {'b': 1, 'a': [None, {'z': 'y'}]}, "
    "(1, 2), {'k': (True, False)}]\n";

TEST_F(FrappeOrjson, DumpsAsCompactJsonForTheSharedSubset) {
  std::string reference = run_python(
      std::string("import json\n") + kValues +
      "for v in values:\n"
      "    print(json.dumps(v, separators=(',', ':'), ensure_ascii=False))\n"
      "    print(json.dumps(v, separators=(',', ':'), ensure_ascii=False, sort_keys=True))\n"
      "    print(json.dumps(v, indent=2, ensure_ascii=False))\n");
  std::string ours = run(std::string(kValues) +
                         "for v in values:\n"
                         "    print(orjson.dumps(v).decode())\n"
                         "    print(orjson.dumps(v, option=orjson.OPT_SORT_KEYS).decode())\n"
                         "    print(orjson.dumps(v, option=orjson.OPT_INDENT_2).decode())\n");
  EXPECT_EQ(ours, reference);
}

TEST_F(FrappeOrjson, LoadsAsJson) {
  const char* program =
      "for t in ['{\"a\": [1, 2.5, null, true]}', '\"\\\\u00e9\"', '[]', ' 3 ']:\n"
      "    print(repr(LOADS(t)))\n";
  std::string reference = run_python(std::string("import json\n") + program, "python3");
  auto replace = [](std::string s, const std::string& with) {
    return s.replace(s.find("LOADS"), 5, with);
  };
  EXPECT_EQ(run(replace(program, "orjson.loads")),
            run_python("import json\n" + replace(program, "json.loads")));
  (void)reference;
  EXPECT_EQ(
      run("print(orjson.loads(b'[1]'))\n"
          "try:\n"
          "    orjson.loads('[1,')\n"
          "except ValueError as e:\n"
          "    print(isinstance(e, orjson.JSONDecodeError), isinstance(e, json.JSONDecodeError))\n"
          "try:\n"
          "    orjson.loads('NaN')\n"
          "except orjson.JSONDecodeError:\n"
          "    print('NaN refused')\n"),
      "[1]\nTrue True\nNaN refused\n");
}

TEST_F(FrappeOrjson, DatetimesAsRfc3339) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "d = u.get_datetime('1970-01-01 02:03:04.000009')\n"
                "print(orjson.dumps([d, u.getdate('2021-02-03'), u.get_time('04:05:06')]))\n"
                "print(orjson.dumps(d, option=orjson.OPT_NAIVE_UTC))\n"
                "print(orjson.dumps(d, option=orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z))\n"
                "print(orjson.dumps(d, option=orjson.OPT_OMIT_MICROSECONDS))\n"),
            "b'[\"1970-01-01T02:03:04.000009\",\"2021-02-03\",\"04:05:06\"]'\n"
            "b'\"1970-01-01T02:03:04.000009+00:00\"'\n"
            "b'\"1970-01-01T02:03:04.000009Z\"'\n"
            "b'\"1970-01-01T02:03:04\"'\n");
}

TEST_F(FrappeOrjson, RefusalsAndOptions) {
  EXPECT_EQ(run("for v in [2**64, -2**63 - 1, {1: 2}, {1}]:\n"
                "    try:\n"
                "        orjson.dumps(v)\n"
                "    except TypeError as e:\n"
                "        print(isinstance(e, orjson.JSONEncodeError), e)\n"
                "print(orjson.dumps(float('nan')), orjson.dumps(2**53, "
                "option=orjson.OPT_NON_STR_KEYS))\n"
                "print(orjson.dumps({1: 'a', None: 'b', False: 'c', 2.5: 'd'}, "
                "option=orjson.OPT_NON_STR_KEYS))\n"
                "print(orjson.dumps([1], option=orjson.OPT_APPEND_NEWLINE))\n"
                "print(orjson.dumps([1e300, 1.5e-7]))\n"
                "print(orjson.dumps({1}, default=sorted))\n"
                "print(orjson.OPT_INDENT_2, orjson.OPT_NAIVE_UTC, orjson.OPT_NON_STR_KEYS, "
                "orjson.OPT_SORT_KEYS, orjson.OPT_UTC_Z, orjson.OPT_APPEND_NEWLINE, "
                "orjson.OPT_PASSTHROUGH_DATETIME, orjson.OPT_SERIALIZE_UUID)\n"),
            "True Integer exceeds 64-bit range\n"
            "True Integer exceeds 64-bit range\n"
            "True Dict key must be str\n"
            "True Type is not JSON serializable: set\n"
            "b'null' b'9007199254740992'\n"
            "b'{\"1\":\"a\",\"null\":\"b\",\"false\":\"c\",\"2.5\":\"d\"}'\n"
            "b'[1]\\n'\n"
            "b'[1e300,1.5e-7]'\n"
            "b'[1]'\n"
            "1 2 4 32 128 1024 512 0\n");
}

TEST_F(FrappeOrjson, FrappeUtilsOrjsonDumps) {
  EXPECT_EQ(run("u = frappe.utils\n"
                "print(u.orjson_dumps({'d': u.getdate('2024-01-02'), 'x': 'é'}))\n"
                "print(u.orjson_dumps([1], decode=False))\n"
                "print(u.orjson_dumps(u.to_timedelta('1:00:00')))\n"),
            "{\"d\":\"2024-01-02\",\"x\":\"é\"}\nb'[1]'\n\"1:00:00\"\n");
}

}  // namespace
}  // namespace quire::scripting::testing
