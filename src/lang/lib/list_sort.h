#pragma once
// list.sort(key=, reverse=) and sorted(): CPython's timsort (list_sort.cpp).

#include "lang/object/runtime.h"

namespace quire::lang {

// Sorts l in place; None, or Value::exc() with the exception set (a key
// function's or __lt__'s, or ValueError "list modified during sort").
Value list_sort(Isolate& I, List* l, Value key, bool reverse);

}  // namespace quire::lang
