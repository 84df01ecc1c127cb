#pragma once
// `_dict`: Frappe's frappe._dict, a dict whose keys are also attributes.
// `d.key` reads d["key"] and gives None when the key is missing; `d.key = v`
// sets d["key"]; repr, ==, len, iteration, `in` and the dict methods (get,
// keys, values, items, update, setdefault, pop, popitem, copy, clear) behave
// as on a dict, and json.dumps writes it as an object.
//
// As in Frappe, the dict methods win over keys of the same name: with a key
// "items", d.items is still the method (read the key as d["items"]).
// dict(d), {**d}, f(**d) and dict.update(d) take it as a mapping.
//
// Differences from Frappe (this VM cannot subclass dict): isinstance(d, dict)
// is False; `d.items = v` (assigning to a method name) raises AttributeError
// where Frappe would set the key; `_dict.get` on the class is not callable.
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
