#pragma once
// range objects, as CPython 3.11's rangeobject.c. A range whose start, stop,
// step and length all fit int64 keeps them inline (the fast paths: for loops,
// len, indexing, `in`); any other range (range(10**20), range(-2**63, 2**63))
// keeps them as Python ints in Range::big and computes with big integers.

#include <cstdint>
#include <string>

#include "lang/object/runtime.h"

namespace quire::lang {

// range(start, stop, step) of int values (Int, Bool or BigInt); step is not 0.
Value new_range_of(Isolate& I, Value start, Value stop, Value step);
// The range() constructor: 1 to 3 arguments that must be ints.
Value construct_range(Isolate& I, const Value* args, std::size_t nargs);

// len(): OverflowError when the length exceeds sys.maxsize, as CPython.
bool range_length(Isolate& I, const Range* r, std::int64_t& out);
bool range_is_empty(const Range* r);
// r.start / r.stop / r.step (new reference), Undef for any other name.
Value range_attribute(Isolate& I, const Range* r, std::string_view name);
// r[i] and r[a:b:c].
Value range_subscript(Isolate& I, const Range* r, Value key);
// `x in r` for an int or bool x (other values: the caller compares item by item).
int range_contains_int(const Range* r, Value item);
bool range_repr_into(Isolate& I, const Range* r, std::string& out);
// == compares the sequences: range(0) == range(2, 1), range(1, 2) == range(1, 3, 5).
bool range_equal(const Range* a, const Range* b);
bool range_hash(Isolate& I, const Range* r, std::uint64_t& out);
// iter(r) and reversed(r).
Value range_iterator(Isolate& I, const Range* r, bool reversed);
// Next item of an IterKind::LongRange iterator (Undef when exhausted).
Value long_range_next(Isolate& I, Iter* it);
// r.count(x) and r.index(x).
Value range_count(Isolate& I, const Range* r, Value item);
Value range_index(Isolate& I, const Range* r, Value item);

}  // namespace quire::lang
