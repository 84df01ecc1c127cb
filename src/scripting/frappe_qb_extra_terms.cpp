#include "scripting/frappe_qb_warnings.h"  // first: see there
// PyPika's less common terms as frappe.qb.terms exposes them: Tuple and
// Bracket (row values, brackets), Interval (date arithmetic, rendered for
// SQLite by frappe_qb_sql.cpp) and CustomFunction (a named SQL function with
// a fixed argument list).
#include "scripting/frappe_qb_node.h"
#include "scripting/native_util.h"
#include "scripting/value_convert.h"

namespace quire::scripting::qb {

using namespace quire::lang;

namespace {

// Tuple(*values) / Bracket(term): `(a,b)` / `(a)`.
Value bracketed(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, bool bracket) {
  const char* fname = bracket ? "Bracket" : "Tuple";
  if (!only_keywords(I, fname, kwnames, {})) return Value::exc();
  if (bracket && nargs != 1) {
    return raise(I, types().TypeError, "Bracket() takes exactly one term");
  }
  Json items = Json::array();
  for (std::size_t i = 0; i < nargs; ++i) {
    Json term;
    if (!term_arg(I, args[i], term, bracket ? "the bracketed term" : "a Tuple item"))
      return Value::exc();
    items.push_back(std::move(term));
  }
  return make(I, Json{{"k", "tuple"}, {"items", items}, {"br", bracket}, {"a", nullptr}});
}

QUIRE_NATIVE(new_tuple) {
  return bracketed(I, args, nargs, kwnames, false);
}
QUIRE_NATIVE(new_bracket) {
  return bracketed(I, args, nargs, kwnames, true);
}

// PyPika's MySQL text of an interval of one unit (`INTERVAL '1' DAY`), or of
// several as its largest_smallest unit: what str() shows. Running it alone
// fails in SQLite: only `date ± Interval` becomes SQL that runs.
std::string interval_text(const std::vector<std::pair<const char*, std::int64_t>>& units) {
  std::string values, largest, smallest;
  for (const auto& [unit, n] : units) {
    if (n == 0) continue;
    if (largest.empty()) largest = unit;
    smallest = unit;
    values += (values.empty() ? "" : " ") + std::to_string(n);
  }
  if (largest.empty()) return "INTERVAL '0' DAY";
  std::string unit = largest == smallest ? largest : largest + "_" + smallest;
  return "INTERVAL '" + values + "' " + unit;
}

// Interval(years=0, months=0, days=0, hours=0, minutes=0, seconds=0,
// microseconds=0, quarters=0, weeks=0, dialect=None)
QUIRE_NATIVE(new_interval) {
  static const char* const names[] = {"years",   "months",       "days",     "hours", "minutes",
                                      "seconds", "microseconds", "quarters", "weeks"};
  Value a[10];
  if (!parse_args(I, "Interval", args, nargs, kwnames,
                  {"years", "months", "days", "hours", "minutes", "seconds", "microseconds",
                   "quarters", "weeks", "dialect"},
                  0, a))
    return Value::exc();
  std::int64_t n[9] = {};
  for (int i = 0; i < 9; ++i) {
    if (!given(a[i])) continue;
    if (!a[i].is_int()) {
      return raise(
          I, types().TypeError,
          std::string("Interval() ") + names[i] + " must be an int, not " + type_name(a[i]));
    }
    // Bounded so that the sums below cannot overflow (a million years is plenty).
    const std::int64_t limit = i == 6 ? std::int64_t{1} << 50 : 100'000'000;
    if (a[i].i > limit || a[i].i < -limit) {
      return raise(I, types().ValueError, std::string("Interval() ") + names[i] + " is too large");
    }
    n[i] = a[i].i;
  }
  const std::int64_t months = n[0] * 12 + n[7] * 3 + n[1];
  const std::int64_t days = n[8] * 7 + n[2];
  const std::int64_t micros = ((n[3] * 60 + n[4]) * 60 + n[5]) * 1'000'000 + n[6];
  std::string text = n[7] != 0   ? interval_text({{"QUARTER", n[7]}})
                     : n[8] != 0 ? interval_text({{"WEEK", n[8]}})
                                 : interval_text({{"YEAR", n[0]},
                                                  {"MONTH", n[1]},
                                                  {"DAY", n[2]},
                                                  {"HOUR", n[3]},
                                                  {"MINUTE", n[4]},
                                                  {"SECOND", n[5]},
                                                  {"MICROSECOND", n[6]}});
  return make(I, Json{{"k", "interval"},
                      {"months", months},
                      {"days", days},
                      {"micros", micros},
                      {"text", text},
                      {"a", nullptr}});
}

// CustomFunction(name, params=None): a callable making `name(args...)`; with
// params, the call must pass exactly that many arguments (PyPika's
// FunctionException, a TypeError here: scripts cannot name pypika's class).
QUIRE_NATIVE(new_custom_function) {
  Value a[2];
  if (!parse_args(I, "CustomFunction", args, nargs, kwnames, {"name", "params"}, 1, a))
    return Value::exc();
  std::string name;
  if (!arg_string(I, a[0], name, "function name") || !check_function_name(I, name))
    return Value::exc();
  Json params = nullptr;
  if (given(a[1]) && !a[1].is_none()) {
    params = Json::array();
    Json names;
    if (!to_json(I, a[1], names)) return Value::exc();
    if (!names.is_array()) {
      return raise(I, types().TypeError, "CustomFunction() params must be a list of names");
    }
    for (const auto& p : names) params.push_back(p.is_string() ? p.get<std::string>() : p.dump());
  }
  return make(I, Json{{"k", "customfn"}, {"n", name}, {"params", params}});
}

QUIRE_NATIVE(custom_function_call) {
  Json fn = self_node(args[0]);
  const std::string name = fn.value("n", "");
  if (fn["params"].is_array() && fn["params"].size() != nargs - 1) {
    std::string expected, passed;
    for (const auto& p : fn["params"]) {
      expected += (expected.empty() ? "" : ", ") + p.get<std::string>();
    }
    for (std::size_t i = 1; i < nargs; ++i) {
      Value r = repr(I, args[i]);
      if (r.is_exc()) return r;
      passed += (passed.empty() ? "" : ", ") + std::string(as_str(r)->view());
      decref(r);
    }
    return raise(I, types().TypeError,
                 "Function " + name + " require these arguments (" + expected + "), (" + passed +
                     ") passed");
  }
  // The arguments as Function(name, *args, alias=...) takes them.
  return call_with_first(I, new_function, new_str(I, name), args, nargs, kwnames);
}

}  // namespace

void define_extra_term_methods(const Classes& c) {
  host::set_constructor(c.tuple.type, new_tuple);
  host::set_constructor(c.bracket.type, new_bracket);
  host::set_constructor(c.interval.type, new_interval);
  host::set_constructor(c.custom_function.type, new_custom_function);
  host::define_special(c.custom_function, "__call__", custom_function_call);
}

}  // namespace quire::scripting::qb
