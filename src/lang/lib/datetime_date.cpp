// datetime.date as a Python type.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_arith.h"
#include "lang/lib/datetime_registration.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime::detail {

namespace {

// datetime inherits date's methods it does not redefine: they see its date.
time::Date self_of(Value v) {
  if (auto d = as_date(v)) return *d;
  if (auto dt = as_datetime(v)) return dt->date();
  return time::Date();
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_call(I, "function", args, nargs, kwnames, {"year", "month", "day"}, 3, a))
    return Value::exc();
  int64_t f[3];
  for (int i = 0; i < 3; ++i)
    if (!to_field(I, a[i], f[i])) return Value::exc();
  return guarded(I, [&] { return new_date(I, time::Date::from_ymd(f[0], f[1], f[2])); });
}

Value year(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).year());
}
Value month(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).month());
}
Value day(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).day());
}

Value weekday(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.weekday", nargs, kw)) return Value::exc();
  return Value::integer(self_of(args[0]).weekday());
}
Value isoweekday(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.isoweekday", nargs, kw)) return Value::exc();
  return Value::integer(self_of(args[0]).isoweekday());
}
Value toordinal(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.toordinal", nargs, kw)) return Value::exc();
  return Value::integer(self_of(args[0]).toordinal());
}
Value isoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.isoformat", nargs, kw)) return Value::exc();
  return new_str(I, self_of(args[0]).isoformat());
}
Value ctime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.ctime", nargs, kw)) return Value::exc();
  return new_str(I, self_of(args[0]).ctime());
}
Value isocalendar(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.isocalendar", nargs, kw)) return Value::exc();
  time::IsoCalendarDate c = self_of(args[0]).isocalendar();
  Value items[3] = {Value::integer(c.year), Value::integer(c.week), Value::integer(c.weekday)};
  return new_tuple_from(I, items, 3);
}

Value strftime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  std::string format;
  if (!strftime_argument(I, args, nargs, kwnames, format)) return Value::exc();
  // CPython formats self.timetuple(): a datetime receiver keeps its time.
  if (auto dt = as_datetime(args[0]))
    return guarded(I, [&] { return new_str(I, dt->strftime(format)); });
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(format)); });
}

Value format(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  std::string spec;
  if (!format_spec_argument(I, args, nargs, spec)) return Value::exc();
  if (spec.empty()) return new_str(I, self_of(args[0]).isoformat());
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(spec)); });
}

Value replace(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_call(I, "replace()", args + 1, nargs - 1, kwnames, {"year", "month", "day"}, 0, a))
    return Value::exc();
  time::DateReplace r;
  std::optional<int64_t>* fields[] = {&r.year, &r.month, &r.day};
  for (int i = 0; i < 3; ++i) {
    if (a[i].is_undef()) continue;
    int64_t v;
    if (!to_field(I, a[i], v)) return Value::exc();
    *fields[i] = v;
  }
  return guarded(I, [&] { return new_date(I, self_of(args[0]).replace(r)); });
}

Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, self_of(args[0]).isoformat());
}
Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, self_of(args[0]).repr());
}
Value hash(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).hash_value());
}

int compare(Isolate& I, Value a, Value b, int& cmp, bool equality) {
  auto x = self_of(a);
  auto y = as_date(b);
  if (!y) {
    if (as_datetime(b)) {
      if (equality) {
        cmp = 1;
        return 1;
      }
      raise(I, types().TypeError, "can't compare datetime.datetime to datetime.date");
      return -1;
    }
    return 0;
  }
  cmp = x < *y ? -1 : (x == *y ? 0 : 1);
  return 1;
}

// Class methods (args[0] is the class).
Value today(Isolate& I, Value*, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "date.today", nargs, kw)) return Value::exc();
  return guarded(I, [&] { return new_date(I, time::Date::today(current_clock())); });
}

