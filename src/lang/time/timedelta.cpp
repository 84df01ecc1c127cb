#include "lang/time/timedelta.h"

#include <cmath>
#include <cstdio>

#include "lang/time/error.h"

namespace quire::lang::time {

namespace {

// CPython converts the day count to a C int before range-checking it, so a
// far-out value reports the conversion failure instead.
[[noreturn]] void raise_days_overflow(Int128 days) {
  if (days > INT32_MAX || days < INT32_MIN)
    raise_overflow_error("Python int too large to convert to C int");
  raise_overflow_error("days=" + int128_to_string(days) + "; must have magnitude <= 999999999");
}

[[noreturn]] void raise_too_large() {
  raise_overflow_error("Python int too large to convert to C int");
}

// A finite double as odd_mantissa * 2^exponent (float.as_integer_ratio).
struct BinaryRatio {
  int64_t mantissa;
  int exponent;
};

BinaryRatio binary_ratio(double v) {
  if (std::isnan(v)) raise_value_error("cannot convert NaN to integer ratio");
  if (std::isinf(v)) raise_overflow_error("cannot convert Infinity to integer ratio");
  if (v == 0.0) return {0, 0};
  int exponent = 0;
  double fraction = std::frexp(v, &exponent);  // v = fraction * 2^exponent, 0.5 <= |f| < 1
  auto mantissa = static_cast<int64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  while ((mantissa & 1) == 0) {
    mantissa >>= 1;
    ++exponent;
  }
  return {mantissa, exponent};
}

int bit_length(Int128 v) {
  if (v < 0) v = -v;
  int n = 0;
  while (v != 0) {
    ++n;
    v >>= 1;
  }
  return n;
}

// Exact float -> int conversion of an integral double, as PyLong_FromDouble.
Int128 integral_double(double v) {
  if (std::isinf(v)) raise_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(v)) raise_value_error("cannot convert float NaN to integer");
  if (std::fabs(v) >= 0x1p85) raise_too_large();
  return static_cast<Int128>(v);
}

// One keyword of the constructor: CPython's accum(). Integers are exact;
// a float's integral part is exact and its fraction goes to `leftover`.
Int128 accumulate(Int128 sofar, const Number& n, int64_t factor, double& leftover) {
  if (!n.is_float) return sofar + static_cast<Int128>(n.integer) * factor;
  double int_part = 0.0;
  double frac_part = std::modf(n.real, &int_part);
  Int128 sum = sofar + integral_double(int_part) * factor;
  if (frac_part == 0.0) return sum;
  double scaled = static_cast<double>(factor) * frac_part;
  frac_part = std::modf(scaled, &int_part);
  leftover += frac_part;
  return sum + static_cast<Int128>(int_part);
}

std::string two_digits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

TimeDelta TimeDelta::from_microseconds(Int128 total) {
  Int128 days = floor_div(total, kMicrosPerDay);
  Int128 rest = total - days * kMicrosPerDay;
  if (days > kMaxDays || days < -kMaxDays) raise_days_overflow(days);
  TimeDelta d;
  d.days_ = static_cast<int32_t>(days);
  d.seconds_ = static_cast<int32_t>(rest / kMicrosPerSecond);
  d.microseconds_ = static_cast<int32_t>(rest % kMicrosPerSecond);
  return d;
}

TimeDelta TimeDelta::from_dsu(int64_t days, int64_t seconds, int64_t microseconds) {
  return from_microseconds(static_cast<Int128>(days) * kMicrosPerDay +
                           static_cast<Int128>(seconds) * kMicrosPerSecond + microseconds);
}

TimeDelta TimeDelta::from_args(const TimeDeltaArgs& a) {
  Int128 total = 0;
  double leftover = 0.0;
  if (a.microseconds) total = accumulate(total, *a.microseconds, 1, leftover);
  if (a.milliseconds) total = accumulate(total, *a.milliseconds, 1000, leftover);
  if (a.seconds) total = accumulate(total, *a.seconds, kMicrosPerSecond, leftover);
  if (a.minutes) total = accumulate(total, *a.minutes, 60 * kMicrosPerSecond, leftover);
  if (a.hours) total = accumulate(total, *a.hours, 3600 * kMicrosPerSecond, leftover);
  if (a.days) total = accumulate(total, *a.days, kMicrosPerDay, leftover);
  if (a.weeks) total = accumulate(total, *a.weeks, 7 * kMicrosPerDay, leftover);
  if (leftover != 0.0) {
    // Round the summed fractions to a whole microsecond, half to even
    // against the parity of the exact total, as CPython does.
    double whole = std::round(leftover);
    if (std::fabs(whole - leftover) == 0.5) {
      int odd = (total & 1) != 0 ? 1 : 0;
      whole = 2.0 * std::round((leftover + odd) * 0.5) - odd;
    }
    total += static_cast<Int128>(whole);
  }
  return from_microseconds(total);
}

double TimeDelta::total_seconds() const {
  return time::true_divide(total_microseconds(), kMicrosPerSecond);
}

TimeDelta TimeDelta::operator+(const TimeDelta& o) const {
  return from_microseconds(total_microseconds() + o.total_microseconds());
}

TimeDelta TimeDelta::operator-(const TimeDelta& o) const {
  return from_microseconds(total_microseconds() - o.total_microseconds());
}

TimeDelta TimeDelta::operator-() const {
  return from_microseconds(-total_microseconds());
}

TimeDelta TimeDelta::abs() const {
  return days_ < 0 ? -*this : *this;
}

TimeDelta TimeDelta::multiply(int64_t factor) const {
  Int128 product = 0;
  if (__builtin_mul_overflow(total_microseconds(), static_cast<Int128>(factor), &product))
    raise_too_large();
  return from_microseconds(product);
}

TimeDelta TimeDelta::multiply(double factor) const {
  BinaryRatio r = binary_ratio(factor);
  Int128 product = total_microseconds() * r.mantissa;  // < 2^68 * 2^53
  if (product == 0) return TimeDelta();
  if (r.exponent >= 0) {
    if (bit_length(product) + r.exponent > 120) raise_too_large();
    return from_microseconds(product << r.exponent);
  }
  if (-r.exponent > 125) return TimeDelta();  // |product| / 2^126 < 1/2
  return from_microseconds(divide_nearest(product, static_cast<Int128>(1) << -r.exponent));
}

TimeDelta TimeDelta::true_divide(int64_t divisor) const {
  if (divisor == 0) raise_zero_division("integer division or modulo by zero");
  return from_microseconds(divide_nearest(total_microseconds(), divisor));
}

TimeDelta TimeDelta::true_divide(double divisor) const {
  BinaryRatio r = binary_ratio(divisor);
  if (r.mantissa == 0) raise_zero_division("integer division or modulo by zero");
  Int128 us = total_microseconds();
  if (r.exponent >= 0) {
    // us / (m * 2^e): tiny quotients round to zero.
    if (bit_length(r.mantissa) + r.exponent > 120) return TimeDelta();
    return from_microseconds(divide_nearest(us, static_cast<Int128>(r.mantissa) << r.exponent));
  }
  if (us == 0) return TimeDelta();
  if (bit_length(us) - r.exponent > 120) raise_too_large();
  return from_microseconds(divide_nearest(us << -r.exponent, r.mantissa));
}

double TimeDelta::true_divide(const TimeDelta& divisor) const {
  if (divisor.is_zero()) raise_zero_division("division by zero");
  return time::true_divide(total_microseconds(), divisor.total_microseconds());
}

TimeDelta TimeDelta::floor_divide(int64_t divisor) const {
  if (divisor == 0) raise_zero_division("integer division or modulo by zero");
  return from_microseconds(floor_div(total_microseconds(), divisor));
}

Int128 TimeDelta::floor_divide(const TimeDelta& divisor) const {
  if (divisor.is_zero()) raise_zero_division("integer division or modulo by zero");
  return floor_div(total_microseconds(), divisor.total_microseconds());
}

TimeDelta TimeDelta::modulo(const TimeDelta& divisor) const {
  if (divisor.is_zero()) raise_zero_division("integer modulo by zero");
  return from_microseconds(floor_mod(total_microseconds(), divisor.total_microseconds()));
}

std::pair<Int128, TimeDelta> TimeDelta::divmod(const TimeDelta& divisor) const {
  if (divisor.is_zero()) raise_zero_division("integer division or modulo by zero");
  Int128 q = floor_div(total_microseconds(), divisor.total_microseconds());
  return {q, from_microseconds(total_microseconds() - q * divisor.total_microseconds())};
}

std::string TimeDelta::str() const {
  std::string s;
  if (days_ != 0) {
    s = std::to_string(days_) + (days_ == 1 || days_ == -1 ? " day, " : " days, ");
  }
  s += std::to_string(seconds_ / 3600) + ":" + two_digits(seconds_ / 60 % 60) + ":" +
       two_digits(seconds_ % 60);
  if (microseconds_ != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%06d", microseconds_);
    s += buf;
  }
  return s;
}

std::string TimeDelta::repr() const {
  std::string fields;
  auto add = [&fields](const char* name, int32_t v) {
    if (v == 0) return;
    if (!fields.empty()) fields += ", ";
    fields += std::string(name) + "=" + std::to_string(v);
  };
  add("days", days_);
  add("seconds", seconds_);
  add("microseconds", microseconds_);
  return "datetime.timedelta(" + (fields.empty() ? std::string("0") : fields) + ")";
}

}  // namespace quire::lang::time
