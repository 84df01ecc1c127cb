#pragma once
// Documents as scripts see them: `doc.field` reads and writes, child tables as
// lists of row documents, and the Document methods scripts use (get, set,
// append, save, insert, submit, cancel, delete, db_set, reload, as_dict,
// is_new, get_doc_before_save, has_value_changed...).
//
// A wrapper is an instance whose attribute table holds the field values, so
// reads and writes are plain attribute operations in the VM (values are kept
// as the script wrote them; the model coerces them when the document is
// saved, as Frappe does). The model::Document behind a wrapper is brought up
// to date (push) before every model operation and read back (pull) after it;
// the `doc` of an event script is pushed when the script ends.

#include "lang/object/runtime.h"
#include "model/document.h"
#include "scripting/run_state.h"

namespace quire::scripting {

lang::Type* document_type();
bool is_document(lang::Value v);

// The wrapper for `doc` in the current run (made and filled on first use).
// `loaded`: `doc` was just read from the database (RunState::loaded).
lang::Value wrap_document(lang::Isolate& I, RunState& run, const model::Document::Ptr& doc,
                          bool loaded = false);
// The document behind a wrapper, or null.
model::Document::Ptr document_of(RunState& run, lang::Value wrapper);

// Copies the wrapper's values into its document (false + exception pending on error).
bool push_document(lang::Isolate& I, RunState& run, lang::Value wrapper);
// Copies the document's values into its wrapper.
bool pull_document(lang::Isolate& I, RunState& run, lang::Value wrapper);

// as_dict() of the document behind `wrapper` (pushed first).
bool document_to_json(lang::Isolate& I, lang::Value wrapper, Json& out);

}  // namespace quire::scripting
