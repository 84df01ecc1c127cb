// The standard-module registry, the datetime and json host APIs, and the
// clock today()/now() read.

#include "lang/lib/datetime.h"
#include "lang/lib/json.h"
#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

TEST(StdlibModules, ImportResolvesJsonAndDatetime) {
  Outcome o = run_script(
      "import json, datetime\nfrom datetime import date\n"
      "print(json.dumps({'d': str(date(2024, 1, 5))}), datetime.MAXYEAR)\n");
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "{\"d\": \"2024-01-05\"} 9999\n");
  EXPECT_EQ(run_script("import os\n").error_line, "ModuleNotFoundError: No module named 'os'");
}

TEST(StdlibModules, SandboxedHookRefusesOtherModules) {
  Isolate I;
  IsolateScope scope(I);
  ImportHook hook = stdlib_import_hook(true);
  Value m = hook(I, "json");
  ASSERT_TRUE(is_kind(m, Kind::Module));
  decref(m);
  Value refused = hook(I, "os");
  ASSERT_TRUE(refused.is_exc());
  EXPECT_EQ(exception_line(I, I.pending), "ImportError: __import__ not found");
  decref(I.pending);
  I.pending = Value();
  EXPECT_TRUE(stdlib_module(I, "nope").is_undef());
  EXPECT_EQ(stdlib_module_names().size(), 2u);
}

TEST(StdlibModules, ModuleBoundAsAGlobal) {
  Outcome o = run_script("print(json.loads('[1, 2]')[1])\n", [](Isolate& I) {
    Value m = stdlib_module(I, "json");
    bool ok = I.set_global("json", m);
    decref(m);
    return ok;
  });
  EXPECT_EQ(o.out, "2\n");
}

TEST(DatetimeHost, ValuesRoundTrip) {
  Isolate I;
  IsolateScope scope(I);
  time::Date d = time::Date::from_ymd(2024, 2, 29);
  Value v = datetime::new_date(I, d);
  ASSERT_TRUE(datetime::as_date(v).has_value());
  EXPECT_EQ(datetime::as_date(v)->toordinal(), d.toordinal());
  EXPECT_FALSE(datetime::as_datetime(v).has_value());
  EXPECT_TRUE(isinstance(v, datetime::date_type()));
  Value dt = datetime::new_datetime(I, time::DateTime::from_fields(2024, 1, 1, 9));
  EXPECT_TRUE(isinstance(dt, datetime::date_type()));
  EXPECT_FALSE(datetime::as_date(dt).has_value());
  EXPECT_EQ(datetime::as_datetime(dt)->hour(), 9);
  Value td = datetime::new_timedelta(I, time::TimeDelta::from_dsu(1, 2, 3));
  EXPECT_EQ(datetime::as_timedelta(td)->seconds(), 2);
  decref(v);
  decref(dt);
  decref(td);
}

TEST(DatetimeHost, ClassNamesAreCPythons) {
  std::string body =
      "import json, datetime\nprint(datetime.date.__name__, type(datetime.date(2024, 1, "
      "1)).__name__,"
      " datetime.timedelta.__qualname__, json.JSONDecodeError.__name__)\n";
  Outcome o = run_script(body);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, python_output(body));
}

TEST(DatetimeHost, HostValuesWorkInScripts) {
  Outcome o = run_script(
      "print(posting_date, posting_date + timedelta(days=1), posting_date.weekday())\n"
      "import datetime\nfrom datetime import timedelta\n",
      [](Isolate& I) {
        Value v = datetime::new_date(I, time::Date::from_ymd(2024, 11, 22));
        I.set_global("posting_date", v);
        decref(v);
        Value m = stdlib_module(I, "datetime");
        Value td = Value::object(datetime::timedelta_type());
        I.set_global("timedelta", td);
        decref(m);
        return true;
      });
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "2024-11-22 2024-11-23 4\n");
}

TEST(DatetimeHost, TodayAndNowReadTheThreadsClock) {
  // 2024-03-10 12:34:56.789 UTC, local zone UTC+05:30.
  time::FixedClock clock(1710074096789000LL,
                         time::fixed_zone(time::TimeDelta::from_dsu(0, 19800, 0)));
  datetime::ClockScope scope(clock);
  Outcome o = run_script(
      "from datetime import date, datetime, timezone\n"
      "print(date.today(), datetime.now(), datetime.utcnow(), datetime.now(timezone.utc))\n");
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out,
            "2024-03-10 2024-03-10 18:04:56.789000 2024-03-10 12:34:56.789000 2024-03-10 "
            "12:34:56.789000+00:00\n");
}

TEST(JsonHost, QuoteMatchesPython) {
  std::string text = "caf\u00e9 \"q\" \\ \n \U0001F600";
  std::string expected = python_output(
      "import json\nprint(json.dumps('caf\\u00e9 \"q\" \\\\ \\n \\U0001F600'))\n"
      "print(json.dumps('caf\\u00e9 \"q\" \\\\ \\n \\U0001F600', ensure_ascii=False))\n");
  EXPECT_EQ(json::quote(text) + "\n" + json::quote(text, false) + "\n", expected);
}

TEST(JsonHost, DumpAndLoadFromNativeCode) {
  Isolate I;
  IsolateScope scope(I);
  Value v = json::load_text(I, "{\"b\": [1, 2.5, null], \"a\": \"x\"}", json::LoadOptions{});
  ASSERT_TRUE(is_dict(v));
  json::DumpOptions o;
  o.sort_keys = true;
  o.has_indent = true;
  o.indent = " ";
  o.item_separator = ",";
  std::string out;
  ASSERT_TRUE(json::dump_into(I, v, o, out));
  EXPECT_EQ(out, "{\n \"a\": \"x\",\n \"b\": [\n  1,\n  2.5,\n  null\n ]\n}");
  decref(v);
  Value bad = json::load_text(I, "[1,", json::LoadOptions{});
  ASSERT_TRUE(bad.is_exc());
  EXPECT_TRUE(isinstance(I.pending, json::decode_error_type()));
  EXPECT_EQ(exception_line(I, I.pending),
            "json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)");
  decref(I.pending);
  I.pending = Value();
}

TEST(JsonHost, NativeBuffersRespectTheHeapCap) {
  Isolate I;
  IsolateScope scope(I);
  Value list = json::load_text(I, "[[[1, 2, 3]], [[4, 5, 6]]]", json::LoadOptions{});
  ASSERT_TRUE(is_list(list));
  I.heap.set_limit(I.heap.bytes_used() + 4096);
  json::DumpOptions o;
  o.has_indent = true;
  o.indent = std::string(1000, ' ');
  std::string out;
  EXPECT_FALSE(json::dump_into(I, list, o, out));
  EXPECT_EQ(exception_line(I, I.pending), "MemoryError");
  decref(I.pending);
  I.pending = Value();
  EXPECT_LE(out.size(), 4096u);
  Value big = json::load_text(I, std::string(2000, ' ') + "1", json::LoadOptions{});
  ASSERT_TRUE(big.is_exc());
  EXPECT_EQ(exception_line(I, I.pending), "MemoryError");
  decref(I.pending);
  I.pending = Value();
  I.heap.set_limit(SIZE_MAX);
  decref(list);
}

}  // namespace
}  // namespace quire::lang::test
