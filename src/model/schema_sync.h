#pragma once

#include "db/database.h"
#include "model/meta.h"

namespace quire::model {

// Creates the tables every site has beside DocType tables: `tabSingles`
// (Single DocTypes' values) and `tabSeries` (naming-series counters).
void ensure_system_tables(db::Database& db);

// Creates `tab<Name>` for `meta`, or brings an existing table up to date:
// missing columns are added, unique and search indexes created or dropped.
// Never drops a column or rewrites data (a removed field keeps its column, as
// in Frappe). Single DocTypes have no table. Throws FrappeError
// (ValidationError) when a new unique index meets duplicate values.
void sync_schema(db::Database& db, const Meta& meta);

// Drops the table of a deleted DocType (or its Singles rows).
void drop_schema(db::Database& db, const Meta& meta);

bool table_exists(db::Database& db, const std::string& table);

}  // namespace quire::model
