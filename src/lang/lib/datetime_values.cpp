// The datetime value types: creation, payload access, the conversions the
// constructors share, the thread's clock and the module object.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_support.h"
#include "lang/sandbox/catalog.h"

namespace quire::lang::datetime {

namespace detail {

const Types& types_() {
  static const Types* t = [] {
    auto* made = new Types();  // process-wide, never destroyed
    made->date = host::define_value_type("datetime.date");
    made->datetime = host::define_value_type("datetime.datetime", made->date.type);
    made->time = host::define_value_type("datetime.time");
    made->timedelta = host::define_value_type("datetime.timedelta");
    made->timezone = host::define_value_type("datetime.timezone");
    define_timedelta(*made);
    define_date(*made);
    define_time(*made);
    define_datetime(*made);
    define_timezone(*made);
    catalog::describe("datetime", catalog::kModule, "",
                      "Dates, times and durations (CPython's datetime module).");
    catalog::describe("datetime.MINYEAR", catalog::kValue, "", "The smallest year: 1.");
    catalog::describe("datetime.MAXYEAR", catalog::kValue, "", "The largest year: 9999.");
    return made;
  }();
  return *t;
}

Value raise_py_error(Isolate& I, const numeric::PyError& e) {
  Type* type = types().ValueError;
  switch (e.kind) {
    case numeric::ErrorKind::ValueError:
      type = types().ValueError;
      break;
    case numeric::ErrorKind::TypeError:
      type = types().TypeError;
      break;
    case numeric::ErrorKind::OverflowError:
      type = types().OverflowError;
      break;
    case numeric::ErrorKind::ZeroDivisionError:
      type = types().ZeroDivisionError;
      break;
    case numeric::ErrorKind::IndexError:
      type = types().IndexError;
      break;
    case numeric::ErrorKind::KeyError:
      type = types().KeyError;
      break;
    case numeric::ErrorKind::MemoryError:
      type = types().MemoryError;
      break;
  }
  return raise(I, type, e.message);
}

bool parse_call(Isolate& I, const char* display, Value* args, std::size_t nargs,
                const Tuple* kwnames, std::initializer_list<const char*> params,
                std::size_t required, Value* out, int max_positional) {
  const std::size_t nparams = params.size();
  const std::size_t nkw = kwnames ? kwnames->size : 0;
  for (std::size_t i = 0; i < nparams; ++i) out[i] = Value();
  if (max_positional >= 0 && nargs > static_cast<std::size_t>(max_positional)) {
    raise(I, types().TypeError,
          std::string(display) + " takes at most " + std::to_string(max_positional) +
              " positional arguments (" + std::to_string(nargs) + " given)");
    return false;
  }
  if (nargs + nkw > nparams) {
    raise(I, types().TypeError,
          std::string(display) + " takes at most " + std::to_string(nparams) + " argument" +
              (nparams == 1 ? "" : "s") + " (" + std::to_string(nargs + nkw) + " given)");
    return false;
  }
  for (std::size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view name = as_str(kwnames->items()[k])->view();
    std::size_t idx = 0;
    for (const char* p : params) {
      if (name == p) break;
      ++idx;
    }
    if (idx == nparams) {
      raise(I, types().TypeError,
            "'" + std::string(name) + "' is an invalid keyword argument for " + display);
      return false;
    }
    if (!out[idx].is_undef()) {
      raise(I, types().TypeError,
            "argument for " + std::string(display) + " given by name ('" + std::string(name) +
                "') and position (" + std::to_string(idx + 1) + ")");
      return false;
    }
    out[idx] = args[nargs + k];
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (out[i].is_undef()) {
      raise(I, types().TypeError,
            std::string(display) + " missing required argument '" + *(params.begin() + i) +
                "' (pos " + std::to_string(i + 1) + ")");
      return false;
    }
  }
  return true;
}

bool to_field(Isolate& I, Value v, int64_t& out) {
  if (v.is_int()) {
    out = v.i;
    return true;
  }
  if (v.is_bool()) {
    out = v.b;
    return true;
  }
  if (is_kind(v, Kind::BigInt)) {
    raise(I, types().OverflowError, "Python int too large to convert to C int");
    return false;
  }
  raise(I, types().TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  return false;
}

bool to_text(Isolate& I, Value v, const char* fname, int position, std::string& out) {
  if (is_str(v)) {
    out = as_str(v)->view();
    return true;
  }
  raise(I, types().TypeError,
        std::string(fname) + "() argument " + std::to_string(position) + " must be str, not " +
            type_name(v));
  return false;
}

bool to_tz(Isolate& I, Value v, time::TzRef& out) {
  if (v.is_undef() || v.is_none()) {
    out = time::TzRef();
    return true;
  }
  if (auto tz = as_timezone(v)) {
    out = *tz;
    return true;
  }
  raise(I, types().TypeError,
        "tzinfo argument must be None or of a tzinfo subclass, not type '" + type_name(v) + "'");
  return false;
}

Value int128_value(Isolate& I, time::Int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return Value::integer(static_cast<int64_t>(v));
  return int_from_string(I, time::int128_to_string(v), 10);
}

Value order_result(int which, int cmp) {
  switch (which) {
    case 0:
      return Value::boolean(cmp < 0);
    case 1:
      return Value::boolean(cmp <= 0);
    case 2:
      return Value::boolean(cmp > 0);
    default:
      return Value::boolean(cmp >= 0);
  }
}

Value text_value(Isolate& I, const std::string& s) {
  return new_str(I, s);
}

bool no_args(Isolate& I, const char* name, std::size_t nargs, const Tuple* kw) {
  if (nargs == 1 && !kw) return true;
  raise(I, types().TypeError,
        std::string(name) + "() takes no arguments (" + std::to_string(nargs - 1) + " given)");
  return false;
}

bool strftime_argument(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                       std::string& format) {
  Value a[1];
  return parse_call(I, "strftime()", args + 1, nargs - 1, kwnames, {"format"}, 1, a) &&
         to_text(I, a[0], "strftime", 1, format);
}

bool format_spec_argument(Isolate& I, Value* args, std::size_t nargs, std::string& spec) {
  if (nargs != 2 || !is_str(args[1])) {
    raise(I, types().TypeError, "__format__() argument must be str");
    return false;
  }
  spec = as_str(args[1])->view();
  return true;
}

Value optional_delta(Isolate& I, const std::optional<time::TimeDelta>& d) {
  if (!d) return Value::none();
  return new_timedelta(I, *d);
}

Value tzinfo_value(Isolate& I, time::TzRef tz) {
  return tz.is_naive() ? Value::none() : new_timezone(I, tz);
}

}  // namespace detail

using detail::types_;

Type* date_type() {
  return types_().date.type;
}
Type* datetime_type() {
  return types_().datetime.type;
}
Type* time_type() {
  return types_().time.type;
}
Type* timedelta_type() {
  return types_().timedelta.type;
}
Type* timezone_type() {
  return types_().timezone.type;
}

Value new_date(Isolate& I, const time::Date& d) {
  return host::new_value(I, types_().date, d);
}
Value new_datetime(Isolate& I, const time::DateTime& dt) {
  return host::new_value(I, types_().datetime, dt);
}
Value new_time(Isolate& I, const time::Time& t) {
  return host::new_value(I, types_().time, t);
}
Value new_timedelta(Isolate& I, const time::TimeDelta& td) {
  return host::new_value(I, types_().timedelta, td);
}
Value new_timezone(Isolate& I, time::TzRef tz) {
  return host::new_value(I, types_().timezone, tz);
}

template <class T>
static std::optional<T> read(Value v, const host::ValueType& t) {
  T out;
  if (detail::payload(v, t.impl, out)) return out;
  return std::nullopt;
}

std::optional<time::Date> as_date(Value v) {
  return read<time::Date>(v, types_().date);
}
std::optional<time::DateTime> as_datetime(Value v) {
  return read<time::DateTime>(v, types_().datetime);
}
std::optional<time::Time> as_time(Value v) {
  return read<time::Time>(v, types_().time);
}
std::optional<time::TimeDelta> as_timedelta(Value v) {
  return read<time::TimeDelta>(v, types_().timedelta);
}
std::optional<time::TzRef> as_timezone(Value v) {
  return read<time::TzRef>(v, types_().timezone);
}

namespace {

thread_local const time::Clock* t_clock = nullptr;

}  // namespace

const time::Clock& current_clock() {
  static const time::SystemClock* system = new time::SystemClock();
  return t_clock ? *t_clock : *system;
}

ClockScope::ClockScope(const time::Clock& clock) : previous_(t_clock) {
  t_clock = &clock;
}
ClockScope::~ClockScope() {
  t_clock = previous_;
}

Value make_module(Isolate& I) {
  const detail::Types& t = types_();
  Value m = host::new_module(I, "datetime");
  bool ok = host::module_set(I, m, "date", Value::object(t.date.type)) &&
            host::module_set(I, m, "datetime", Value::object(t.datetime.type)) &&
            host::module_set(I, m, "time", Value::object(t.time.type)) &&
            host::module_set(I, m, "timedelta", Value::object(t.timedelta.type)) &&
            host::module_set(I, m, "timezone", Value::object(t.timezone.type)) &&
            host::module_set(I, m, "MINYEAR", Value::integer(1)) &&
            host::module_set(I, m, "MAXYEAR", Value::integer(9999));
  if (!ok) {
    decref(m);
    return Value::exc();
  }
  return m;
}

}  // namespace quire::lang::datetime
