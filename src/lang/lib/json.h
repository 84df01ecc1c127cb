#pragma once
// The `json` standard module: loads and dumps as CPython 3.11's json prints
// and parses them (byte-identical output, the same JSONDecodeError messages
// and positions in code points). Host code uses the same functions directly.
//
// Differences from CPython: `cls=` is accepted only as None; dumps' default
// recursion limit follows the isolate's max_depth; json.load/json.dump
// (files) are not provided (scripts have no files).

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::lang::json {

// A JSON string literal for UTF-8 text, as json.dumps(text, ensure_ascii=...)
// writes it (quotes included).
std::string quote(std::string_view utf8, bool ensure_ascii = true);

struct DumpOptions {
  bool skipkeys = false;
  bool ensure_ascii = true;
  bool check_circular = true;
  bool allow_nan = true;
  bool sort_keys = false;
  bool has_indent = false;  // indent=None when false
  std::string indent;       // the indent string (an int n means n spaces)
  std::string item_separator = ", ";
  std::string key_separator = ": ";
  Value default_fn;  // Undef: TypeError "Object of type X is not JSON serializable"
};

// json.dumps(obj, ...): appends to `out`; false with the exception pending.
bool dump_into(Isolate& I, Value obj, const DumpOptions& options, std::string& out);

struct LoadOptions {
  bool strict = true;
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;  // Undef = none
};

// json.loads(text): a new reference, or Value::exc() (JSONDecodeError, ...).
// `doc` is the str the text came from (for the error's .doc), or Undef.
Value load_text(Isolate& I, std::string_view utf8, const LoadOptions& options, Value doc = Value());

// json.decoder.JSONDecodeError (a ValueError with msg, doc, pos, lineno, colno).
Type* decode_error_type();

// The module object: json.loads, json.dumps, json.JSONDecodeError.
Value make_module(Isolate& I);

}  // namespace quire::lang::json
