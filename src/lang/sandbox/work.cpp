#include "lang/sandbox/work.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "lang/compile/code.h"
#include "lang/object/bigint.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/watchdog.h"
#include "lang/vm/interp.h"

namespace quire::lang::sandbox {

namespace {

// Work below this is not worth asking the watchdog about (a mutex and a clock
// read): about 1 ms.
constexpr double kAskDeadlineSteps = 100'000;

// About the bit length of an int value (a big int's rounded up to whole
// limbs); 0 for anything else (the operation reports the type error).
double bits_of(Value v) {
  if (v.tag == Tag::Int) {
    const std::uint64_t magnitude = v.i < 0 ? 0 - static_cast<std::uint64_t>(v.i) : v.i;
    return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
  }
  if (is_kind(v, Kind::BigInt)) return 8.0 * static_cast<double>(bigint_storage_bytes(v));
  return 0;
}

double limbs_of(Value v) {
  return std::max(1.0, std::ceil(bits_of(v) / 64));
}

// How much slower than the baseline recent timed work ran (process-wide:
// load slows every thread alike), and when that was measured.
std::atomic<double> g_learned_slowdown{1.0};
std::atomic<std::int64_t> g_learned_at_ns{0};
constexpr double kSlowdownHalfLifeNs = 10e9;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The learned slowdown, fading towards 1 as it ages.
double learned_slowdown(std::int64_t now) {
  const double learned = g_learned_slowdown.load(std::memory_order_relaxed);
  const double age = static_cast<double>(now - g_learned_at_ns.load(std::memory_order_relaxed));
  return 1 + (learned - 1) * std::exp2(-std::max(0.0, age) / kSlowdownHalfLifeNs);
}

// By how much to scale an estimate against the wall clock (at least 1).
double slowdown() {
  double load = 0;
  double average[1];
  if (getloadavg(average, 1) == 1)
    load = average[0] / std::max(1u, std::thread::hardware_concurrency());
  return std::max({1.0, load, learned_slowdown(now_ns())});
}

// Fails the run as its deadline would, a little early: the work about to
// start cannot end before it.
bool refuse_past_deadline(Isolate& I) {
  I.stop_reason.store(Isolate::kStopDeadline);
  I.cancel->store(true);
  return check_limits(I);
}

}  // namespace

WorkTimer::~WorkTimer() {
  if (estimated_ns_ <= 0) return;
  const double took =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start_).count();
  const double observed = std::clamp(took / estimated_ns_, 1.0, 1000.0);
  const std::int64_t now = now_ns();
  // Half the old (faded) value, half the new: one odd operation moves it only so far.
  g_learned_slowdown.store(0.5 * learned_slowdown(now) + 0.5 * observed, std::memory_order_relaxed);
  g_learned_at_ns.store(now, std::memory_order_relaxed);
}

void WorkTimer::start(double steps) {
  estimated_ns_ = steps * kNanosPerStep;
  start_ = std::chrono::steady_clock::now();
}

bool charge_work(Isolate& I, double steps, WorkTimer* timer) {
  if (!(steps > 0)) return true;
  if (timer && steps >= kAskDeadlineSteps) timer->start(steps);
  if (I.step_budget > 0) {
    if (steps >= static_cast<double>(I.steps_left)) {
      I.steps_left = -1;
      return check_limits(I);
    }
    I.steps_left -= static_cast<std::int64_t>(steps);
  }
  if (!I.cancel) return true;
  if (I.cancel->load(std::memory_order_relaxed)) return check_limits(I);
  if (steps < kAskDeadlineSteps) return true;
  auto deadline = Watchdog::instance().deadline_for(I.cancel);
  if (!deadline) return true;
  const auto work = std::chrono::nanoseconds(static_cast<std::int64_t>(
      std::min(steps * kNanosPerStep * slowdown(), 1e15)));  // 1e15 ns: 11 days, no overflow
  if (Watchdog::Clock::now() + work > *deadline) return refuse_past_deadline(I);
  return true;
}

