#pragma once
// frappe.format_value (frappe/utils/formatters.py): a value as Frappe shows
// it, by the fieldtype of its docfield — Currency and Float through
// fmt_money with the field's precision and currency, Percent, Date,
// Datetime, Time, Duration, Text (new lines as <br>), Text Editor, Markdown
// Editor; other values unchanged. Shared by doc.get_formatted.

#include "lang/object/runtime.h"
#include "model/meta.h"

namespace quire::scripting {

// format_value(value, df, doc, currency, translated, format): `df` is a
// docfield (JSON object; null lets the value's type decide), `doc` the
// document the value belongs to (a document, dict or None) for the field's
// currency.
lang::Value format_value(lang::Isolate& I, lang::Value value, const model::Json& df,
                         lang::Value doc, lang::Value currency, lang::Value format);

// frappe.format_value(value, df=None, doc=None, currency=None, translated=False, format=None).
lang::Value format_value_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                                const lang::Tuple* kwnames, void* data);

}  // namespace quire::scripting
