// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/object/range.h"

#include <limits>

#include "lang/compile/code.h"
#include "lang/object/bigint.h"
#include "lang/object/heap.h"

namespace quire::lang {

namespace {

using numeric::BigInt;

constexpr std::uint64_t kMaxSize = static_cast<std::uint64_t>(INT64_MAX);

// Wrapping int64 arithmetic: a result known to fit int64 is exact even when
// an intermediate product or sum does not (start + i * step for an item i).
std::int64_t wrap_add(std::int64_t a, std::uint64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + b);
}
std::uint64_t wrap_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b);
}

// Number of items of range(start, stop, step), possibly above int64.
std::uint64_t small_length(std::int64_t start, std::int64_t stop, std::int64_t step) {
  if (step > 0) {
    if (start >= stop) return 0;
    return (static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start) - 1) /
               static_cast<std::uint64_t>(step) +
           1;
  }
  if (start <= stop) return 0;
  return (static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(stop) - 1) /
             (0 - static_cast<std::uint64_t>(step)) +
         1;
}

BigInt big_length(const BigInt& start, const BigInt& stop, const BigInt& step) {
  if (step.sign() > 0)
    return compare(start, stop) < 0 ? BigInt::floor_div(stop - start - 1, step) + 1 : BigInt();
  return compare(start, stop) > 0 ? BigInt::floor_div(start - stop - 1, -step) + 1 : BigInt();
}

struct Bounds {
  BigInt start, stop, step, length;
};

const Value* big_items(const Range* r) {
  return as_tuple(r->big)->items();
}

Bounds bounds_of(const Range* r) {
  if (r->big.is_undef()) return {r->start, r->stop, r->step, r->length};
  const Value* v = big_items(r);
  return {int_to_big(v[0]), int_to_big(v[1]), int_to_big(v[2]), int_to_big(v[3])};
}

Value make_range(Isolate& I, const BigInt& start, const BigInt& stop, const BigInt& step) {
  BigInt length = big_length(start, stop, step);
  if (start.fits_int64() && stop.fits_int64() && step.fits_int64() && length.fits_int64())
    return new_range(I, *start.to_int64(), *stop.to_int64(), *step.to_int64());
  Range* r = I.heap.make<Range>();
  r->start = r->stop = r->length = 0;
  r->step = 1;
  Value result = Value::object(r);
  Tuple* t = alloc_tuple(I, 4);
  r->big = Value::object(t);
  t->items()[0] = int_from_big(I, start);
  t->items()[1] = int_from_big(I, stop);
  t->items()[2] = int_from_big(I, step);
  t->items()[3] = int_from_big(I, length);
  return result;
}

bool is_int_value(Value v) {
  return v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt);
}

bool int_argument(Isolate& I, Value v) {
  if (is_int_value(v)) return true;
  raise(I, types().TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  return false;
}

// One bound of a slice over `length` items (CPython's _PySlice_GetLongIndices).
bool slice_bound(Isolate& I, Value v, const BigInt& length, bool negative_step, bool is_start,
                 BigInt& out) {
  BigInt lower = negative_step ? BigInt(-1) : BigInt();
  BigInt upper = negative_step ? length - 1 : length;
  if (v.is_none()) {
    out = (is_start == negative_step) ? upper : lower;
    return true;
  }
  if (!is_int_value(v)) {
    raise(I, types().TypeError,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  out = int_to_big(v);
  if (out.sign() < 0) {
    out = out + length;
    if (compare(out, lower) < 0) out = lower;
  } else if (compare(out, upper) > 0) {
    out = upper;
  }
  return true;
}

Value slice_range(Isolate& I, const Range* r, const Slice* s) {
  BigInt step(1);
  if (!s->step.is_none()) {
    if (!is_int_value(s->step)) {
      return raise(I, types().TypeError,
                   "slice indices must be integers or None or have an __index__ method");
    }
    step = int_to_big(s->step);
    if (step.is_zero()) return raise(I, types().ValueError, "slice step cannot be zero");
  }
  Bounds b = bounds_of(r);
  BigInt start, stop;
  if (!slice_bound(I, s->start, b.length, step.sign() < 0, true, start) ||
      !slice_bound(I, s->stop, b.length, step.sign() < 0, false, stop))
    return Value::exc();
  return make_range(I, b.start + start * b.step, b.start + stop * b.step, b.step * step);
}

Value item_at(Isolate& I, const Range* r, Value key) {
  if (r->big.is_undef() && key.tag != Tag::Obj) {
    std::int64_t i = key.tag == Tag::Int ? key.i : key.b;
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length)
      return raise(I, types().IndexError, "range object index out of range");
    return Value::integer(wrap_add(r->start, wrap_mul(i, r->step)));
  }
  Bounds b = bounds_of(r);
  BigInt i = int_to_big(key);
  if (i.sign() < 0) i = i + b.length;
  if (i.sign() < 0 || compare(i, b.length) >= 0)
    return raise(I, types().IndexError, "range object index out of range");
  return int_from_big(I, b.start + i * b.step);
}

// A fast iterator: `index` is the next value, `end` the items left, `step`
// the stride (the FOR_ITER fast path reads the same fields).
Value small_iterator(Isolate& I, std::int64_t first, std::int64_t step, std::int64_t count) {
  Value it = new_iter(I, IterKind::Range, Value());
  auto* iter = static_cast<Iter*>(it.o);
  iter->index = first;
  iter->end = count;
  iter->step = step;
  return it;
}

// Compares items one by one (x in r for a non-int x), as _PySequence_IterSearch.
// Returns the first index where x == item, -1 when absent, -2 on error.
std::int64_t search(Isolate& I, const Range* r, Value item, std::int64_t& matches, bool count_all) {
  matches = 0;
  Value it = range_iterator(I, r, false);
  if (it.is_exc()) return -2;
  std::int64_t first = -1;
  for (std::int64_t i = 0;; ++i) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      decref(it);
      return -2;
    }
    if (x.is_undef()) break;
    int e = equals(I, x, item);
    decref(x);
    if (e < 0) {
      decref(it);
      return -2;
    }
    if (e) {
      ++matches;
      if (first < 0) first = i;
      if (!count_all) break;
    }
  }
  decref(it);
  return first;
}

}  // namespace

