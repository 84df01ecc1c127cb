#pragma once
// Arithmetic between datetime values (see datetime_arith.cpp).

#include "lang/lib/datetime_support.h"

namespace quire::lang::datetime::detail {

enum class BinaryOp { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, DivMod };

// a <op> b with the operands in source order.
Value binary(Isolate& I, BinaryOp op, Value a, Value b);

template <BinaryOp Op, bool Reflected>
Value binary_special(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  return Reflected ? binary(I, Op, args[1], args[0]) : binary(I, Op, args[0], args[1]);
}

// __add__/__radd__, __sub__/__rsub__, ... for every operator.
inline void add_arithmetic(const host::ValueType& t) {
  host::define_special(t, "__add__", binary_special<BinaryOp::Add, false>);
  host::define_special(t, "__radd__", binary_special<BinaryOp::Add, true>);
  host::define_special(t, "__sub__", binary_special<BinaryOp::Sub, false>);
  host::define_special(t, "__rsub__", binary_special<BinaryOp::Sub, true>);
  host::define_special(t, "__mul__", binary_special<BinaryOp::Mul, false>);
  host::define_special(t, "__rmul__", binary_special<BinaryOp::Mul, true>);
  host::define_special(t, "__truediv__", binary_special<BinaryOp::TrueDiv, false>);
  host::define_special(t, "__rtruediv__", binary_special<BinaryOp::TrueDiv, true>);
  host::define_special(t, "__floordiv__", binary_special<BinaryOp::FloorDiv, false>);
  host::define_special(t, "__rfloordiv__", binary_special<BinaryOp::FloorDiv, true>);
  host::define_special(t, "__mod__", binary_special<BinaryOp::Mod, false>);
  host::define_special(t, "__rmod__", binary_special<BinaryOp::Mod, true>);
  host::define_special(t, "__divmod__", binary_special<BinaryOp::DivMod, false>);
  host::define_special(t, "__rdivmod__", binary_special<BinaryOp::DivMod, true>);
}

}  // namespace quire::lang::datetime::detail
