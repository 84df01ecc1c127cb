// datetime.time as a Python type.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_arith.h"
#include "lang/lib/datetime_registration.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime::detail {

namespace {

time::Time self_of(Value v) {
  return *as_time(v);
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[6];
  if (!parse_call(I, "function", args, nargs, kwnames,
                  {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0, a))
    return Value::exc();
  int64_t f[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; ++i)
    if (!a[i].is_undef() && !to_field(I, a[i], f[i])) return Value::exc();
  time::TzRef tz;
  if (!to_tz(I, a[4], tz)) return Value::exc();
  int64_t fold = 0;
  if (!a[5].is_undef() && !to_field(I, a[5], fold)) return Value::exc();
  return guarded(
      I, [&] { return new_time(I, time::Time::from_fields(f[0], f[1], f[2], f[3], tz, fold)); });
}

Value hour(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).hour());
}
Value minute(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).minute());
}
Value second(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).second());
}
Value microsecond(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).microsecond());
}
Value fold(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).fold());
}
Value tzinfo(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return tzinfo_value(I, self_of(args[0]).tzinfo());
}
Value utcoffset(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return optional_delta(I, self_of(args[0]).utcoffset()); });
}

Value dst(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return optional_delta(I, self_of(args[0]).dst()); });
}
Value tzname(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] {
    auto name = self_of(args[0]).tzname();
    return name ? new_str(I, *name) : Value::none();
  });
}

Value isoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_call(I, "isoformat()", args + 1, nargs - 1, kwnames, {"timespec"}, 0, a))
    return Value::exc();
  std::string spec = "auto";
  if (!a[0].is_undef() && !to_text(I, a[0], "isoformat", 1, spec)) return Value::exc();
  return guarded(I, [&] { return new_str(I, self_of(args[0]).isoformat(spec)); });
}

Value strftime(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  std::string format;
  if (!strftime_argument(I, args, nargs, kwnames, format)) return Value::exc();
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(format)); });
}

Value format(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  std::string spec;
  if (!format_spec_argument(I, args, nargs, spec)) return Value::exc();
  if (spec.empty()) return guarded(I, [&] { return new_str(I, self_of(args[0]).isoformat()); });
  return guarded(I, [&] { return new_str(I, self_of(args[0]).strftime(spec)); });
}

Value replace(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[6];
  if (!parse_call(I, "replace()", args + 1, nargs - 1, kwnames,
                  {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0, a))
    return Value::exc();
  time::TimeReplace r;
  std::optional<int64_t>* fields[] = {&r.hour, &r.minute, &r.second, &r.microsecond};
  for (int i = 0; i < 4; ++i) {
    if (a[i].is_undef()) continue;
    int64_t v;
    if (!to_field(I, a[i], v)) return Value::exc();
    *fields[i] = v;
  }
  if (!a[4].is_undef()) {
    time::TzRef tz;
    if (!to_tz(I, a[4], tz)) return Value::exc();
    r.tzinfo = tz;
  }
  if (!a[5].is_undef()) {
    int64_t v;
    if (!to_field(I, a[5], v)) return Value::exc();
    r.fold = v;
  }
  return guarded(I, [&] { return new_time(I, self_of(args[0]).replace(r)); });
}

Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_str(I, self_of(args[0]).isoformat()); });
}
Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_str(I, self_of(args[0]).repr()); });
}
Value hash(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return Value::integer(self_of(args[0]).hash_value()); });
}
Value bool_(Isolate&, Value*, std::size_t, const Tuple*, void*) {
  return Value::boolean(true);
}

int compare(Isolate& I, Value a, Value b, int& cmp, bool equality) {
  auto y = as_time(b);
  if (!y) return 0;
  auto x = self_of(a);
  try {
    cmp = equality ? !time::Time::equal(x, *y) : time::Time::compare(x, *y);
  } catch (const numeric::PyError& e) {
    raise_py_error(I, e);
    return -1;
  }
  return 1;
}

Value fromisoformat(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "time.fromisoformat", args + 1, nargs - 1, kwnames, {"time_string"}, 1, a,
                  true))
    return Value::exc();
  if (!is_str(a[0])) return raise(I, types().TypeError, "fromisoformat: argument must be str");
  std::string text(as_str(a[0])->view());
  return guarded(I, [&] { return new_time(I, time::Time::from_iso_format(text)); });
}

}  // namespace

void define_time(const Types& all) {
  const host::ValueType& t = all.time;
  host::set_constructor(t.type, construct);
  host::define_property(t, "hour", hour);
  host::define_property(t, "minute", minute);
  host::define_property(t, "second", second);
  host::define_property(t, "microsecond", microsecond);
  host::define_property(t, "fold", fold);
  host::define_property(t, "tzinfo", tzinfo);
  host::define_method(t, "utcoffset", utcoffset);
  host::define_method(t, "dst", dst);
  host::define_method(t, "tzname", tzname);
  host::define_method(t, "isoformat", isoformat);
  host::define_method(t, "strftime", strftime);
  host::define_method(t, "replace", replace);
  host::define_classmethod(t.type, "fromisoformat", fromisoformat);
  define_value_specials<compare>(t, {.str = str, .repr = repr, .hash = hash, .format = format});
  host::define_special(t, "__bool__", bool_);
  define_limits<time::Time>(all, t);

  catalog::describe("datetime.time", catalog::kClass,
                    "(hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)",
                    "A time of day.");
  catalog::describe("datetime.time.isoformat", catalog::kMethod, "(timespec='auto')",
                    "'HH:MM:SS[.ffffff]'.");
  catalog::describe("datetime.time.strftime", catalog::kMethod, "(format)",
                    "The time formatted with C strftime directives.");
  catalog::describe("datetime.time.replace", catalog::kMethod,
                    "(hour=None, minute=None, second=None, microsecond=None, tzinfo=None, *, "
                    "fold=None)",
                    "The time with the given fields changed.");
  catalog::describe("datetime.time.fromisoformat", catalog::kMethod, "(time_string)",
                    "The time from 'HH:MM[:SS[.ffffff]]'.");
  for (const char* p : {"hour", "minute", "second", "microsecond", "tzinfo", "fold"})
    catalog::describe(std::string("datetime.time.") + p, catalog::kProperty, "", "");
}

}  // namespace quire::lang::datetime::detail