Value new_range(Isolate& I, std::int64_t start, std::int64_t stop, std::int64_t step) {
  std::uint64_t length = small_length(start, stop, step);
  if (length > kMaxSize) return make_range(I, start, stop, step);
  Range* r = I.heap.make<Range>();
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = static_cast<std::int64_t>(length);
  return Value::object(r);
}

Value new_range_of(Isolate& I, Value start, Value stop, Value step) {
  if (start.tag == Tag::Int && stop.tag == Tag::Int && step.tag == Tag::Int)
    return new_range(I, start.i, stop.i, step.i);
  return make_range(I, int_to_big(start), int_to_big(stop), int_to_big(step));
}

Value construct_range(Isolate& I, const Value* args, std::size_t nargs) {
  if (nargs == 1) {
    if (!int_argument(I, args[0])) return Value::exc();
    return new_range_of(I, Value::integer(0), args[0], Value::integer(1));
  }
  for (std::size_t i = 0; i < nargs; ++i)
    if (!int_argument(I, args[i])) return Value::exc();
  Value step = nargs == 3 ? args[2] : Value::integer(1);
  if ((step.tag == Tag::Int && step.i == 0) || (step.tag == Tag::Bool && !step.b))
    return raise(I, types().ValueError, "range() arg 3 must not be zero");
  return new_range_of(I, args[0], args[1], step);
}

