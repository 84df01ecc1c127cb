#include "model/lifecycle.h"

#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/delete_links.h"
#include "model/errors.h"
#include "model/field_permissions.h"
#include "model/fieldtypes.h"
#include "model/naming.h"
#include "model/permissions.h"
#include "model/persistence.h"
#include "model/transaction.h"
#include "model/validation.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

const char* docstatus_label(int s) {
  return s == 0 ? "Draft" : s == 1 ? "Submitted" : "Cancelled";
}

void run(Session& session, Document& doc, const char* event) {
  session.events.run(doc, event, session);
}

std::vector<Document*> children_of(Document& doc) {
  std::vector<Document*> out;
  for (const DocField* tf : doc.meta().table_fields()) {
    for (auto& row : doc.table(tf->fieldname)) out.push_back(row.get());
  }
  return out;
}

void set_defaults(Session& session, Document& doc) {
  if (session.flag("in_import")) return;
  auto fill = [](Document& d) {
    for (const DocField* f : d.meta().data_fields()) {
      if (f->default_value && d.get(f->fieldname).is_null())
        d.set(f->fieldname, coerce(*f, *f->default_value));
    }
  };
  fill(doc);
  for (Document* c : children_of(doc)) {
    if (c->is_new()) fill(*c);
  }
}

void set_user_and_timestamp(Session& session, Document& doc) {
  std::string now = session.now();
  doc.set("modified", now);
  doc.set("modified_by", session.user);
  if (doc.is_new() &&
      !(session.flag("in_install") || session.flag("in_patch") || session.flag("in_migrate"))) {
    doc.set("creation", now);
    doc.set("owner", session.user);
  }
  for (Document* c : children_of(doc)) {
    c->set("modified", now);
    c->set("modified_by", session.user);
    if (c->get("owner").is_null()) c->set("owner", doc.get("owner"));
    if (c->get("creation").is_null()) c->set("creation", doc.get("creation"));
  }
  session.currently_saving.emplace_back(doc.doctype(), doc.name_text());
}

void set_docstatus(Document& doc) {
  if (doc.get("docstatus").is_null()) doc.set("docstatus", 0);
  for (Document* c : children_of(doc)) c->set("docstatus", doc.get("docstatus"));
}

void set_parent_in_children(Document& doc) {
  for (const DocField* tf : doc.meta().table_fields()) {
    for (auto& row : doc.table(tf->fieldname)) {
      row->set("parent", doc.get("name"));
      row->set("parenttype", doc.doctype());
      row->set("parentfield", tf->fieldname);
      row->parent_doc = &doc;
    }
  }
}

// The docstatus transition table (spec §4.3); returns the action.
std::string transition(Session& session, Document& doc, int previous, bool is_new) {
  int next = static_cast<int>(cint(doc.get("docstatus")));
  if (next < 0 || next > 2 || previous < 0 || previous > 2)
    raise(ErrorKind::ValidationError, "Invalid docstatus");
  if (doc.meta().issingle && !is_new) return "save";
  auto forbid = [&](int from, int to) {
    raise(ErrorKind::DocstatusTransitionError,
          "Cannot change docstatus from " + std::to_string(from) + " (" + docstatus_label(from) +
              ") to " + std::to_string(to) + " (" + docstatus_label(to) + ")");
  };
  if (previous == 0) {
    if (next == 0) return "save";
    if (next == 1) {
      check_permission(session, doc, "submit");
      return "submit";
    }
    forbid(0, 2);
  }
  if (previous == 1) {
    if (next == 1) {
      check_permission(session, doc, "submit");
      return "update_after_submit";
    }
    if (next == 2) {
      check_permission(session, doc, "cancel");
      return "cancel";
    }
    forbid(1, 0);
  }
  raise(ErrorKind::ValidationError, "Cannot edit cancelled document");
}

