// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// frappe.qb objects: the classes, the payload codec and the argument rules
// shared by terms, tables and queries.
#include <cctype>
#include <cstring>
#include <vector>

#include "scripting/frappe_qb_node.h"
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
    define_term_methods(out);
    define_table_methods(out);
    define_query_methods(out);
    return out;
  }();
  return c;
}

namespace {

const host::ValueType& class_for(const Classes& c, const std::string& kind) {
  if (kind == "table") return c.table;
  if (kind == "field") return c.field;
  if (kind == "star") return c.star;
  if (kind == "val") return c.value_wrapper;
  if (kind == "raw") return c.pseudo_column;
  if (kind == "fn") return c.function;
  if (kind == "arith") return c.arithmetic;
  if (kind == "case") return c.case_;
  if (kind == "empty") return c.empty_criterion;
  if (kind == "query") return c.query;
  if (kind == "joiner") return c.joiner;
  if (kind == "order") return c.order;
  return c.criterion;  // cmp, bool, not, in, null, between
}

bool is_name_char(unsigned char ch) {
  return std::isalnum(ch) || ch == '_' || ch == ' ' || ch == '-' || ch >= 0x80;
}

}  // namespace

Value make(Isolate& I, const Json& node) {
  std::vector<std::uint8_t> bytes = Json::to_msgpack(node);
  return host::new_value(I, class_for(classes(), node.value("k", "")).impl, bytes.data(),
                         bytes.size());
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
  // Values are bound as parameters: only scalars (and dates, by their text) have one SQL value.
  if (is_list(v) || is_tuple(v) || is_dict(v) || is_set_like(v)) {
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
