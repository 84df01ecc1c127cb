#pragma once
// Registration that date, time, datetime and timedelta share: the special
// methods every one of them has, and the class attributes min, max and
// resolution.

#include "lang/lib/datetime_support.h"

namespace quire::lang::datetime::detail {

// A value type's own text, hash and (where it has one) __format__.
struct ValueSpecials {
  NativeFn str = nullptr;
  NativeFn repr = nullptr;
  NativeFn hash = nullptr;
  NativeFn format = nullptr;  // timedelta has none
};

// __format__, __str__, __repr__, __hash__ and the six comparisons through
// `Compare`.
template <CompareFn Compare>
void define_value_specials(const host::ValueType& t, const ValueSpecials& fns) {
  if (fns.format) host::define_special(t, "__format__", fns.format);
  host::define_special(t, "__str__", fns.str);
  host::define_special(t, "__repr__", fns.repr);
  host::define_special(t, "__hash__", fns.hash);
  add_comparisons<Compare>(t);
}

// T.min, T.max (values of `t`, whose payload is V) and T.resolution (always a
// timedelta), from V's static min(), max() and resolution().
template <class V>
void define_limits(const Types& all, const host::ValueType& t) {
  const V min = V::min();
  const V max = V::max();
  const time::TimeDelta resolution = V::resolution();
  host::define_class_attr(t.type, "min", host::immortal_value(t.impl, &min, sizeof min));
  host::define_class_attr(t.type, "max", host::immortal_value(t.impl, &max, sizeof max));
  host::define_class_attr(t.type, "resolution",
                          host::immortal_value(all.timedelta.impl, &resolution, sizeof resolution));
}

}  // namespace quire::lang::datetime::detail