void run_before_save_methods(Session& session, Document& doc, const std::string& action) {
  if (action == "save" || action == "submit") run(session, doc, "before_validate");
  if (doc.flag("ignore_validate")) return;
  if (action == "save") {
    run(session, doc, "validate");
    run(session, doc, "before_save");
  } else if (action == "submit") {
    run(session, doc, "validate");
    run(session, doc, "before_submit");
  } else if (action == "cancel") {
    run(session, doc, "before_cancel");
  } else if (action == "update_after_submit") {
    run(session, doc, "before_update_after_submit");
  }
}

void check_no_submitted_links(Session& session, const Document& doc, bool for_cancel);

void save_version(Session& session, Document& doc);

void run_post_save_methods(Session& session, Document& doc, const std::string& action) {
  if (action == "save") {
    run(session, doc, "on_update");
  } else if (action == "submit") {
    run(session, doc, "on_update");
    run(session, doc, "on_submit");
  } else if (action == "cancel") {
    run(session, doc, "on_cancel");
    if (!doc.flag("ignore_links")) check_no_submitted_links(session, doc, true);
  } else if (action == "update_after_submit") {
    run(session, doc, "on_update_after_submit");
  }
  if (doc.meta().track_changes && !doc.flag("ignore_version") && !session.flag("in_install")) {
    save_version(session, doc);
  }
  run(session, doc, "on_change");
  if (!session.currently_saving.empty()) session.currently_saving.pop_back();
}

void write_parent(Session& session, Document& doc, bool is_insert) {
  if (doc.meta().issingle) {
    write_single(session, doc);
    return;
  }
  if (is_insert) {
    insert_row(session, doc);
  } else {
    update_row(session, doc);
  }
  write_children(session, doc, is_insert);
}

void check_no_submitted_links(Session& session, const Document& doc, bool) {
  check_links_to(session, doc, LinkCheck::for_cancel);
}

void save_version(Session& session, Document& doc) {
  Json data;
  auto before = doc.doc_before_save();
  if (!before) {
    data = {{"creation", doc.get("creation")}};
  } else {
    Json changed = Json::array();
    for (const DocField* f : doc.meta().data_fields()) {
      if (f->fieldtype == "Password") continue;
      if (doc.has_value_changed(f->fieldname)) {
        changed.push_back(Json::array(
            {f->fieldname, before->as_dict()[f->fieldname], doc.as_dict()[f->fieldname]}));
      }
    }
    Json added = Json::array(), removed = Json::array(), row_changed = Json::array();
    for (const DocField* tf : doc.meta().table_fields()) {
      std::map<std::string, Document*> old_rows;
      for (auto& r : before->table(tf->fieldname)) old_rows[r->name_text()] = r.get();
      for (auto& r : doc.table(tf->fieldname)) {
        auto it = old_rows.find(r->name_text());
        if (it == old_rows.end()) {
          added.push_back(Json::array({tf->fieldname, r->as_dict()}));
          continue;
        }
        Json diffs = Json::array();
        for (const DocField* f : r->meta().data_fields()) {
          Json a = coerce(*f, r->get(f->fieldname)), b = coerce(*f, it->second->get(f->fieldname));
          if (a != b) diffs.push_back(Json::array({f->fieldname, b, a}));
        }
        if (!diffs.empty())
          row_changed.push_back(Json::array({tf->fieldname, r->get("idx"), r->get("name"), diffs}));
        old_rows.erase(it);
      }
      for (auto& [name, r] : old_rows)
        removed.push_back(Json::array({tf->fieldname, r->as_dict()}));
    }
    if (changed.empty() && added.empty() && removed.empty() && row_changed.empty()) return;
    data = {
        {"changed", changed}, {"added", added}, {"removed", removed}, {"row_changed", row_changed}};
  }
  auto version = new_doc(session, "Version");
  version->set("ref_doctype", doc.doctype());
  version->set("docname", doc.name_text());
  version->set("data", data.dump());
  InsertOptions opts;
  opts.ignore_permissions = true;
  opts.ignore_links = true;
  insert(session, *version, opts);
}

void load_before_save(Session& session, Document& doc) {
  Document::Ptr before;
  if (doc.meta().issingle) {
    before = load_single(session, doc.doctype());
  } else {
    before = load_doc(session, doc.doctype(), doc.get("name"));
  }
  doc.set_doc_before_save(before);
}

