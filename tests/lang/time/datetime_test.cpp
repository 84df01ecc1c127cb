// datetime and time against CPython: constructors, text forms, fromisoformat,
// arithmetic and comparisons with fixed-offset zones.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/datetime.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::py_str;
using testing::py_tuple;
using testing::run_python;

TEST(DatetimeDateTime, ConstructorErrorsReprAndStrMatchCPython) {
  std::vector<std::array<int64_t, 8>> cases = {{2024, 1, 5, 10, 30, 0, 0, 0},
                                               {2024, 1, 5, 0, 0, 0, 0, 0},
                                               {2024, 1, 5, 0, 0, 5, 0, 0},
                                               {2024, 1, 5, 0, 0, 0, 5, 0},
                                               {2024, 1, 5, 0, 0, 0, 0, 1},
                                               {2024, 1, 5, 24, 0, 0, 0, 0},
                                               {2024, 1, 5, 0, 60, 0, 0, 0},
                                               {2024, 1, 5, 0, 0, 60, 0, 0},
                                               {2024, 1, 5, 0, 0, 0, -1, 0},
                                               {2024, 1, 5, 0, 0, 0, 1000000, 0},
                                               {2024, 1, 5, -1, 0, 0, 0, 0},
                                               {2024, 1, 5, 0, 0, 0, 0, 2},
                                               {0, 1, 5, 0, 0, 0, 0, 0},
                                               {2024, 2, 30, 0, 0, 0, 0, 0},
                                               {9999, 12, 31, 23, 59, 59, 999999, 1},
                                               {1, 1, 1, 0, 0, 0, 0, 0},
                                               {5, 3, 7, 1, 2, 3, 4, 0}};
  std::string program = "for c in [";
  for (auto& c : cases) {
    std::vector<std::string> items;
    for (int64_t v : c) items.push_back(std::to_string(v));
    program += py_tuple(items) + ",";
  }
  program += R"PY(]:
    def f():
        d = datetime(*c[:7], fold=c[7])
        return '|'.join([repr(d), str(d), d.ctime(), repr(d.date()), repr(d.time()), str(d.toordinal())])
    show(f)
    def g():
        t = time(*c[3:7], fold=c[7])
        return repr(t) + '|' + str(t)
    show(g)
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), 2 * cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    auto& c = cases[i];
    EXPECT_EQ(capture([&] {
                DateTime d =
                    DateTime::from_fields(c[0], c[1], c[2], c[3], c[4], c[5], c[6], TzRef(), c[7]);
                return d.repr() + "|" + d.str() + "|" + d.ctime() + "|" + d.date().repr() + "|" +
                       d.time().repr() + "|" + std::to_string(d.toordinal());
              }),
              expected[2 * i])
        << i;
    EXPECT_EQ(capture([&] {
                Time t = Time::from_fields(c[3], c[4], c[5], c[6], TzRef(), c[7]);
                return t.repr() + "|" + t.isoformat();
              }),
              expected[2 * i + 1])
        << i;
  }
}

// Random datetimes with random fixed offsets: isoformat in every timespec,
// then fromisoformat of the result, both sides.
TEST(DatetimeDateTime, IsoFormatRoundTripsWithOffsetsMatchCPython) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int64_t> micros(0, 315537897599999999LL);
  std::uniform_int_distribution<int64_t> offset(-86399999999LL, 86399999999LL);
  std::uniform_int_distribution<int> pick(0, 5);
  const char* specs[] = {"auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"};
  const char* seps[] = {"T", " ", "x", "T", "T", "\xe6\x97\xa5"};
  struct Case {
    int64_t micros, offset_us;
    int spec, sep, kind;  // kind: 0 naive, 1 utc, 2 offset, 3 whole-minute offset
  };
  std::vector<Case> cases;
  for (int i = 0; i < 1500; ++i) {
    int64_t us = micros(rng);
    if (i % 3 == 0) us -= us % 1000000;
    int64_t off = offset(rng);
    int kind = i % 4;
    if (kind == 3) off -= off % 60000000;
    cases.push_back({us, off, pick(rng), pick(rng), kind});
  }
  std::string program = "for us, off, spec, sep, kind in [";
  for (auto& c : cases)
    program += py_tuple({std::to_string(c.micros), std::to_string(c.offset_us),
                         py_str(specs[c.spec]), py_str(seps[c.sep]), std::to_string(c.kind)}) +
               ",";
  program += R"PY(]:
    tz = [None, timezone.utc, timezone(timedelta(microseconds=off)), timezone(timedelta(microseconds=off))][kind]
    d = datetime.min + timedelta(microseconds=us)
    d = d.replace(tzinfo=tz)
    s = d.isoformat(sep, spec)
    print(s + '|' + r(lambda: repr(datetime.fromisoformat(s))) + '|' + str(d) + '|' + repr(d))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    std::string ours = capture([&] {
      TzRef tz = c.kind == 0   ? TzRef()
                 : c.kind == 1 ? utc_zone()
                               : fixed_zone(TimeDelta::from_dsu(0, 0, c.offset_us));
      DateTime d = DateTime::from_local_micros(c.micros, tz);
      std::string s = d.isoformat(seps[c.sep], specs[c.spec]);
      return s + "|" + capture([&] { return DateTime::from_iso_format(s).repr(); }) + "|" +
             d.str() + "|" + d.repr();
    });
    EXPECT_EQ(ours, expected[i]) << "case " << i;
  }
}

