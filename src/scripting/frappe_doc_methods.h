#pragma once
// Document methods beside the field access of document_binding:
// doc.add_comment, doc.run_method, doc.get_formatted and doc.meta.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the document wrapper class (once, when it is created).
void add_document_methods(lang::Type* document);

}  // namespace quire::scripting
