#pragma once
// Step charges for native operations whose running time is not bounded by
// the memory they use (steps_left otherwise only moves at loop back-edges,
// calls and allocations). The charge is taken *before* the work, so an
// operation the budget cannot pay for fails at once with ScriptTimeoutError
// instead of running for minutes inside one native call.

#include "lang/object/object.h"

namespace quire::lang {
class Isolate;
}

namespace quire::lang::sandbox {

// pow(base, exp, mod): about one modular squaring per exponent bit, each
// costing ~limbs^1.5 of the modulus. False with the limit error pending.
bool charge_pow_mod(Isolate& I, Value exp, Value mod);

}  // namespace quire::lang::sandbox
