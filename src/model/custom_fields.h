#pragma once

#include <optional>
#include <string>

#include "model/events.h"
#include "model/meta.h"
#include "model/session.h"

namespace quire::model {

// Custom Fields (Frappe's Custom Field DocType): fields added to an existing
// DocType — core ones included, except the few Frappe keeps closed — without
// changing its definition. A Custom Field named "{dt}-{fieldname}" joins its
// DocType's fields after `insert_after` (at the end when that is empty or
// unknown); saving one adds the column, deleting one keeps the column (data
// is never dropped) and takes the field out of the metadata.

// A DocType as defined, without Custom Fields: the compiled-in JSON for a
// core one, else its DocType document; nullopt when there is neither.
std::optional<Meta> doctype_definition(Session& session, const std::string& doctype);

// `base` (a DocType as defined) with its Custom Fields laid in. Without a
// Custom Field table (a site not yet installed) returns `base`.
Meta with_custom_fields(Session& session, const Meta& base);

// Rebuilds `doctype`'s MetaStore entry from its definition and its Custom
// Fields and syncs its table; restored if the transaction rolls back.
void refresh_custom_fields(Session& session, const std::string& doctype);

// DocTypes no Custom Field may be added to (Frappe's core_doctypes_list,
// those quire has).
bool closed_to_custom_fields(const std::string& doctype);

// The Custom Field controller: names ("{dt}-{fieldname}", fieldname from the
// label when empty), refuses closed DocTypes and fieldnames the DocType has,
// and refreshes the DocType's metadata on save and delete.
void register_custom_field_controller(EventRegistry& events);

}  // namespace quire::model
