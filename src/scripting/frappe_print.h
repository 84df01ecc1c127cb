#pragma once
// frappe.get_print, frappe.attach_print and the get_visible_columns global
// (frappe/__init__.py, frappe/www/printview.py): a document's print as HTML
// (a Jinja Print Format, or the standard format built from its DocType) or
// as a PDF made by wkhtmltopdf (frappe_print_pdf.h).

#include "lang/object/runtime.h"
#include "model/meta.h"

namespace quire::scripting {

void add_print_names(lang::Type* frappe_names, lang::Type* globals);

// sendmail's attachments= as JSON for the Email Queue: like to_json, except
// that an attachment's bytes `fcontent` (attach_print's PDF) is kept as
// base64 text with "encoding": "base64" instead of its repr. False with an
// exception pending.
bool attachments_to_json(lang::Isolate& I, lang::Value attachments, model::Json& out);

}  // namespace quire::scripting
