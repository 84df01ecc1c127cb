// frappe.utils filter helpers of frappe/utils/data.py: get_filter (a filter
// in any of Frappe's shapes as a _dict of doctype, fieldname, operator,
// value, fieldtype), evaluate_filters (does a document match), compare with
// a fieldtype (data.py cast), and sanitize_column.
//
// sanitize_column: Frappe first runs sqlparse.format(strip_comments=True,
// keyword_case="lower"); here comments (/* */, -- to the end of the line)
// are removed and the whole text lower-cased, which decides the same for
// the check that follows (it compares whole words against lower-case
// keywords and looks for , ' ( ) ; on the first line).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/utils_filters.h"

#include <cctype>

#include "lang/lib/datetime.h"
#include "model/meta_store.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/utils_misc.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (s == n) return true;
  }
  return false;
}

// data.py cast(fieldtype, value): the value as the fieldtype's Python type.
Value cast(Isolate& I, const std::string& fieldtype, Value value) {
  if (one_of(fieldtype, {"Currency", "Float", "Percent"})) return call_util(I, "flt", &value, 1);
  if (one_of(fieldtype, {"Int", "Check"})) {
    // cint(sbool(value)): "true"/"1" -> True, "false"/"0" -> False (any case).
    Value v = value;
    if (is_str(value)) {
      std::string lower(as_str(value)->view());
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "true" || lower == "1") v = Value::boolean(true);
      if (lower == "false" || lower == "0") v = Value::boolean(false);
    }
    return call_util(I, "cint", &v, 1);
  }
  if (one_of(fieldtype, {"Data", "Text", "Small Text", "Long Text", "Text Editor", "Select", "Link",
                         "Dynamic Link"})) {
    return call_util(I, "cstr", &value, 1);
  }
  if (fieldtype == "Date" || fieldtype == "Datetime") {
    int t = truthy(I, value);
    if (t < 0) return Value::exc();
    if (t) return call_util(I, fieldtype == "Date" ? "getdate" : "get_datetime", &value, 1);
    return guarded(I, [&]() -> Value {
      return fieldtype == "Date" ? datetime::new_date(I, time::Date::from_ymd(1, 1, 1))
                                 : datetime::new_datetime(I, time::DateTime::from_fields(1, 1, 1));
    });
  }
  if (fieldtype == "Time") return call_util(I, "get_timedelta", &value, 1);
  incref(value);
  return value;
}

// data.py operator_map[condition](a, b); False for other conditions.
Value apply_operator(Isolate& I, Value a, const std::string& op, Value b) {
  if (op == "^") {
    int t = truthy(I, a);
    if (t < 0) return Value::exc();
    Value empty = new_str(I, "");
    Value r = call_method(I, t ? a : empty, "startswith", &b, 1);
    decref(empty);
    return r;
  }
  if (op == "in" || op == "not in") {
    int c = contains(I, b, a);
    if (c < 0) return Value::exc();
    return Value::boolean(op == "in" ? c : !c);
  }
  static const std::pair<const char*, int> cmp[] = {{"=", kEq}, {"!=", kNe}, {">", kGt},
                                                    {"<", kLt}, {">=", kGe}, {"<=", kLe}};
  for (const auto& [name, code] : cmp) {
    if (op == name) return compare_op(I, code, a, b);
  }
  if (op == "not None" || op == "None") {
    int t = truthy(I, a);
    if (t < 0) return Value::exc();
    return Value::boolean(op == "None" ? !t : t);
  }
  return Value::boolean(false);
}

// compare(val1, condition, val2, fieldtype=None).
Value compare(Isolate& I, Value a, Value condition, Value b, Value fieldtype) {
  Value x = a, y = b;
  Value cast_a, cast_b;
  int typed = given(fieldtype) ? truthy(I, fieldtype) : 0;
  if (typed < 0) return Value::exc();
  if (typed) {
    std::string ft;
    if (!str_into(I, fieldtype, ft)) return Value::exc();
    cast_a = cast(I, ft, a);
    if (cast_a.is_exc()) return cast_a;
    cast_b = cast(I, ft, b);
    if (cast_b.is_exc()) {
      decref(cast_a);
      return cast_b;
    }
    x = cast_a;
    y = cast_b;
  }
  Value r = is_str(condition) ? apply_operator(I, x, std::string(as_str(condition)->view()), y)
                              : Value::boolean(false);
  decref(cast_a);
  decref(cast_b);
  return r;
}

