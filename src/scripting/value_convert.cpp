#include "scripting/value_convert.h"

#include <cmath>
#include <vector>

#include "lang/sandbox/stack_guard.h"
#include "scripting/attr_dict.h"
#include "scripting/document_binding.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Values cross between the language and JSON recursively. A structure that
// contains itself (`x.append(x)`) or is nested without bound (form_dict
// from a request body of a hundred thousand brackets) would otherwise
// overflow the native stack and take the whole process down. As CPython's
// json: a container met again on the path being encoded is "Circular
// reference detected", and nesting deeper than the language's other
// structure walks (comparison, hashing, repr) is a RecursionError.
constexpr std::size_t kMaxNesting = 1000;
thread_local std::vector<const Object*> t_encoding_path;
thread_local std::size_t t_decoding_depth = 0;

bool too_deep(std::size_t depth) {
  return depth >= kMaxNesting || sandbox::native_stack_low();
}

// One container on the path to_json is walking; `entered` is false (and an
// exception pending) when it closes a cycle or the path is too deep.
class EncodingStep {
 public:
  EncodingStep(Isolate& I, const Object* container) {
    for (const Object* o : t_encoding_path) {
      if (o == container) {
        raise(I, types().ValueError, "Circular reference detected");
        return;
      }
    }
    if (too_deep(t_encoding_path.size())) {
      raise(I, types().RecursionError,
            "maximum recursion depth exceeded while encoding a JSON object");
      return;
    }
    t_encoding_path.push_back(container);
    entered = true;
  }
  ~EncodingStep() {
    if (entered) t_encoding_path.pop_back();
  }
  EncodingStep(const EncodingStep&) = delete;
  EncodingStep& operator=(const EncodingStep&) = delete;
  bool entered = false;
};

struct DecodingStep {
  DecodingStep() { ++t_decoding_depth; }
  ~DecodingStep() { --t_decoding_depth; }
  DecodingStep(const DecodingStep&) = delete;
  DecodingStep& operator=(const DecodingStep&) = delete;
};

}  // namespace

Value attr_dict_from_object(Isolate& I, const Json& object,
                            const std::function<Value(const std::string&, const Json&)>& convert) {
  Value d = new_attr_dict(I);
  Dict* table = attr_dict_table(I, d);
  for (const auto& [key, e] : object.items()) {
    Value v = convert(key, e);
    if (v.is_exc()) {
      decref(d);
      return v;
    }
    Value k = new_str(I, key);
    bool ok = dict_set(I, table, k, v);
    decref(k);
    decref(v);
    if (!ok) {
      decref(d);
      return Value::exc();
    }
  }
  return d;
}

Value to_value(Isolate& I, const Json& json, bool arrays_as_tuples) {
  if ((json.is_array() || json.is_object()) && too_deep(t_decoding_depth)) {
    return raise(I, types().RecursionError,
                 "maximum recursion depth exceeded while decoding a JSON array from a unicode "
                 "string");
  }
  DecodingStep step;
  switch (json.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return Value::none();
    case Json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case Json::value_t::number_integer:
      return Value::integer(json.get<std::int64_t>());
    case Json::value_t::number_unsigned: {
      auto u = json.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX))
        return Value::integer(static_cast<std::int64_t>(u));
      return int_from_string(I, std::to_string(u), 10);
    }
    case Json::value_t::number_float:
      return Value::real(json.get<double>());
    case Json::value_t::string:
      return new_str(I, json.get_ref<const std::string&>());
    case Json::value_t::binary:
      return Value::none();
    case Json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const auto& e : json) {
        Value v = to_value(I, e, arrays_as_tuples);
        if (v.is_exc()) {
          for (Value x : items) decref(x);
          return v;
        }
        items.push_back(v);
      }
      Value out = arrays_as_tuples ? new_tuple_from(I, items.data(), items.size())
                                   : new_list_from(I, items.data(), items.size());
      for (Value x : items) decref(x);
      return out;
    }
    case Json::value_t::object:
      return attr_dict_from_object(I, json, [&](const std::string&, const Json& e) {
        return to_value(I, e, arrays_as_tuples);
      });
  }
  return Value::none();
}

