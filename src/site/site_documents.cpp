#include "site/site_documents.h"

#include "model/session.h"
#include "model/site_model.h"

namespace quire::site {

SiteDocuments::SiteDocuments() {
  model::register_doctype_controller(events);
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
