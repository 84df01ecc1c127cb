// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/object/bigint.h"

#include <cmath>
#include <new>

#include "lang/compile/code.h"
#include "lang/numeric/float_ops.h"
#include "lang/object/numeric_bridge.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"

namespace quire::lang {

namespace {

struct BigIntObject : Object {
  numeric::BigInt value;
  BigIntObject() : Object(Kind::BigInt) {}
};

const numeric::BigInt& big_of(Value v) {
  return static_cast<const BigIntObject*>(v.o)->value;
}

std::size_t storage_bytes(const numeric::BigInt& b) {
  return mpz_size(b.raw()) * sizeof(mp_limb_t);
}

// Refuses, before GMP allocates, a result the isolate's heap could not hold.
bool fits_heap(Isolate& I, std::uint64_t bits) {
  if (bits > std::uint64_t{8} * 1024 * 1024 * 1024 * 8 || !I.heap.would_fit(bits / 8)) {
    raise_no_args(I, types().MemoryError);
    return false;
  }
  return true;
}

}  // namespace

void destroy_bigint(Object* o) {
  auto* b = static_cast<BigIntObject*>(o);
  if (t_heap && !(o->flags & kImmortal)) t_heap->uncharge(storage_bytes(b->value));
  b->~BigIntObject();
}

numeric::BigInt int_to_big(Value v) {
  if (v.tag == Tag::Int) return numeric::BigInt(static_cast<std::int64_t>(v.i));
  if (v.tag == Tag::Bool) return numeric::BigInt(static_cast<std::int64_t>(v.b));
  return big_of(v);
}

Value int_from_big(Isolate& I, numeric::BigInt b) {
  if (auto small = b.to_int64()) return Value::integer(*small);
  BigIntObject* o = I.heap.make<BigIntObject>();
  I.heap.charge(storage_bytes(b));
  o->value = std::move(b);
  return Value::object(o);
}

bool bigint_to_double(Isolate& I, Value v, double& out) {
  if (v.tag != Tag::Obj) {
    out = v.tag == Tag::Int ? static_cast<double>(v.i) : v.b;
    return true;
  }
  return guarded(I, [&] { out = big_of(v).to_double(); });
}

bool bigint_str_into(Isolate& I, Value v, std::string& out) {
  return guarded(I, [&] { out += big_of(v).to_string(); });
}

std::size_t bigint_storage_bytes(Value v) {
  return storage_bytes(big_of(v));
}

std::uint64_t bigint_hash(Value v) {
  return static_cast<std::uint64_t>(int_to_big(v).hash());
}

int bigint_compare(Value a, Value b) {
  if (a.tag == Tag::Float || b.tag == Tag::Float) {
    double f = a.tag == Tag::Float ? a.f : b.f;
    std::optional<int> c = int_to_big(a.tag == Tag::Float ? b : a).compare_with_double(f);
    if (!c) return 2;
    return a.tag == Tag::Float ? -*c : *c;
  }
  return compare(int_to_big(a), int_to_big(b));
}

Value bigint_binary(Isolate& I, int op, Value a, Value b) {
  numeric::BigInt x = int_to_big(a), y = int_to_big(b), r;
  switch (op) {
    case kMul:
      if (!fits_heap(I, numeric::estimate_mul_bits(x, y))) return Value::exc();
      break;
    case kPow:
      if (y.sign() < 0) {
        double dx = 0, dy = 0;
        if (!bigint_to_double(I, a, dx) || !bigint_to_double(I, b, dy)) return Value::exc();
        double d = 0;
        if (!guarded(I, [&] { d = numeric::float_pow(dx, dy); })) return Value::exc();
        return Value::real(d);
      }
      if (compare(x.abs(), numeric::BigInt(1)) > 0) {
        if (!y.fits_int64()) return raise_no_args(I, types().MemoryError);
        if (!fits_heap(I, numeric::estimate_pow_bits(x, static_cast<std::uint64_t>(*y.to_int64()))))
          return Value::exc();
      }
      break;
    case kLShift:
      if (y.sign() > 0 &&
          (!y.fits_int64() || !fits_heap(I, numeric::estimate_lshift_bits(x, *y.to_int64()))))
        return y.fits_int64() ? Value::exc() : raise_no_args(I, types().MemoryError);
      break;
    default:
      break;
  }
  // Multiply, divide and power cost more than their result's allocation.
  sandbox::WorkTimer timer;  // until the result is built: how fast GMP really was
  if (!sandbox::charge_int_op(I, op, a, b, &timer)) return Value::exc();
  bool ok = guarded(I, [&] {
    switch (op) {
      case kAdd:
        r = x + y;
        break;
      case kSub:
        r = x - y;
        break;
      case kMul:
        r = x * y;
        break;
      case kFloorDiv:
        r = numeric::BigInt::floor_div(x, y);
        break;
      case kMod:
        r = numeric::BigInt::floor_mod(x, y);
        break;
      case kPow:
        // |x| <= 1 with a huge exponent stays small: reduce the exponent's parity.
        r = numeric::BigInt::pow(
            x, y.fits_int64() ? static_cast<std::uint64_t>(*y.to_int64()) : 2 + y.is_odd());
        break;
      case kLShift:
        r = numeric::BigInt::lshift(x, y);
        break;
      case kRShift:
        r = numeric::BigInt::rshift(x, y);
        break;
      case kOr:
        r = x | y;
        break;
      case kXor:
        r = x ^ y;
        break;
      case kAnd:
        r = x & y;
        break;
      default:
        numeric::raise(numeric::ErrorKind::TypeError,
                       "unsupported operand type(s) for int operation");
    }
  });
  if (!ok) return Value::exc();
  return int_from_big(I, std::move(r));
}

Value bigint_from_double(Isolate& I, double d) {
  numeric::BigInt b;
  if (!guarded(I, [&] { b = numeric::BigInt::from_double(d); })) return Value::exc();
  return int_from_big(I, std::move(b));
}

Value immortal_bigint(std::string_view decimal_digits, std::vector<Object*>* owner) {
  void* memory = std::malloc(sizeof(BigIntObject));
  BigIntObject* b = new (memory) BigIntObject();
  b->flags = kImmortal;
  // Not BigInt::parse: a literal is not subject to the int<->str digit limit here.
  mpz_set_str(b->value.raw(), std::string(decimal_digits).c_str(), 10);
  if (owner) owner->push_back(b);
  return Value::object(b);
}

}  // namespace quire::lang
