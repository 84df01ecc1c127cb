#pragma once
// Warnings a Server Script gets when it is saved, for the anti-patterns
// Frappe's documentation warns about: frappe.db.commit() in a DocType Event
// script (an error: it is not available there), doc.save() on the document a
// Before event runs for (it would recurse), assigning doc fields in an After
// event (lost: the document is already written; use doc.db_set), import
// statements (refused at run time), and frappe.* names that do not exist.
//
// A token scan that skips comments and string literals: it can miss a case
// written unusually, never flags text inside strings.

#include <string>
#include <vector>

namespace quire::scripting {

struct LintFinding {
  int line = 0;
  bool error = false;  // refuses the save
  std::string message;
};

std::vector<LintFinding> lint_script(const std::string& script_type,
                                     const std::string& doctype_event, const std::string& source);

// Every name bound under `frappe.` (for the unknown-name warning and the docs).
const std::vector<std::string>& frappe_names();

}  // namespace quire::scripting
