// The filters that cut a sequence into groups, as jinja2/filters.py:
// `batch` and `slice` (generators of lists) and `groupby` (a list of
// (grouper, list) tuples that also answer `.grouper` and `.list`).
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_groups.h"

#include "lang/compile/code.h"
#include "lang/sandbox/host.h"
#include "scripting/native_util.h"
#include "scripting/render_template_filter_util.h"
#include "scripting/render_template_iterators.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

Value list_of(Isolate& I, Value iterable) {
  return call1(I, builtin_value(builtin_index("list")), iterable);
}

// A count argument as int64 (batch compares it with len(), slice ranges
// over it): anything else is the TypeError Python's operation raises.
bool count_arg(Isolate& I, Value v, const char* what, std::int64_t& out) {
  if (v.is_int()) {
    out = v.i;
    return true;
  }
  if (v.is_bool()) {
    out = v.b ? 1 : 0;
    return true;
  }
  raise(I, types().TypeError, "'" + type_name(v) + "' object cannot be interpreted as " + what);
  return false;
}

// ---- _GroupTuple: a (grouper, list) tuple with named fields.

constexpr const char* kTupleKey = "\x01tuple";

const host::ValueType& group_tuple_type();

Value tuple_of(Value self) {
  auto* in = static_cast<Instance*>(self.o);
  return in->attrs ? dict_get_str(in->attrs, kTupleKey) : Value();
}

Value group_iter(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Value t = tuple_of(args[0]);
  return t.is_undef() ? raise(I, types().TypeError, "not a group") : get_iter(I, t);
}

Value group_len(Isolate&, Value*, std::size_t, const Tuple*, void*) {
  return Value::integer(2);
}

Value group_item(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Value t = tuple_of(args[0]);
  if (t.is_undef() || nargs != 2) return raise(I, types().TypeError, "not a group");
  return get_item(I, t, args[1]);
}

Value group_contains(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Value t = tuple_of(args[0]);
  if (t.is_undef() || nargs != 2) return raise(I, types().TypeError, "not a group");
  int c = contains(I, t, args[1]);
  return c < 0 ? Value::exc() : Value::boolean(c);
}

// A NamedTuple compares as its tuple (with another _GroupTuple's or a tuple).
template <int Op>
Value group_compare(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Value t = tuple_of(args[0]);
  if (t.is_undef() || nargs != 2) return raise(I, types().TypeError, "not a group");
  Value other = args[1];
  if (is_user_instance(other) && isinstance(other, group_tuple_type().type) &&
      !tuple_of(other).is_undef())
    other = tuple_of(other);
  return compare_op(I, Op, t, other);
}

Value field_value(Isolate& I, Value self, int index) {
  Value t = tuple_of(self);
  if (t.is_undef()) return raise(I, types().TypeError, "not a group");
  Value v = as_tuple(t)->items()[index];
  incref(v);
  return v;
}

Value group_grouper(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return field_value(I, args[0], 0);
}

Value group_list(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return field_value(I, args[0], 1);
}

Value group_repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  std::string out;
  if (!repr_into(I, tuple_of(args[0]), out)) return Value::exc();
  return new_str(I, out);
}

const host::ValueType& group_tuple_type() {
  static const host::ValueType t = [] {
    host::ValueType g = host::define_value_type("_GroupTuple");
    host::define_special(g, "__iter__", group_iter);
    host::define_special(g, "__len__", group_len);
    host::define_special(g, "__getitem__", group_item);
    host::define_special(g, "__contains__", group_contains);
    host::define_special(g, "__eq__", group_compare<kEq>);
    host::define_special(g, "__ne__", group_compare<kNe>);
    host::define_special(g, "__repr__", group_repr);
    host::define_special(g, "__str__", group_repr);
    host::define_property(g, "grouper", group_grouper);
    host::define_property(g, "list", group_list);
    return g;
  }();
  return t;
}

Value group_tuple(Isolate& I, Value grouper, Value items) {
  Value pair[2] = {grouper, items};
  Owned t(new_tuple_from(I, pair, 2));
  char none = 0;
  Value g = host::new_value(I, group_tuple_type(), none);
  if (!host::set_attribute(I, g, kTupleKey, t.v)) {
    decref(g);
    return Value::exc();
  }
  return g;
}

// groupby's key of one item: the attribute (`default` in place of an
// Undefined), lower-cased when `fold` and a str.
Value group_key(Evaluator& ev, Value item, Value attribute, Value fallback, bool fold) {
  Value key = get_path(ev, item, attribute, fallback);
  if (key.is_exc()) return key;
  if (fold && is_str(key)) {
    Value lower = call_method(ev.isolate(), key, "lower", nullptr, 0);
    decref(key);
    return lower;
  }
  return key;
}

}  // namespace

