#pragma once

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Prepares a site's database for documents: the system tables, a table for
// every core DocType, a DocType document for each (so DocTypes list and load
// like any document) and the standard roles. Idempotent: run at every start (new core fields are
// added to existing tables). The site's own DocTypes are loaded by load_site_doctypes.
void install_core(Session& session);

// Loads every DocType document that is not core from tabDocType into the
// MetaStore (site start).
void load_site_doctypes(Session& session);

// The DocType controller: validating a DocType document parses it as
// metadata; saving it syncs its table and the MetaStore; deleting it drops
// the table. Core DocTypes cannot be changed or deleted. Registers the other
// core controllers too (DocShare, User Permission, System Settings, Custom
// Field), so one call readies a registry.
void register_doctype_controller(EventRegistry& events);

// A DocType document's metadata (parsed as the JSON files are).
Meta meta_of(const Document& doctype_document);

// Restores the MetaStore entry for `name` (or its absence) if the session's
// transaction rolls back.
void remember_meta_for_rollback(Session& session, const std::string& name);

}  // namespace quire::model