bool poll_work(Isolate& I) {
  if (--I.steps_left < 0 || (I.cancel && I.cancel->load(std::memory_order_relaxed)))
    return check_limits(I);
  return true;
}

double multiply_steps(double n, double m) {
  if (n < m) std::swap(n, m);
  m = std::max(1.0, m);
  // GMP cuts an unbalanced product into n/m products of m limbs. One m-limb
  // product: schoolbook (~0.5 ns per limb pair) for small m, Toom/FFT
  // (~10 ns * m * log2 m, measured at 1e4..4e6 limbs) above.
  const double square_ns = 0.5 * m * m;
  const double fast_ns = 10.0 * m * std::log2(m + 1);
  return (n / m) * std::min(square_ns, fast_ns) / kNanosPerStep;
}

bool charge_int_op(Isolate& I, int op, Value a, Value b, WorkTimer* timer) {
  if (op != kMul && op != kFloorDiv && op != kMod && op != kPow) return true;
  // Inline ints: everything is small but a power.
  if (op != kPow && a.tag != Tag::Obj && b.tag != Tag::Obj) return true;
  const double la = limbs_of(a), lb = limbs_of(b);
  double steps = 0;
  switch (op) {
    case kMul:
      steps = multiply_steps(la, lb);
      break;
    case kFloorDiv:
    case kMod: {
      // About 4 products of the quotient by the divisor (measured 2-5).
      if (la < lb) return true;
      steps = 4 * multiply_steps(la - lb + 1, lb);
      break;
    }
    case kPow: {
      // Square-and-multiply: the last squarings dominate, about 1.5 products
      // of half the result's size. (bigint_binary refused results past the
      // heap cap already; a negative or non-int exponent costs nothing here.)
      if (b.tag != Tag::Int || b.i <= 1) return true;
      const double result_limbs = std::min(bits_of(a) * static_cast<double>(b.i) / 64, 1e12);
      if (result_limbs < 64) return true;
      steps = 1.5 * multiply_steps(result_limbs / 2, result_limbs / 2);
      break;
    }
    default:
      break;
  }
  if (steps < 100) return true;  // under a microsecond: the instruction's own step covers it
  return charge_work(I, steps, timer);
}

bool charge_pow_mod(Isolate& I, Value exp, Value mod, WorkTimer* timer) {
  const double exp_bits = bits_of(exp);
  const double limbs = limbs_of(mod);
  // One modular squaring (a product and a reduction of `limbs` limbs) per
  // exponent bit, plus call overhead.
  const double steps = exp_bits * (3.5 * multiply_steps(limbs, limbs) + 5);
  return charge_work(I, steps, timer);
}

bool charge_sort(Isolate& I, std::size_t n) {
  if (n < 1024) return true;
  // A comparison of two ints or short strings is a few nanoseconds.
  const double compares = static_cast<double>(n) * std::log2(static_cast<double>(n));
  return charge_work(I, compares * 0.3);
}

bool charge_compare(Isolate& I, std::size_t bytes) {
  if (bytes < 4096) return true;
  return charge_work(I, static_cast<double>(bytes) / 256);
}

bool charge_big_compare(Isolate& I, Value a, Value b) {
  return charge_compare(I, static_cast<std::size_t>(std::max(bits_of(a), bits_of(b)) / 8));
}

bool room_for(Isolate& I, std::size_t bytes) {
  // Small pieces are charged as they are allocated and seen at the next
  // check point; a large one must not run the process past the cap first.
  constexpr std::size_t kLarge = std::size_t{64} << 10;
  if (!I.heap.over_limit() && (bytes < kLarge || I.heap.bytes_used() + bytes <= I.heap.limit()))
    return true;
  I.heap.mark_over_limit();
  return check_limits(I);
}

}  // namespace quire::lang::sandbox
