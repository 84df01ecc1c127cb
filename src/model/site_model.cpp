#include "model/site_model.h"

#include "db/query/identifiers.h"

#include "model/coercion.h"
#include "model/custom_fields.h"
#include "model/errors.h"
#include "model/fieldtypes.h"
#include "model/lifecycle.h"
#include "model/persistence.h"
#include "model/schema_sync.h"
#include "model/shares.h"
#include "model/time_zone.h"
#include "model/transaction.h"
#include "model/user_permissions.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

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

// Frappe's rename_doctype and DocType.after_rename: the table (or the
// Singles rows) follows the new name, child rows name their new parenttype,
// Link and Table fields elsewhere point at the new name, and the MetaStore
// swaps the entries (restored if the transaction rolls back).
void rename_doctype_storage(Session& session, const std::string& old_name, Document& doc) {
  const std::string new_name = doc.name_text();
  auto old_meta = session.metas.find_meta(old_name);
  if (!old_meta) return;
  db::Database& db = session.db;
  if (old_meta->issingle) {
    db.query("UPDATE `tabSingles` SET `doctype` = ? WHERE `doctype` = ?", {new_name, old_name});
  } else {
    db.execute("ALTER TABLE " + quote_identifier("tab" + old_name) + " RENAME TO " +
               quote_identifier("tab" + new_name));
    // Indexes keep the names they were made with: drop them, sync remakes them.
    for (const auto& row :
         db.query("SELECT `name` FROM sqlite_master WHERE `type` = 'index' AND `tbl_name` = ?"
                  " AND `sql` IS NOT NULL",
                  {"tab" + new_name})) {
      db.execute("DROP INDEX " + quote_identifier(cstr(from_db(row[0]))));
    }
    for (const DocField* tf : old_meta->table_fields()) {
      auto child = session.metas.find_meta(tf->options);
      if (!child) continue;
      db.query("UPDATE " + quote_identifier(child->table()) +
                   " SET `parenttype` = ? WHERE `parenttype` = ?",
               {new_name, old_name});
    }
  }
  db.query(
      "UPDATE `tabDocField` SET `options` = ? WHERE `options` = ?"
      " AND `fieldtype` IN ('Link', 'Table', 'Table MultiSelect')",
      {new_name, old_name});

  std::vector<std::string> changed = {old_name, new_name};
  for (const auto& name : session.metas.names()) {
    if (name == old_name || session.metas.is_core(name)) continue;
    auto meta = session.metas.find_meta(name);
    for (const auto& f : meta->fields) {
      if (f.options == old_name && (f.fieldtype == "Link" || is_table_fieldtype(f.fieldtype))) {
        changed.push_back(name);
        break;
      }
    }
  }
  for (const auto& name : changed) remember_meta_for_rollback(session, name);
  session.metas.remove(old_name);
  Meta renamed = with_custom_fields(session, meta_of(*load_doc(session, "DocType", new_name)));
  sync_schema(db, renamed);
  session.metas.put(std::move(renamed));
  for (size_t i = 2; i < changed.size(); ++i) {
    session.metas.put(
        with_custom_fields(session, meta_of(*load_doc(session, "DocType", changed[i]))));
  }
}

const char* const kStandardRoles[] = {"Administrator", "System Manager", "All", "Guest",
                                      "Script Manager"};

}  // namespace

Meta meta_of(const Document& doc) {
  Json j = doc.as_dict();
  j.erase("__islocal");
  return parse_meta(j);
}

void remember_meta_for_rollback(Session& session, const std::string& name) {
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

void register_doctype_controller(EventRegistry& events) {
  register_docshare_controller(events);
  register_user_permission_controller(events);
  register_system_settings_controller(events);
  register_custom_field_controller(events);
  events.add_controller("DocType", "validate", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text()) && !call.session.flag("in_install")) {
      raise(ErrorKind::PermissionError, "Core DocType " + doc.name_text() + " cannot be changed");
    }
    Meta meta = meta_of(doc);
    check_tables_exist(call.session, meta);
  });
  events.add_controller("DocType", "on_update", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text())) return;
    Meta meta = with_custom_fields(call.session, meta_of(doc));
    sync_schema(call.session.db, meta);
    remember_meta_for_rollback(call.session, meta.name);
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
    remember_meta_for_rollback(call.session, meta->name);
    call.session.metas.remove(meta->name);
  });
  events.add_controller("DocType", "before_rename", [](Document& doc, HookCall& call) {
    if (call.session.metas.is_core(doc.name_text())) {
      raise(ErrorKind::PermissionError, "Core DocType " + doc.name_text() + " cannot be renamed");
    }
    if (cint(doc.get("custom")) == 0 && !call.session.is_administrator()) {
      raise(ErrorKind::PermissionError, "DocType can only be renamed by Administrator");
    }
    if (call.args.value("merge", false)) {
      raise(ErrorKind::ValidationError, "DocType can not be merged");
    }
  });
  events.add_controller("DocType", "after_rename", [](Document& doc, HookCall& call) {
    rename_doctype_storage(call.session, cstr(call.args["old"]), doc);
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
      if ((pass == 0) == istable) session.metas.put(with_custom_fields(session, meta_of(*doc)));
    }
  }
  // Core DocTypes with Custom Fields.
  if (table_exists(session.db, "tabCustom Field")) {
    for (const auto& row : session.db.query("SELECT DISTINCT `dt` FROM `tabCustom Field`")) {
      std::string dt = cstr(from_db(row[0]));
      if (!session.metas.is_core(dt)) continue;
      if (auto definition = doctype_definition(session, dt)) {
        session.metas.put(with_custom_fields(session, *definition));
      }
    }
  }
}

}  // namespace quire::model
