#include "model/persistence.h"

#include "db/db_error.h"
#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/fieldtypes.h"
#include "model/schema_sync.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

// Password values never sit in document tables (spec §4.10 "password
// storage"): the table keeps asterisks and the secret goes to __Auth.
bool is_masked(const std::string& s) {
  return !s.empty() && s.find_first_not_of('*') == std::string::npos;
}

void store_password(Session& session, const Document& doc, const std::string& field,
                    const std::string& value) {
  EventRegistry::StoredPassword stored{value, false};
  if (const auto& store = session.events.password_store())
    stored = store(doc.doctype(), field, value);
  session.db.query(
      "INSERT INTO `__Auth` (`doctype`, `name`, `fieldname`, `password`, `encrypted`)"
      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (`doctype`, `name`, `fieldname`)"
      " DO UPDATE SET `password` = excluded.`password`, `encrypted` = excluded.`encrypted`",
      {doc.doctype(), doc.name_text(), field, stored.value,
       static_cast<std::int64_t>(stored.encrypted ? 1 : 0)});
}

db::Value column_value(Session& session, const Document& doc, const std::string& column) {
  const DocField* f = doc.meta().field(column);
  Json v = doc.values().count(column) ? doc.values().at(column) : Json(nullptr);
  if (f == nullptr) return to_db(v);
  Json c = coerce(*f, v);
  if (f->fieldtype == "Password" && c.is_string()) {
    const std::string& s = c.get_ref<const std::string&>();
    if (!s.empty() && !is_masked(s) && !doc.flag("ignore_save_passwords")) {
      store_password(session, doc, column, s);
    }
    return s.empty() ? db::Value{std::monostate{}} : db::Value{std::string(s.size(), '*')};
  }
  return to_db(c);
}

[[noreturn]] void translate_constraint(const Document& doc, const db::DbError& e) {
  std::string msg = e.what();
  const std::string marker = "UNIQUE constraint failed: ";
  auto pos = msg.find(marker);
  if (pos == std::string::npos) throw;
  std::string column = msg.substr(pos + marker.size());
  column = column.substr(column.find('.') + 1);
  if (auto comma = column.find(','); comma != std::string::npos) column.resize(comma);
  if (column == "name") {
    raise(ErrorKind::DuplicateEntryError, doc.doctype() + " " + doc.name_text() + " already exists",
          "Duplicate Name");
  }
  const DocField* f = doc.meta().field(column);
  raise(ErrorKind::UniqueValidationError, (f ? f->display_label() : column) + " must be unique",
        "Duplicate Entry");
}

Json load_value(const DocField* f, const db::Value& v) {
  Json j = from_db(v);
  if (f != nullptr && f->fieldtype == "Check" && j.is_null()) return 0;
  return j;
}

void fill(Document& doc, const std::vector<std::string>& cols, const db::Row& row) {
  for (size_t i = 0; i < cols.size(); ++i)
    doc.set(cols[i], load_value(doc.meta().field(cols[i]), row[i]));
  doc.set_new(false);
}

std::string select_sql(const Meta& meta, const std::vector<std::string>& cols) {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < cols.size(); ++i) sql += (i ? ", " : "") + quote_identifier(cols[i]);
  return sql + " FROM " + quote_identifier(meta.table());
}

std::string insert_sql(const Meta& meta, const std::vector<std::string>& cols, bool upsert) {
  std::string sql = "INSERT INTO " + quote_identifier(meta.table()) + " (";
  std::string values;
  for (size_t i = 0; i < cols.size(); ++i) {
    sql += (i ? ", " : "") + quote_identifier(cols[i]);
    values += i ? ", ?" : "?";
  }
  sql += ") VALUES (" + values + ")";
  if (upsert) {
    sql += " ON CONFLICT (`name`) DO UPDATE SET ";
    bool first = true;
    for (const auto& c : cols) {
      if (c == "name") continue;
      sql += (first ? "" : ", ") + quote_identifier(c) + " = excluded." + quote_identifier(c);
      first = false;
    }
  }
  return sql;
}

void insert_one(Session& session, Document& doc, bool upsert) {
  std::vector<std::string> cols = row_columns(doc.meta());
  bool auto_name = doc.meta().is_autoincrement() && doc.get("name").is_null();
  std::vector<db::Value> params;
  std::vector<std::string> used;
  for (const auto& c : cols) {
    if (auto_name && c == "name") continue;
    used.push_back(c);
    params.push_back(column_value(session, doc, c));
  }
  std::string sql = insert_sql(doc.meta(), used, upsert);
  if (auto_name) sql += " RETURNING `name`";
  try {
    auto rows = session.db.query(sql, params);
    if (auto_name && !rows.empty()) doc.set("name", from_db(rows[0][0]));
  } catch (const db::DbError& e) {
    translate_constraint(doc, e);
  }
}

}  // namespace

std::vector<std::string> row_columns(const Meta& meta) {
  std::vector<std::string> cols = standard_columns();
  if (meta.istable) cols.insert(cols.end(), child_columns().begin(), child_columns().end());
  for (const DocField* f : meta.data_fields()) {
    if (std::find(cols.begin(), cols.end(), f->fieldname) == cols.end())
      cols.push_back(f->fieldname);
  }
  if (meta.is_tree) {
    for (const char* c : {"lft", "rgt"}) {
      if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.emplace_back(c);
    }
  }
  return cols;
}

bool row_exists(Session& session, const Meta& meta, const Json& name) {
  return !session.db
              .query("SELECT 1 FROM " + quote_identifier(meta.table()) + " WHERE `name` = ?",
                     {to_db(name)})
              .empty();
}

