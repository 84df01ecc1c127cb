// datetime.datetime as a Python type.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_arith.h"
#include "lang/lib/datetime_registration.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime::detail {

namespace {

time::DateTime self_of(Value v) {
  return *as_datetime(v);
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[9];
  if (!parse_call(
          I, "function", args, nargs, kwnames,
          {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 3,
          a, 8))
    return Value::exc();
  int64_t f[7] = {0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 7; ++i)
    if (!a[i].is_undef() && !to_field(I, a[i], f[i])) return Value::exc();
  time::TzRef tz;
  if (!to_tz(I, a[7], tz)) return Value::exc();
  int64_t fold = 0;
  if (!a[8].is_undef() && !to_field(I, a[8], fold)) return Value::exc();
  return guarded(I, [&] {
    return new_datetime(
        I, time::DateTime::from_fields(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tz, fold));
  });
}

#define QUIRE_DT_FIELD(field)                                            \
  Value field(Isolate&, Value* args, std::size_t, const Tuple*, void*) { \
    return Value::integer(self_of(args[0]).field());                     \
  }
QUIRE_DT_FIELD(year)
QUIRE_DT_FIELD(month)
QUIRE_DT_FIELD(day)
QUIRE_DT_FIELD(hour)
QUIRE_DT_FIELD(minute)
QUIRE_DT_FIELD(second)
QUIRE_DT_FIELD(microsecond)
QUIRE_DT_FIELD(fold)
#undef QUIRE_DT_FIELD

Value tzinfo(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return tzinfo_value(I, self_of(args[0]).tzinfo());
}

Value date(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.date", nargs, kw)) return Value::exc();
  return new_date(I, self_of(args[0]).date());
}
Value time_(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.time", nargs, kw)) return Value::exc();
  return new_time(I, self_of(args[0]).time());
}
Value timetz(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.timetz", nargs, kw)) return Value::exc();
  return new_time(I, self_of(args[0]).timetz());
}
Value weekday(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.weekday", nargs, kw)) return Value::exc();
  return Value::integer(self_of(args[0]).weekday());
}
Value isoweekday(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.isoweekday", nargs, kw)) return Value::exc();
  return Value::integer(self_of(args[0]).isoweekday());
}
Value ctime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.ctime", nargs, kw)) return Value::exc();
  return new_str(I, self_of(args[0]).ctime());
}
Value utcoffset(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.utcoffset", nargs, kw)) return Value::exc();
  return guarded(I, [&] { return optional_delta(I, self_of(args[0]).utcoffset()); });
}
Value dst(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.dst", nargs, kw)) return Value::exc();
  return guarded(I, [&] { return optional_delta(I, self_of(args[0]).dst()); });
}
Value tzname(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.tzname", nargs, kw)) return Value::exc();
  return guarded(I, [&] {
    auto name = self_of(args[0]).tzname();
    return name ? new_str(I, *name) : Value::none();
  });
}
Value timestamp(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.timestamp", nargs, kw)) return Value::exc();
  return guarded(
      I, [&] { return Value::real(self_of(args[0]).timestamp(current_clock().local_zone())); });
}

Value isoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_call(I, "isoformat()", args + 1, nargs - 1, kwnames, {"sep", "timespec"}, 0, a))
    return Value::exc();
  std::string sep = "T", spec = "auto";
  if (!a[0].is_undef()) {
    if (!is_str(a[0]))
      return raise(I, types().TypeError,
                   "isoformat() argument 1 must be a unicode character, not " + type_name(a[0]));
    if (as_str(a[0])->length != 1)
      return raise(I, types().TypeError,
                   "isoformat() argument 1 must be a unicode character, not str");
    sep = as_str(a[0])->view();
  }
  if (!a[1].is_undef() && !to_text(I, a[1], "isoformat", 2, spec)) return Value::exc();
  return guarded(I, [&] { return new_str(I, self_of(args[0]).isoformat(sep, spec)); });
}

Value strftime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  std::string format;
  if (!strftime_argument(I, args, nargs, kwnames, format)) return Value::exc();
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(format)); });
}

Value format(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  std::string spec;
  if (!format_spec_argument(I, args, nargs, spec)) return Value::exc();
  if (spec.empty()) return guarded(I, [&] { return new_str(I, self_of(args[0]).str()); });
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(spec)); });
}

