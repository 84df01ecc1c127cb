// Catalog entries for the builtins (the names every script has), so the
// editor completes `len(`, `sorted(` ... with CPython's signatures.
#include <string>

#include "lang/object/runtime.h"
#include "lang/sandbox/catalog.h"
#include "lang/sandbox/policy.h"

namespace quire::lang::catalog {

namespace {

struct Builtin {
  const char* name;
  const char* kind;
  const char* signature;
  const char* doc;
};

constexpr Builtin kBuiltins[] = {
    {"print", kFunction, "(*values, sep=' ', end='\\n')",
     "Prints the values to the script's output."},
    {"len", kFunction, "(obj, /)", "The number of items in a container."},
    {"repr", kFunction, "(obj, /)", "The printable representation of an object."},
    {"ascii", kFunction, "(obj, /)", "repr() with non-ASCII characters escaped."},
    {"abs", kFunction, "(x, /)", "The absolute value of a number."},
    {"any", kFunction, "(iterable, /)", "True if any item is true."},
    {"all", kFunction, "(iterable, /)", "True if every item is true (or there are none)."},
    {"hex", kFunction, "(number, /)", "'0x...' text of an integer."},
    {"oct", kFunction, "(number, /)", "'0o...' text of an integer."},
    {"bin", kFunction, "(number, /)", "'0b...' text of an integer."},
    {"callable", kFunction, "(obj, /)", "Whether obj can be called."},
    {"chr", kFunction, "(i, /)", "The one-character string of a code point."},
    {"ord", kFunction, "(c, /)", "The code point of a one-character string."},
    {"divmod", kFunction, "(x, y, /)", "(x // y, x % y)."},
    {"enumerate", kClass, "(iterable, start=0)", "Pairs (index, item)."},
    {"zip", kClass, "(*iterables)", "Tuples of the i-th items of each iterable."},
    {"map", kClass, "(func, *iterables)", "func applied to the items."},
    {"filter", kClass, "(function, iterable, /)", "The items for which function is true."},
    {"reversed", kClass, "(sequence, /)", "The items in reverse order."},
    {"format", kFunction, "(value, format_spec='', /)", "value formatted with a format spec."},
    {"getattr", kFunction, "(object, name, default=..., /)", "An attribute by name."},
    {"hasattr", kFunction, "(obj, name, /)", "Whether the object has the attribute."},
    {"setattr", kFunction, "(obj, name, value, /)", "Sets an attribute by name."},
    {"hash", kFunction, "(obj, /)", "The hash of a hashable value."},
    {"id", kFunction, "(obj, /)", "A number unique to the object while it lives."},
    {"isinstance", kFunction, "(obj, class_or_tuple, /)",
     "Whether obj is an instance of the class(es)."},
    {"issubclass", kFunction, "(cls, class_or_tuple, /)",
     "Whether cls derives from the class(es)."},
    {"iter", kFunction, "(iterable, /)", "An iterator over the iterable."},
    {"next", kFunction, "(iterator, default=..., /)", "The next item of an iterator."},
    {"max", kFunction, "(iterable, *, key=None, default=...)", "The largest item."},
    {"min", kFunction, "(iterable, *, key=None, default=...)", "The smallest item."},
    {"sum", kFunction, "(iterable, /, start=0)", "The total of the items."},
    {"pow", kFunction, "(base, exp, mod=None)", "base ** exp, optionally modulo mod."},
    {"round", kFunction, "(number, ndigits=None)", "number rounded half to even."},
    {"sorted", kFunction, "(iterable, /, *, key=None, reverse=False)", "A new sorted list."},
    {"vars", kFunction, "(object, /)", "The attributes of an object as a dict."},
    {"property", kClass, "(fget=None, fset=None)", "A computed attribute."},
    {"classmethod", kClass, "(function, /)", "A method receiving the class."},
    {"staticmethod", kClass, "(function, /)", "A method receiving neither instance nor class."},
    {"type", kClass, "(object, /)", "The type of an object."},
    {"int", kClass, "(x=0, /, base=10)", "An integer from a number or text."},
    {"float", kClass, "(x=0.0, /)", "A floating-point number from a number or text."},
    {"str", kClass, "(object='')", "Text."},
    {"bool", kClass, "(x=False, /)", "True or False."},
    {"list", kClass, "(iterable=(), /)", "A mutable sequence."},
    {"tuple", kClass, "(iterable=(), /)", "An immutable sequence."},
    {"dict", kClass, "(mapping=(), /, **kwargs)", "A mapping of keys to values."},
    {"set", kClass, "(iterable=(), /)", "An unordered collection of unique items."},
    {"frozenset", kClass, "(iterable=(), /)", "An immutable set."},
    {"range", kClass, "(start, stop=..., step=1, /)", "A sequence of integers."},
    {"slice", kClass, "(start, stop=..., step=None, /)", "A slice object."},
    {"object", kClass, "()", "The base of every class."},
    {"bytes", kClass, "(source=b'', encoding=..., errors=...)", "An immutable byte string."},
    {"Ellipsis", kValue, "", "The ... constant."},
    {"NotImplemented", kValue, "",
     "What a special method returns for operands it does not handle."},
};

}  // namespace

void describe_builtins() {
  init_runtime();
  for (const Builtin& b : kBuiltins) {
    // The listing is for server scripts: names the sandbox hides are left out.
    if (builtin_index(b.name) >= 0 && !sandbox::builtin_hidden(b.name))
      describe(b.name, b.kind, b.signature, b.doc);
  }
  // Every exception class that is a builtin.
  for (const std::string& name : builtin_names()) {
    if (name.find("Error") == std::string::npos && name.find("Exception") == std::string::npos &&
        name != "StopIteration" && name != "StopAsyncIteration" && name != "GeneratorExit" &&
        name != "KeyboardInterrupt" && name != "SystemExit" &&
        name.find("Warning") == std::string::npos)
      continue;
    describe(name, kException, "(*args)", "The built-in exception " + name + ".");
  }
}

}  // namespace quire::lang::catalog
