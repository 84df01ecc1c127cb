#pragma once
// Shared by the datetime_*.cpp files: the value types, payload access,
// argument conversion with CPython's messages, and the PyError bridge.

#include <cstring>
#include <string>

#include "lang/lib/datetime.h"
#include "lang/sandbox/host.h"

namespace quire::lang::datetime::detail {

struct Types {
  host::ValueType date, datetime, time, timedelta, timezone;
};
// Created on first use (process-wide, immortal).
const Types& types_();

template <class T>
bool payload(Value v, const Type* impl, T& out) {
  if (!is_kind(v, Kind::Instance) || static_cast<Instance*>(v.o)->cls != impl) return false;
  std::string_view raw = host::payload_of(v);
  if (raw.size() != sizeof(T)) return false;
  std::memcpy(&out, raw.data(), sizeof(T));
  return true;
}

Value raise_py_error(Isolate& I, const numeric::PyError& e);

// Runs f() (returning Value); a numeric::PyError becomes the Python exception.
template <class F>
Value guarded(Isolate& I, F&& f) {
  try {
    return f();
  } catch (const numeric::PyError& e) {
    return raise_py_error(I, e);
  }
}

// Arguments as CPython's C datetime parses them (PyArg_ParseTupleAndKeywords):
// `display` is how messages name the callee, "function" for the
// constructors, "strftime()" for methods. `max_positional` (when >= 0) caps
// positional arguments below the parameter count (keyword-only ones).
bool parse_call(Isolate& I, const char* display, Value* args, std::size_t nargs,
                const Tuple* kwnames, std::initializer_list<const char*> params,
                std::size_t required, Value* out, int max_positional = -1);

// An int argument of a constructor or replace(): "'str' object cannot be
// interpreted as an integer".
bool to_field(Isolate& I, Value v, int64_t& out);
// A str argument: "<fname>() argument <n> must be str, not int".
bool to_text(Isolate& I, Value v, const char* fname, int position, std::string& out);
// A tzinfo argument: None or a timezone.
bool to_tz(Isolate& I, Value v, time::TzRef& out);
// A method without parameters called with some: TypeError "<name>() takes no
// arguments (N given)" and false.
bool no_args(Isolate& I, const char* name, std::size_t nargs, const Tuple* kw);
// The `format` argument of a strftime(format) method (args[0] is self).
bool strftime_argument(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                       std::string& format);
// The spec argument of __format__(spec) (args[0] is self).
bool format_spec_argument(Isolate& I, Value* args, std::size_t nargs, std::string& spec);
// utcoffset() and dst() results: a timedelta, or None.
Value optional_delta(Isolate& I, const std::optional<time::TimeDelta>& d);
// A time's or datetime's tzinfo: its timezone, or None when naive.
Value tzinfo_value(Isolate& I, time::TzRef tz);
// An Int128 as a Python int.
Value int128_value(Isolate& I, time::Int128 v);
// Result of a three-way comparison for comparison special `which` (0 lt, 1 le, 2 gt, 3 ge).
Value order_result(int which, int cmp);
Value text_value(Isolate& I, const std::string& s);

// Comparisons: a CompareFn gives 1 with `cmp` set (-1, 0, 1), 0 when `b` is
// not comparable with `a` (==: False; <: TypeError), -1 on error. With
// `equality`, cmp is 0 for equal values and nonzero otherwise (naive and
// aware datetimes are unequal rather than an error).
using CompareFn = int (*)(Isolate& I, Value a, Value b, int& cmp, bool equality);

template <CompareFn F, int W>
Value ordering(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  int cmp = 0;
  int r = F(I, args[0], args[1], cmp, false);
  if (r < 0) return Value::exc();
  // Another type: NotImplemented, so the other operand's reflected method is
  // asked, as CPython's datetime does; the VM raises when none answers.
  if (r == 0) return not_implemented_value();
  return order_result(W, cmp);
}

template <CompareFn F, bool Equal>
Value equality(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  int cmp = 1;
  int r = F(I, args[0], args[1], cmp, true);
  if (r < 0) return Value::exc();
  if (r == 0) return not_implemented_value();
  return Value::boolean(Equal ? cmp == 0 : cmp != 0);
}

template <CompareFn F>
void add_comparisons(const host::ValueType& t) {
  host::define_special(t, "__lt__", ordering<F, 0>);
  host::define_special(t, "__le__", ordering<F, 1>);
  host::define_special(t, "__gt__", ordering<F, 2>);
  host::define_special(t, "__ge__", ordering<F, 3>);
  host::define_special(t, "__eq__", equality<F, true>);
  host::define_special(t, "__ne__", equality<F, false>);
}

void define_timedelta(const Types& all);
void define_date(const Types& all);
void define_time(const Types& all);
void define_datetime(const Types& all);
void define_timezone(const Types& all);

}  // namespace quire::lang::datetime::detail
