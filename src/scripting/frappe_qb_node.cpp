#include "scripting/frappe_qb_warnings.h"  // first: see there
// frappe.qb objects: the classes, the payload codec and the argument rules
// shared by terms, tables and queries.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "scripting/frappe_qb_node.h"
#include "scripting/native_util.h"
#include "scripting/value_convert.h"

namespace quire::scripting::qb {

using namespace quire::lang;

const Classes& classes() {
  static const Classes c = [] {
    Classes out;
    out.root = host::define_type("pypika object");
    auto value_type = [](const char* name, Type* base) {
      return host::define_value_type(name, base);
    };
    // PyPika's hierarchy, as far as scripts can see it (isinstance).
    out.term = value_type("Term", out.root);
    out.criterion = value_type("Criterion", out.term.type);
    out.field = value_type("Field", out.criterion.type);
    out.star = value_type("Star", out.field.type);
    out.value_wrapper = value_type("ValueWrapper", out.term.type);
    out.pseudo_column = value_type("PseudoColumn", out.term.type);
    out.function = value_type("Function", out.criterion.type);
    out.arithmetic = value_type("ArithmeticExpression", out.term.type);
    out.case_ = value_type("Case", out.criterion.type);
    out.empty_criterion = value_type("EmptyCriterion", out.criterion.type);
    out.table = value_type("Table", out.root);
    out.query = value_type("QueryBuilder", out.term.type);
    out.joiner = value_type("Joiner", out.root);
    out.order = value_type("Order", out.root);
    out.tuple = value_type("Tuple", out.criterion.type);
    out.bracket = value_type("Bracket", out.tuple.type);
    out.interval = value_type("Interval", out.term.type);
    out.set_operation = value_type("_SetOperation", out.term.type);
    out.custom_function = value_type("CustomFunction", out.root);
    define_term_methods(out);
    define_extra_term_methods(out);
    define_set_operation_methods(out);
    define_table_methods(out);
    define_query_methods(out);
    return out;
  }();
  return c;
}

namespace {

const host::ValueType& class_for(const Classes& c, const Json& node) {
  const std::string kind = node.value("k", "");
  if (kind == "query") return node.value("type", "") == "union" ? c.set_operation : c.query;
  if (kind == "tuple") return node.value("br", false) ? c.bracket : c.tuple;
  if (kind == "interval") return c.interval;
  if (kind == "customfn") return c.custom_function;
  if (kind == "table") return c.table;
  if (kind == "field") return c.field;
  if (kind == "star") return c.star;
  if (kind == "val") return c.value_wrapper;
  if (kind == "raw") return c.pseudo_column;
  if (kind == "fn") return c.function;
  if (kind == "arith") return c.arithmetic;
  if (kind == "case") return c.case_;
  if (kind == "empty") return c.empty_criterion;
  if (kind == "joiner") return c.joiner;
  if (kind == "order") return c.order;
  return c.criterion;  // cmp, bool, not, in, null, between, rawc
}

bool is_name_char(unsigned char ch) {
  return std::isalnum(ch) || ch == '_' || ch == ' ' || ch == '-' || ch >= 0x80;
}

}  // namespace

// How deep a tree may nest (JSON levels; a term is about two) and how big its
// payload may be: the encoder, decoder and SQL writer recurse over the tree,
// and SQLite binds at most 32,766 parameters anyway.
constexpr int kMaxDepth = 400;
constexpr std::size_t kMaxPayload = std::size_t{1} << 20;

int depth_of(const Json& node, int limit) {
  // Iterative, so a tree that is too deep is measured without recursing.
  std::vector<std::pair<const Json*, int>> todo{{&node, 1}};
  int deepest = 0;
  while (!todo.empty()) {
    auto [n, d] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, d);
    // A chain's items are encoded (combine_criteria); it records their depth.
    if (n->is_object() && n->contains("depth") && (*n)["depth"].is_number_integer()) {
      deepest = std::max(deepest, d + (*n)["depth"].get<int>());
    }
    if (deepest > limit) return deepest;
    if (n->is_structured()) {
      for (const auto& child : *n) {
        if (child.is_structured()) todo.push_back({&child, d + 1});
      }
    }
  }
  return deepest;
}

Value make(Isolate& I, const Json& node) {
  if (depth_of(node, kMaxDepth) > kMaxDepth) {
    return raise(I, types().RecursionError, "query builder expression nested too deeply");
  }
  std::vector<std::uint8_t> bytes = Json::to_msgpack(node);
  if (bytes.size() > kMaxPayload) {
    return raise(I, types().ValueError,
                 "query builder expression too large (over 1 MiB; use fewer values)");
  }
  return host::new_value(I, class_for(classes(), node).impl, bytes.data(), bytes.size());
}

