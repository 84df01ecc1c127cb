#pragma once

#include <memory>
#include <optional>
#include <string>

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

  // Password fields (other than what a later store handles itself, such as
  // user login passwords) are stored Fernet-encrypted under `key`, the site
  // config's `encryption_key`, as Frappe stores them; until a key is set they
  // are stored as given. Throws SiteError for a malformed key.
  void set_encryption_key(const std::string& key);
  // The value of a stored Password field: decrypted when it was encrypted.
  // nullopt when it was encrypted with another key (or is corrupt).
  std::optional<std::string> reveal(const std::string& stored, bool encrypted) const;

  model::MetaStore metas;
  model::EventRegistry events;

 private:
  std::shared_ptr<std::string> key_ = std::make_shared<std::string>();
};

// Installs the core DocTypes, roles and standard users in a site database
// (what `quire new-site` does after creating the tables). Idempotent.
void install_documents(db::Database& db);

}  // namespace quire::site
