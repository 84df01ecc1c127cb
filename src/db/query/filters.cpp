#include "db/query/filters.h"

#include <algorithm>
#include <cctype>

#include "db/query/query_error.h"

namespace quire::db::query {
namespace {

std::string lower_trimmed(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string normalise_operator(const nlohmann::json& op) {
  if (!op.is_string()) {
    throw QueryError("ValidationError", "Operator must be a string, got " + op.dump());
  }
  std::string o = lower_trimmed(op.get<std::string>());
  if (o == "=<") o = "<=";
  if (o == "=>") o = ">=";
  if (o == "<>") o = "!=";
  const auto& ops = valid_operators();
  if (std::find(ops.begin(), ops.end(), o) == ops.end()) {
    std::string list;
    for (const auto& v : ops) list += (list.empty() ? "" : ", ") + v;
    throw QueryError("ValidationError", "Operator must be one of " + list);
  }
  return o;
}

std::string field_text(const nlohmann::json& f) {
  if (!f.is_string()) throw QueryError("DataError", "Invalid field name " + f.dump());
  return f.get<std::string>();
}

Filter from_dict_entry(const std::string& key, const nlohmann::json& value) {
  Filter f;
  f.field = key;
  if (value.is_array()) {
    if (value.size() != 2) {
      throw QueryError("ValidationError",
                       "Filter for " + key + " must be [operator, value], got " + value.dump());
    }
    f.op = normalise_operator(value[0]);
    f.value = value[1];
  } else {
    f.op = "=";
    f.value = value;
  }
  return f;
}

Filter from_list(const nlohmann::json& item) {
  Filter f;
  if (item.size() == 3) {
    f.field = field_text(item[0]);
    f.op = normalise_operator(item[1]);
    f.value = item[2];
  } else if (item.size() == 4) {
    if (!item[0].is_string()) throw QueryError("DataError", "Invalid DocType " + item[0].dump());
    f.doctype = item[0].get<std::string>();
    f.field = field_text(item[1]);
    f.op = normalise_operator(item[2]);
    f.value = item[3];
  } else {
    throw QueryError(
        "ValidationError",
        "Filter must have 4 values (doctype, fieldname, operator, value): " + item.dump());
  }
  return f;
}

}  // namespace

const std::vector<std::string>& valid_operators() {
  static const std::vector<std::string> ops = {"=",
                                               "!=",
                                               ">",
                                               "<",
                                               ">=",
                                               "<=",
                                               "like",
                                               "not like",
                                               "in",
                                               "not in",
                                               "is",
                                               "between",
                                               "timespan",
                                               "previous",
                                               "next",
                                               "ancestors of",
                                               "descendants of",
                                               "not ancestors of",
                                               "not descendants of",
                                               "descendants of (inclusive)"};
  return ops;
}

std::vector<Filter> parse_filters(const nlohmann::json& filters) {
  std::vector<Filter> out;
  if (filters.is_null()) return out;
  if (filters.is_string()) {
    const auto& text = filters.get_ref<const std::string&>();
    if (text.empty()) return out;
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array())) {
      throw QueryError("ValidationError", "Filters must be a dict, a list or JSON text of either");
    }
    return parse_filters(parsed);
  }
  if (filters.is_object()) {
    for (const auto& [key, value] : filters.items()) out.push_back(from_dict_entry(key, value));
    return out;
  }
  if (filters.is_array()) {
    for (const auto& item : filters) {
      if (item.is_array()) {
        out.push_back(from_list(item));
      } else if (item.is_object()) {
        for (const auto& [key, value] : item.items()) out.push_back(from_dict_entry(key, value));
      } else {
        throw QueryError("ValidationError", "Invalid filter " + item.dump());
      }
    }
    return out;
  }
  throw QueryError("ValidationError", "Filters must be a dict, a list or JSON text of either");
}

}  // namespace quire::db::query