TEST(DatetimeDateTime, FromIsoFormatEdgeCasesMatchCPython) {
  std::vector<std::string> cases = {"2024-W54",
                                    "2024-W01-8",
                                    "2024W018",
                                    "2024-01-05T24:00",
                                    "2024-01-05T23:60",
                                    "2024-01-05T10:30:61",
                                    "2024-01-05T10:30+24:00",
                                    "2024-01-05T10:30+23:59:59.9999999",
                                    "2024-01-05T1",
                                    "2024-01-05T10:3",
                                    "2024-01-05T10:30:00.1234567891",
                                    "2024-01-05T10:30:00.12a",
                                    "2024-01-05T10:30:00,5",
                                    "2024-01-05T10:30Z",
                                    "2024-01-05T10:30z",
                                    "2024-01-05T10:30+05",
                                    "2024-01-05T10:30+0530",
                                    "2024-01-05T10:30-05:30:15.5",
                                    "2024-01-05T10:30+05:3",
                                    "2024-01-05T103015",
                                    "2024-01-05T1030",
                                    "2024-01-05T10:3015",
                                    "2024-01-05 10:30",
                                    "2024-01-05x10",
                                    "2024-01-05T",
                                    "20240105T103000Z",
                                    "2024-W01T10",
                                    "2024W015T10",
                                    "2024W01T10",
                                    "2024-W01-5T10",
                                    "2024-01-05T10:30:00+00:00",
                                    "2024-01-05T10:30Z+01",
                                    "2024-01-05T10-05",
                                    "2024-02-30T10",
                                    "2024-01-05T10:30:00.",
                                    "2024-13-05T10",
                                    "2024-01-05T10:30:00+05:30.5",
                                    "2024-01-05T10:30:00+0530.5",
                                    "2024-01-05T10:30.+01:00",
                                    "2024-01-05T10:30:+01:00",
                                    "2024-01-05T10:30:00.+01:00",
                                    "2024-01-05T10:30+00:00:00.5",
                                    "2024-01-05T10:30-00:00",
                                    "2024-01-05",
                                    "2024-01",
                                    "2024-01-0",
                                    "20240105",
                                    "2024-W01",
                                    "2024W01",
                                    "2024W0",
                                    "2024-W0",
                                    "2024-W01-",
                                    "2024W0110",
                                    "2024W01101",
                                    "2024W011010",
                                    "2024-W01-10",
                                    "2024-01-05T10:30:00.123+01:00:00.123",
                                    "2024-01-05T10:30-",
                                    "2024-01-05T10:30+",
                                    "2024-01-05T10:30+1",
                                    "2024-01-05T10:30+123",
                                    "2024-01-05T1:30",
                                    "abcdefg",
                                    "2024-01-05T10:30:00Z ",
                                    " 2024-01-05",
                                    "2024-01-05T10:30:00.000001",
                                    "2024-01-05T10:30:00,000001"};
  std::string program = "for s in [";
  for (auto& s : cases) program += py_str(s) + ",";
  program += "]:\n    show(lambda: datetime.fromisoformat(s), repr)\n";
  program += "for s in [";
  for (auto& s : cases) program += py_str(s.size() > 11 ? s.substr(11) : s) + ",";
  program += "]:\n    show(lambda: time.fromisoformat(s), repr)\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), 2 * cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(capture([&] { return DateTime::from_iso_format(cases[i]).repr(); }), expected[i])
        << cases[i];
    std::string t = cases[i].size() > 11 ? cases[i].substr(11) : cases[i];
    EXPECT_EQ(capture([&] { return Time::from_iso_format(t).repr(); }), expected[cases.size() + i])
        << t;
  }
}

