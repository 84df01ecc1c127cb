#pragma once
// Conversions between the model's JSON values and script values.
//
// JSON objects become `_dict`s (Frappe hands scripts frappe._dict rows and
// dicts), arrays become lists (or tuples where Frappe returns tuples).
// Script values become JSON: dicts, `_dict`s, lists, tuples, sets, numbers,
// strings, None, documents (as_dict); anything else by its str() unless
// `strict` (as_json raises TypeError as Python's json would).

#include <functional>
#include <string>

#include "lang/object/runtime.h"
#include "model/meta.h"

namespace quire::scripting {

using lang::Isolate;
using lang::Value;
using model::Json;

Value to_value(Isolate& I, const Json& json, bool arrays_as_tuples = false);
// A _dict of a JSON object's members, each value made by convert(key,
// member); the first exception convert returns is passed on.
Value attr_dict_from_object(Isolate& I, const Json& object,
                            const std::function<Value(const std::string&, const Json&)>& convert);
// A list of rows: each row an array (a tuple) or an object (a _dict).
Value rows_to_value(Isolate& I, const Json& rows);
// False with a Python exception pending when `v` cannot be converted.
bool to_json(Isolate& I, Value v, Json& out, bool strict = false);

// Reads a str argument (TypeError naming `what` otherwise).
bool arg_string(Isolate& I, Value v, std::string& out, const char* what);
bool is_true(Isolate& I, Value v, bool& out);  // truthiness; Undef -> false

}  // namespace quire::scripting
