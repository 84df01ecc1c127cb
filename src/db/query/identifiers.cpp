#include "db/query/identifiers.h"

#include "db/query/query_error.h"

namespace quire::db::query {
namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool is_valid_fieldname(std::string_view name) {
  if (name.empty() || name.size() > 140) return false;
  if (!is_ascii_alpha(name[0]) && name[0] != '_') return false;
  for (char c : name) {
    if (!is_ascii_alpha(c) && !is_ascii_digit(c) && c != '_') return false;
  }
  return true;
}

bool is_valid_doctype_name(std::string_view name) {
  if (name.empty() || name.size() > 140) return false;
  if (!is_ascii_alpha(name[0]) && !is_ascii_digit(name[0])) return false;
  for (char c : name) {
    if (!is_ascii_alpha(c) && !is_ascii_digit(c) && c != '_' && c != ' ' && c != '-') return false;
  }
  return name.back() != ' ';
}

void require_fieldname(std::string_view name) {
  if (!is_valid_fieldname(name)) {
    throw QueryError("DataError", "Invalid field name " + std::string(name));
  }
}

void require_doctype_name(std::string_view name) {
  if (!is_valid_doctype_name(name)) {
    throw QueryError("DataError", "Invalid DocType name " + std::string(name));
  }
}

std::string quote_identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '`';
  out += name;
  out += '`';
  return out;
}

}  // namespace quire::db::query
