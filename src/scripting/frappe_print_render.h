#pragma once
// The HTML of a print: Frappe's standard print format (templates/
// print_formats/standard.html and standard_macros.html) generated from the
// layout, a custom Jinja Print Format rendered through frappe.render_template,
// and the page around either (templates/www/printview.html). The structure
// and class names follow Frappe's; the text is not byte-identical to its
// templates (docs/printing.md).

#include <string>
#include <vector>

#include "lang/object/runtime.h"
#include "model/meta.h"
#include "scripting/frappe_print_layout.h"
#include "scripting/run_state.h"

namespace quire::scripting {

// What the renderers read: the document (its wrapper and its dict), its
// DocType, and the fields the user may not read.
struct PrintSubject {
  lang::Value doc;  // the document wrapper (borrowed)
  model::Json dict;
  std::shared_ptr<const model::Meta> meta;
  FieldSet no_read;
  bool section_headings = false;  // the Print Format's show_section_headings
  bool align_labels_right = false;
};

// The body of the standard format; false with an exception pending.
bool render_standard_print(lang::Isolate& I, RunState& run, const PrintSubject& subject,
                           const std::vector<PrintPage>& layout, std::string& out);

// A Jinja print template rendered with printview's arguments (doc, meta,
// layout, no_letterhead, letter_head, footer, print_settings).
bool render_print_template(lang::Isolate& I, const PrintSubject& subject, const std::string& source,
                           const std::vector<PrintPage>& layout, bool no_letterhead,
                           std::string& out);

// The whole page: title, the standard print CSS plus `css`, and the body.
std::string print_page(const std::string& title, const std::string& css, const std::string& body);

// Print Settings as printview passes them (quire has no Print Settings
// DocType: Frappe's defaults).
const model::Json& default_print_settings();

}  // namespace quire::scripting