bool node_of(Value v, Json& out) {
  if (!isinstance(v, classes().root)) return false;
  std::string_view raw = host::payload_of(v);
  const auto* begin = reinterpret_cast<const std::uint8_t*>(raw.data());
  out = Json::from_msgpack(begin, begin + raw.size(), true, false);
  return !out.is_discarded();
}

Json self_node(Value self) {
  Json out;
  node_of(self, out);
  return out;
}

bool term_arg(Isolate& I, Value v, Json& out, const char* what) {
  Json node;
  if (node_of(v, node)) {
    const std::string kind = node.value("k", "");
    if (kind == "query") {
      out = Json{{"k", "subq"}, {"q", node}};
      return true;
    }
    if (kind == "table" || kind == "joiner" || kind == "order") {
      raise(I, types().TypeError,
            std::string(what) + " must be a field, a term or a value, not " + type_name(v));
      return false;
    }
    out = std::move(node);
    return true;
  }
  // A tuple is PyPika's Tuple (a row value: `(a,b) IN ((1,2),(3,4))`).
  if (is_tuple(v)) {
    std::vector<Json> items;
    if (!terms_of(I, v, items, what)) return false;
    out = Json{{"k", "tuple"}, {"items", std::move(items)}, {"br", false}, {"a", nullptr}};
    return true;
  }
  // Values are bound as parameters: only scalars (and dates, by their text) have one SQL value.
  if (is_list(v) || is_dict(v) || is_set_like(v)) {
    raise(I, types().TypeError,
          std::string(what) + " must be a field, a term or a single value, not " + type_name(v));
    return false;
  }
  Json value;
  if (!to_json(I, v, value)) return false;
  if (value.is_array() || value.is_object()) {
    raise(I, types().TypeError,
          std::string(what) + " must be a field, a term or a single value, not " + type_name(v));
    return false;
  }
  out = Json{{"k", "val"}, {"v", value}, {"a", nullptr}};
  return true;
}

bool terms_of(Isolate& I, Value iterable, std::vector<Json>& out, const char* what) {
  Value it = get_iter(I, iterable);
  if (it.is_exc()) return false;
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_undef()) break;
    Json term;
    bool ok = !item.is_exc() && term_arg(I, item, term, what);
    decref(item);
    if (!ok) {
      decref(it);
      return false;
    }
    out.push_back(std::move(term));
  }
  decref(it);
  return true;
}

bool column_arg(Isolate& I, Value v, const Json& table, Json& out, const char* what) {
  if (is_str(v)) {
    std::string_view name = as_str(v)->view();
    if (name == "*") {
      out = Json{{"k", "star"}, {"t", nullptr}};
      return true;
    }
    if (!check_name(I, name, what)) return false;
    out = Json{{"k", "field"}, {"n", std::string(name)}, {"t", table}, {"a", nullptr}};
    return true;
  }
  Json node;
  if (node_of(v, node) && node.value("k", "") == "table") {
    out = Json{{"k", "star"}, {"t", node}};  // select(t): every column of t
    return true;
  }
  return term_arg(I, v, out, what);
}

bool check_name(Isolate& I, std::string_view name, const char* what) {
  bool ok = !name.empty() && name.size() <= 140;
  for (unsigned char ch : name) ok = ok && is_name_char(ch);
  if (!ok) {
    raise(I, types().ValueError,
          std::string("invalid ") + what + " '" + std::string(name.substr(0, 200)) +
              "': use letters, digits, '_', ' ' and '-' (PseudoColumn takes raw SQL)");
  }
  return ok;
}

bool check_function_name(Isolate& I, std::string_view name) {
  bool ok =
      !name.empty() && name.size() <= 64 && !std::isdigit(static_cast<unsigned char>(name[0]));
  for (unsigned char ch : name) ok = ok && (std::isalnum(ch) || ch == '_');
  if (!ok) {
    raise(I, types().ValueError,
          "invalid SQL function name '" + std::string(name.substr(0, 200)) +
              "': use letters, digits and '_'");
  }
  return ok;
}

bool optional_alias(Isolate& I, Value v, Json& out) {
  out = nullptr;
  if (!given(v)) return true;
  std::string alias;
  if (!arg_string(I, v, alias, "alias") || !check_name(I, alias, "alias")) return false;
  out = alias;
  return true;
}