void check_timestamp(Document& doc, const Json& original_modified) {
  if (doc.meta().issingle) return;
  auto before = doc.doc_before_save();
  std::string db_modified = cstr(before->get("modified"));
  if (db_modified != cstr(original_modified)) {
    raise(ErrorKind::TimestampMismatchError, "Error: " + doc.name_text() + " (" + doc.doctype() +
                                                 ") has been modified after you have opened it (" +
                                                 db_modified + ", " + cstr(original_modified) +
                                                 "). Please refresh to get the latest document.");
  }
}

// Pops the currently_saving entry even when the save fails.
struct SavingGuard {
  Session& session;
  size_t depth;
  ~SavingGuard() {
    if (session.currently_saving.size() > depth) session.currently_saving.resize(depth);
  }
};

void apply_flag(Document& doc, const char* key, const std::optional<bool>& value) {
  if (value.has_value()) doc.flags[key] = *value;
}

}  // namespace

Document::Ptr new_doc(Session& session, const std::string& doctype) {
  auto doc = std::make_shared<Document>(session.metas.get(doctype), session.metas);
  set_defaults(session, *doc);
  return doc;
}

Document::Ptr doc_from_dict(Session& session, const Json& dict) {
  if (!dict.is_object())
    raise(ErrorKind::ValidationError, "get_doc needs a dict or a doctype and name");
  auto it = dict.find("doctype");
  if (it == dict.end() || !it->is_string())
    raise(ErrorKind::ValidationError, "\"doctype\" is a required key");
  auto doc = std::make_shared<Document>(session.metas.get(it->get<std::string>()), session.metas);
  doc->update(dict);
  return doc;
}

Document::Ptr get_doc(Session& session, const std::string& doctype, const Json& name) {
  if (name.is_null()) {
    auto meta = session.metas.get(doctype);
    if (!meta->issingle) raise(ErrorKind::DoesNotExistError, doctype + " None not found");
    return load_single(session, doctype);
  }
  return load_doc(session, doctype, name);
}

Document& insert(Session& session, Document& doc, const InsertOptions& options) {
  if (doc.flag("in_print")) return doc;
  Transaction tx(session);
  SavingGuard guard{session, session.currently_saving.size()};
  apply_flag(doc, "ignore_permissions", options.ignore_permissions);
  apply_flag(doc, "ignore_links", options.ignore_links);
  apply_flag(doc, "ignore_mandatory", options.ignore_mandatory);
  doc.set_new(true);
  doc.set_doc_before_save(nullptr);
  set_defaults(session, doc);
  set_user_and_timestamp(session, doc);
  set_docstatus(doc);
  std::string action = transition(session, doc, 0, true);
  validate_links(session, doc);
  check_permission(session, doc, "create");
  run(session, doc, "before_insert");
  set_new_name(session, doc, options.set_name);
  set_parent_in_children(doc);
  reset_fields_without_write_access(session, doc);
  if (options.ignore_if_duplicate && !doc.meta().issingle &&
      row_exists(session, doc.meta(), doc.get("name"))) {
    tx.commit();
    return doc;
  }
  doc.flags["in_insert"] = true;
  run_before_save_methods(session, doc, action);
  validate_document(session, doc);
  set_docstatus(doc);
  doc.flags["in_insert"] = false;
  // A random name that collides is drawn again (Frappe retries hash names);
  // a failed INSERT leaves the transaction intact in SQLite.
  const std::string& autoname = doc.meta().autoname;
  bool hashed = autoname.empty() || autoname == "hash";
  for (int attempt = 0;; ++attempt) {
    try {
      write_parent(session, doc, true);
      break;
    } catch (const FrappeError& e) {
      if (e.kind() != ErrorKind::DuplicateEntryError || !hashed || attempt >= 5 ||
          options.set_name || doc.flag("name_set")) {
        throw;
      }
      doc.set("name", random_hash());
      set_parent_in_children(doc);
    }
  }
  doc.set_new(false);
  for (Document* c : children_of(doc)) c->set_new(false);
  run(session, doc, "after_insert");
  doc.flags["in_insert"] = true;
  if (!cstr(doc.get("amended_from")).empty()) {
    auto src = session.db.query(
        "SELECT `docstatus` FROM " + quote_identifier(doc.meta().table()) + " WHERE `name` = ?",
        {to_db(doc.get("amended_from"))});
    if (src.empty() || cint(from_db(src[0][0])) != 2) {
      raise(ErrorKind::ValidationError,
            doc.doctype() + " " + cstr(doc.get("amended_from")) +
                " cannot be amended because it is not cancelled. Please cancel the document before "
                "creating an amendment.",
            "Amendment Not Allowed");
    }
  }
  run_post_save_methods(session, doc, action);
  doc.flags["in_insert"] = false;
  tx.commit();
  return doc;
}

