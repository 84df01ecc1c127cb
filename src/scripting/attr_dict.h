#pragma once
// frappe._dict for scripts: a dict whose keys also read as attributes
// (`row.qty`), missing attributes reading as None, as Frappe's _dict does.
// Query rows, as_dict results, form_dict, flags and response are _dicts.
//
// The language's own `_dict` (lang/lib/attrdict.h); the functions below are
// the only way this layer touches one.

#include "lang/object/runtime.h"

namespace quire::scripting {

using lang::Dict;
using lang::Isolate;
using lang::Type;
using lang::Value;

Type* attr_dict_type();  // created on first use, immortal
bool is_attr_dict(Value v);
Value new_attr_dict(Isolate& I);
// The backing table (never null for an attr dict).
Dict* attr_dict_table(Isolate& I, Value attr_dict);
bool attr_dict_set(Isolate& I, Value attr_dict, std::string_view key, Value v);  // borrows v
// `_dict(...)`: the constructor bound as frappe._dict and _dict.
Value attr_dict_construct(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames,
                          void*);

}  // namespace quire::scripting
