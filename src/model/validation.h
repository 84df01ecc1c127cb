#pragma once

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Frappe's `_validate` (spec §4.10), parent then each child row, in order:
// mandatory, data formats, selects, non-negative, length, rating clamp;
// then for existing documents the set-only-once check. Each failure throws
// the FrappeError Frappe raises, with its message.
void validate_document(Session& session, Document& doc);

// Links (spec §4.10 "Links"): every Link / Dynamic Link value must exist;
// stored values take the database's spelling. Skipped with flags.ignore_links.
void validate_links(Session& session, Document& doc);

// Mandatory fields of the parent and children together. Skipped with
// flags.ignore_mandatory.
void validate_mandatory(Session& session, Document& doc);

// Update after submit: fields without allow_on_submit must not change
// (UpdateAfterSubmitError).
void validate_update_after_submit(Session& session, Document& doc);

}  // namespace quire::model
