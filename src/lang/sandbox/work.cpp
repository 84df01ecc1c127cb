#include "lang/sandbox/work.h"

#include <algorithm>
#include <cmath>

#include "lang/lib/text_bridge.h"
#include "lang/object/runtime.h"
#include "lang/vm/interp.h"

namespace quire::lang::sandbox {

namespace {

// bit_length of an int value; 0 for anything else (pow reports the type error).
double bits_of(Isolate& I, Value v) {
  if (v.tag != Tag::Int && !is_kind(v, Kind::BigInt)) return 0;
  Value n = int_bit_length(I, v);
  if (n.is_exc()) {
    decref(I.pending);
    I.pending = Value();
    return 0;
  }
  double bits = n.tag == Tag::Int ? static_cast<double>(n.i) : 1e18;
  decref(n);
  return bits;
}

}  // namespace

bool charge_pow_mod(Isolate& I, Value exp, Value mod) {
  if (I.step_budget <= 0) return true;  // no budget: the deadline bounds the run
  const double exp_bits = bits_of(I, exp);
  const double limbs = std::max(1.0, std::ceil(bits_of(I, mod) / 64));
  // One step is about 10 ns; a squaring and reduction of `limbs` limbs about
  // limbs^1.5 ns plus call overhead.
  const double steps = exp_bits * (limbs * std::sqrt(limbs) + 50) / 10;
  if (steps >= static_cast<double>(I.steps_left)) {
    I.steps_left = -1;
    return check_limits(I);
  }
  I.steps_left -= static_cast<std::int64_t>(steps);
  return true;
}

}  // namespace quire::lang::sandbox
