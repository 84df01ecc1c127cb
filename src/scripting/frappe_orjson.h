#pragma once
// `orjson` in a script's globals (spec §3.6: loads, dumps, the OPT_*
// constants, JSONEncodeError, JSONDecodeError) and frappe.utils.orjson_dumps.
//
// There is no orjson in Debian: dumps writes what orjson's README documents —
// bytes of compact JSON with UTF-8 left unescaped; datetime, date and time
// in RFC 3339 (OPT_NAIVE_UTC, OPT_UTC_Z, OPT_OMIT_MICROSECONDS,
// OPT_PASSTHROUGH_DATETIME); OPT_INDENT_2, OPT_SORT_KEYS, OPT_NON_STR_KEYS,
// OPT_APPEND_NEWLINE, OPT_STRICT_INTEGER; NaN and infinities as null;
// integers beyond 64 bits refused; `default` called for other types (up to
// 254 levels). Errors are orjson.JSONEncodeError (a TypeError) and
// orjson.JSONDecodeError (a json.JSONDecodeError, so a ValueError).
// Differences: floats print as Python's repr with orjson's exponent form
// ("1e16", "1e-7"); error messages of loads are json's.

#include "lang/object/runtime.h"

namespace quire::scripting {

// The orjson module for one run.
lang::Value make_orjson_module(lang::Isolate& I);

// Adds frappe.utils.orjson_dumps(obj, default=json_handler, option=None, decode=True).
void add_orjson_functions(lang::Type* utils);

}  // namespace quire::scripting