bool doctype_table(Isolate& I, Value name, Json& out) {
  std::string doctype;
  if (!arg_string(I, name, doctype, "DocType name")) return false;
  std::string table = doctype.rfind("__", 0) == 0 ? doctype : "tab" + doctype;
  if (!check_name(I, table, "DocType name")) return false;
  Json alias = nullptr;
  if (table.find(' ') != std::string::npos) {
    std::string a = table;
    for (char& ch : a) ch = ch == ' ' ? '_' : ch;
    alias = a;
  }
  out = Json{{"k", "table"}, {"n", table}, {"a", alias}};
  return true;
}

bool table_arg(Isolate& I, Value v, Json& out, const char* what) {
  if (is_str(v)) return doctype_table(I, v, out);
  if (node_of(v, out) && out.value("k", "") == "table") return true;
  raise(I, types().TypeError,
        std::string(what) + " must be a table (frappe.qb.DocType) or a DocType name, not " +
            type_name(v));
  return false;
}

Json chain_of(const std::vector<Json>& criteria, const char* op) {
  auto same_op = [op](const Json& n) {
    return n.value("k", "") == "bool" && n.value("op", "") == op;
  };
  std::vector<const Json*> parts;
  for (const auto& c : criteria) {
    if (c.value("k", "") != "empty") parts.push_back(&c);
  }
  if (parts.empty()) return Json{{"k", "empty"}};
  if (parts.size() == 1) return *parts[0];
  // Items are kept encoded, one after the other in one byte string, so
  // extending a chain of n criteria copies bytes instead of decoding and
  // re-encoding n trees.
  int depth = 0;
  Json::binary_t items;
  for (const Json* part : parts) {
    if (same_op(*part)) {
      const auto& more = (*part)["items"].get_binary();
      items.insert(items.end(), more.begin(), more.end());
      depth = std::max(depth, part->value("depth", 0));
      continue;
    }
    depth = std::max(depth, depth_of(*part, kMaxDepth + 1));
    std::vector<std::uint8_t> bytes = Json::to_msgpack(*part);
    std::uint32_t size = static_cast<std::uint32_t>(bytes.size());
    for (int shift = 0; shift < 32; shift += 8) items.push_back((size >> shift) & 0xff);
    items.insert(items.end(), bytes.begin(), bytes.end());
  }
  return Json{
      {"k", "bool"}, {"op", op}, {"items", Json::binary(std::move(items))}, {"depth", depth}};
}

Json combine_criteria(const Json& left, const Json& right, const char* op) {
  return chain_of({left, right}, op);
}

std::vector<Json> chain_items(const Json& chain) {
  std::vector<Json> out;
  const auto& items = chain["items"].get_binary();
  std::size_t at = 0;
  while (at + 4 <= items.size()) {
    std::uint32_t size = 0;
    for (int i = 0; i < 4; ++i) size |= std::uint32_t{items[at + i]} << (8 * i);
    at += 4;
    out.push_back(Json::from_msgpack(items.begin() + at, items.begin() + at + size));
    at += size;
  }
  return out;
}

Value call_with_first(Isolate& I, NativeFn fn, Value first, Value* args, std::size_t nargs,
                      const Tuple* kwnames) {
  if (first.is_exc()) return first;
  std::vector<Value> call_args(args, args + nargs + (kwnames ? kwnames->size : 0));
  call_args[0] = first;
  Value out = fn(I, call_args.data(), nargs, kwnames, nullptr);
  decref(first);
  return out;
}

Value keyword(Value* args, std::size_t nargs, const Tuple* kwnames, std::string_view name) {
  if (!kwnames) return Value();
  for (std::size_t i = 0; i < kwnames->size; ++i) {
    if (as_str(kwnames->items()[i])->view() == name) return args[nargs + i];
  }
  return Value();
}

bool only_keywords(Isolate& I, const char* fname, const Tuple* kwnames,
                   std::initializer_list<const char*> allowed) {
  if (!kwnames) return true;
  for (std::size_t i = 0; i < kwnames->size; ++i) {
    std::string_view k = as_str(kwnames->items()[i])->view();
    bool known = false;
    for (const char* a : allowed) known = known || k == a;
    if (!known) {
      raise(I, types().TypeError,
            std::string(fname) + "() got an unexpected keyword argument '" + std::string(k) + "'");
      return false;
    }
  }
  return true;
}

}  // namespace quire::scripting::qb
