// Markup's methods as a template calls them (`(x|e).upper()`,
// `('<br>'|safe).join(lines)`): markupsafe 3 overrides str's methods so that
// they return Markup and escape the text arguments they put into it (the
// `new` of replace, a fill character, join's items, format's fields); and
// adds unescape() and striptags(). Each is the language's str method on the
// Markup's text with those arguments escaped first.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <string_view>

#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/render_template_markup.h"
#include "scripting/utils_html_tokenizer.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

enum class Shape : std::uint8_t {
  Same,      // Markup(str.m(*args))
  Escape1,   // the same with args[1] escaped (replace's new, a fill character)
  Parts,     // a list of Markup (split, rsplit, splitlines)
  Triple,    // a tuple of three Markup (partition, rpartition)
  Join,      // Markup(str.join(map(escape, iterable)))
  Format,    // Markup(str.format(*escaped, **escaped))
  Escape,    // Markup.escape(x)
  Unescape,  // html.unescape(str(self)): a str
  Striptags  // a str
};

struct Method {
  const char* name;
  Shape shape;
};

constexpr Method kMethods[] = {
    {"capitalize", Shape::Same},     {"title", Shape::Same},        {"lower", Shape::Same},
    {"upper", Shape::Same},          {"swapcase", Shape::Same},     {"casefold", Shape::Same},
    {"expandtabs", Shape::Same},     {"zfill", Shape::Same},        {"lstrip", Shape::Same},
    {"rstrip", Shape::Same},         {"strip", Shape::Same},        {"removeprefix", Shape::Same},
    {"removesuffix", Shape::Same},   {"translate", Shape::Same},    {"replace", Shape::Escape1},
    {"ljust", Shape::Escape1},       {"rjust", Shape::Escape1},     {"center", Shape::Escape1},
    {"split", Shape::Parts},         {"rsplit", Shape::Parts},      {"splitlines", Shape::Parts},
    {"partition", Shape::Triple},    {"rpartition", Shape::Triple}, {"join", Shape::Join},
    {"format", Shape::Format},       {"escape", Shape::Escape},     {"unescape", Shape::Unescape},
    {"striptags", Shape::Striptags},
};

// Every element of a str result as Markup (a list or a tuple, in place).
Value parts_as_markup(Isolate& I, Value r) {
  if (r.is_exc()) return r;
  Value* items = is_list(r) ? as_list(r)->items.data() : as_tuple(r)->items();
  std::size_t n = is_list(r) ? as_list(r)->items.size() : as_tuple(r)->size;
  for (std::size_t i = 0; i < n; ++i) items[i] = markup_if(I, true, items[i]);
  return r;
}

Value call_markup_method(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                         void* data) {
  const Method& m = *static_cast<const Method*>(data);
  Value self = args[0];
  const std::size_t nkw = kwnames ? kwnames->size : 0;
  switch (m.shape) {
    case Shape::Escape:
      if (nargs != 2 || nkw) return raise(I, types().TypeError, "escape() takes one argument");
      return escape_markup(I, args[1]);
    case Shape::Unescape:
      return new_str(I, html_unescape(as_str(self)->view()));
    case Shape::Striptags:
      return strip_tags(I, self);
    case Shape::Join: {
      if (nargs != 2 || nkw) return raise(I, types().TypeError, "join() takes one argument");
      Owned list(call1(I, builtin_value(builtin_index("list")), args[1]));
      if (list.failed()) return Value::exc();
      std::vector<Value> parts;
      ReleaseAll release{parts};
      for (Value item : as_list(list.v)->items) {
        Value e = escape_markup(I, item);  // any item: escape(1) is Markup("1")
        if (e.is_exc()) return e;
        parts.push_back(e);
      }
      Owned escaped_list(new_list_from(I, parts.data(), parts.size()));
      Owned text(new_str(I, as_str(self)->view()));
      return markup_if(I, true, call_method(I, text.v, "join", &escaped_list.v, 1));
    }
    default:
      break;
  }
  // The str method on the text, with the arguments markupsafe escapes.
  std::vector<Value> call_args;
  ReleaseAll release{call_args};
  for (std::size_t i = 1; i < nargs + nkw; ++i) {
    bool escape =
        (m.shape == Shape::Escape1 && i == 2 && is_str(args[i])) || m.shape == Shape::Format;
    Value v = escape ? escape_unless_number(I, args[i]) : (incref(args[i]), args[i]);
    if (v.is_exc()) return v;
    call_args.push_back(v);
  }
  Owned text(new_str(I, as_str(self)->view()));
  Owned method_name(new_str(I, m.name));
  Owned method(get_attr(I, text.v, as_str(method_name.v)));
  if (method.failed()) return Value::exc();
  Value r = lang::call(I, method.v, call_args.data(), nargs - 1, kwnames);
  if (m.shape == Shape::Parts || m.shape == Shape::Triple) return parts_as_markup(I, r);
  return markup_if(I, true, r);
}

}  // namespace

Value markup_method(Isolate& I, Value markup, std::string_view name) {
  for (const Method& m : kMethods) {
    if (name != m.name) continue;
    Owned fn(new_native(I, call_markup_method, m.name, const_cast<Method*>(&m)));
    return new_bound(I, markup, fn.v);
  }
  return Value();
}

}  // namespace quire::scripting::jinja
