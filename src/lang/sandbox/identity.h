#pragma once
// id(): a number that identifies an object while it lives, without telling
// a script where anything is in memory. CPython's id() is the address; here
// an address is run through a keyed bijection of 62-bit numbers whose key is
// secret and different for every isolate, so ids stay unique and stable for
// an object's life (what `is` and id()-keyed dicts need) but say nothing of
// the heap's layout (an address leak helps an attacker defeat ASLR).

#include <cstdint>
#include <string>

#include "lang/object/object.h"

namespace quire::lang {
class Isolate;
}

namespace quire::lang::sandbox {

// The id of `v` in `I`: non-negative, equal for the same object, different for
// different live objects. Values held inline (ints, floats, None, bools) get
// an id derived from their value in the upper half of the range, so they
// never collide with an object's.
std::int64_t object_id(const Isolate& I, Value v);

// "0x..." of object_id: what default reprs show ("<function f at 0x...>"),
// as CPython's show hex(id(o)).
std::string id_hex(const Isolate& I, Value v);
std::string id_hex(const Isolate& I, const Object* o);

}  // namespace quire::lang::sandbox