Value fromordinal(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "date.fromordinal", args + 1, nargs - 1, kwnames, {"ordinal"}, 1, a, true))
    return Value::exc();
  int64_t n;
  if (!to_field(I, a[0], n)) return Value::exc();
  return guarded(I, [&] { return new_date(I, time::Date::from_ordinal(n)); });
}

Value fromisoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "date.fromisoformat", args + 1, nargs - 1, kwnames, {"date_string"}, 1, a,
                  true))
    return Value::exc();
  if (!is_str(a[0])) return raise(I, types().TypeError, "fromisoformat: argument must be str");
  std::string text(as_str(a[0])->view());
  return guarded(I, [&] { return new_date(I, time::Date::from_iso_format(text)); });
}

Value fromtimestamp(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_call(I, "fromtimestamp()", args + 1, nargs - 1, kwnames, {"timestamp"}, 1, a))
    return Value::exc();
  time::Number ts = time::Number::of(int64_t{0});
  if (a[0].is_float()) {
    ts = time::Number::of(a[0].f);
  } else {
    int64_t n;
    if (!to_field(I, a[0], n)) return Value::exc();
    ts = time::Number::of(n);
  }
  return guarded(
      I, [&] { return new_date(I, time::Date::from_timestamp(ts, current_clock().local_zone())); });
}

}  // namespace

void define_date(const Types& all) {
  const host::ValueType& t = all.date;
  host::set_constructor(t.type, construct);
  host::define_property(t, "year", year);
  host::define_property(t, "month", month);
  host::define_property(t, "day", day);
  host::define_method(t, "weekday", weekday);
  host::define_method(t, "isoweekday", isoweekday);
  host::define_method(t, "toordinal", toordinal);
  host::define_method(t, "isoformat", isoformat);
  host::define_method(t, "isocalendar", isocalendar);
  host::define_method(t, "ctime", ctime);
  host::define_method(t, "strftime", strftime);
  host::define_method(t, "replace", replace);
  host::define_classmethod(t.type, "today", today);
  host::define_classmethod(t.type, "fromordinal", fromordinal);
  host::define_classmethod(t.type, "fromisoformat", fromisoformat);
  host::define_classmethod(t.type, "fromtimestamp", fromtimestamp);
  define_value_specials<compare>(t, {.str = str, .repr = repr, .hash = hash, .format = format});
  add_arithmetic(t);
  define_limits<time::Date>(all, t);

  catalog::describe("datetime.date", catalog::kClass, "(year, month, day)",
                    "A calendar date (proleptic Gregorian).");
  const char* methods[][3] = {
      {"weekday", "()", "Monday is 0 ... Sunday is 6."},
      {"isoweekday", "()", "Monday is 1 ... Sunday is 7."},
      {"toordinal", "()", "Days since 0001-01-01 (which is 1)."},
      {"isoformat", "()", "'YYYY-MM-DD'."},
      {"isocalendar", "()", "(ISO year, ISO week number, ISO weekday)."},
      {"ctime", "()", "'Fri Jan  5 00:00:00 2024'."},
      {"strftime", "(format)", "The date formatted with C strftime directives."},
      {"replace", "(year=None, month=None, day=None)", "The date with the given fields changed."},
  };
  for (auto& m : methods)
    catalog::describe(std::string("datetime.date.") + m[0], catalog::kMethod, m[1], m[2]);
  catalog::describe("datetime.date.today", catalog::kMethod, "()", "The current local date.");
  catalog::describe("datetime.date.fromisoformat", catalog::kMethod, "(date_string)",
                    "The date from 'YYYY-MM-DD'.");
  catalog::describe("datetime.date.fromordinal", catalog::kMethod, "(ordinal)",
                    "The date from a proleptic Gregorian ordinal.");
  catalog::describe("datetime.date.fromtimestamp", catalog::kMethod, "(timestamp)",
                    "The local date of a POSIX timestamp.");
  for (const char* p : {"year", "month", "day"})
    catalog::describe(std::string("datetime.date.") + p, catalog::kProperty, "", "");
}

}  // namespace quire::lang::datetime::detail
