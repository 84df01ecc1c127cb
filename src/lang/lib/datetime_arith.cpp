// + - * / // % between datetime values and numbers, as CPython's datetime
// does them. Every type's __add__/__radd__ ... lands here with the operands
// in source order. An operand it does not know gives NotImplemented, as in
// CPython, so that the other operand's __radd__/__rsub__... is asked next;
// when none answers the VM raises the "unsupported operand" TypeError.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/datetime_arith.h"

namespace quire::lang::datetime::detail {

namespace {

// An int (fitting int64) or a float operand.
bool as_int(Value v, int64_t& out) {
  if (v.is_int()) {
    out = v.i;
    return true;
  }
  if (v.is_bool()) {
    out = v.b;
    return true;
  }
  return false;
}

Value timedelta_op(Isolate& I, BinaryOp op, Value b, const time::TimeDelta& x) {
  int64_t n;
  if (auto y = as_timedelta(b)) {
    switch (op) {
      case BinaryOp::Add:
        return guarded(I, [&] { return new_timedelta(I, x + *y); });
      case BinaryOp::Sub:
        return guarded(I, [&] { return new_timedelta(I, x - *y); });
      case BinaryOp::TrueDiv:
        return guarded(I, [&] { return Value::real(x.true_divide(*y)); });
      case BinaryOp::FloorDiv:
        return guarded(I, [&] { return int128_value(I, x.floor_divide(*y)); });
      case BinaryOp::Mod:
        return guarded(I, [&] { return new_timedelta(I, x.modulo(*y)); });
      case BinaryOp::DivMod:
        return guarded(I, [&] {
          auto [q, r] = x.divmod(*y);
          Value items[2] = {int128_value(I, q), new_timedelta(I, r)};
          Value t = new_tuple_from(I, items, 2);
          decref(items[0]);
          decref(items[1]);
          return t;
        });
      default:
        break;
    }
  } else if (as_int(b, n)) {
    switch (op) {
      case BinaryOp::Mul:
        return guarded(I, [&] { return new_timedelta(I, x.multiply(n)); });
      case BinaryOp::TrueDiv:
        return guarded(I, [&] { return new_timedelta(I, x.true_divide(n)); });
      case BinaryOp::FloorDiv:
        return guarded(I, [&] { return new_timedelta(I, x.floor_divide(n)); });
      default:
        break;
    }
  } else if (b.is_float()) {
    switch (op) {
      case BinaryOp::Mul:
        return guarded(I, [&] { return new_timedelta(I, x.multiply(b.f)); });
      case BinaryOp::TrueDiv:
        return guarded(I, [&] { return new_timedelta(I, x.true_divide(b.f)); });
      default:
        break;
    }
  } else if (auto d = as_date(b); d && op == BinaryOp::Add) {
    return guarded(I, [&] { return new_date(I, *d + x); });
  } else if (auto dt = as_datetime(b); dt && op == BinaryOp::Add) {
    return guarded(I, [&] { return new_datetime(I, *dt + x); });
  }
  return not_implemented_value();
}

}  // namespace

Value binary(Isolate& I, BinaryOp op, Value a, Value b) {
  if (auto x = as_timedelta(a)) return timedelta_op(I, op, b, *x);
  if (auto y = as_timedelta(b)) {
    int64_t n;
    if (op == BinaryOp::Mul && as_int(a, n))
      return guarded(I, [&] { return new_timedelta(I, y->multiply(n)); });
    if (op == BinaryOp::Mul && a.is_float())
      return guarded(I, [&] { return new_timedelta(I, y->multiply(a.f)); });
  }
  if (auto d = as_date(a)) {
    if (auto td = as_timedelta(b)) {
      if (op == BinaryOp::Add) return guarded(I, [&] { return new_date(I, *d + *td); });
      if (op == BinaryOp::Sub) return guarded(I, [&] { return new_date(I, *d - *td); });
    }
    if (auto other = as_date(b); other && op == BinaryOp::Sub)
      return guarded(I, [&] { return new_timedelta(I, *d - *other); });
  }
  if (auto dt = as_datetime(a)) {
    if (auto td = as_timedelta(b)) {
      if (op == BinaryOp::Add) return guarded(I, [&] { return new_datetime(I, *dt + *td); });
      if (op == BinaryOp::Sub) return guarded(I, [&] { return new_datetime(I, *dt - *td); });
    }
    if (auto other = as_datetime(b); other && op == BinaryOp::Sub)
      return guarded(I, [&] { return new_timedelta(I, *dt - *other); });
  }
  return not_implemented_value();
}

}  // namespace quire::lang::datetime::detail
