#pragma once

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Reading and writing document rows. No hooks, no validation: the lifecycle
// (lifecycle.h) decides when these run.

// Loads a document and its child rows. DoesNotExistError "{doctype} {name} not found".
Document::Ptr load_doc(Session& session, const std::string& doctype, const Json& name);

// Loads a Single DocType from tabSingles (defaults when never saved).
Document::Ptr load_single(Session& session, const std::string& doctype);

// True when a row with this name exists.
bool row_exists(Session& session, const Meta& meta, const Json& name);

// INSERT the parent row; an autoincrement DocType gets its name here.
// DuplicateEntryError / UniqueValidationError on constraint violations.
void insert_row(Session& session, Document& doc);
// UPDATE every column but name.
void update_row(Session& session, Document& doc);
// Child rows: deletes rows no longer present, upserts the others.
void write_children(Session& session, Document& doc, bool is_insert);
// Rewrites the Singles rows of a Single DocType.
void write_single(Session& session, Document& doc);
// Deletes a document's row and its child rows.
void delete_rows(Session& session, const Meta& meta, const Json& name);

// Builds the document's column values as bound parameters, in table order.
std::vector<std::string> row_columns(const Meta& meta);

}  // namespace quire::model