Document& save(Session& session, Document& doc, std::optional<bool> ignore_permissions) {
  if (doc.flag("in_print")) return doc;
  apply_flag(doc, "ignore_permissions", ignore_permissions);
  if (doc.is_new() || cstr(doc.get("name")).empty()) return insert(session, doc);
  Transaction tx(session);
  SavingGuard guard{session, session.currently_saving.size()};
  set_defaults(session, doc);
  check_permission(session, doc, "write");
  Json original_modified = doc.get("modified");
  // A failed save leaves the document as it was, so the caller may fix it
  // and save again without a false timestamp mismatch.
  struct RestoreStamp {
    Document& doc;
    Json modified, modified_by;
    bool armed = true;
    ~RestoreStamp() {
      if (!armed) return;
      doc.set("modified", modified);
      doc.set("modified_by", modified_by);
    }
  } restore{doc, original_modified, doc.get("modified_by")};
  set_user_and_timestamp(session, doc);
  set_docstatus(doc);
  load_before_save(session, doc);
  check_timestamp(doc, original_modified);
  std::string action = transition(session, doc, doc.doc_before_save()->docstatus(), false);
  set_parent_in_children(doc);
  for (Document* c : children_of(doc)) {
    if (c->get("name").is_null() || cstr(c->get("name")).empty()) c->set("name", random_hash());
  }
  reset_fields_without_write_access(session, doc);
  if (action != "cancel") validate_links(session, doc);
  run_before_save_methods(session, doc, action);
  if (action != "cancel") validate_document(session, doc);
  if (action == "update_after_submit") validate_update_after_submit(session, doc);
  set_docstatus(doc);
  write_parent(session, doc, false);
  run_post_save_methods(session, doc, action);
  tx.commit();
  restore.armed = false;
  return doc;
}

Document& submit(Session& session, Document& doc) {
  doc.set("docstatus", 1);
  return save(session, doc);
}

Document& cancel(Session& session, Document& doc) {
  doc.set("docstatus", 2);
  return save(session, doc);
}

Document& discard(Session& session, Document& doc) {
  Transaction tx(session);
  Json original_modified = doc.get("modified");
  load_before_save(session, doc);
  check_timestamp(doc, original_modified);
  if (doc.doc_before_save()->docstatus() != 0) {
    raise(ErrorKind::ValidationError, "Only draft documents can be discarded");
  }
  check_permission(session, doc, "write");
  run(session, doc, "before_discard");
  db_set(session, doc, Json{{"docstatus", 2}});
  run(session, doc, "on_discard");
  tx.commit();
  return doc;
}

