#include "site/site_documents.h"

#include "model/session.h"
#include "model/site_model.h"
#include "site/fernet.h"

namespace quire::site {

SiteDocuments::SiteDocuments() {
  model::register_doctype_controller(events);
  // Installed first, so stores added later (the REST layer's, for login
  // passwords) can hand every other field on to it.
  events.set_password_store(
      [key = key_](const std::string&, const std::string&, const std::string& value) {
        if (key->empty()) return model::EventRegistry::StoredPassword{value, false};
        return model::EventRegistry::StoredPassword{fernet_encrypt(*key, value), true};
      });
}

void SiteDocuments::set_encryption_key(const std::string& key) {
  fernet_encrypt(key, "");  // refuses a malformed key now, not at the first save
  *key_ = key;
}

std::optional<std::string> SiteDocuments::reveal(const std::string& stored, bool encrypted) const {
  if (!encrypted) return stored;
  if (key_->empty()) return std::nullopt;
  return fernet_decrypt(*key_, stored);
}

void SiteDocuments::load(db::Database& db) {
  model::Session session(db, metas, events);
  model::install_core(session);
  model::load_site_doctypes(session);
}

void install_documents(db::Database& db) {
  SiteDocuments documents;
  documents.load(db);
}

}  // namespace quire::site
