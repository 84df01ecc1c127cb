#pragma once
// How much native stack the current thread has left. Python-to-Python calls
// do not use native stack, but native code calling back into Python does
// (a __repr__ calling repr(), a sort key calling sorted(), a generator
// resumed by list()): each such level costs a few kilobytes (far more under
// AddressSanitizer), so the Python recursion limit alone cannot keep a
// thread with a small stack from overflowing. The VM checks this where it
// re-enters itself and raises RecursionError instead.

namespace quire::lang::sandbox {

// True when less than a safety reserve of native stack is left on this thread.
bool native_stack_low();

}  // namespace quire::lang::sandbox
