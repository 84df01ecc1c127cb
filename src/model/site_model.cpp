#include "model/site_model.h"

#include "model/coercion.h"
#include "model/errors.h"
#include "model/fieldtypes.h"
#include "model/lifecycle.h"
#include "model/persistence.h"
#include "model/schema_sync.h"
#include "model/transaction.h"

namespace quire::model {
namespace {

Meta meta_of(const Document& doc) {
  Json j = doc.as_dict();
  j.erase("__islocal");
  return parse_meta(j);
}

void check_tables_exist(Session& session, const Meta& meta) {
  for (const DocField* tf : meta.table_fields()) {
    auto child = session.metas.find_meta(tf->options);
    if (!child || !child->istable) {
      raise(ErrorKind::ValidationError, "Options for " + tf->display_label() +
                                            " must be a child DocType (" + tf->options +
                                            " is not one)");
    }
  }
}

// Restores the MetaStore entry for `name` if the transaction rolls back.
void remember_for_rollback(Session& session, const std::string& name) {
  auto previous = session.metas.find_meta(name);
  MetaStore* store = &session.metas;
  session.after_rollback.push_back([store, name, previous] {
    if (previous) {
      store->put(*previous);
    } else {
      store->remove(name);
    }
  });
}

const char* const kStandardRoles[] = {"Administrator", "System Manager", "All", "Guest",
                                      "Script Manager"};

}  // namespace

void register_doctype_controller(EventRegistry& events) {
  events.add_controller("DocType", "validate", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text()) && !call.session.flag("in_install")) {
      raise(ErrorKind::PermissionError, "Core DocType " + doc.name_text() + " cannot be changed");
    }
    Meta meta = meta_of(doc);
    check_tables_exist(call.session, meta);
  });
  events.add_controller("DocType", "on_update", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text())) return;
    Meta meta = meta_of(doc);
    sync_schema(call.session.db, meta);
    remember_for_rollback(call.session, meta.name);
    call.session.metas.put(std::move(meta));
  });
  events.add_controller("DocType", "on_trash", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text())) {
      raise(ErrorKind::PermissionError, "Core DocType " + doc.name_text() + " cannot be deleted");
    }
  });
  events.add_controller("DocType", "after_delete", [](Document& doc, HookCall& call) {
    auto meta = call.session.metas.find_meta(doc.name_text());
    if (!meta) return;
    drop_schema(call.session.db, *meta);
    remember_for_rollback(call.session, meta->name);
    call.session.metas.remove(meta->name);
  });
  events.add_controller("DocType", "before_rename", [](Document&, HookCall&) {
    raise(ErrorKind::ValidationError, "Renaming a DocType is not supported yet");
  });
}

void install_core(Session& session) {
  Transaction tx(session);
  Json saved_flags = session.flags;
  session.flags["in_install"] = true;
  try {
    ensure_system_tables(session.db);
    for (const auto& name : session.metas.names()) {
      if (session.metas.is_core(name)) sync_schema(session.db, *session.metas.get(name));
    }
    for (const char* role : kStandardRoles) {
      if (row_exists(session, *session.metas.get("Role"), role)) continue;
      auto doc = new_doc(session, "Role");
      doc->set("role_name", role);
      InsertOptions opts;
      opts.ignore_permissions = true;
      insert(session, *doc, opts);
    }
    auto doctype_meta = session.metas.get("DocType");
    for (const auto& name : session.metas.names()) {
      if (!session.metas.is_core(name) || row_exists(session, *doctype_meta, name)) continue;
      Json raw = session.metas.get(name)->raw;
      raw["doctype"] = "DocType";
      auto doc = doc_from_dict(session, raw);
      InsertOptions opts;
      opts.ignore_permissions = true;
      opts.ignore_links = true;
      opts.set_name = name;
      insert(session, *doc, opts);
    }
  } catch (...) {
    session.flags = saved_flags;
    throw;
  }
  session.flags = saved_flags;
  tx.commit();
}

void load_site_doctypes(Session& session) {
  auto rows = session.db.query("SELECT `name` FROM `tabDocType` ORDER BY `creation`");
  // Child DocTypes first: a parent's table fields must resolve.
  std::vector<Document::Ptr> docs;
  for (const auto& row : rows) {
    std::string name = cstr(from_db(row[0]));
    if (session.metas.is_core(name)) continue;
    docs.push_back(load_doc(session, "DocType", name));
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& doc : docs) {
      bool istable = cint(doc->get("istable")) != 0;
      if ((pass == 0) == istable) session.metas.put(meta_of(*doc));
    }
  }
}

}  // namespace quire::model
