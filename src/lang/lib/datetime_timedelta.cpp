// datetime.timedelta as a Python type.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_arith.h"
#include "lang/lib/datetime_registration.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime::detail {

namespace {

time::TimeDelta self_of(Value v) {
  return *as_timedelta(v);
}

bool component(Isolate& I, Value v, const char* name, std::optional<time::Number>& out) {
  if (v.is_undef()) return true;
  if (v.is_int()) {
    out = time::Number::of(static_cast<int64_t>(v.i));
  } else if (v.is_bool()) {
    out = time::Number::of(static_cast<int64_t>(v.b));
  } else if (v.is_float()) {
    out = time::Number::of(v.f);
  } else if (is_kind(v, Kind::BigInt)) {
    raise(I, types().OverflowError, "Python int too large to convert to C int");
    return false;
  } else {
    raise(I, types().TypeError,
          std::string("unsupported type for timedelta ") + name + " component: " + type_name(v));
    return false;
  }
  return true;
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  static const char* names[] = {"days",    "seconds", "microseconds", "milliseconds",
                                "minutes", "hours",   "weeks"};
  Value a[7];
  if (!parse_args(I, "__new__", args, nargs, kwnames,
                  {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"},
                  0, a))
    return Value::exc();
  time::TimeDeltaArgs t;
  std::optional<time::Number>* fields[] = {&t.days,    &t.seconds, &t.microseconds, &t.milliseconds,
                                           &t.minutes, &t.hours,   &t.weeks};
  for (int i = 0; i < 7; ++i)
    if (!component(I, a[i], names[i], *fields[i])) return Value::exc();
  return guarded(I, [&] { return new_timedelta(I, time::TimeDelta::from_args(t)); });
}

Value days(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).days());
}
Value seconds(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).seconds());
}
Value microseconds(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).microseconds());
}

Value total_seconds(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_args(I, "timedelta.total_seconds", nargs, kw)) return Value::exc();
  return Value::real(self_of(args[0]).total_seconds());
}

Value neg(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_timedelta(I, -self_of(args[0])); });
}
Value pos(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_timedelta(I, self_of(args[0]));
}
Value abs_(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return guarded(I, [&] { return new_timedelta(I, self_of(args[0]).abs()); });
}
Value bool_(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::boolean(!self_of(args[0]).is_zero());
}
Value hash(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(self_of(args[0]).hash_value());
}
Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, self_of(args[0]).str());
}
Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, self_of(args[0]).repr());
}

int compare(Isolate&, Value a, Value b, int& cmp, bool) {
  auto y = as_timedelta(b);
  if (!y) return 0;
  auto x = self_of(a);
  cmp = x < *y ? -1 : (x == *y ? 0 : 1);
  return 1;
}

}  // namespace

void define_timedelta(const Types& all) {
  const host::ValueType& t = all.timedelta;
  host::set_constructor(t.type, construct);
  host::define_property(t, "days", days);
  host::define_property(t, "seconds", seconds);
  host::define_property(t, "microseconds", microseconds);
  host::define_method(t, "total_seconds", total_seconds);
  host::define_special(t, "__neg__", neg);
  host::define_special(t, "__pos__", pos);
  host::define_special(t, "__abs__", abs_);
  host::define_special(t, "__bool__", bool_);
  define_value_specials<compare>(t, {.str = str, .repr = repr, .hash = hash});
  add_arithmetic(t);
  define_limits<time::TimeDelta>(all, t);

  catalog::describe("datetime.timedelta", catalog::kClass,
                    "(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, "
                    "weeks=0)",
                    "A duration: the difference between two dates or datetimes.");
  catalog::describe("datetime.timedelta.days", catalog::kProperty, "",
                    "Whole days (may be negative).");
  catalog::describe("datetime.timedelta.seconds", catalog::kProperty, "", "Seconds, 0 to 86399.");
  catalog::describe("datetime.timedelta.microseconds", catalog::kProperty, "",
                    "Microseconds, 0 to 999999.");
  catalog::describe("datetime.timedelta.total_seconds", catalog::kMethod, "()",
                    "The whole duration in seconds, as a float.");
}

}  // namespace quire::lang::datetime::detail