TEST(DatetimeDateTime, ArithmeticAndComparisonsWithOffsetsMatchCPython) {
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int64_t> micros(0, 315537897599999999LL);
  std::uniform_int_distribution<int64_t> near(-200000000000LL, 200000000000LL);
  std::uniform_int_distribution<int64_t> offset_min(-1439, 1439);
  std::uniform_int_distribution<int64_t> delta_days(-3000000, 3000000);
  struct Case {
    int64_t a, b, oa, ob, dd, ds;
    int kinds;  // bit 0: a aware, bit 1: b aware, bit 2: same zone object
  };
  std::vector<Case> cases;
  for (int i = 0; i < 1500; ++i) {
    int64_t a = micros(rng);
    int64_t b = i % 2 == 0 ? a + near(rng) : micros(rng);
    if (b < 0) b = 0;
    if (b > 315537897599999999LL) b = 315537897599999999LL;
    if (i % 10 == 0) b = a;
    cases.push_back({a, b, offset_min(rng), offset_min(rng), delta_days(rng), near(rng) / 1000,
                     static_cast<int>(i % 8)});
  }
  std::string program = "for a, b, oa, ob, dd, ds, kinds in [";
  for (auto& c : cases)
    program += py_tuple({std::to_string(c.a), std::to_string(c.b), std::to_string(c.oa),
                         std::to_string(c.ob), std::to_string(c.dd), std::to_string(c.ds),
                         std::to_string(c.kinds)}) +
               ",";
  program += R"PY(]:
    za = timezone(timedelta(minutes=oa)) if kinds & 1 else None
    zb = (za if kinds & 4 else timezone(timedelta(minutes=ob))) if kinds & 2 else None
    x = (datetime.min + timedelta(microseconds=a)).replace(tzinfo=za)
    y = (datetime.min + timedelta(microseconds=b)).replace(tzinfo=zb)
    t = timedelta(dd, ds)
    print('|'.join([r(lambda: x + t), r(lambda: x - t), r(lambda: x - y), r(lambda: x < y),
        str(x == y), str(x != y), r(lambda: x >= y), r(lambda: x.astimezone(timezone.utc) if za else 'n'),
        r(lambda: x.timestamp() if za else 'n'), r(lambda: x.timetz())]))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  auto boolean = [](bool b) { return std::string(b ? "True" : "False"); };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    TzRef za = c.kinds & 1 ? fixed_zone(TimeDelta::from_dsu(0, c.oa * 60, 0)) : TzRef();
    TzRef zb = c.kinds & 2 ? (c.kinds & 4 ? za : fixed_zone(TimeDelta::from_dsu(0, c.ob * 60, 0)))
                           : TzRef();
    if ((c.kinds & 2) && (c.kinds & 4) && !(c.kinds & 1)) zb = TzRef();
    DateTime x = DateTime::from_local_micros(c.a, za);
    DateTime y = DateTime::from_local_micros(c.b, zb);
    TimeDelta t = TimeDelta::from_dsu(c.dd, c.ds, 0);
    std::vector<std::string> parts = {
        capture([&] { return (x + t).str(); }),
        capture([&] { return (x - t).str(); }),
        capture([&] { return (x - y).str(); }),
        capture([&] { return boolean(DateTime::compare(x, y) < 0); }),
        boolean(DateTime::equal(x, y)),
        boolean(!DateTime::equal(x, y)),
        capture([&] { return boolean(DateTime::compare(x, y) >= 0); }),
        capture([&] { return x.is_aware() ? x.astimezone(utc_zone(), utc_zone()).str() : "n"; }),
        capture([&] { return x.is_aware() ? testing::g17(x.timestamp(utc_zone())) : "n"; }),
        capture([&] { return x.timetz().isoformat(); })};
    std::string ours;
    for (size_t p = 0; p < parts.size(); ++p) {
      if (p != 0) ours += "|";
      ours += parts[p];
    }
    EXPECT_EQ(ours, expected[i]) << "case " << i;
  }
}

}  // namespace
}  // namespace quire::lang::time
