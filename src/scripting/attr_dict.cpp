#include "scripting/attr_dict.h"

#include "lang/lib/attrdict.h"

namespace quire::scripting {

using namespace quire::lang;

Type* attr_dict_type() {
  return attrdict_type();
}

bool is_attr_dict(Value v) {
  return attrdict_storage(v) != nullptr;
}

Value new_attr_dict(Isolate& I) {
  return new_attrdict(I);
}

Dict* attr_dict_table(Isolate&, Value v) {
  return attrdict_storage(v);
}

bool attr_dict_set(Isolate& I, Value d, std::string_view key, Value v) {
  Value k = new_str(I, key);
  bool ok = dict_set(I, attrdict_storage(d), k, v);
  decref(k);
  return ok;
}

Value attr_dict_construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  return call(I, Value::object(attrdict_type()), args, nargs, kwnames);
}

}  // namespace quire::scripting
