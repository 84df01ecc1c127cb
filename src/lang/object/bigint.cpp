// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/object/bigint.h"

#include <gmp.h>

#include <cmath>
#include <cstring>

#include "lang/compile/code.h"
#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

struct BigInt : Object {
  mpz_t z;
  BigInt() : Object(Kind::BigInt) {}
};

BigInt* as_big(Value v) {
  return static_cast<BigInt*>(v.o);
}

// Loads any int-like value into `out` (initialised by the caller).
void load(mpz_t out, Value v) {
  if (v.tag == Tag::Int) {
    mpz_set_si(out, v.i);
  } else if (v.tag == Tag::Bool) {
    mpz_set_si(out, v.b);
  } else {
    mpz_set(out, as_big(v)->z);
  }
}

Value normalise(Isolate& I, mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    Value v = Value::integer(mpz_get_si(z));
    return v;
  }
  std::size_t limbs = mpz_size(z);
  BigInt* b = I.heap.make<BigInt>();
  I.heap.charge(limbs * sizeof(mp_limb_t));
  mpz_init(b->z);
  mpz_swap(b->z, z);
  return Value::object(b);
}

}  // namespace

void destroy_bigint(Object* o) {
  auto* b = static_cast<BigInt*>(o);
  if (t_heap && !(o->flags & kImmortal)) t_heap->uncharge(mpz_size(b->z) * sizeof(mp_limb_t));
  mpz_clear(b->z);
}

