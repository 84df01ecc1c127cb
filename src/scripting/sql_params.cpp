#include "scripting/sql_params.h"

#include "model/errors.h"

namespace quire::scripting {

namespace {

db::Value to_db(const model::Json& v) {
  if (v.is_null()) return std::monostate{};
  if (v.is_boolean()) return static_cast<std::int64_t>(v.get<bool>());
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_float()) return v.get<double>();
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

void append_value(BoundSql& out, const model::Json& v) {
  if (v.is_array()) {
    out.sql += "(";
    for (std::size_t i = 0; i < v.size(); ++i) {
      out.sql += i ? ", ?" : "?";
      out.params.push_back(to_db(v[i]));
    }
    out.sql += ")";
    return;
  }
  out.sql += "?";
  out.params.push_back(to_db(v));
}

[[noreturn]] void bad(const std::string& message) {
  model::raise(model::ErrorKind::ValidationError, message);
}

}  // namespace

BoundSql bind_sql_params(const std::string& query, const model::Json& values) {
  BoundSql out;
  if (values.is_null()) {
    out.sql = query;
    return out;
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < query.size(); ++i) {
    char c = query[i];
    if (c != '%') {
      out.sql += c;
      continue;
    }
    if (i + 1 < query.size() && query[i + 1] == '%') {
      out.sql += '%';
      ++i;
      continue;
    }
    if (i + 1 < query.size() && query[i + 1] == 's' && values.is_array()) {
      if (next >= values.size()) bad("not enough arguments for format string");
      append_value(out, values[next++]);
      ++i;
      continue;
    }
    if (i + 1 < query.size() && query[i + 1] == '(' && values.is_object()) {
      std::size_t close = query.find(")s", i + 2);
      if (close == std::string::npos) bad("incomplete format key in query");
      std::string key = query.substr(i + 2, close - (i + 2));
      auto it = values.find(key);
      if (it == values.end()) model::raise(model::ErrorKind::ValidationError, "'" + key + "'");
      append_value(out, *it);
      i = close + 1;
      continue;
    }
    bad("unsupported format character in query (use %s, %(name)s or %%)");
  }
  if (values.is_array() && next != values.size()) {
    bad("not all arguments converted during string formatting");
  }
  return out;
}

}  // namespace quire::scripting
