#pragma once
// HTML to Markdown as python's html2text (2020.1.16, Debian's) writes it with
// its defaults: frappe.utils.to_markdown and the top-level `html2text` of a
// script (Frappe binds html2text.html2text).

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting {

// html2text.html2text(html, baseurl="", bodywidth=78).
std::string html_to_markdown(std::string_view html, std::string_view baseurl = "",
                             int bodywidth = 78);

// Adds frappe.utils.to_markdown.
void add_to_markdown_functions(lang::Type* utils);

// The native behind the top-level html2text(html, baseurl="", bodywidth=None).
lang::Value html2text_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                             const lang::Tuple* kwnames, void* data);

}  // namespace quire::scripting