bool bigint_to_double(Isolate& I, Value v, double& out) {
  if (v.tag != Tag::Obj) {
    out = v.tag == Tag::Int ? static_cast<double>(v.i) : v.b;
    return true;
  }
  if (mpz_sizeinbase(as_big(v)->z, 2) > 1024) {
    raise(I, types().OverflowError, "int too large to convert to float");
    return false;
  }
  // mpz_get_d truncates; round to nearest like CPython via the decimal string.
  std::string s = bigint_to_string(v);
  out = std::strtod(s.c_str(), nullptr);
  if (std::isinf(out)) {
    raise(I, types().OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

std::string bigint_to_string(Value v) {
  mpz_t z;
  mpz_init(z);
  load(z, v);
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::strlen(s.c_str()));
  mpz_clear(z);
  return s;
}

std::uint64_t bigint_hash(Value v) {
  constexpr unsigned long kModulus = (1ul << 61) - 1;
  mpz_t z;
  mpz_init(z);
  load(z, v);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  unsigned long r = mpz_fdiv_ui(z, kModulus);
  mpz_clear(z);
  std::int64_t h = neg ? -static_cast<std::int64_t>(r) : static_cast<std::int64_t>(r);
  if (h == -1) h = -2;
  return static_cast<std::uint64_t>(h);
}

int bigint_compare(Value a, Value b) {
  if (a.tag == Tag::Float || b.tag == Tag::Float) {
    double f = a.tag == Tag::Float ? a.f : b.f;
    if (std::isnan(f)) return 2;
    Value other = a.tag == Tag::Float ? b : a;
    mpz_t z;
    mpz_init(z);
    load(z, other);
    int c;
    if (std::isinf(f)) {
      c = f > 0 ? -1 : 1;
    } else {
      mpf_t x;
      mpf_init2(x, 2048);
      mpf_set_z(x, z);
      mpf_t y;
      mpf_init2(y, 2048);
      mpf_set_d(y, f);
      c = mpf_cmp(x, y);
      mpf_clear(x);
      mpf_clear(y);
    }
    mpz_clear(z);
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
    return a.tag == Tag::Float ? -c : c;
  }
  mpz_t x, y;
  mpz_init(x);
  mpz_init(y);
  load(x, a);
  load(y, b);
  int c = mpz_cmp(x, y);
  mpz_clear(x);
  mpz_clear(y);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

Value bigint_binary(Isolate& I, int op, Value a, Value b) {
  mpz_t x, y, r;
  mpz_init(x);
  mpz_init(y);
  mpz_init(r);
  load(x, a);
  load(y, b);
  Value result;
  switch (op) {
    case kAdd:
      mpz_add(r, x, y);
      break;
    case kSub:
      mpz_sub(r, x, y);
      break;
    case kMul:
      if (!I.heap.would_fit((mpz_size(x) + mpz_size(y)) * sizeof(mp_limb_t))) {
        result = raise_no_args(I, types().MemoryError);
        goto done;
      }
      mpz_mul(r, x, y);
      break;
    case kFloorDiv:
    case kMod:
      if (mpz_sgn(y) == 0) {
        result =
            raise(I, types().ZeroDivisionError,
                  op == kMod ? "integer modulo by zero" : "integer division or modulo by zero");
        goto done;
      }
      if (op == kFloorDiv)
        mpz_fdiv_q(r, x, y);
      else
        mpz_fdiv_r(r, x, y);
      break;
    case kPow: {
      if (mpz_sgn(y) < 0) {
        double dx, dy;
        if (!bigint_to_double(I, a, dx) || !bigint_to_double(I, b, dy)) {
          result = Value::exc();
          goto done;
        }
        result = Value::real(std::pow(dx, dy));
        goto done;
      }
      if (!mpz_fits_ulong_p(y)) {
        result = raise_no_args(I, types().MemoryError);
        goto done;
      }
      unsigned long e = mpz_get_ui(y);
      double bits = static_cast<double>(mpz_sizeinbase(x, 2)) * static_cast<double>(e);
      if (mpz_cmpabs_ui(x, 1) > 0 && (bits > 8.0 * 1024 * 1024 * 64 ||
                                      !I.heap.would_fit(static_cast<std::size_t>(bits / 8)))) {
        result = raise_no_args(I, types().MemoryError);
        goto done;
      }
      mpz_pow_ui(r, x, e);
      break;
    }
    case kLShift: {
      if (mpz_sgn(y) < 0) {
        result = raise(I, types().ValueError, "negative shift count");
        goto done;
      }
      if (!mpz_fits_ulong_p(y) || !I.heap.would_fit(mpz_get_ui(y) / 8)) {
        result = raise_no_args(I, types().MemoryError);
        goto done;
      }
      mpz_mul_2exp(r, x, mpz_get_ui(y));
      break;
    }
    case kRShift:
      if (mpz_sgn(y) < 0) {
        result = raise(I, types().ValueError, "negative shift count");
        goto done;
      }
      if (!mpz_fits_ulong_p(y)) {
        mpz_set_si(r, mpz_sgn(x) < 0 ? -1 : 0);
      } else {
        mpz_fdiv_q_2exp(r, x, mpz_get_ui(y));
      }
      break;
    case kOr:
      mpz_ior(r, x, y);
      break;
    case kXor:
      mpz_xor(r, x, y);
      break;
    case kAnd:
      mpz_and(r, x, y);
      break;
    default:
      result = raise(I, types().TypeError, "unsupported operand type(s) for int operation");
      goto done;
  }
  result = normalise(I, r);
done:
  mpz_clear(x);
  mpz_clear(y);
  mpz_clear(r);
  return result;
}

Value bigint_from_digits(Isolate& I, const std::string& digits, int base, bool negative) {
  mpz_t z;
  mpz_init(z);
  if (mpz_set_str(z, digits.c_str(), base) != 0) {
    mpz_clear(z);
    return raise(I, types().ValueError, "invalid literal for int()");
  }
  if (negative) mpz_neg(z, z);
  Value v = normalise(I, z);
  mpz_clear(z);
  return v;
}

Value bigint_from_double(Isolate& I, double d) {
  mpz_t z;
  mpz_init(z);
  mpz_set_d(z, d);
  Value v = normalise(I, z);
  mpz_clear(z);
  return v;
}

Value immortal_bigint(std::string_view decimal_digits, std::vector<Object*>* owner) {
  void* memory = std::malloc(sizeof(BigInt));
  BigInt* b = new (memory) BigInt();
  b->flags = kImmortal;
  mpz_init_set_str(b->z, std::string(decimal_digits).c_str(), 10);
  if (owner) owner->push_back(b);
  return Value::object(b);
}

}  // namespace quire::lang
