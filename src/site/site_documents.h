#pragma once

#include "db/database.h"
#include "model/events.h"
#include "model/meta_store.h"

namespace quire::site {

// The document layer of one site inside a process, shared by every thread
// that serves it (requests, workers, the scheduler): its DocType metadata and
// its event registry, with the DocType controller registered. Each thread
// opens its own model::Session over its own connection with these two.
struct SiteDocuments {
  SiteDocuments();
  SiteDocuments(const SiteDocuments&) = delete;
  SiteDocuments& operator=(const SiteDocuments&) = delete;

  // Brings the site's database up to the core DocTypes (model::install_core,
  // idempotent) and loads the site's own DocTypes into `metas`. Call once at
  // process start, on one connection, before serving.
  void load(db::Database& db);

  model::MetaStore metas;
  model::EventRegistry events;
};

// Installs the core DocTypes, roles and standard users in a site database
// (what `quire new-site` does after creating the tables). Idempotent.
void install_documents(db::Database& db);

}  // namespace quire::site