Value rows_to_value(Isolate& I, const Json& rows) {
  if (!rows.is_array()) return to_value(I, rows);
  List* list = alloc_list(I, rows.size());
  Value out = Value::object(list);
  for (const auto& row : rows) {
    Value v = to_value(I, row, /*arrays_as_tuples=*/true);
    if (v.is_exc()) {
      decref(out);
      return v;
    }
    list_append(I, list, v);
  }
  return out;
}

namespace {

bool table_to_json(Isolate& I, const HashTable& table, Json& out, bool strict) {
  out = Json::object();
  for (const auto& e : table.entries) {
    if (e.key.is_undef()) continue;
    std::string key;
    if (is_str(e.key)) {
      key = std::string(as_str(e.key)->view());
    } else if (e.key.is_none()) {
      key = "null";
    } else if (!str_into(I, e.key, key)) {
      return false;
    }
    Json v;
    if (!to_json(I, e.value, v, strict)) return false;
    out[key] = std::move(v);
  }
  return true;
}

bool sequence_to_json(Isolate& I, const Value* items, std::size_t n, Json& out, bool strict) {
  out = Json::array();
  for (std::size_t i = 0; i < n; ++i) {
    Json v;
    if (!to_json(I, items[i], v, strict)) return false;
    out.push_back(std::move(v));
  }
  return true;
}

bool object_to_json(Isolate& I, Value v, Json& out, bool strict) {
  switch (v.o->kind) {
    case Kind::Str:
      out = std::string(as_str(v)->view());
      return true;
    case Kind::List:
      return sequence_to_json(I, as_list(v)->items.data(), as_list(v)->items.size(), out, strict);
    case Kind::Tuple:
      return sequence_to_json(I, as_tuple(v)->items(), as_tuple(v)->size, out, strict);
    case Kind::Dict:
      return table_to_json(I, as_dict(v)->table, out, strict);
    case Kind::Set:
    case Kind::FrozenSet: {
      out = Json::array();
      for (const auto* e : set_iteration_order(as_set(v)->table)) {
        Json x;
        if (!to_json(I, e->key, x, strict)) return false;
        out.push_back(std::move(x));
      }
      return true;
    }
    case Kind::BigInt: {
      std::string text;
      if (!str_into(I, v, text)) return false;
      out = Json::parse(text, nullptr, false);
      if (out.is_discarded()) out = text;
      return true;
    }
    case Kind::Instance:
      if (is_attr_dict(v)) return table_to_json(I, attr_dict_table(I, v)->table, out, strict);
      if (is_document(v)) return document_to_json(I, v, out);
      break;
    default:
      break;
  }
  if (strict) {
    raise(I, types().TypeError, "Object of type " + type_name(v) + " is not JSON serializable");
    return false;
  }
  // Dates and other values are stored as their text, as Frappe's JSON handler does.
  std::string text;
  if (!str_into(I, v, text)) return false;
  out = text;
  return true;
}

}  // namespace

bool to_json(Isolate& I, Value v, Json& out, bool strict) {
  switch (v.tag) {
    case Tag::Undef:
    case Tag::None:
      out = nullptr;
      return true;
    case Tag::Bool:
      out = v.b;
      return true;
    case Tag::Int:
      out = v.i;
      return true;
    case Tag::Float:
      out = v.f;
      return true;
    case Tag::Exc:
      return false;
    case Tag::Obj:
      break;
  }
  switch (v.o->kind) {
    case Kind::List:
    case Kind::Tuple:
    case Kind::Dict:
    case Kind::Set:
    case Kind::FrozenSet:
    case Kind::Instance: {
      EncodingStep step(I, v.o);
      if (!step.entered) return false;
      return object_to_json(I, v, out, strict);
    }
    default:
      return object_to_json(I, v, out, strict);
  }
}

bool arg_string(Isolate& I, Value v, std::string& out, const char* what) {
  if (!is_str(v)) {
    raise(I, types().TypeError, std::string(what) + " must be str, not " + type_name(v));
    return false;
  }
  out = std::string(as_str(v)->view());
  return true;
}

bool is_true(Isolate& I, Value v, bool& out) {
  if (v.is_undef()) {
    out = false;
    return true;
  }
  int t = truthy(I, v);
  if (t < 0) return false;
  out = t == 1;
  return true;
}

}  // namespace quire::scripting
