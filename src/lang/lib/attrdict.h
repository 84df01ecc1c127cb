#pragma once
// `_dict`: Frappe's frappe._dict, a dict whose keys are also attributes.
// `d.key` reads d["key"] and gives None when the key is missing; `d.key = v`
// sets d["key"]; repr, ==, len, iteration, `in` and the dict methods (get,
// keys, values, items, update, setdefault, pop, popitem, copy, clear) behave
// as on a dict, and json.dumps writes it as an object.
//
// Differences from Frappe (this VM cannot subclass dict): isinstance(d, dict)
// is False; dict methods of the same name shadow keys only after the key
// lookup (`d.get` is the key "get" if one exists); dict(d), {**d} and f(**d)
// go through keys()/__getitem__ where the VM supports mappings.
//
// Host code builds one with new_attrdict and fills its storage dict.

#include "lang/object/runtime.h"

namespace quire::lang {

// The `_dict` class (process-wide; bind it as a global and as frappe._dict).
Type* attrdict_type();
// A new empty _dict.
Value new_attrdict(Isolate& I);
// The dict holding a _dict's items (borrowed), or nullptr when v is not one.
Dict* attrdict_storage(Value v);

}  // namespace quire::lang