QUIRE_NATIVE(u_compare) {
  Value a[4];
  if (!parse_args(I, "compare", args, nargs, kwnames, {"val1", "condition", "val2", "fieldtype"}, 3,
                  a))
    return Value::exc();
  return compare(I, a[0], a[1], a[2], a[3]);
}

// sanitize_column(column_name): DataError "Invalid field name ..." for
// text that could be more than a column.
bool sanitize_column(Isolate& I, Value column) {
  std::string raw;
  if (!str_into(I, column, raw)) return false;
  std::string text;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw.compare(i, 2, "/*") == 0) {
      std::size_t end = raw.find("*/", i + 2);
      i = end == std::string::npos ? raw.size() : end + 2;
    } else if (raw.compare(i, 2, "--") == 0) {
      std::size_t end = raw.find('\n', i);
      i = end == std::string::npos ? raw.size() : end;
    } else {
      text += static_cast<char>(std::tolower(static_cast<unsigned char>(raw[i++])));
    }
  }
  // sqlparse.format also trims the result.
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t lead = 0;
  while (lead < text.size() && std::isspace(static_cast<unsigned char>(text[lead]))) ++lead;
  text.erase(0, lead);
  // re.compile("^.*[,'();].*").match: one of , ' ( ) ; on the first line.
  std::string first_line = text.substr(0, text.find('\n'));
  bool suspicious = first_line.find_first_of(",'();") != std::string::npos;
  bool bad = false;
  if (text.find("ifnull") != std::string::npos) {
    if (suspicious) {
      static const char* const keywords[] = {"select", "create", "insert", "delete", "drop",
                                             "update", "case",   "and",    "or"};
      std::size_t p = 0;
      while (!bad && p < text.size()) {
        while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
        std::size_t e = p;
        while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e]))) ++e;
        for (const char* k : keywords) bad = bad || text.compare(p, e - p, k) == 0;
        p = e;
      }
    }
  } else {
    bad = suspicious;
  }
  if (bad) {
    raise_frappe(I, "DataError", "Invalid field name " + text);
    return false;
  }
  return true;
}

QUIRE_NATIVE(u_sanitize_column) {
  Value a[1];
  if (!parse_args(I, "sanitize_column", args, nargs, kwnames, {"column_name"}, 1, a))
    return Value::exc();
  return sanitize_column(I, a[0]) ? Value::none() : Value::exc();
}

bool is_standard_field(std::string_view f) {
  return one_of(f, {"doctype", "name", "owner", "creation", "modified", "modified_by", "docstatus",
                    "idx", "_user_tags", "_comments", "_assign", "_liked_by", "_seen", "parent",
                    "parentfield", "parenttype"});
}

