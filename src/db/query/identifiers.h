#pragma once

#include <string>
#include <string_view>

namespace quire::db::query {

// Identifiers are never escaped into SQL: they are checked against these
// shapes and refused otherwise, so no quote, comment or statement separator can
// ride along in a field or DocType name.

// A field name: a letter or underscore, then letters, digits, underscores.
bool is_valid_fieldname(std::string_view name);

// A DocType name: letters, digits, spaces, underscores and hyphens, at most
// 140 characters, starting with a letter or digit.
bool is_valid_doctype_name(std::string_view name);

// Throws QueryError (DataError "Invalid field name {0}") unless valid.
void require_fieldname(std::string_view name);

// Throws QueryError (DataError "Invalid DocType name {0}") unless valid.
void require_doctype_name(std::string_view name);

// `name` wrapped in backticks; only for names that passed the checks above.
std::string quote_identifier(std::string_view name);

}  // namespace quire::db::query