bool delete_doc(Session& session, const std::string& doctype, const Json& name,
                const DeleteOptions& options) {
  auto meta = session.metas.get(doctype);
  Transaction tx(session);
  if (!meta->issingle && !row_exists(session, *meta, name)) {
    if (options.ignore_missing) {
      tx.commit();
      return false;
    }
    raise(ErrorKind::DoesNotExistError, doctype + " " + cstr(name) + " not found");
  }
  auto doc = get_doc(session, doctype, meta->issingle ? Json(nullptr) : name);
  if (options.ignore_permissions) doc->flags["ignore_permissions"] = true;
  check_permission(session, *doc, "delete");
  if (meta->is_submittable && doc->docstatus() == 1) {
    raise(ErrorKind::ValidationError,
          doctype + " " + doc->name_text() +
              ": Submitted Record cannot be deleted. You must Cancel it first.");
  }
  if (!options.ignore_on_trash) {
    run(session, *doc, "on_trash");
    doc->flags["in_delete"] = true;
    run(session, *doc, "on_change");
  }
  if (!options.force) check_links_to(session, *doc, LinkCheck::for_delete);
  std::string series =
      meta->autoname.rfind("naming_series:", 0) == 0 ? cstr(doc->get("naming_series")) + ".#####"
      : meta->autoname.find('#') != std::string::npos && meta->autoname.rfind("format:", 0) != 0
          ? meta->autoname
          : std::string();
  if (!series.empty()) revert_series_if_last(session, series, doc->name_text(), doc.get());
  delete_rows(session, *meta, doc->get("name"));
  run(session, *doc, "after_delete");
  delete_references_to(session, doctype, doc->name_text());
  if (!options.delete_permanently && !session.flag("in_install")) {
    add_to_deleted_documents(session, *doc);
  }
  tx.commit();
  return true;
}

Json rename_doc(Session& session, const std::string& doctype, const Json& old_in,
                const Json& new_in, bool merge, bool force) {
  auto meta = session.metas.get(doctype);
  Json old_name = old_in, new_name = new_in;
  if (meta->is_autoincrement()) {
    old_name = cint(old_in);
    new_name = cint(new_in);
  }
  Transaction tx(session);
  if (!row_exists(session, *meta, old_name)) {
    raise(ErrorKind::ValidationError, "Can't rename " + cstr(old_name) + " to " + cstr(new_name) +
                                          " because " + cstr(old_name) + " doesn't exist.");
  }
  auto doc = load_doc(session, doctype, old_name);
  Json args = {{"old", old_name}, {"new", new_name}, {"merge", merge}};
  Json result = session.events.run(*doc, "before_rename", session, args);
  if (result.is_string()) new_name = result;
  if (result.is_object() && result.contains("new")) new_name = result["new"];
  if (cstr(old_name) == cstr(new_name)) {
    raise(ErrorKind::ValidationError, "No changes made because old and new name are the same.");
  }
  bool target_exists = row_exists(session, *meta, new_name);
  if (!target_exists && !meta->is_autoincrement() && new_name.is_string()) {
    target_exists = !session.db
                         .query("SELECT 1 FROM " + quote_identifier(meta->table()) +
                                    " WHERE `name` = ? COLLATE NOCASE AND `name` != ?",
                                {to_db(new_name), to_db(old_name)})
                         .empty();
  }
  if (merge && !target_exists) {
    raise(ErrorKind::ValidationError,
          doctype + " " + cstr(new_name) + " does not exist, select a new target to merge");
  }
  if (!merge && target_exists) {
    raise(ErrorKind::DuplicateEntryError,
          "Another " + doctype + " with name " + cstr(new_name) + " exists, select another name");
  }
  if (!has_permission(session, *meta, "write", doc.get())) {
    raise(ErrorKind::PermissionError, "You need write permission on " + doctype + " " +
                                          cstr(old_name) + (merge ? " to merge" : " to rename"));
  }
  if (!meta->allow_rename && !force)
    raise(ErrorKind::ValidationError, doctype + " not allowed to be renamed");
  new_name = validate_name(*meta, new_name);

  std::string table = quote_identifier(meta->table());
  if (merge) {
    delete_rows(session, *meta, old_name);
  } else {
    session.db.query("UPDATE " + table + " SET `name` = ? WHERE `name` = ?",
                     {to_db(new_name), to_db(old_name)});
    for (const DocField* tf : meta->table_fields()) {
      auto child = session.metas.get(tf->options);
      session.db.query("UPDATE " + quote_identifier(child->table()) +
                           " SET `parent` = ? WHERE `parent` = ? AND `parenttype` = ?",
                       {to_db(new_name), to_db(old_name), doctype});
    }
    if (meta->autoname.rfind("field:", 0) == 0 && meta->field(meta->autoname.substr(6))) {
      session.db.query("UPDATE " + table + " SET " + quote_identifier(meta->autoname.substr(6)) +
                           " = ? WHERE `name` = ?",
                       {to_db(new_name), to_db(new_name)});
    }
  }
  // Every Link and Dynamic Link pointing at the old name follows it.
  for (const auto& other_name : session.metas.names()) {
    auto other = session.metas.find_meta(other_name);
    if (!other) continue;
    for (const DocField* f : other->data_fields()) {
      bool link = f->fieldtype == "Link" && f->options == doctype;
      bool dynamic = f->fieldtype == "Dynamic Link";
      if (!link && !dynamic) continue;
      if (other->issingle) {
        if (link) {
          session.db.query(
              "UPDATE `tabSingles` SET `value` = ? WHERE `doctype` = ? AND `field` = ? AND `value` "
              "= ?",
              {to_db(new_name), other->name, f->fieldname, cstr(old_name)});
        }
        continue;
      }
      std::string sql = "UPDATE " + quote_identifier(other->table()) + " SET " +
                        quote_identifier(f->fieldname) + " = ? WHERE " +
                        quote_identifier(f->fieldname) + " = ?";
      std::vector<db::Value> params = {to_db(new_name), to_db(old_name)};
      if (dynamic) {
        if (!other->field(f->options)) continue;
        sql += " AND " + quote_identifier(f->options) + " = ?";
        params.emplace_back(doctype);
      }
      session.db.query(sql, params);
    }
  }
  session.db.query(
      "UPDATE `tabVersion` SET `docname` = ? WHERE `ref_doctype` = ? AND `docname` = ?",
      {cstr(new_name), doctype, cstr(old_name)});
  auto renamed = load_doc(session, doctype, new_name);
  session.events.run(*renamed, "after_rename", session, args);
  tx.commit();
  return new_name;
}