// get_filter(doctype, f, filters_config=None).
Value get_filter(Isolate& I, Value doctype, Value f, Value filters_config) {
  Value items;  // a list of the filter's values (owned)
  if (is_dict(f) || is_attr_dict(f)) {
    Value pairs = call_method(I, f, "items", nullptr, 0);
    if (pairs.is_exc()) return pairs;
    Value it = get_iter(I, pairs);
    decref(pairs);
    if (it.is_exc()) return it;
    Value first = iter_next(I, it);
    decref(it);
    if (first.is_exc()) return first;
    if (first.is_undef()) return raise_no_args(I, types().StopIteration);
    Value key = get_item(I, first, Value::integer(0));
    Value value = key.is_exc() ? key : get_item(I, first, Value::integer(1));
    decref(first);
    if (value.is_exc()) {
      decref(key);
      return value;
    }
    Value parts[4] = {doctype, key, Value(), Value()};
    if (is_list(value) || is_tuple(value)) {
      parts[2] = get_item(I, value, Value::integer(0));
      parts[3] = parts[2].is_exc() ? parts[2] : get_item(I, value, Value::integer(1));
    } else {
      parts[2] = new_str(I, "=");
      parts[3] = value;
      incref(value);
    }
    if (!parts[3].is_exc()) items = new_list_from(I, parts, 4);
    decref(key);
    decref(value);
    if (!parts[2].is_exc()) decref(parts[2]);
    if (!parts[3].is_exc()) decref(parts[3]);
    if (items.is_undef()) return Value::exc();
  } else if (is_list(f) || is_tuple(f)) {
    items = call(I, builtin_value(builtin_index("list")), &f, 1, nullptr);
    if (items.is_exc()) return items;
  } else {
    return raise_frappe(I, "ValidationError", "Filter must be a tuple or list (in a list)");
  }
  std::vector<Value>& v = as_list(items)->items;
  Value parts[4];
  if (v.size() == 3) {
    parts[0] = doctype;
    parts[1] = v[0];
    parts[2] = v[1];
    parts[3] = v[2];
  } else if (v.size() >= 4) {
    for (int i = 0; i < 4; ++i) parts[i] = v[static_cast<std::size_t>(i)];
  } else {
    Value shown = is_list(f) || is_tuple(f) ? f : items;
    std::string text;
    bool ok = str_into(I, shown, text);
    decref(items);
    if (!ok) return Value::exc();
    return raise_frappe(I, "ValidationError",
                        "Filter must have 4 values (doctype, fieldname, operator, value): " + text);
  }
  Value out = new_attr_dict(I);
  static const char* const names[] = {"doctype", "fieldname", "operator", "value"};
  bool ok = true;
  for (int i = 0; ok && i < 4; ++i) ok = attr_dict_set(I, out, names[i], parts[i]);
  decref(items);
  auto fail = [&] {
    decref(out);
    return Value::exc();
  };
  if (!ok) return fail();
  Dict* d = attr_dict_table(I, out);
  Value fieldname = dict_get_str(d, "fieldname");
  if (!sanitize_column(I, fieldname)) return fail();
  Value op = dict_get_str(d, "operator");
  int has_op = truthy(I, op);
  if (has_op < 0) return fail();
  std::string op_text = "=";
  if (!has_op) {
    Value eq = new_str(I, "=");
    ok = attr_dict_set(I, out, "operator", eq);
    decref(eq);
    if (!ok) return fail();
  } else {
    op_text.clear();
    if (!str_into(I, op, op_text)) return fail();
  }
  for (char& c : op_text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const valid[] = {"=",
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
                                      "descendants of",
                                      "ancestors of",
                                      "not descendants of",
                                      "not ancestors of",
                                      "timespan",
                                      "previous",
                                      "next"};
  bool known = false;
  std::string all;
  for (const char* name : valid) {
    known = known || op_text == name;
    all += (all.empty() ? "" : ", ") + std::string(name);
  }
  if (!known && given(filters_config)) {
    // filters_config's keys (lower-cased) are operators too.
    Value it = get_iter(I, filters_config);
    if (it.is_exc()) return fail();
    for (Value k = iter_next(I, it); !k.is_undef(); k = iter_next(I, it)) {
      if (k.is_exc()) {
        decref(it);
        return fail();
      }
      std::string key;
      bool got = str_into(I, k, key);
      decref(k);
      if (!got) {
        decref(it);
        return fail();
      }
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      known = known || key == op_text;
    }
    decref(it);
  }
  if (!known) {
    raise_frappe(I, "ValidationError", "Operator must be one of " + all);
    return fail();
  }
  // The field's DocType (a child table's when the parent lacks the field)
  // and fieldtype.
  RunState* run = current_run();
  Value doctype_value = dict_get_str(d, "doctype");
  std::string doctype_name, field;
  int has_doctype = truthy(I, doctype_value);
  if (has_doctype < 0) return fail();
  if (has_doctype && (!str_into(I, doctype_value, doctype_name) || !str_into(I, fieldname, field)))
    return fail();
  std::string fieldtype;
  if (has_doctype && run) {
    auto meta = run->session.metas.find_meta(doctype_name);
    if (!meta && !is_standard_field(field)) {
      // frappe.get_meta of an unknown DocType.
      raise_frappe(I, "DoesNotExistError", "DocType " + doctype_name + " not found");
      return fail();
    }
    if (meta && !is_standard_field(field) && !meta->field(field)) {
      for (const auto* table : meta->table_fields()) {
        auto child = run->session.metas.find_meta(table->options);
        if (child && child->field(field)) {
          doctype_name = table->options;
          Value name = new_str(I, doctype_name);
          ok = attr_dict_set(I, out, "doctype", name);
          decref(name);
          if (!ok) return fail();
          meta = child;
          break;
        }
      }
    }
    if (meta) {
      if (const auto* df = meta->field(field)) fieldtype = df->fieldtype;
    }
  }
  Value ft = fieldtype.empty() ? Value::none() : new_str(I, fieldtype);
  ok = attr_dict_set(I, out, "fieldtype", ft);
  decref(ft);
  if (!ok) return fail();
  return out;
}

QUIRE_NATIVE(u_get_filter) {
  Value a[3];
  if (!parse_args(I, "get_filter", args, nargs, kwnames, {"doctype", "f", "filters_config"}, 2, a))
    return Value::exc();
  return get_filter(I, a[0], a[1], a[2]);
}

// evaluate_filters(doc, filters): every filter holds for doc.get(fieldname).
QUIRE_NATIVE(u_evaluate_filters) {
  Value a[2];
  if (!parse_args(I, "evaluate_filters", args, nargs, kwnames, {"doc", "filters"}, 2, a))
    return Value::exc();
  Value filters;  // a list of filters in get_filter's shapes (owned)
  if (is_dict(a[1]) || is_attr_dict(a[1])) {
    // {key: value, ...}: each as get_filter(None, {key: value}).
    Value pairs = call_method(I, a[1], "items", nullptr, 0);
    if (pairs.is_exc()) return pairs;
    Value list = call(I, builtin_value(builtin_index("list")), &pairs, 1, nullptr);
    decref(pairs);
    if (list.is_exc()) return list;
    filters = new_list_from(I, nullptr, 0);
    for (Value pair : as_list(list)->items) {
      Value one = Value::object(alloc_dict(I));
      Value k = get_item(I, pair, Value::integer(0));
      Value v = k.is_exc() ? k : get_item(I, pair, Value::integer(1));
      bool ok = !v.is_exc() && dict_set(I, as_dict(one), k, v);
      if (!k.is_exc()) decref(k);
      if (!v.is_exc()) decref(v);
      if (ok) {
        list_append(I, as_list(filters), one);
      } else {
        decref(one);
      }
      if (!ok) {
        decref(list);
        decref(filters);
        return Value::exc();
      }
    }
    decref(list);
  } else if (is_list(a[1]) || is_tuple(a[1])) {
    filters = call(I, builtin_value(builtin_index("list")), &a[1], 1, nullptr);
    if (filters.is_exc()) return filters;
  } else {
    return Value::boolean(true);
  }
  std::vector<Value> each = as_list(filters)->items;
  for (Value x : each) incref(x);
  Value result = Value::boolean(true);
  for (Value f : each) {
    if (!result.is_bool() || !result.b) break;
    Value parsed = get_filter(I, Value::none(), f, Value());
    if (parsed.is_exc()) {
      result = Value::exc();
      break;
    }
    Dict* d = attr_dict_table(I, parsed);
    Value field = dict_get_str(d, "fieldname");
    Value current = call_method(I, a[0], "get", &field, 1);
    Value r = current.is_exc() ? current
                               : compare(I, current, dict_get_str(d, "operator"),
                                         dict_get_str(d, "value"), dict_get_str(d, "fieldtype"));
    if (!current.is_exc()) decref(current);
    decref(parsed);
    if (r.is_exc()) {
      result = Value::exc();
      break;
    }
    int t = truthy(I, r);
    decref(r);
    if (t < 0) {
      result = Value::exc();
      break;
    }
    if (!t) result = Value::boolean(false);
  }
  for (Value x : each) decref(x);
  decref(filters);
  return result;
}

}  // namespace

void add_filter_functions(Type* utils) {
  host::define_method(utils, "compare", u_compare);
  host::define_method(utils, "get_filter", u_get_filter);
  host::define_method(utils, "evaluate_filters", u_evaluate_filters);
  host::define_method(utils, "sanitize_column", u_sanitize_column);
}

}  // namespace quire::scripting
