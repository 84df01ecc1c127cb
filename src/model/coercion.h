#pragma once

#include <string>

#include "db/value.h"
#include "model/meta.h"

namespace quire::model {

// Frappe's cint / flt / cstr on JSON values (bad text reads as 0, like Frappe).
std::int64_t cint(const Json& v);
double flt(const Json& v);
std::string cstr(const Json& v);

// The value a field holds once Frappe's `get_valid_dict` has coerced it:
// Check → 0/1, Int → int, Float/Currency/Percent/Duration → float, Rating →
// float clamped to [0, 1], "" in Date/Datetime/Time → null, JSON objects →
// sorted-key JSON text, other scalars → text; blank in a unique field → null.
// A list or object in a non-table field → ValidationError
// "Value for {Label} cannot be a list".
Json coerce(const DocField& field, const Json& value);

// A coerced value as a bound SQL parameter, and back.
db::Value to_db(const Json& value);
Json from_db(const db::Value& value);

}  // namespace quire::model
