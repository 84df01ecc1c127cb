#pragma once
// Big integers: ints that do not fit int64 live in a BigInt heap object
// holding a numeric::BigInt (the numeric library's tested GMP wrapper, which
// does all the arithmetic). Results that fit int64 are normalised back to
// inline ints, so the rest of the VM sees BigInt only for large values.

#include <cstdint>
#include <string>

#include "lang/numeric/bigint.h"
#include "lang/object/object.h"

namespace quire::lang {

class Isolate;

void destroy_bigint(Object* o);
// Any int-like value (Int, Bool, BigInt) as a numeric::BigInt.
numeric::BigInt int_to_big(Value v);
// The normalised int value of `b` (an inline int when it fits int64).
Value int_from_big(Isolate& I, numeric::BigInt b);
bool bigint_to_double(Isolate& I, Value v, double& out);
// str(int) for a BigInt, with CPython's 4300-digit limit; false with the
// exception set when over it.
bool bigint_str_into(Isolate& I, Value v, std::string& out);
std::uint64_t bigint_hash(Value v);
// Bytes of limbs a BigInt value holds (no copy: work estimates use it).
std::size_t bigint_storage_bytes(Value v);
// -1, 0, 1 (2 when a float operand is NaN). Either side may be int/bool/float.
int bigint_compare(Value a, Value b);
// An integer operation (BinOpCode) on int/BigInt operands; normalised result.
Value bigint_binary(Isolate& I, int op, Value a, Value b);
// Integer from a double (already known finite).
Value bigint_from_double(Isolate& I, double d);

}  // namespace quire::lang
