#include "scripting/frappe_qb_filters.h"

#include <algorithm>
#include <cctype>

#include "db/query/query_error.h"
#include "lang/numeric/error.h"
#include "model/coercion.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/value_convert.h"

namespace quire::scripting::qb {

using namespace quire::lang;
namespace dbq = quire::db::query;

namespace {

// A filters argument read once, before anything is parsed: the parse then
// runs no script code (a __str__ cannot change a list under it), and each
// item keeps the str() Frappe's messages show.
struct Item {
  enum class Kind { Sequence, Text, Number, Scalar, Dict, Criterion } kind = Kind::Scalar;
  std::vector<Item> items;  // a list's or tuple's
  Json json;                // the value; a criterion's node
  std::string text;         // str(value)
  std::string type;         // type(value).__name__
};

constexpr int kMaxNesting = 64;

bool read_item(Isolate& I, Value v, Item& out, int depth) {
  if (depth > kMaxNesting) {
    raise(I, types().ValueError, "get_query() filters are nested too deeply");
    return false;
  }
  out.type = type_name(v);
  Json node;
  if (node_of(v, node)) {
    out.kind = Item::Kind::Criterion;
    return term_arg(I, v, out.json, "a get_query() filter");
  }
  if (!str_into(I, v, out.text)) return false;
  if (is_list(v) || is_tuple(v)) {
    out.kind = Item::Kind::Sequence;
    std::vector<Value> values =
        is_list(v)
            ? as_list(v)->items
            : std::vector<Value>(as_tuple(v)->items(), as_tuple(v)->items() + as_tuple(v)->size);
    for (Value x : values) incref(x);
    bool ok = true;
    for (Value x : values) {
      out.items.emplace_back();
      if (ok && !read_item(I, x, out.items.back(), depth + 1)) ok = false;
    }
    for (Value x : values) decref(x);
    return ok;
  }
  if (is_str(v)) {
    out.kind = Item::Kind::Text;
    out.json = out.text;
    return true;
  }
  out.kind = is_dict(v) || is_attr_dict(v)  ? Item::Kind::Dict
             : (v.is_int() || v.is_float()) ? Item::Kind::Number
                                            : Item::Kind::Scalar;
  return to_json(I, v, out.json);
}

[[noreturn]] void value_error(const std::string& message) {
  throw dbq::QueryError("ValueError", message);
}

[[noreturn]] void validation_error(const std::string& message) {
  throw dbq::QueryError("ValidationError", message);
}

// The value a simple condition compares with, as JSON (lists for `in`).
Json value_json(const Item& item) {
  if (item.kind == Item::Kind::Criterion) {
    validation_error("A query-builder term as a filter value is not supported: " + item.text);
  }
  if (item.kind != Item::Kind::Sequence) return item.json;
  Json out = Json::array();
  for (const auto& x : item.items) out.push_back(value_json(x));
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_operator(const Item& item) {
  if (item.kind != Item::Kind::Text) return false;
  const auto& ops = dbq::valid_operators();
  return std::find(ops.begin(), ops.end(), lower(item.text)) != ops.end();
}

bool is_logical(const Item& item) {
  return item.kind == Item::Kind::Text && (lower(item.text) == "and" || lower(item.text) == "or");
}

class FilterReader {
 public:
  FilterReader(dbq::ConditionContext& context, std::vector<Json>& out)
      : context_(context), out_(out) {}

  void apply(const Item& filters) {
    switch (filters.kind) {
      case Item::Kind::Criterion:
        out_.push_back(filters.json);
        return;
      case Item::Kind::Text:
      case Item::Kind::Number:
      case Item::Kind::Scalar:
        return apply_parsed(Json{{"name", filters.json}});
      case Item::Kind::Dict:
        return apply_parsed(filters.json);
      case Item::Kind::Sequence:
        return apply_list(filters);
    }
  }

 private:
  void apply_list(const Item& filters) {
    const auto& items = filters.items;
    if (items.empty()) return;
    // One [field, op, value] or [doctype, field, op, value].
    if ((items.size() == 3 || items.size() == 4) && is_operator(items[1])) {
      out_.push_back(simple(filters));
      return;
    }
    // A list of names: name in (...).
    if (std::all_of(items.begin(), items.end(), [](const Item& x) {
          return x.kind == Item::Kind::Text || x.kind == Item::Kind::Number;
        })) {
      Json names = Json::array();
      for (const auto& x : items) names.push_back(x.json);
      return apply_parsed(Json{{"name", Json::array({"in", names})}});
    }
    const Item* nested = nullptr;
    bool single_group = false;
    if (items.size() == 1 && items[0].kind == Item::Kind::Sequence) {
      const auto& inner = items[0].items;
      if (inner.size() >= 3 && is_logical(inner[1])) {
        nested = &items[0];
        single_group = true;
      }
    } else if ((items.size() >= 2 && items[0].kind == Item::Kind::Sequence &&
                std::any_of(items.begin(), items.end(),
                            [&](const Item& x) {
                              return (&x - items.data()) % 2 == 1 && x.kind == Item::Kind::Text;
                            })) ||
               items[0].kind == Item::Kind::Text) {
      nested = &filters;
    }
    if (nested != nullptr) {
      try {
        out_.push_back(single_group ? condition(*nested) : logic(*nested));
      } catch (const dbq::QueryError& e) {
        validation_error("Error parsing nested filters: " + filters.text + ". " + e.what());
      }
      return;
    }
    for (const auto& item : items) {
      if (item.kind == Item::Kind::Sequence) {
        out_.push_back(list_filter(item));
      } else if (item.kind == Item::Kind::Dict || item.kind == Item::Kind::Criterion) {
        apply(item);
      } else {
        value_error("Invalid item type in filter list: " + item.type +
                    ". Expected list, tuple, dict, or Criterion.");
      }
    }
  }

  // apply_list_filters: [field, value], [field, op, value], [doctype,
  // field, op, value] and that with a fifth item (ignored).
  Json list_filter(const Item& filter) {
    const auto n = filter.items.size();
    if (n < 2 || n > 5) value_error("Unknown filter format: " + filter.text);
    return simple(filter);
  }

  // [cond, "and"|"or", cond, ...], combined left to right.
  Json logic(const Item& list) {
    const auto& items = list.items;
    if (items.empty()) return Json{{"k", "empty"}};
    if (items[0].kind != Item::Kind::Sequence) {
      validation_error("Invalid start for filter condition: " + items[0].text +
                       ". Expected a list or tuple.");
    }
    Json current = condition(items[0]);
    for (std::size_t i = 1; i < items.size(); i += 2) {
      const Item& op = items[i];
      if (!is_logical(op)) {
        validation_error("Expected 'and' or 'or' operator, found: " + op.text);
      }
      if (i + 1 >= items.size()) {
        validation_error("Filter condition missing after operator: " + op.text);
      }
      const Item& next = items[i + 1];
      if (next.kind != Item::Kind::Sequence) {
        validation_error("Invalid filter condition: " + next.text + ". Expected a list or tuple.");
      }
      current = combine_criteria(current, condition(next), lower(op.text) == "and" ? "AND" : "OR");
    }
    return current;
  }

  // A nested list, or one simple condition.
  Json condition(const Item& c) {
    const auto& items = c.items;
    if (items.size() >= 2 && items[1].kind == Item::Kind::Text &&
        items[0].kind == Item::Kind::Sequence) {
      return logic(c);
    }
    const bool three = items.size() == 3 && is_operator(items[1]);
    const bool four = items.size() == 4 && is_operator(items[2]);
    if (!three && !four && items.size() != 2) {
      validation_error("Invalid simple filter format: " + c.text);
    }
    return simple(c);
  }

  // One condition through the model's list-query code.
  Json simple(const Item& c) {
    Json filter = Json::array();
    for (std::size_t i = 0; i < c.items.size() && i < 4; ++i) {
      filter.push_back(value_json(c.items[i]));
    }
    if (filter.size() == 2) filter = Json::array({filter[0], "=", filter[1]});
    std::vector<Json> criteria;
    for (const auto& f : dbq::parse_filters(Json::array({filter}))) {
      criteria.push_back(condition_criterion(f));
    }
    return chain_of(criteria, "AND");
  }

  void apply_parsed(const Json& spec) {
    for (const auto& f : dbq::parse_filters(spec)) out_.push_back(condition_criterion(f));
  }

  Json condition_criterion(const dbq::Filter& filter) {
    std::string sql;
    std::vector<db::Value> values;
    dbq::append_condition(filter, context_, sql, values);
    return raw_criterion(sql, values);
  }

  dbq::ConditionContext& context_;
  std::vector<Json>& out_;
};

}  // namespace

Json raw_criterion(const std::string& sql, const std::vector<db::Value>& values) {
  Json params = Json::array();
  for (const auto& v : values) params.push_back(model::from_db(v));
  return Json{{"k", "rawc"}, {"s", sql}, {"p", params}};
}

bool engine_filter_criteria(Isolate& I, Value filters, dbq::ConditionContext& context,
                            std::vector<Json>& out) {
  if (!given(filters)) return true;
  Item root;
  if (!read_item(I, filters, root, 0)) return false;
  try {
    FilterReader(context, out).apply(root);
  } catch (const dbq::QueryError& e) {
    if (e.frappe_class() == "ValueError")
      throw numeric::PyError{numeric::ErrorKind::ValueError, e.what()};
    throw;
  }
  return true;
}

}  // namespace quire::scripting::qb
