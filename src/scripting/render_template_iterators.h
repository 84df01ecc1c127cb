#pragma once
// The iterators jinja2's filters return: `reverse` of a list gives a
// list_reverseiterator, `items`, `map`, `select`, `reject`, `selectattr` and
// `rejectattr` give generators. They are consumed once (a second `|list`
// is empty), have no len(), and print as CPython prints them
// ("<generator object sync_do_map at 0x...>", with the language's
// address-free id in place of the address).

#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting::jinja {

// A generator named `qualname` (a jinja2 function's name, at most 31
// bytes) yielding the items of `iterable` (borrowed), or Exc.
lang::Value template_generator(lang::Isolate& I, const char* qualname, lang::Value iterable);
// A generator that raises TypeError(`message`) when first stepped (a
// generator function checking its argument in its body).
lang::Value failing_generator(lang::Isolate& I, const char* qualname, std::string_view message);
// A list_reverseiterator over `list` (borrowed), or Exc.
lang::Value list_reverse_iterator(lang::Isolate& I, lang::Value list);

}  // namespace quire::scripting::jinja