Value replace(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[9];
  if (!parse_call(
          I, "replace()", args + 1, nargs - 1, kwnames,
          {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0,
          a))
    return Value::exc();
  time::DateTimeReplace r;
  std::optional<int64_t>* fields[] = {&r.year,   &r.month,  &r.day,        &r.hour,
                                      &r.minute, &r.second, &r.microsecond};
  for (int i = 0; i < 7; ++i) {
    if (a[i].is_undef()) continue;
    int64_t v;
    if (!to_field(I, a[i], v)) return Value::exc();
    *fields[i] = v;
  }
  if (!a[7].is_undef()) {
    time::TzRef tz;
    if (!to_tz(I, a[7], tz)) return Value::exc();
    r.tzinfo = tz;
  }
  if (!a[8].is_undef()) {
    int64_t v;
    if (!to_field(I, a[8], v)) return Value::exc();
    r.fold = v;
  }
  return guarded(I, [&] { return new_datetime(I, self_of(args[0]).replace(r)); });
}

Value astimezone(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_call(I, "astimezone()", args + 1, nargs - 1, kwnames, {"tz"}, 0, a))
    return Value::exc();
  time::TzRef tz;
  if (!to_tz(I, a[0], tz)) return Value::exc();
  time::TzRef local = current_clock().local_zone();
  return guarded(I, [&] {
    time::DateTime dt = self_of(args[0]);
    return new_datetime(I, tz.is_naive() ? dt.astimezone_local(local) : dt.astimezone(tz, local));
  });
}

Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_str(I, self_of(args[0]).str()); });
}
Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_str(I, self_of(args[0]).repr()); });
}
Value hash(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return Value::integer(self_of(args[0]).hash_value()); });
}

int compare(Isolate& I, Value a, Value b, int& cmp, bool equality) {
  auto y = as_datetime(b);
  if (!y) {
    if (as_date(b)) {
      if (equality) {
        cmp = 1;
        return 1;
      }
      raise(I, types().TypeError, "can't compare datetime.datetime to datetime.date");
      return -1;
    }
    return 0;
  }
  auto x = self_of(a);
  try {
    cmp = equality ? !time::DateTime::equal(x, *y) : time::DateTime::compare(x, *y);
  } catch (const numeric::PyError& e) {
    raise_py_error(I, e);
    return -1;
  }
  return 1;
}

// Class methods (args[0] is the class).
Value now(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_call(I, "now()", args + 1, nargs - 1, kwnames, {"tz"}, 0, a)) return Value::exc();
  time::TzRef tz;
  if (!to_tz(I, a[0], tz)) return Value::exc();
  std::optional<time::TzRef> zone;
  if (!tz.is_naive()) zone = tz;
  return guarded(I, [&] { return new_datetime(I, time::DateTime::now(current_clock(), zone)); });
}

Value today(Isolate& I, Value*, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.today", nargs, kw)) return Value::exc();
  return guarded(I, [&] { return new_datetime(I, time::DateTime::now(current_clock())); });
}

Value utcnow(Isolate& I, Value*, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "datetime.utcnow", nargs, kw)) return Value::exc();
  return guarded(I, [&] { return new_datetime(I, time::DateTime::utcnow(current_clock())); });
}

Value combine(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_call(I, "combine()", args + 1, nargs - 1, kwnames, {"date", "time", "tzinfo"}, 2, a))
    return Value::exc();
  std::optional<time::Date> d = as_date(a[0]);
  if (!d) {
    if (auto dt = as_datetime(a[0])) d = dt->date();
  }
  if (!d)
    return raise(I, types().TypeError,
                 "combine() argument 1 must be datetime.date, not " + type_name(a[0]));
  auto t = as_time(a[1]);
  if (!t)
    return raise(I, types().TypeError,
                 "combine() argument 2 must be datetime.time, not " + type_name(a[1]));
  if (a[2].is_undef())
    return guarded(I, [&] { return new_datetime(I, time::DateTime::combine(*d, *t)); });
  time::TzRef tz;
  if (!to_tz(I, a[2], tz)) return Value::exc();
  return guarded(I, [&] { return new_datetime(I, time::DateTime::combine(*d, *t, tz)); });
}

Value fromisoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "datetime.fromisoformat", args + 1, nargs - 1, kwnames, {"date_string"}, 1, a,
                  true))
    return Value::exc();
  if (!is_str(a[0])) return raise(I, types().TypeError, "fromisoformat: argument must be str");
  std::string text(as_str(a[0])->view());
  return guarded(I, [&] { return new_datetime(I, time::DateTime::from_iso_format(text)); });
}

Value strptime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (nargs != 3 || kwnames)
    return raise(I, types().TypeError,
                 "strptime() takes exactly 2 arguments (" +
                     std::to_string(nargs - 1 + (kwnames ? kwnames->size : 0)) + " given)");
  Value a[2] = {args[1], args[2]};
  std::string text, format;
  if (!to_text(I, a[0], "strptime", 1, text) || !to_text(I, a[1], "strptime", 2, format))
    return Value::exc();
  return guarded(I, [&] { return new_datetime(I, time::DateTime::strptime(text, format)); });
}

