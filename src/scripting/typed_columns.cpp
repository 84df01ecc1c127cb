#include "scripting/typed_columns.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include "lang/lib/datetime.h"
#include "model/fieldtypes.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/typed_columns_sql.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "YYYY-MM-DD".
bool date_form(std::string_view s) {
  return s.size() == 10 && all_digits(s.substr(0, 4)) && s[4] == '-' &&
         all_digits(s.substr(5, 2)) && s[7] == '-' && all_digits(s.substr(8, 2));
}

// "YYYY-MM-DD HH:MM:SS" with an optional fraction of up to 6 digits.
bool datetime_form(std::string_view s) {
  if (s.size() < 19 || !date_form(s.substr(0, 10)) || s[10] != ' ') return false;
  if (!all_digits(s.substr(11, 2)) || s[13] != ':' || !all_digits(s.substr(14, 2)) ||
      s[16] != ':' || !all_digits(s.substr(17, 2)))
    return false;
  if (s.size() == 19) return true;
  return s[19] == '.' && s.size() <= 26 && all_digits(s.substr(20));
}

// "[-]H:MM:SS[.ffffff]" (MySQL TIME, which may exceed 24 hours) as microseconds.
bool time_micros(std::string_view s, std::int64_t& out) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 3) return false;
  std::string_view rest = s.substr(colon + 1);
  if (rest.size() < 5 || !all_digits(rest.substr(0, 2)) || rest[2] != ':' ||
      !all_digits(rest.substr(3, 2)) || !all_digits(s.substr(0, colon)))
    return false;
  std::int64_t frac = 0;
  if (rest.size() > 5) {
    std::string_view f = rest.substr(6);
    if (rest[5] != '.' || f.size() > 6 || !all_digits(f)) return false;
    frac = std::stoll((std::string(f) + "000000").substr(0, 6));
  }
  std::int64_t h = std::stoll(std::string(s.substr(0, colon)));
  std::int64_t m = std::stoll(std::string(rest.substr(0, 2)));
  std::int64_t sec = std::stoll(std::string(rest.substr(3, 2)));
  if (m > 59 || sec > 59) return false;
  out = ((h * 60 + m) * 60 + sec) * 1000000 + frac;
  if (negative) out = -out;
  return true;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// "`tabToDo`.date as d" -> source "date", alias "d".
void split_field(const std::string& text, std::string& source, std::string& alias) {
  std::string lower = text;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto as = lower.rfind(" as ");
  source = trimmed(as == std::string::npos ? text : text.substr(0, as));
  alias = as == std::string::npos ? "" : trimmed(text.substr(as + 4));
  auto dot = source.rfind('.');
  if (dot != std::string::npos) source = source.substr(dot + 1);
  auto unquote = [](std::string& s) {
    if (s.size() >= 2 && (s.front() == '`' || s.front() == '"') && s.back() == s.front())
      s = s.substr(1, s.size() - 2);
  };
  unquote(source);
  unquote(alias);
  if (alias.empty()) alias = source;
}

}  // namespace

std::string_view temporal_fieldtype(const model::Meta& meta, std::string_view fieldname) {
  if (fieldname == "creation" || fieldname == "modified") return "Datetime";
  const model::DocField* f = meta.field(fieldname);
  if (!f) return "";
  if (f->fieldtype == "Date") return "Date";
  if (f->fieldtype == "Datetime") return "Datetime";
  if (f->fieldtype == "Time") return "Time";
  return "";
}

Value column_value(Isolate& I, std::string_view fieldtype, const Json& v) {
  if (fieldtype == "Float" && v.is_number_integer()) return Value::real(v.get<double>());
  return temporal_value(I, fieldtype, v);
}

Value temporal_value(Isolate& I, std::string_view fieldtype, const Json& v) {
  if (fieldtype.empty() || !v.is_string()) return to_value(I, v);
  const std::string& s = v.get_ref<const std::string&>();
  // Text that only looks like the form (a day 31 in April...) stays text.
  std::optional<time::Date> date;
  std::optional<time::DateTime> stamp;
  std::optional<time::TimeDelta> span;
  try {
    std::int64_t micros = 0;
    if (fieldtype == "Date" && date_form(s)) date = time::Date::from_iso_format(s);
    if (fieldtype == "Datetime" && datetime_form(s)) stamp = time::DateTime::from_iso_format(s);
    if (fieldtype == "Time" && time_micros(s, micros))
      span = time::TimeDelta::from_microseconds(micros);
  } catch (...) {  // the time library's ValueError (day out of range...)
    return to_value(I, v);
  }
  return guarded(I, [&]() -> Value {
    if (date) return datetime::new_date(I, *date);
    if (stamp) return datetime::new_datetime(I, *stamp);
    if (span) return datetime::new_timedelta(I, *span);
    return to_value(I, v);
  });
}

