#pragma once
// frappe.utils functions that read the site's files: pdf_to_base64,
// get_thumbnail_base64_for_image, and image_to_base64 (refused: it takes a
// PIL Image, which no script can make here). URLs resolve as Frappe's
// get_file_path and get_site_path do, inside ScriptSettings::site_dir:
// /files/... in public/files, /private/files/... in private/files, and
// nothing that leads out of those two folders is ever read.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_file_functions(lang::Type* utils);

}  // namespace quire::scripting
