#include "model/coercion.h"

#include <algorithm>
#include <cmath>

#include "model/errors.h"
#include "model/fieldtypes.h"

namespace quire::model {

double flt(const Json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    try {
      size_t used = 0;
      double d = std::stod(s, &used);
      if (s.find_first_not_of(" \t", used) != std::string::npos) return 0;
      return std::isfinite(d) ? d : 0;
    } catch (...) {
      return 0;
    }
  }
  return 0;
}

std::int64_t cint(const Json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  double d = flt(v);
  if (std::fabs(d) >= 9.2e18) return 0;
  return static_cast<std::int64_t>(d);  // truncates toward zero, like int(float(x))
}

std::string cstr(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return v.dump();
}

Json coerce(const DocField& field, const Json& value) {
  const std::string& t = field.fieldtype;
  if ((value.is_array() || value.is_object()) && t != "JSON") {
    raise(ErrorKind::ValidationError, "Value for " + field.display_label() + " cannot be a list");
  }
  if (t == "Check") return value.is_null() ? Json(0) : Json(cint(value) != 0 ? 1 : 0);
  if (t == "Int" || t == "Long Int") return value.is_null() ? Json(nullptr) : Json(cint(value));
  if (t == "Rating") {
    if (value.is_null()) return nullptr;
    return std::clamp(flt(value), 0.0, 1.0);
  }
  if (is_float_fieldtype(t)) return value.is_null() ? Json(nullptr) : Json(flt(value));
  if (value.is_null()) return nullptr;
  if (t == "JSON") {
    if (value.is_object() || value.is_array()) return value.dump();  // nlohmann sorts keys
    return cstr(value);
  }
  std::string s = cstr(value);
  if (s.empty() && (t == "Date" || t == "Datetime" || t == "Time")) return nullptr;
  if (s.empty() && field.unique) return nullptr;
  return s;
}

db::Value to_db(const Json& v) {
  if (v.is_null()) return std::monostate{};
  if (v.is_boolean()) return static_cast<std::int64_t>(v.get<bool>() ? 1 : 0);
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

Json from_db(const db::Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::get<std::string>(v);
}

}  // namespace quire::model