Document::Ptr load_doc(Session& session, const std::string& doctype, const Json& name) {
  auto meta = session.metas.get(doctype);
  if (meta->issingle) return load_single(session, doctype);
  std::vector<std::string> cols = row_columns(*meta);
  auto rows = session.db.query(select_sql(*meta, cols) + " WHERE `name` = ?", {to_db(name)});
  if (rows.empty()) {
    raise(ErrorKind::DoesNotExistError, doctype + " " + cstr(name) + " not found");
  }
  auto doc = std::make_shared<Document>(meta, session.metas);
  fill(*doc, cols, rows[0]);
  for (const DocField* tf : meta->table_fields()) {
    auto child_meta = session.metas.get(tf->options);
    std::vector<std::string> ccols = row_columns(*child_meta);
    auto crow =
        session.db.query(select_sql(*child_meta, ccols) +
                             " WHERE `parent` = ? AND `parenttype` = ? AND `parentfield` = ?"
                             " ORDER BY `idx` ASC",
                         {to_db(doc->get("name")), doctype, tf->fieldname});
    auto& table = doc->table(tf->fieldname);
    for (const auto& r : crow) {
      auto child = std::make_shared<Document>(child_meta, session.metas);
      fill(*child, ccols, r);
      child->parent_doc = doc.get();
      table.push_back(child);
    }
  }
  return doc;
}

Document::Ptr load_single(Session& session, const std::string& doctype) {
  auto meta = session.metas.get(doctype);
  auto doc = std::make_shared<Document>(meta, session.metas);
  auto rows =
      session.db.query("SELECT `field`, `value` FROM `tabSingles` WHERE `doctype` = ?", {doctype});
  for (const auto& row : rows) {
    std::string field = std::get<std::string>(row[0]);
    const DocField* f = meta->field(field);
    Json v = from_db(row[1]);
    if (f != nullptr && !v.is_null()) v = coerce(*f, v);
    if (f != nullptr || is_standard_column(field)) doc->set(field, v);
  }
  if (rows.empty()) {
    for (const DocField* f : meta->data_fields()) {
      if (f->default_value) doc->set(f->fieldname, coerce(*f, *f->default_value));
    }
  }
  doc->set("name", doctype);
  doc->set_new(false);
  return doc;
}

void insert_row(Session& session, Document& doc) {
  insert_one(session, doc, false);
}

void update_row(Session& session, Document& doc) {
  std::vector<std::string> cols = row_columns(doc.meta());
  std::string sql = "UPDATE " + quote_identifier(doc.meta().table()) + " SET ";
  std::vector<db::Value> params;
  bool first = true;
  for (const auto& c : cols) {
    if (c == "name") continue;
    sql += (first ? "" : ", ") + quote_identifier(c) + " = ?";
    first = false;
    params.push_back(column_value(session, doc, c));
  }
  sql += " WHERE `name` = ?";
  params.push_back(to_db(doc.get("name")));
  try {
    session.db.query(sql, params);
  } catch (const db::DbError& e) {
    translate_constraint(doc, e);
  }
}

void write_children(Session& session, Document& doc, bool is_insert) {
  for (const DocField* tf : doc.meta().table_fields()) {
    auto child_meta = session.metas.get(tf->options);
    auto& rows = doc.table(tf->fieldname);
    if (!is_insert) {
      std::string sql = "DELETE FROM " + quote_identifier(child_meta->table()) +
                        " WHERE `parent` = ? AND `parenttype` = ? AND `parentfield` = ?";
      std::vector<db::Value> params = {to_db(doc.get("name")), doc.doctype(), tf->fieldname};
      std::string keep;
      for (const auto& row : rows) {
        if (row->is_new()) continue;
        keep += keep.empty() ? "?" : ", ?";
        params.push_back(to_db(row->get("name")));
      }
      if (!keep.empty()) sql += " AND `name` NOT IN (" + keep + ")";
      session.db.query(sql, params);
    }
    for (const auto& row : rows) {
      insert_one(session, *row, !is_insert && !row->is_new());
      row->set_new(false);
    }
  }
}

void write_single(Session& session, Document& doc) {
  session.db.query("DELETE FROM `tabSingles` WHERE `doctype` = ?", {doc.doctype()});
  auto put = [&](const std::string& field, const db::Value& value) {
    if (std::holds_alternative<std::monostate>(value)) return;
    db::Value text = value;
    if (const auto* i = std::get_if<std::int64_t>(&value)) text = std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) text = Json(*d).dump();
    session.db.query("INSERT INTO `tabSingles` (`doctype`, `field`, `value`) VALUES (?, ?, ?)",
                     {doc.doctype(), field, text});
  };
  for (const DocField* f : doc.meta().data_fields())
    put(f->fieldname, column_value(session, doc, f->fieldname));
  for (const char* c : {"modified", "modified_by", "creation", "owner"}) put(c, to_db(doc.get(c)));
}

void delete_rows(Session& session, const Meta& meta, const Json& name) {
  if (meta.issingle) {
    session.db.query("DELETE FROM `tabSingles` WHERE `doctype` = ?", {meta.name});
    return;
  }
  for (const DocField* tf : meta.table_fields()) {
    auto child_meta = session.metas.get(tf->options);
    session.db.query("DELETE FROM " + quote_identifier(child_meta->table()) +
                         " WHERE `parent` = ? AND `parenttype` = ?",
                     {to_db(name), meta.name});
  }
  session.db.query("DELETE FROM " + quote_identifier(meta.table()) + " WHERE `name` = ?",
                   {to_db(name)});
  if (table_exists(session.db, "__Auth")) {
    session.db.query("DELETE FROM `__Auth` WHERE `doctype` = ? AND `name` = ?",
                     {meta.name, cstr(name)});
  }
}

}  // namespace quire::model
