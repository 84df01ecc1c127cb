#pragma once
// CPython's protocol for binary operators and rich comparisons when an operand
// is an instance of a user class (or of a host class, which the VM treats
// alike): which special method is asked first, and NotImplemented passing the
// question on to the next one.

#include "lang/object/runtime.h"

namespace quire::lang {

// a <op> b (op: a BinOpCode; inplace: a <op>= b): a.__iop__(b) first, then
// a.__op__(b) and b.__rop__(a) in CPython's order (the right operand first
// when its class is a subclass of the left's that overrides __rop__).
// Value() when no method answered (none is defined, or each returned
// NotImplemented): the caller raises its TypeError.
Value special_binary_op(Isolate& I, int op, Value a, Value b, bool inplace);

// a <op> b (op: a CmpCode): a's method and b's reflected one in CPython's
// order, with object's default __eq__ (identity) and __ne__ (not __eq__).
// Value() when no method answered: == and != then compare identity, the
// orderings raise TypeError.
Value special_compare(Isolate& I, int op, Value a, Value b);

}  // namespace quire::lang
