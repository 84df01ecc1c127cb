#pragma once
// Helpers the filter files share (render_template_filters.cpp defines them).

#include <initializer_list>
#include <string>
#include <vector>

#include "scripting/render_template_eval.h"

namespace quire::scripting::jinja {

// Binds a filter's arguments to `params` (the value first) as a native
// would: CPython's TypeErrors; false with the exception pending.
bool bind(Isolate& I, const char* fname, std::vector<Value>& args,
          const std::vector<std::string>& kwnames, std::initializer_list<const char*> params,
          Value* out);
// jinja2's make_attrgetter: `attribute` may be dotted ("a.b") or an integer
// index; `fallback` (unless Undef or None) replaces an Undefined after each
// part. A new reference (an Undefined where missing) or Exc.
Value get_path(Evaluator& ev, Value item, Value attribute, Value fallback = Value());
// sorted(items, key=attribute (lower-cased str keys unless case_sensitive,
// `fallback` as get_path's), reverse): a new list or Exc.
Value sorted_by(Evaluator& ev, Value items, Value attribute, bool case_sensitive, bool reverse,
                Value fallback = Value());
// A boolean argument: `fallback` when not given; false with an exception pending.
bool flag(Isolate& I, Value v, bool fallback, bool& out);
// Clears a pending TypeError (never a limit error); false, with the
// exception left pending, for anything else.
bool clear_type_error(Isolate& I);

}  // namespace quire::scripting::jinja