bool range_length(Isolate& I, const Range* r, std::int64_t& out) {
  if (r->big.is_undef()) {
    out = r->length;
    return true;
  }
  Value n = big_items(r)[3];
  if (n.tag != Tag::Int) {
    raise(I, types().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  out = n.i;
  return true;
}

bool range_is_empty(const Range* r) {
  if (r->big.is_undef()) return r->length == 0;
  Value n = big_items(r)[3];
  return n.tag == Tag::Int && n.i == 0;
}

Value range_attribute(Isolate&, const Range* r, std::string_view name) {
  int which = name == "start" ? 0 : name == "stop" ? 1 : name == "step" ? 2 : -1;
  if (which < 0) return Value();
  if (r->big.is_undef())
    return Value::integer(which == 0 ? r->start : which == 1 ? r->stop : r->step);
  Value v = big_items(r)[which];
  incref(v);
  return v;
}

Value range_subscript(Isolate& I, const Range* r, Value key) {
  if (is_int_value(key)) return item_at(I, r, key);
  if (is_kind(key, Kind::Slice)) return slice_range(I, r, static_cast<const Slice*>(key.o));
  return raise(I, types().TypeError,
               "range indices must be integers or slices, not " + type_name(key));
}

int range_contains_int(const Range* r, Value item) {
  if (r->big.is_undef()) {
    if (item.tag == Tag::Obj) return 0;  // a BigInt lies outside every int64 range
    std::int64_t x = item.tag == Tag::Int ? item.i : item.b;
    if (r->step > 0) {
      if (x < r->start || x >= r->stop) return 0;
      return (static_cast<std::uint64_t>(x) - static_cast<std::uint64_t>(r->start)) %
                 static_cast<std::uint64_t>(r->step) ==
             0;
    }
    if (x > r->start || x <= r->stop) return 0;
    return (static_cast<std::uint64_t>(r->start) - static_cast<std::uint64_t>(x)) %
               (0 - static_cast<std::uint64_t>(r->step)) ==
           0;
  }
  Bounds b = bounds_of(r);
  BigInt x = int_to_big(item);
  bool inside = b.step.sign() > 0 ? compare(b.start, x) <= 0 && compare(x, b.stop) < 0
                                  : compare(x, b.start) <= 0 && compare(b.stop, x) < 0;
  return inside && BigInt::floor_mod(x - b.start, b.step).is_zero();
}

bool range_repr_into(Isolate& I, const Range* r, std::string& out) {
  if (r->big.is_undef()) {
    out += "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) out += ", " + std::to_string(r->step);
    out += ")";
    return true;
  }
  const Value* v = big_items(r);
  out += "range(";
  if (!repr_into(I, v[0], out)) return false;
  out += ", ";
  if (!repr_into(I, v[1], out)) return false;
  if (!(v[2].tag == Tag::Int && v[2].i == 1)) {
    out += ", ";
    if (!repr_into(I, v[2], out)) return false;
  }
  out += ")";
  return true;
}

bool range_equal(const Range* a, const Range* b) {
  if (a == b) return true;
  if (a->big.is_undef() && b->big.is_undef()) {
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    return a->length == 1 || a->step == b->step;
  }
  Bounds x = bounds_of(a), y = bounds_of(b);
  if (compare(x.length, y.length) != 0) return false;
  if (x.length.is_zero()) return true;
  if (compare(x.start, y.start) != 0) return false;
  return compare(x.length, BigInt(1)) == 0 || compare(x.step, y.step) == 0;
}

bool range_hash(Isolate& I, const Range* r, std::uint64_t& out) {
  // CPython hashes the tuple (len, start, step), with None for what == ignores.
  Bounds b = bounds_of(r);
  Tuple* t = alloc_tuple(I, 3);
  Value key = Value::object(t);
  t->items()[0] = int_from_big(I, b.length);
  if (!b.length.is_zero()) {
    t->items()[1] = int_from_big(I, b.start);
    if (compare(b.length, BigInt(1)) != 0) t->items()[2] = int_from_big(I, b.step);
  }
  bool ok = hash_value(I, key, out);
  decref(key);
  return ok;
}

Value range_iterator(Isolate& I, const Range* r, bool reversed) {
  if (r->big.is_undef() && !(reversed && r->step == INT64_MIN)) {
    if (!reversed) return small_iterator(I, r->start, r->step, r->length);
    std::int64_t last = r->length ? wrap_add(r->start, wrap_mul(r->length - 1, r->step)) : r->start;
    return small_iterator(I, last, -r->step, r->length);
  }
  Bounds b = bounds_of(r);
  BigInt first = b.start, step = b.step;
  if (reversed) {
    if (!b.length.is_zero()) first = b.start + (b.length - 1) * b.step;
    step = -b.step;
  }
  BigInt last = b.length.is_zero() ? first : first + (b.length - 1) * step;
  if (first.fits_int64() && step.fits_int64() && b.length.fits_int64() && last.fits_int64())
    return small_iterator(I, *first.to_int64(), *step.to_int64(), *b.length.to_int64());
  Value it = new_iter(I, IterKind::LongRange, Value());
  auto* iter = static_cast<Iter*>(it.o);
  iter->many.push_back(int_from_big(I, first));
  iter->many.push_back(int_from_big(I, step));
  iter->many.push_back(int_from_big(I, b.length));
  return it;
}

Value long_range_next(Isolate& I, Iter* it) {
  Value& next = it->many[0];
  Value& left = it->many[2];
  if (left.tag == Tag::Int && left.i == 0) return Value();
  Value after = bigint_binary(I, kAdd, next, it->many[1]);
  if (after.is_exc()) return after;
  Value fewer = bigint_binary(I, kSub, left, Value::integer(1));
  if (fewer.is_exc()) {
    decref(after);
    return fewer;
  }
  Value result = next;  // the iterator's reference passes to the caller
  next = after;
  decref(left);
  left = fewer;
  return result;
}

Value range_count(Isolate& I, const Range* r, Value item) {
  if (is_int_value(item)) return Value::integer(range_contains_int(r, item));
  std::int64_t matches;
  if (search(I, r, item, matches, true) == -2) return Value::exc();
  return Value::integer(matches);
}

Value range_index(Isolate& I, const Range* r, Value item) {
  if (is_int_value(item)) {
    if (!range_contains_int(r, item)) {
      std::string text;
      if (!repr_into(I, item, text)) return Value::exc();
      return raise(I, types().ValueError, text + " is not in range");
    }
    Bounds b = bounds_of(r);
    return int_from_big(I, BigInt::floor_div(int_to_big(item) - b.start, b.step));
  }
  std::int64_t matches;
  std::int64_t at = search(I, r, item, matches, false);
  if (at == -2) return Value::exc();
  if (at < 0) return raise(I, types().ValueError, "sequence.index(x): x not in sequence");
  return Value::integer(at);
}

}  // namespace quire::lang