// do_batch(value, linecount, fill_with=None): lists of `linecount` items,
// the last filled up with fill_with when given.
Value batch_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[3];
  if (!bind(I, "do_batch", args, kw, {"value", "linecount", "fill_with"}, a)) return Value::exc();
  if (a[1].is_undef())
    return raise(I, types().TypeError,
                 "do_batch() missing 1 required positional argument: 'linecount'");
  Owned items(list_of(I, a[0]));
  if (items.failed()) return Value::exc();
  // len(tmp) == linecount: never true for a linecount that is not a whole
  // number (jinja2 compares; it does not convert).
  std::int64_t linecount = -1;
  bool counted = a[1].is_int() || a[1].is_bool();
  if (counted) linecount = a[1].is_bool() ? a[1].b : a[1].i;
  if (a[1].is_float() && a[1].f == static_cast<double>(static_cast<std::int64_t>(a[1].f))) {
    counted = true;
    linecount = static_cast<std::int64_t>(a[1].f);
  }
  Owned batches(new_list_from(I, nullptr, 0));
  std::vector<Value> batch;
  ReleaseAll release{batch};
  auto flush = [&] {
    list_append(I, as_list(batches.v), new_list_from(I, batch.data(), batch.size()));
    for (Value v : batch) decref(v);
    batch.clear();
  };
  for (Value item : std::vector<Value>(as_list(items.v)->items)) {
    if (counted && static_cast<std::int64_t>(batch.size()) == linecount) flush();
    incref(item);
    batch.push_back(item);
  }
  if (!batch.empty()) {
    const bool fill = given(a[2]) && !a[2].is_none();
    if (fill && a[1].is_float() && static_cast<std::int64_t>(batch.size()) < linecount)
      return raise(I, types().TypeError, "can't multiply sequence by non-int of type 'float'");
    if (fill && counted) {
      while (static_cast<std::int64_t>(batch.size()) < linecount) {
        incref(a[2]);
        batch.push_back(a[2]);
      }
    }
    flush();
  }
  return template_generator(I, "do_batch", batches.v);
}

// sync_do_slice(value, slices, fill_with=None): `slices` columns, the first
// length % slices of them one item longer (the others filled with
// fill_with when given).
Value slice_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[3];
  if (!bind(I, "sync_do_slice", args, kw, {"value", "slices", "fill_with"}, a)) return Value::exc();
  if (a[1].is_undef())
    return raise(I, types().TypeError,
                 "sync_do_slice() missing 1 required positional argument: 'slices'");
  Owned items(list_of(I, a[0]));
  if (items.failed()) return Value::exc();
  // length // slices comes first in jinja2, then range(slices).
  if (!a[1].is_int() && !a[1].is_bool() && !a[1].is_float())
    return raise(I, types().TypeError,
                 "unsupported operand type(s) for //: 'int' and '" + type_name(a[1]) + "'");
  std::int64_t slices = 0;
  if (!count_arg(I, a[1], "an integer", slices)) return Value::exc();
  const auto& seq = as_list(items.v)->items;
  const auto length = static_cast<std::int64_t>(seq.size());
  if (slices == 0) return raise(I, types().ZeroDivisionError, "integer division or modulo by zero");
  Owned columns(new_list_from(I, nullptr, 0));
  if (slices > 0) {
    const std::int64_t per = length / slices, extra = length % slices;
    std::int64_t offset = 0;
    for (std::int64_t n = 0; n < slices; ++n) {
      const std::int64_t start = offset + n * per;
      if (n < extra) ++offset;
      const std::int64_t end = offset + (n + 1) * per;
      std::vector<Value> column(seq.begin() + start, seq.begin() + end);
      if (given(a[2]) && !a[2].is_none() && n >= extra) column.push_back(a[2]);
      list_append(I, as_list(columns.v), new_list_from(I, column.data(), column.size()));
    }
  }
  return template_generator(I, "sync_do_slice", columns.v);
}

// sync_do_groupby(value, attribute, default=None, case_sensitive=False):
// sorted by the attribute, grouped where it is equal; without
// case_sensitive str keys compare lower-cased and the grouper is the first
// item's own value.
Value groupby_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
  Isolate& I = ev.isolate();
  Value a[4];
  if (!bind(I, "sync_do_groupby", args, kw, {"value", "attribute", "default", "case_sensitive"}, a))
    return Value::exc();
  if (a[1].is_undef())
    return raise(I, types().TypeError,
                 "sync_do_groupby() missing 1 required positional argument: 'attribute'");
  bool case_sensitive = false;
  if (!flag(I, a[3], false, case_sensitive)) return Value::exc();
  Owned sorted(sorted_by(ev, a[0], a[1], case_sensitive, false, a[2]));
  if (sorted.failed()) return Value::exc();
  Owned groups(new_list_from(I, nullptr, 0));
  Owned key, members;
  auto close = [&]() -> bool {
    if (members.v.is_undef()) return true;
    Owned grouper(case_sensitive
                      ? (incref(key.v), key.v)
                      : group_key(ev, as_list(members.v)->items.front(), a[1], a[2], false));
    if (grouper.failed()) return false;
    Value g = group_tuple(I, grouper.v, members.v);
    if (g.is_exc()) return false;
    list_append(I, as_list(groups.v), g);
    return true;
  };
  for (Value item : std::vector<Value>(as_list(sorted.v)->items)) {
    Owned k(group_key(ev, item, a[1], a[2], !case_sensitive));
    if (k.failed()) return Value::exc();
    int same = 0;
    if (!members.v.is_undef()) {
      same = equals(I, key.v, k.v);
      if (same < 0) return Value::exc();
    }
    if (!same) {
      if (!close()) return Value::exc();
      lang::assign(members.v, new_list_from(I, nullptr, 0));
      lang::assign(key.v, k.take());
    }
    incref(item);
    list_append(I, as_list(members.v), item);
  }
  if (!close()) return Value::exc();
  return groups.take();
}

}  // namespace quire::scripting::jinja
