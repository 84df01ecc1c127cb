#include "scripting/frappe_qb_child_queries.h"

#include "scripting/attr_dict.h"
#include "scripting/native_util.h"

namespace quire::scripting::qb {

using namespace quire::lang;

Json child_query_spec(const std::string& fieldname, const std::string& parent_doctype,
                      const std::string& child_doctype, const Json& fields) {
  return Json{{"f", fieldname}, {"pdt", parent_doctype}, {"dt", child_doctype}, {"fields", fields}};
}

namespace {

// A script value released when it goes out of scope.
struct Owned {
  Value v;
  explicit Owned(Value value) : v(value) {}
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (!v.is_exc() && !v.is_undef()) decref(v);
  }
};

// The row dict behind a result row (an attr dict or a dict), or null.
Dict* row_table(Isolate& I, Value row) {
  if (is_attr_dict(row)) return attr_dict_table(I, row);
  return is_dict(row) ? as_dict(row) : nullptr;
}

bool text_of(Isolate& I, Dict* row, std::string_view key, std::string& out) {
  Value v = dict_get_str(row, key);
  out.clear();
  return v.is_undef() || str_into(I, v, out);
}

// child_query.get_query(parent_names).run(as_dict=1).
Value child_rows(Isolate& I, const Json& child, const Json& parent_names, NativeFn run) {
  Json fields = child["fields"];
  fields.push_back("parent");
  fields.push_back("parentfield");
  Json filters{{"parenttype", child["pdt"]},
               {"parentfield", child["f"]},
               {"parent", Json::array({"in", parent_names})}};
  Owned table(new_str(I, child["dt"].get<std::string>()));
  Owned field_list(to_value(I, fields));
  Owned filter_dict(to_value(I, filters));
  Owned order(new_str(I, "idx asc"));
  if (field_list.v.is_exc() || filter_dict.v.is_exc()) return Value::exc();
  Value args[] = {table.v, field_list.v, filter_dict.v, order.v};
  Owned query(get_query(I, args, 4, nullptr, nullptr));
  if (query.v.is_exc()) return Value::exc();
  Owned keyword(new_str(I, "as_dict"));
  Owned kwnames(new_tuple_from(I, &keyword.v, 1));
  Value run_args[] = {query.v, Value::boolean(true)};
  return run(I, run_args, 1, as_tuple(kwnames.v), nullptr);
}

bool asked_for(const Json& child, const char* field) {
  for (const auto& f : child["fields"]) {
    if (f.is_string() && f.get<std::string>() == field) return true;
  }
  return false;
}

bool attach_one(Isolate& I, const Json& child, List* rows, const Json& parent_names, NativeFn run) {
  Owned data(child_rows(I, child, parent_names, run));
  if (data.v.is_exc()) return false;
  if (!is_list(data.v)) return true;
  const std::string fieldname = child["f"].get<std::string>();
  const bool keep_parent = asked_for(child, "parent");
  const bool keep_parentfield = asked_for(child, "parentfield");
  std::vector<Value> items = as_list(data.v)->items;
  for (Value row : rows->items) {
    Dict* table = row_table(I, row);
    if (table == nullptr) continue;
    std::string name;
    if (!text_of(I, table, "name", name)) return false;
    Owned mine(new_list_from(I, nullptr, 0));
    for (Value d : items) {
      Dict* child_row = row_table(I, d);
      if (child_row == nullptr) continue;
      std::string parent, parentfield;
      if (!text_of(I, child_row, "parent", parent) ||
          !text_of(I, child_row, "parentfield", parentfield))
        return false;
      if (parent != name || parentfield != fieldname) continue;
      const std::pair<const char*, bool> extras[] = {{"parent", keep_parent},
                                                     {"parentfield", keep_parentfield}};
      for (const auto& [key, keep] : extras) {
        if (keep) continue;
        Owned k(new_str(I, key));
        if (dict_del(I, child_row, k.v) < 0) return false;
      }
      incref(d);
      list_append(I, as_list(mine.v), d);
    }
    Owned key(new_str(I, fieldname));
    if (!dict_set(I, table, key.v, mine.v)) return false;
  }
  return true;
}

}  // namespace

bool attach_child_queries(Isolate& I, const Json& query, Value rows, NativeFn run) {
  auto children = query.find("child");
  if (children == query.end() || !is_list(rows) || as_list(rows)->items.empty()) return true;
  // Frappe: only dict rows whose first row has a (truthy) name.
  Dict* first = row_table(I, as_list(rows)->items[0]);
  if (first == nullptr) return true;
  Value first_name = dict_get_str(first, "name");
  if (first_name.is_undef()) return true;
  int named = truthy(I, first_name);
  if (named < 0) return false;
  if (named == 0) return true;
  std::vector<Value> row_values = as_list(rows)->items;
  Json parent_names = Json::array();
  for (Value row : row_values) {
    Dict* table = row_table(I, row);
    Json name;
    Value v = table != nullptr ? dict_get_str(table, "name") : Value();
    if (!v.is_undef() && !to_json(I, v, name)) return false;
    parent_names.push_back(name);
  }
  for (const auto& child : *children) {
    if (!attach_one(I, child, as_list(rows), parent_names, run)) return false;
  }
  return true;
}

}  // namespace quire::scripting::qb
