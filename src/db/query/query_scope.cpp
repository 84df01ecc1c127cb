#include "db/query/query_scope.h"

#include "db/query/identifiers.h"
#include "db/query/query_error.h"

namespace quire::db::query {
namespace {

std::string qualified(const TableInfo& table, const std::string& field) {
  return quote_identifier(table.table()) + "." + quote_identifier(field);
}

}  // namespace

const TableInfo& QueryScope::join_child(const std::string& child_doctype,
                                        const std::string& parentfield) {
  for (const auto& j : joins_) {
    if (j.table->doctype == child_doctype) return *j.table;
  }
  if (!allow_joins_) {
    throw QueryError("DataError", "Cannot filter on child table " + child_doctype + " here");
  }
  if (frozen_) {
    throw QueryError("DataError",
                     "Please select atleast 1 column from " + child_doctype + " to sort/group");
  }
  const TableInfo* child = schema_.find(child_doctype);
  if (child == nullptr) throw QueryError("DataError", "DocType " + child_doctype + " not found");
  joins_.push_back({child, parentfield});
  return *child;
}

const TableInfo& QueryScope::table_for_doctype(const std::string& doctype) {
  if (doctype.empty() || doctype == main_.doctype) return main_;
  require_doctype_name(doctype);
  for (const auto& [field, child] : main_.child_tables) {
    if (child == doctype) return join_child(doctype, "");
  }
  throw QueryError("DataError", "DocType " + doctype + " is neither " + main_.doctype +
                                    " nor one of its child tables");
}

const TableInfo& QueryScope::table_for_qualifier(const std::string& qualifier) {
  if (qualifier.empty()) return main_;
  if (qualifier.rfind("tab", 0) == 0) return table_for_doctype(qualifier.substr(3));
  require_fieldname(qualifier);
  auto it = main_.child_tables.find(qualifier);
  if (it == main_.child_tables.end()) {
    throw QueryError("DataError", "Invalid field name " + qualifier);
  }
  return join_child(it->second, qualifier);
}

QueryScope::Resolved QueryScope::resolve_through_link(const std::string& link_field,
                                                      const std::string& column) {
  const std::string& target = main_.links.at(link_field);
  const LinkJoin* join = nullptr;
  for (const auto& j : link_joins_) {
    if (j.field == link_field) join = &j;
  }
  if (join == nullptr) {
    if (!allow_joins_ || frozen_) {
      throw QueryError("DataError",
                       "Please select atleast 1 column from " + target + " to sort/group");
    }
    const TableInfo* table = schema_.find(target);
    if (table == nullptr) throw QueryError("DataError", "DocType " + target + " not found");
    // The alias is built from two validated identifiers, so it is safe text.
    link_joins_.push_back({table, link_field, "tab" + target + "_" + link_field});
    join = &link_joins_.back();
  }
  const ColumnKind* kind = join->table->column(column);
  if (kind == nullptr) {
    throw QueryError("DataError",
                     "Unknown column '" + column + "' in DocType " + join->table->doctype);
  }
  return {join->table, quote_identifier(join->alias) + "." + quote_identifier(column), *kind};
}

QueryScope::Resolved QueryScope::resolve(const ColumnRef& ref, bool search_children) {
  require_fieldname(ref.field);
  if (!ref.qualifier.empty() && ref.qualifier.rfind("tab", 0) != 0 &&
      !main_.child_tables.count(ref.qualifier) && main_.links.count(ref.qualifier)) {
    return resolve_through_link(ref.qualifier, ref.field);
  }
  const TableInfo& table = table_for_qualifier(ref.qualifier);
  if (const ColumnKind* kind = table.column(ref.field)) {
    return {&table, qualified(table, ref.field), *kind};
  }
  if (search_children && ref.qualifier.empty()) {
    for (const auto& [tablefield, child_doctype] : main_.child_tables) {
      const TableInfo* child = schema_.find(child_doctype);
      if (child != nullptr && child->column(ref.field) != nullptr) {
        const TableInfo& joined = join_child(child_doctype, tablefield);
        return {&joined, qualified(joined, ref.field), *joined.column(ref.field)};
      }
    }
  }
  throw QueryError("DataError", "Unknown column '" + ref.field + "' in DocType " + table.doctype);
}

std::vector<QueryScope::Resolved> QueryScope::all_columns(const TableInfo& table) const {
  std::vector<Resolved> out;
  for (const auto& name : table.column_order) {
    out.push_back({&table, qualified(table, name), table.columns.at(name)});
  }
  return out;
}

std::vector<std::string> QueryScope::linked_doctypes() const {
  std::vector<std::string> out;
  for (const auto& j : link_joins_) out.push_back(j.table->doctype);
  return out;
}

std::string QueryScope::join_sql() const {
  std::string sql;
  for (const auto& j : joins_) {
    std::string child = quote_identifier(j.table->table());
    // The parent DocType name and field name were validated as identifiers, so
    // they may be written as literals without any quoting concern.
    sql += " LEFT JOIN " + child + " ON " + child +
           ".`parent` = " + quote_identifier(main_.table()) + ".`name` AND " + child +
           ".`parenttype` = '" + main_.doctype + "'";
    if (!j.parentfield.empty()) sql += " AND " + child + ".`parentfield` = '" + j.parentfield + "'";
  }
  for (const auto& j : link_joins_) {
    sql += " LEFT JOIN " + quote_identifier(j.table->table()) + " AS " + quote_identifier(j.alias) +
           " ON " + quote_identifier(j.alias) + ".`name` = " + quote_identifier(main_.table()) +
           "." + quote_identifier(j.field);
  }
  return sql;
}

}  // namespace quire::db::query