ColumnTypes::ColumnTypes(std::shared_ptr<const model::Meta> meta, const Json& fields)
    : meta_(std::move(meta)) {
  if (!meta_) return;
  any_ = true;
  std::vector<std::string> list;
  if (fields.is_string()) {
    // "a, b" selects two columns (Frappe splits a fields string on commas).
    std::string text = fields.get<std::string>(), part;
    for (char c : text + ",") {
      if (c == ',') {
        list.push_back(trimmed(part));
        part.clear();
      } else {
        part += c;
      }
    }
  } else if (fields.is_array()) {
    for (const auto& f : fields) list.push_back(f.is_string() ? f.get<std::string>() : "");
  }
  for (const auto& text : list) {
    std::string source, alias;
    split_field(text, source, alias);
    aliases_[alias] = source;
    positions_.emplace_back(temporal_fieldtype(*meta_, source));
  }
}

namespace {

// What column `column` of table `table` holds, for computed_column_types.
std::string column_category(model::Session& session, const std::string& table,
                            const std::string& column) {
  if (table.size() <= 3 || table.compare(0, 3, "tab") != 0) return "";
  auto meta = session.metas.find_meta(table.substr(3));
  if (!meta) return "";
  if (auto temporal = temporal_fieldtype(*meta, column); !temporal.empty())
    return std::string(temporal);
  if (column == "docstatus" || column == "idx") return "Int";
  if (column == "name" || column == "owner" || column == "modified_by" || column == "parent")
    return "Text";
  const model::DocField* f = meta->field(column);
  if (!f) return "";
  if (model::is_float_fieldtype(f->fieldtype)) return "Float";
  if (model::is_int_fieldtype(f->fieldtype)) return "Int";
  return "Text";
}

// The types worth converting: SQLite's values of the others already are
// what Frappe's driver gives (int for count and Int columns).
bool converted(std::string_view fieldtype) {
  return !fieldtype.empty() && fieldtype != "Int";
}

}  // namespace

ColumnTypes::ColumnTypes(model::Session& session,
                         const std::vector<model::SqlColumnOrigin>& origins, std::string_view sql) {
  std::vector<std::string> computed;
  bool any_computed =
      std::any_of(origins.begin(), origins.end(), [](const auto& o) { return o.table.empty(); });
  if (any_computed && !sql.empty()) {
    computed = computed_column_types(sql, [&](const std::string& table, const std::string& column) {
      return column_category(session, table, column);
    });
  }
  for (std::size_t i = 0; i < origins.size(); ++i) {
    const auto& o = origins[i];
    std::string fieldtype;
    if (o.table.size() > 3 && o.table.compare(0, 3, "tab") == 0) {
      if (auto meta = session.metas.find_meta(o.table.substr(3)))
        fieldtype = temporal_fieldtype(*meta, o.column);
    } else if (o.table.empty() && i < computed.size() && converted(computed[i])) {
      fieldtype = computed[i];
    }
    positions_.push_back(fieldtype);
    if (!fieldtype.empty()) {
      keyed_[o.name] = fieldtype;
      any_ = true;
    }
  }
}

std::string_view ColumnTypes::by_key(std::string_view key) const {
  if (auto it = keyed_.find(key); it != keyed_.end()) return it->second;
  if (!meta_) return "";
  auto it = aliases_.find(key);
  return temporal_fieldtype(*meta_, it == aliases_.end() ? key : std::string_view(it->second));
}

std::string_view ColumnTypes::at(std::size_t position) const {
  return position < positions_.size() ? std::string_view(positions_[position]) : "";
}

namespace {

Value typed_row_object(Isolate& I, const Json& row, const ColumnTypes& columns) {
  return attr_dict_from_object(I, row, [&](const std::string& key, const Json& e) {
    return column_value(I, columns.by_key(key), e);
  });
}

Value sequence(Isolate& I, const Json& items, bool as_tuple,
               const std::function<Value(std::size_t, const Json&)>& item) {
  std::vector<Value> values;
  values.reserve(items.size());
  std::size_t i = 0;
  for (const auto& e : items) {
    Value v = item(i++, e);
    if (v.is_exc()) {
      for (Value x : values) decref(x);
      return v;
    }
    values.push_back(v);
  }
  Value out = as_tuple ? new_tuple_from(I, values.data(), values.size())
                       : new_list_from(I, values.data(), values.size());
  for (Value x : values) decref(x);
  return out;
}

}  // namespace

Value typed_to_value(Isolate& I, const Json& json, const ColumnTypes& columns,
                     bool arrays_as_tuples, bool one_row) {
  if (!columns.any()) return to_value(I, json, arrays_as_tuples);
  if (json.is_object()) return typed_row_object(I, json, columns);
  if (!json.is_array()) return column_value(I, columns.at(0), json);
  return sequence(I, json, arrays_as_tuples && one_row, [&](std::size_t i, const Json& e) {
    if (e.is_object()) return typed_row_object(I, e, columns);
    if (e.is_array()) {
      return sequence(I, e, arrays_as_tuples, [&](std::size_t j, const Json& x) {
        return column_value(I, columns.at(j), x);
      });
    }
    return column_value(I, columns.at(one_row ? i : 0), e);
  });
}

}  // namespace quire::scripting
