#include "model/schema_sync.h"

#include <set>

#include "db/db_error.h"
#include "db/query/identifiers.h"
#include "model/errors.h"
#include "model/fieldtypes.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

struct Column {
  std::string name;
  std::string definition;  // type and constraints
};

std::vector<Column> columns_for(const Meta& meta) {
  std::vector<Column> cols;
  cols.push_back({"name", meta.is_autoincrement() ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                                  : "TEXT PRIMARY KEY NOT NULL"});
  cols.push_back({"creation", "TEXT"});
  cols.push_back({"modified", "TEXT"});
  cols.push_back({"modified_by", "TEXT"});
  cols.push_back({"owner", "TEXT"});
  cols.push_back({"docstatus", "INTEGER NOT NULL DEFAULT 0"});
  cols.push_back({"idx", "INTEGER NOT NULL DEFAULT 0"});
  if (meta.istable) {
    for (const auto& c : child_columns()) cols.push_back({c, "TEXT"});
  } else {
    for (const char* c : {"_user_tags", "_comments", "_assign", "_liked_by"})
      cols.push_back({c, "TEXT"});
  }
  std::set<std::string> seen;
  for (const auto& c : cols) seen.insert(c.name);
  for (const DocField* f : meta.data_fields()) {
    if (!seen.insert(f->fieldname).second) continue;
    std::string def(sqlite_type(f->fieldtype));
    if (f->fieldtype == "Check") def += " NOT NULL DEFAULT 0";
    cols.push_back({f->fieldname, def});
  }
  if (meta.is_tree) {
    for (const char* c : {"lft", "rgt"}) {
      if (seen.insert(c).second) cols.push_back({c, "INTEGER"});
    }
  }
  return cols;
}

std::string index_name(const Meta& meta, const std::string& field, const char* suffix) {
  return quote_identifier(meta.table() + "_" + field + suffix);
}

std::set<std::string> existing_columns(db::Database& db, const std::string& table) {
  std::set<std::string> out;
  for (const auto& row : db.query("SELECT name FROM pragma_table_info(?)", {table})) {
    out.insert(std::get<std::string>(row[0]));
  }
  return out;
}

std::set<std::string> existing_indexes(db::Database& db, const std::string& table) {
  std::set<std::string> out;
  for (const auto& row :
       db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", {table})) {
    out.insert(std::get<std::string>(row[0]));
  }
  return out;
}

void sync_indexes(db::Database& db, const Meta& meta) {
  std::string table = quote_identifier(meta.table());
  std::set<std::string> have = existing_indexes(db, meta.table());
  std::set<std::string> want;
  auto create = [&](const std::string& field, const char* suffix, bool unique) {
    std::string idx = meta.table() + "_" + field + suffix;
    want.insert(idx);
    if (have.count(idx)) return;
    try {
      db.execute(std::string("CREATE ") + (unique ? "UNIQUE " : "") + "INDEX " +
                 index_name(meta, field, suffix) + " ON " + table + " (" + quote_identifier(field) +
                 ")");
    } catch (const db::DbError&) {
      if (!unique) throw;
      const DocField* f = meta.field(field);
      raise(ErrorKind::ValidationError, (f ? f->display_label() : field) + " cannot be unique: " +
                                            meta.name + " already has duplicate values in it");
    }
  };
  if (meta.istable) {
    create("parent", "_index", false);
  } else {
    create("creation", "_index", false);
    create("modified", "_index", false);
  }
  for (const DocField* f : meta.data_fields()) {
    if (f->unique) create(f->fieldname, "_unique", true);
    if (f->search_index && !f->unique) create(f->fieldname, "_index", false);
  }
  // Drop the indexes this module made that the DocType no longer asks for.
  for (const auto& idx : have) {
    bool ours = idx.rfind(meta.table() + "_", 0) == 0 &&
                (idx.size() > 6 && (idx.ends_with("_index") || idx.ends_with("_unique")));
    if (ours && !want.count(idx)) db.execute("DROP INDEX " + quote_identifier(idx));
  }
}

}  // namespace

bool table_exists(db::Database& db, const std::string& table) {
  return !db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {table})
              .empty();
}

void ensure_system_tables(db::Database& db) {
  db.execute(
      "CREATE TABLE IF NOT EXISTS `tabSingles` (`doctype` TEXT NOT NULL, `field` TEXT NOT NULL,"
      " `value` TEXT, PRIMARY KEY (`doctype`, `field`));"
      "CREATE TABLE IF NOT EXISTS `tabSeries` (`name` TEXT PRIMARY KEY NOT NULL,"
      " `current` INTEGER NOT NULL DEFAULT 0);");
}

void sync_schema(db::Database& db, const Meta& meta) {
  if (meta.issingle) return;
  std::string table = quote_identifier(meta.table());
  std::vector<Column> cols = columns_for(meta);
  if (!table_exists(db, meta.table())) {
    std::string sql = "CREATE TABLE " + table + " (";
    for (size_t i = 0; i < cols.size(); ++i) {
      sql += (i ? ", " : "") + quote_identifier(cols[i].name) + " " + cols[i].definition;
    }
    db.execute(sql + ")");
  } else {
    std::set<std::string> have = existing_columns(db, meta.table());
    for (const auto& c : cols) {
      if (have.count(c.name)) continue;
      // SQLite cannot add a PRIMARY KEY column; the name column always exists.
      db.execute("ALTER TABLE " + table + " ADD COLUMN " + quote_identifier(c.name) + " " +
                 c.definition);
    }
  }
  sync_indexes(db, meta);
}

void drop_schema(db::Database& db, const Meta& meta) {
  if (meta.issingle) {
    db.query("DELETE FROM `tabSingles` WHERE `doctype` = ?", {meta.name});
    return;
  }
  db.execute("DROP TABLE IF EXISTS " + quote_identifier(meta.table()));
}

}  // namespace quire::model
