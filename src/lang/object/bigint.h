#pragma once
// Big integers: ints that do not fit int64 live in a BigInt heap object
// wrapping a GMP integer. Results that fit int64 are normalised back to
// inline ints, so the rest of the VM sees BigInt only for large values.

#include <cstdint>
#include <string>

#include "lang/object/object.h"

namespace quire::lang {

class Isolate;

void destroy_bigint(Object* o);
bool bigint_to_double(Isolate& I, Value v, double& out);
std::string bigint_to_string(Value v);
std::uint64_t bigint_hash(Value v);
// -1, 0, 1 (2 when a float operand is NaN). Either side may be int/bool/float.
int bigint_compare(Value a, Value b);
// An integer operation (BinOpCode) on int/BigInt operands; normalised result.
Value bigint_binary(Isolate& I, int op, Value a, Value b);
// Parses decimal/hex/... digits (already validated) into an int value.
Value bigint_from_digits(Isolate& I, const std::string& digits, int base, bool negative);
// Integer from a double (already known finite).
Value bigint_from_double(Isolate& I, double d);

}  // namespace quire::lang