void db_set(Session& session, Document& doc, const Json& values, bool update_modified) {
  if (!values.is_object()) raise(ErrorKind::ValidationError, "db_set needs a field and a value");
  Transaction tx(session);
  for (const auto& [k, v] : values.items()) {
    if (k != "docstatus" && k != "idx" && !is_standard_column(k) && !doc.meta().field(k)) {
      raise(ErrorKind::ValidationError, "Field " + k + " does not exist on " + doc.doctype());
    }
    doc.set(k, v);
  }
  bool saving = false;
  for (const auto& [dt, dn] : session.currently_saving)
    saving |= dt == doc.doctype() && dn == doc.name_text();
  Json written = values;
  if (update_modified && !saving) {
    doc.set("modified", session.now());
    doc.set("modified_by", session.user);
    written["modified"] = doc.get("modified");
    written["modified_by"] = doc.get("modified_by");
  }
  if (!doc.doc_before_save() && !doc.meta().istable && !doc.is_new())
    load_before_save(session, doc);
  run(session, doc, "before_change");
  if (!doc.is_new() && !cstr(doc.get("name")).empty()) {
    if (doc.meta().issingle) {
      write_single(session, doc);
    } else {
      std::string sql = "UPDATE " + quote_identifier(doc.meta().table()) + " SET ";
      std::vector<db::Value> params;
      bool first = true;
      for (const auto& [k, v] : written.items()) {
        const DocField* f = doc.meta().field(k);
        sql += (first ? "" : ", ") + quote_identifier(k) + " = ?";
        first = false;
        params.push_back(to_db(f ? coerce(*f, v) : v));
      }
      sql += " WHERE `name` = ?";
      params.push_back(to_db(doc.get("name")));
      session.db.query(sql, params);
    }
  }
  run(session, doc, "on_change");
  tx.commit();
}

void reload(Session& session, Document& doc) {
  auto fresh =
      get_doc(session, doc.doctype(), doc.meta().issingle ? Json(nullptr) : doc.get("name"));
  doc.update(fresh->as_dict());
  for (const DocField* tf : doc.meta().table_fields()) {
    auto& rows = doc.table(tf->fieldname);
    rows = fresh->table(tf->fieldname);
    for (auto& r : rows) r->parent_doc = &doc;
  }
  doc.set_new(false);
}

}  // namespace quire::model
