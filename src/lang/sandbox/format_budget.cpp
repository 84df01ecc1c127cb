#include "lang/sandbox/format_budget.h"

#include <algorithm>

#include "lang/numeric/error.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"
#include "lang/vm/isolate.h"

namespace quire::lang::sandbox {

namespace {

// Specs are parsed twice only when they could name a big size: a width or
// precision under a million (six digits) is always affordable.
bool names_a_big_size(std::string_view spec) {
  std::size_t run = 0;
  for (char c : spec) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run >= 7) return true;
  }
  return false;
}

}  // namespace

bool check_format_budget(Isolate& I, std::string_view spec, numeric::FormatTarget target) {
  if (!names_a_big_size(spec)) return true;
  numeric::FormatSpec parsed;
  try {
    parsed = numeric::parse_format_spec(spec, target);
  } catch (const numeric::PyError&) {
    return true;
  }
  // Widths count code points of the fill; a float's precision is digits
  // after the point (a str's only truncates, an int has none).
  std::size_t bytes = 0;
  if (parsed.width > 0)
    bytes = static_cast<std::size_t>(parsed.width) * std::max<std::size_t>(1, parsed.fill.size());
  if (parsed.precision > 0 && target == numeric::FormatTarget::Float)
    bytes = std::max(bytes, static_cast<std::size_t>(parsed.precision));
  if (!I.heap.would_fit(bytes)) {
    raise_no_args(I, types().MemoryError);
    return false;
  }
  // Filling the text is work too: as its allocation will be charged.
  return charge_work(I, static_cast<double>(bytes) / 256);
}

}  // namespace quire::lang::sandbox