Value fromtimestamp(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_call(I, "fromtimestamp()", args + 1, nargs - 1, kwnames, {"timestamp", "tz"}, 1, a))
    return Value::exc();
  time::Number ts = time::Number::of(int64_t{0});
  if (a[0].is_float()) {
    ts = time::Number::of(a[0].f);
  } else {
    int64_t n;
    if (!to_field(I, a[0], n)) return Value::exc();
    ts = time::Number::of(n);
  }
  time::TzRef tz;
  if (!to_tz(I, a[1], tz)) return Value::exc();
  std::optional<time::TzRef> zone;
  if (!tz.is_naive()) zone = tz;
  return guarded(I, [&] {
    return new_datetime(I, time::DateTime::from_timestamp(ts, zone, current_clock().local_zone()));
  });
}

Value fromordinal(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "datetime.fromordinal", args + 1, nargs - 1, kwnames, {"ordinal"}, 1, a, true))
    return Value::exc();
  int64_t n;
  if (!to_field(I, a[0], n)) return Value::exc();
  return guarded(I, [&] {
    return new_datetime(I, time::DateTime::combine(time::Date::from_ordinal(n), time::Time()));
  });
}

}  // namespace

void define_datetime(const Types& all) {
  const host::ValueType& t = all.datetime;
  host::set_constructor(t.type, construct);
  host::define_property(t, "year", year);
  host::define_property(t, "month", month);
  host::define_property(t, "day", day);
  host::define_property(t, "hour", hour);
  host::define_property(t, "minute", minute);
  host::define_property(t, "second", second);
  host::define_property(t, "microsecond", microsecond);
  host::define_property(t, "fold", fold);
  host::define_property(t, "tzinfo", tzinfo);
  host::define_method(t, "date", date);
  host::define_method(t, "time", time_);
  host::define_method(t, "timetz", timetz);
  host::define_method(t, "weekday", weekday);
  host::define_method(t, "isoweekday", isoweekday);
  host::define_method(t, "ctime", ctime);
  host::define_method(t, "utcoffset", utcoffset);
  host::define_method(t, "dst", dst);
  host::define_method(t, "tzname", tzname);
  host::define_method(t, "timestamp", timestamp);
  host::define_method(t, "isoformat", isoformat);
  host::define_method(t, "strftime", strftime);
  host::define_method(t, "replace", replace);
  host::define_method(t, "astimezone", astimezone);
  host::define_classmethod(t.type, "now", now);
  host::define_classmethod(t.type, "today", today);
  host::define_classmethod(t.type, "utcnow", utcnow);
  host::define_classmethod(t.type, "combine", combine);
  host::define_classmethod(t.type, "fromisoformat", fromisoformat);
  host::define_classmethod(t.type, "strptime", strptime);
  host::define_classmethod(t.type, "fromtimestamp", fromtimestamp);
  host::define_classmethod(t.type, "fromordinal", fromordinal);
  define_value_specials<compare>(t, {.str = str, .repr = repr, .hash = hash, .format = format});
  add_arithmetic(t);
  define_limits<time::DateTime>(all, t);

  catalog::describe("datetime.datetime", catalog::kClass,
                    "(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, "
                    "*, fold=0)",
                    "A date with a time of day (naive, or aware with a datetime.timezone).");
  const char* methods[][3] = {
      {"date", "()", "The date part."},
      {"time", "()", "The time part (without tzinfo)."},
      {"weekday", "()", "Monday is 0 ... Sunday is 6."},
      {"isoweekday", "()", "Monday is 1 ... Sunday is 7."},
      {"isoformat", "(sep='T', timespec='auto')", "'YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]'."},
      {"strftime", "(format)", "The datetime formatted with C strftime directives."},
      {"replace",
       "(year=None, month=None, day=None, hour=None, minute=None, second=None, "
       "microsecond=None, tzinfo=None, *, fold=None)",
       "The datetime with the given fields changed."},
      {"timestamp", "()", "POSIX timestamp (naive values are local time)."},
      {"astimezone", "(tz=None)", "The same instant in another zone."},
      {"now", "(tz=None)", "The current local date and time (or in tz)."},
      {"today", "()", "The current local date and time."},
      {"utcnow", "()", "The current UTC date and time, naive."},
      {"combine", "(date, time, tzinfo=None)", "A datetime from a date and a time."},
      {"fromisoformat", "(date_string)", "The datetime from ISO 8601 text."},
      {"strptime", "(date_string, format)", "The datetime parsed with a strptime format."},
      {"fromtimestamp", "(timestamp, tz=None)", "The local datetime of a POSIX timestamp."},
  };
  for (auto& m : methods)
    catalog::describe(std::string("datetime.datetime.") + m[0], catalog::kMethod, m[1], m[2]);
  for (const char* p :
       {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"})
    catalog::describe(std::string("datetime.datetime.") + p, catalog::kProperty, "", "");
}

}  // namespace quire::lang::datetime::detail
