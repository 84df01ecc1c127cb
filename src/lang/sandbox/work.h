#pragma once
// Charges for native operations whose running time grows faster than the
// memory they allocate (steps_left otherwise only moves at loop back-edges,
// calls, and one step per 256 bytes allocated): big-int multiply, divide and
// power, sorting, comparisons of long strings, scans of long sequences.
//
// The charge is taken *before* the work, in steps (one step is about 10 ns of
// work on a quiet machine; the estimates below err low, so a refusal means
// the work would really have overrun):
//   - with a step budget, work the budget cannot pay fails at once with
//     ScriptTimeoutError ("step budget of N exhausted");
//   - with a deadline, work that cannot finish before it fails at once with
//     ScriptTimeoutError ("time limit of N ms exceeded"), instead of running
//     past the deadline inside one native call where no check point is seen;
//   - a deadline, cancel or output stop already raised is noticed here too.
// Every function returns false with the limit error pending.
//
// Loops in native code that call back into comparisons (sort, `in`, index)
// also call poll_work() every few thousand items, so an estimate that was too
// low still stops within a few thousand items of the deadline.

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "lang/object/object.h"

namespace quire::lang {
class Isolate;
bool check_limits(Isolate& I);
}  // namespace quire::lang

namespace quire::lang::sandbox {

// About how many nanoseconds one step stands for.
inline constexpr double kNanosPerStep = 10;

// Times one charged operation (declared before the charge, destroyed after
// the work), so the estimates follow how fast the machine really is now:
// against the deadline, an estimate is scaled by the slowdown recent timed
// operations showed (fading over ten seconds) or, if more, by the load
// average per CPU. A quiet machine is the baseline; a loaded one runs the
// same work several times slower by the wall clock the deadline counts.
class WorkTimer {
 public:
  WorkTimer() = default;
  ~WorkTimer();
  WorkTimer(const WorkTimer&) = delete;
  WorkTimer& operator=(const WorkTimer&) = delete;
  // Starts timing work estimated at `steps` (only large work is timed).
  void start(double steps);

 private:
  double estimated_ns_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// Charges `steps` of work about to be done (see above); `timer`, when given,
// times it.
bool charge_work(Isolate& I, double steps, WorkTimer* timer = nullptr);

// For native loops: true while the run may go on (the budget is not spent,
// no deadline, cancel or output stop is raised). One step per call.
bool poll_work(Isolate& I);

// Estimated steps of one GMP multiplication of an n-limb by an m-limb number.
double multiply_steps(double n_limbs, double m_limbs);

// A big-int binary operation (BinOpCode) on int/BigInt operands `a` and `b`:
// charges multiply, floor division, modulo and power by their operand sizes
// (additions, shifts and bitwise operations are linear and paid for by the
// allocation of their result).
bool charge_int_op(Isolate& I, int op, Value a, Value b, WorkTimer* timer = nullptr);

// pow(base, exp, mod): about one modular squaring per exponent bit.
bool charge_pow_mod(Isolate& I, Value exp, Value mod, WorkTimer* timer = nullptr);

// Sorting n items: about n * log2(n) comparisons.
bool charge_sort(Isolate& I, std::size_t n);

// Comparing two strings (or bytes) of `bytes` bytes each: free below a few
// kilobytes; above, one step per 256 bytes, so `t in [s] * 10**6` with long
// equal-length strings is bounded by the budget and the deadline.
bool charge_compare(Isolate& I, std::size_t bytes);

// Comparing ints when one is a big int (whose comparison copies both
// operands): one step per 256 bytes of the larger. Inline: it is on the path
// of every comparison.
bool charge_big_compare(Isolate& I, Value a, Value b);
inline bool charge_int_compare(Isolate& I, Value a, Value b) {
  if ((a.tag != Tag::Obj || a.o->kind != Kind::BigInt) &&
      (b.tag != Tag::Obj || b.o->kind != Kind::BigInt))
    return true;
  return charge_big_compare(I, a, b);
}

// Memory a native operation is about to allocate in one piece (a copy, a
// concatenation, a table's growth, the items it collects): true when the
// heap cap has room for `bytes` more; otherwise false with the memory limit's
// error (ScriptMemoryError) pending, before anything is allocated. Straight-
// line code has no check point between two natives, so without this each of
// a few copies could take a whole cap before the VM noticed.
bool room_for(Isolate& I, std::size_t bytes);

}  // namespace quire::lang::sandbox
