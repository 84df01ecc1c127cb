// The standard-module registry: name -> builder.
#include "lang/lib/stdlib_modules.h"

#include "lang/lib/attrdict.h"
#include "lang/lib/datetime.h"
#include "lang/lib/json.h"

namespace quire::lang {

Value stdlib_module(Isolate& I, std::string_view name) {
  if (name == "json") return json::make_module(I);
  if (name == "datetime") return datetime::make_module(I);
  return Value();
}

Value stdlib_import(Isolate& I, std::string_view name) {
  return stdlib_module(I, name);
}

ImportHook stdlib_import_hook(bool sandboxed) {
  if (!sandboxed) return stdlib_import;
  return [](Isolate& I, std::string_view name) -> Value {
    Value m = stdlib_module(I, name);
    if (!m.is_undef()) return m;
    return raise(I, types().ImportError, "__import__ not found");
  };
}

const std::vector<std::string>& stdlib_module_names() {
  static const std::vector<std::string> names = {"datetime", "json"};
  return names;
}

void describe_stdlib() {
  // Each type describes itself when first created.
  json::decode_error_type();
  datetime::date_type();
  attrdict_type();
}

}  // namespace quire::lang
