// datetime.timezone (fixed UTC offsets) as a Python type.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_support.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime::detail {

namespace {

time::TzRef self_of(Value v) {
  return *as_timezone(v);
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_args(I, "timezone", args, nargs, kwnames, {"offset", "name"}, 1, a))
    return Value::exc();
  auto offset = as_timedelta(a[0]);
  if (!offset)
    return raise(I, types().TypeError,
                 "timezone() argument 1 must be datetime.timedelta, not " + type_name(a[0]));
  std::optional<std::string> name;
  if (!a[1].is_undef()) {
    std::string text;
    if (!to_text(I, a[1], "timezone", 2, text)) return Value::exc();
    name = text;
  }
  return guarded(I, [&] { return new_timezone(I, time::fixed_zone(*offset, name)); });
}

// utcoffset(dt) / dst(dt) / tzname(dt): the answers for the wall time of dt
// (None for fixed offsets' dst).
time::ZoneAnswer answer_for(Value self, Value dt) {
  int64_t micros = 0;
  int fold = 0;
  if (auto d = as_datetime(dt)) {
    micros = d->local_micros();
    fold = d->fold();
  }
  return time::zone_answer(self_of(self), micros, fold);
}

bool one_dt(Isolate& I, const char* name, std::size_t nargs, Value* args) {
  if (nargs == 2 && (args[1].is_none() || as_datetime(args[1]))) return true;
  if (nargs != 2) {
    raise(I, types().TypeError,
          std::string(name) + "() takes exactly one argument (" + std::to_string(nargs - 1) +
              " given)");
  } else {
    raise(I, types().TypeError,
          std::string(name) + "(dt) argument must be a datetime instance or None, not " +
              type_name(args[1]));
  }
  return false;
}

Value utcoffset(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!one_dt(I, "utcoffset", nargs, args)) return Value::exc();
  return guarded(I, [&] { return new_timedelta(I, answer_for(args[0], args[1]).utcoffset); });
}
Value dst(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!one_dt(I, "dst", nargs, args)) return Value::exc();
  return guarded(I, [&] {
    auto d = answer_for(args[0], args[1]).dst;
    return d ? new_timedelta(I, *d) : Value::none();
  });
}
Value tzname(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!one_dt(I, "tzname", nargs, args)) return Value::exc();
  return guarded(I, [&] { return new_str(I, answer_for(args[0], args[1]).tzname); });
}

Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, time::zone_str(self_of(args[0])));
}
Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return new_str(I, time::zone_repr(self_of(args[0])));
}
Value hash(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(time::fixed_offset(self_of(args[0])).hash_value());
}

Value eq_impl(Value* args, bool equal) {
  auto other = as_timezone(args[1]);
  if (!other) return Value::boolean(!equal);
  bool same = time::fixed_offset(self_of(args[0])) == time::fixed_offset(*other);
  return Value::boolean(same == equal);
}
Value eq(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return eq_impl(args, true);
}
Value ne(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  return eq_impl(args, false);
}

}  // namespace

void define_timezone(const Types& all) {
  const host::ValueType& t = all.timezone;
  host::set_constructor(t.type, construct);
  host::define_method(t, "utcoffset", utcoffset);
  host::define_method(t, "dst", dst);
  host::define_method(t, "tzname", tzname);
  host::define_special(t, "__str__", str);
  host::define_special(t, "__repr__", repr);
  host::define_special(t, "__hash__", hash);
  host::define_special(t, "__eq__", eq);
  host::define_special(t, "__ne__", ne);
  time::TzRef utc = time::utc_zone();
  host::define_class_attr(t.type, "utc", host::immortal_value(t.impl, &utc, sizeof utc));

  catalog::describe("datetime.timezone", catalog::kClass, "(offset, name=None)",
                    "A fixed offset from UTC.");
  catalog::describe("datetime.timezone.utc", catalog::kValue, "", "The UTC timezone.");
  catalog::describe("datetime.timezone.utcoffset", catalog::kMethod, "(dt)", "The fixed offset.");
  catalog::describe("datetime.timezone.tzname", catalog::kMethod, "(dt)", "The zone's name.");
  catalog::describe("datetime.timezone.dst", catalog::kMethod, "(dt)", "None.");
}

}  // namespace quire::lang::datetime::detail
