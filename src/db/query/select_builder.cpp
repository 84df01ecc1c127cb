#include "db/query/select_builder.h"

#include "db/query/conditions.h"
#include "db/query/field_expr.h"
#include "db/query/filters.h"
#include "db/query/identifiers.h"
#include "db/query/query_error.h"
#include "db/query/query_scope.h"

namespace quire::db::query {
namespace {

// `fields` arrives as a list, a comma-separated string, JSON text of a list,
// or null.
std::vector<std::string> field_items(const nlohmann::json& fields) {
  std::vector<std::string> items;
  if (fields.is_null()) return items;
  if (fields.is_string()) {
    const auto& text = fields.get_ref<const std::string&>();
    if (!text.empty() && text.front() == '[') {
      nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
      if (parsed.is_discarded() || !parsed.is_array()) {
        throw QueryError("DataError", "Fields must be a list of field names");
      }
      return field_items(parsed);
    }
    return split_top_level(text, ',');
  }
  if (!fields.is_array()) throw QueryError("DataError", "Fields must be a list of field names");
  for (const auto& f : fields) {
    if (!f.is_string()) throw QueryError("DataError", "Invalid field name " + f.dump());
    // A list item may itself hold "a, b" (Frappe splits those too).
    for (auto& piece : split_top_level(f.get<std::string>(), ','))
      items.push_back(std::move(piece));
  }
  return items;
}

struct SelectedColumn {
  std::string sql;
  ResultColumn result;
};

std::string aggregate_sql(const FieldExpr& e, QueryScope& scope, std::optional<ColumnKind>& kind) {
  std::string arg;
  if (e.column.field == "*") {
    arg = "*";
  } else {
    auto r = scope.resolve(e.column);
    arg = r.sql;
    kind = r.kind;
  }
  return e.function + "(" + (e.distinct ? "DISTINCT " : "") + arg + ")";
}

std::vector<SelectedColumn> select_list(const std::vector<std::string>& items, QueryScope& scope,
                                        const TableInfo& main,
                                        const std::set<std::string, std::less<>>& hidden) {
  auto is_hidden = [&](const TableInfo* table, const std::string& field) {
    return table == &main && hidden.count(field) != 0;
  };
  std::vector<SelectedColumn> out;
  for (const auto& item : items) {
    FieldExpr e = parse_field(item);
    if (e.kind == FieldExpr::Kind::Star) {
      const TableInfo& t = scope.table_for_qualifier(e.column.qualifier);
      for (const auto& c : scope.all_columns(t)) {
        std::string field = c.sql.substr(c.sql.rfind(".`") + 2);
        field.pop_back();
        if (is_hidden(c.table, field)) continue;
        out.push_back({c.sql, {field, c.kind, ""}});
      }
    } else if (e.kind == FieldExpr::Kind::Aggregate) {
      if (e.column.field != "*" && is_hidden(scope.resolve(e.column).table, e.column.field)) {
        continue;
      }
      std::optional<ColumnKind> kind;
      std::string sql = aggregate_sql(e, scope, kind);
      std::string label = e.alias.empty() ? e.text : e.alias;
      out.push_back({sql + " AS " + quote_identifier(label), {label, kind, e.function}});
    } else {
      auto r = scope.resolve(e.column);
      if (is_hidden(r.table, e.column.field)) continue;
      std::string label = e.alias.empty() ? e.column.field : e.alias;
      std::string sql = r.sql;
      if (!e.alias.empty()) sql += " AS " + quote_identifier(e.alias);
      out.push_back({sql, {label, r.kind, ""}});
    }
  }
  return out;
}

std::string order_expression(const FieldExpr& e, QueryScope& scope,
                             const std::vector<SelectedColumn>& selected) {
  if (e.kind == FieldExpr::Kind::Aggregate) {
    std::optional<ColumnKind> kind;
    return aggregate_sql(e, scope, kind);
  }
  // A bare name that is a selected alias sorts by that alias.
  if (e.column.qualifier.empty()) {
    for (const auto& s : selected) {
      if (s.result.label == e.column.field && s.sql.find(" AS ") != std::string::npos) {
        return quote_identifier(e.column.field);
      }
    }
  }
  return scope.resolve(e.column).sql;
}

void append_filters(const nlohmann::json& filters, bool any, ConditionContext& ctx,
                    std::string& where, std::vector<Value>& params) {
  std::vector<Filter> parsed = parse_filters(filters);
  if (parsed.empty()) return;
  std::string group;
  for (const auto& f : parsed) {
    if (!group.empty()) group += any ? " OR " : " AND ";
    append_condition(f, ctx, group, params);
  }
  if (!where.empty()) where += " AND ";
  where += "(" + group + ")";
}

}  // namespace

Value to_value(const nlohmann::json& v) {
  if (v.is_null()) return std::monostate{};
  if (v.is_boolean()) return static_cast<std::int64_t>(v.get<bool>() ? 1 : 0);
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return v.get<std::string>();
  throw QueryError("ValidationError", "Value must be a single value, got " + v.dump());
}

SelectStatement build_select(const ListQuery& q, const SchemaLookup& schema) {
  require_doctype_name(q.doctype);
  const TableInfo* main = schema.find(q.doctype);
  if (main == nullptr) throw QueryError("DoesNotExistError", "DocType " + q.doctype + " not found");
  QueryScope scope(*main, schema, true);

  std::vector<std::string> items = field_items(q.fields);
  if (items.empty()) items.push_back("name");
  std::vector<SelectedColumn> selected = select_list(items, scope, *main, q.hidden_columns);
  // Every named field was hidden: the name is always readable.
  if (selected.empty()) selected = select_list({"name"}, scope, *main, {});

  SelectStatement st;
  std::string where;
  std::vector<Value> where_params;
  ConditionContext ctx{scope, schema, q.today, q.ignore_ifnull};
  append_filters(q.filters, false, ctx, where, where_params);
  append_filters(q.or_filters, true, ctx, where, where_params);
  for (const auto& c : q.trusted_conditions) {
    if (c.empty()) continue;
    if (!where.empty()) where += " AND ";
    where += "(" + c + ")";
  }

  scope.freeze_joins();
  std::string group_sql;
  for (const auto& item : split_top_level(q.group_by, ',')) {
    FieldExpr e = parse_group_item(item);
    group_sql += (group_sql.empty() ? "" : ", ") + scope.resolve(e.column).sql;
  }

  std::string order_sql;
  if (q.order_by.has_value()) {
    for (const auto& item : split_top_level(*q.order_by, ',')) {
      FieldExpr e = parse_order_item(item);
      order_sql += (order_sql.empty() ? "" : ", ") + order_expression(e, scope, selected) +
                   (e.descending      ? " DESC"
                    : e.has_direction ? " ASC"
                                      : "");
    }
  } else {
    bool only_aggregates = true;
    for (const auto& s : selected) only_aggregates &= !s.result.function.empty();
    if (!(only_aggregates && group_sql.empty()) && !q.distinct) {
      ColumnRef ref{"", main->sort_field};
      order_sql = scope.resolve(ref).sql + (main->sort_order == "asc" ? " ASC" : " DESC");
    }
  }

  st.sql = q.distinct ? "SELECT DISTINCT " : "SELECT ";
  for (size_t i = 0; i < selected.size(); ++i) {
    st.sql += (i ? ", " : "") + selected[i].sql;
    st.columns.push_back(selected[i].result);
  }
  st.sql += " FROM " + quote_identifier(main->table()) + scope.join_sql();
  st.linked_doctypes = scope.linked_doctypes();
  if (!where.empty()) st.sql += " WHERE " + where;
  st.params = std::move(where_params);
  if (!group_sql.empty()) st.sql += " GROUP BY " + group_sql;
  if (!order_sql.empty()) st.sql += " ORDER BY " + order_sql;
  if (q.limit < 0 || q.limit_start < 0) {
    throw QueryError("ValidationError", "limit and limit_start must not be negative");
  }
  if (q.limit > 0 || q.limit_start > 0) {
    st.sql += " LIMIT ? OFFSET ?";
    st.params.emplace_back(q.limit > 0 ? q.limit : std::int64_t{-1});
    st.params.emplace_back(q.limit_start);
  }
  return st;
}

WhereClause build_where(const TableInfo& table, const nlohmann::json& filters,
                        const SchemaLookup& schema, const std::string& today) {
  QueryScope scope(table, schema, false);
  ConditionContext ctx{scope, schema, today, false};
  WhereClause w;
  append_filters(filters, false, ctx, w.sql, w.params);
  if (w.sql.empty()) w.sql = "1=1";
  return w;
}

}  // namespace quire::db::query
