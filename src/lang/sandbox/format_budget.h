#pragma once
// The isolate's memory budget for format specs. The formatting library
// builds its text in C++ strings, outside the heap's accounting, and only
// refuses sizes past its own fixed cap (numeric::kMaxFormatSize, 256 MB):
// '{:>200000000}'.format(1) would build 200 MB before the heap saw it. The VM
// asks here first, so a width or precision past what the isolate may still
// allocate is a MemoryError before anything is built.

#include <string_view>

#include "lang/numeric/format_spec.h"

namespace quire::lang {
class Isolate;
}

namespace quire::lang::sandbox {

// False with MemoryError raised when formatting with `spec` would build more
// than the heap allows (max_single_allocation, or what is left of the cap).
// An invalid spec passes: the formatter reports it with CPython's message.
bool check_format_budget(Isolate& I, std::string_view spec, numeric::FormatTarget target);

}  // namespace quire::lang::sandbox
