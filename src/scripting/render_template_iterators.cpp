// Iterators of render_template_iterators.h: instances of a host value type
// whose payload is the printed name and whose one attribute (under a key no
// template can spell) is the language iterator they step.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_iterators.h"

#include <cstring>

#include "lang/sandbox/host.h"
#include "lang/sandbox/identity.h"
#include "scripting/native_util.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

constexpr const char* kInnerKey = "\x01iterator";

struct Name {
  char text[32] = {};
};

Value it_self(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  incref(args[0]);
  return args[0];
}

Value it_next(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  auto* in = static_cast<Instance*>(args[0].o);
  Value inner = in->attrs ? dict_get_str(in->attrs, kInnerKey) : Value();
  if (inner.is_undef()) return raise(I, types().TypeError, "not a template iterator");
  if (is_str(inner)) {  // failing_generator's: raises once, then is exhausted
    std::string message(as_str(inner)->view());
    Value none = Value::none();
    if (!host::set_attribute(I, args[0], kInnerKey, none)) return Value::exc();
    return raise(I, types().TypeError, message);
  }
  if (inner.is_none()) return raise_no_args(I, types().StopIteration);
  Value v = iter_next(I, inner);
  if (v.is_undef()) return raise_no_args(I, types().StopIteration);
  return v;
}

Value it_repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  std::string_view raw = host::payload_of(args[0]);
  Name name;
  std::memcpy(&name, raw.data(), std::min(raw.size(), sizeof name));
  name.text[sizeof name.text - 1] = '\0';
  const std::string id = sandbox::id_hex(I, args[0]);
  const std::string type = type_name(args[0]);
  if (type == "generator") {
    return new_str(I, std::string("<generator object ") + name.text + " at " + id + ">");
  }
  return new_str(I, "<" + type + " object at " + id + ">");
}

const host::ValueType& iterator_type(bool generator) {
  auto make = [](const char* type_name) {
    host::ValueType t = host::define_value_type(type_name);
    host::define_special(t, "__iter__", it_self);
    host::define_special(t, "__next__", it_next);
    host::define_special(t, "__repr__", it_repr);
    host::define_special(t, "__str__", it_repr);
    return t;
  };
  static const host::ValueType gen = make("generator");
  static const host::ValueType rev = make("list_reverseiterator");
  return generator ? gen : rev;
}

Value wrap(Isolate& I, bool generator, const char* name, Value inner) {
  if (inner.is_exc()) return inner;
  Name payload;
  std::strncpy(payload.text, name, sizeof payload.text - 1);
  Value out = host::new_value(I, iterator_type(generator), payload);
  bool ok = host::set_attribute(I, out, kInnerKey, inner);
  decref(inner);
  if (!ok) {
    decref(out);
    return Value::exc();
  }
  return out;
}

}  // namespace

Value template_generator(Isolate& I, const char* qualname, Value iterable) {
  return wrap(I, true, qualname, get_iter(I, iterable));
}

Value failing_generator(Isolate& I, const char* qualname, std::string_view message) {
  return wrap(I, true, qualname, new_str(I, message));
}

Value list_reverse_iterator(Isolate& I, Value list) {
  return wrap(I, false, "", call1(I, builtin_value(builtin_index("reversed")), list));
}

}  // namespace quire::scripting::jinja
