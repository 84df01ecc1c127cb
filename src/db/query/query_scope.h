#pragma once

#include <string>
#include <vector>

#include "db/query/field_expr.h"
#include "db/query/table_info.h"

namespace quire::db::query {

// The tables one query reads: the queried DocType and the child tables joined
// because a field, filter or order named them. Resolves column references to
// qualified SQL, so only known tables and columns ever reach the text.
class QueryScope {
 public:
  QueryScope(const TableInfo& main, const SchemaLookup& schema, bool allow_joins)
      : main_(main), schema_(schema), allow_joins_(allow_joins) {}

  struct Resolved {
    const TableInfo* table;
    std::string sql;  // `tabX`.`field`
    ColumnKind kind;
  };

  // Resolves `ref` (qualifier empty, `tabX`, or a child-table field name).
  // With `search_children`, an unqualified field missing on the main DocType is
  // looked up in its child tables (Frappe does this for filters).
  Resolved resolve(const ColumnRef& ref, bool search_children = false);

  // Resolves a filter's explicit DocType (empty, the main one or a child).
  const TableInfo& table_for_doctype(const std::string& doctype);

  // Every column of `table`, qualified, in table order (for `*`).
  std::vector<Resolved> all_columns(const TableInfo& table) const;

  const TableInfo& table_for_qualifier(const std::string& qualifier);

  // Once set, naming a table not yet joined is an error (order_by/group_by
  // may not add rows by joining).
  void freeze_joins() { frozen_ = true; }

  const TableInfo& main() const { return main_; }
  // ` LEFT JOIN ...` clauses for every joined child table.
  std::string join_sql() const;
  bool has_joins() const { return !joins_.empty() || !link_joins_.empty(); }
  // The DocTypes joined through Link fields (`link_field.column`): a caller
  // applying permissions must check the user may read each of them.
  std::vector<std::string> linked_doctypes() const;

 private:
  struct Join {
    const TableInfo* table;
    std::string parentfield;  // empty when reached through `tabChild`
  };
  const TableInfo& join_child(const std::string& child_doctype, const std::string& parentfield);
  // `link_field.column`: the linked DocType joined under its own alias.
  Resolved resolve_through_link(const std::string& link_field, const std::string& column);
  struct LinkJoin {
    const TableInfo* table;
    std::string field;
    std::string alias;
  };
  std::vector<LinkJoin> link_joins_;

  const TableInfo& main_;
  const SchemaLookup& schema_;
  bool allow_joins_;
  bool frozen_ = false;
  std::vector<Join> joins_;
};

}  // namespace quire::db::query
