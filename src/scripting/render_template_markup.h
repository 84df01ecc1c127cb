#pragma once
// markupsafe.Markup inside frappe.render_template: a str the template engine
// marks as safe HTML. jinja2 makes one for `|e`, `|safe`, macro output under
// autoescape, `{% set %}` blocks under autoescape...; printing one under
// autoescape does not escape it again, and `Markup + str`, `Markup % x`,
// `|join` escape their plain operands.
//
// Why a mark on the str and not a class: a Markup is a str everywhere else
// (`is string`, `|length`, a script function taking a str, dict keys), and
// the language has no str subclasses. The mark is a bit of the object
// header's flags byte, which the language only tests for kImmortal and
// clears for every new object (placement new), so it survives exactly as
// long as that one object and no operation copies it onto a new str: a
// marked str's text is always text the template made safe. The mark is only
// ever set on a str allocated here.

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting::jinja {

// The header bit lang leaves to its embedder (lang/object/object.h).
inline constexpr std::uint8_t kMarkupFlag = lang::kEmbedderFlag;

inline bool is_markup(lang::Value v) {
  return v.tag == lang::Tag::Obj && v.o->kind == lang::Kind::Str && (v.o->flags & kMarkupFlag);
}

// Markup(text): a new str holding `text`, marked.
lang::Value new_markup(lang::Isolate& I, std::string_view text);
// Takes `v`: a marked copy when `markup` and v is a plain str (what a
// Markup method returns: Markup.upper() is Markup), else v itself.
lang::Value markup_if(lang::Isolate& I, bool markup, lang::Value v);
// markupsafe.Markup(v): a Markup as it is, else a marked copy of str(v).
lang::Value mark_safe(lang::Isolate& I, lang::Value v);
// markupsafe.escape(v): a Markup as it is, else str(v) escaped, marked.
lang::Value escape_markup(lang::Isolate& I, lang::Value v);
// What markupsafe puts into a Markup for a `%` or format() argument:
// numbers stay numbers (`%d`, `{:.2f}` apply to them), anything else is
// escape(v). A new reference or Exc.
lang::Value escape_unless_number(lang::Isolate& I, lang::Value v);
// Appends what escape(v) prints (the text of a Markup, else escaped str(v)).
bool escape_into(lang::Isolate& I, lang::Value v, std::string& out);
// `a op b` when a or b is a Markup (+, %, *; markupsafe's operators), else
// Undef (not a Markup operation: the language's operator applies).
lang::Value markup_binary(lang::Isolate& I, int op, lang::Value a, lang::Value b);
// jinja2's markup_join (`~` under autoescape): a Markup if any part is one
// (the other parts escaped), else the plain text. `parts` are borrowed.
lang::Value markup_join(lang::Isolate& I, const lang::Value* parts, std::size_t n);
// Markup.striptags(): tags and comments removed, whitespace collapsed,
// entities unescaped (a plain str).
lang::Value strip_tags(lang::Isolate& I, lang::Value v);
// The bound Markup method `name` of `markup` (render_template_markup_methods.cpp:
// str's methods returning Markup, their text arguments escaped; unescape,
// striptags, escape), or Undef when Markup does not override it.
lang::Value markup_method(lang::Isolate& I, lang::Value markup, std::string_view name);

}  // namespace quire::scripting::jinja
