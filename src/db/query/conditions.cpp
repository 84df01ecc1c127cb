#include "db/query/conditions.h"

#include <algorithm>
#include <cmath>

#include "db/query/date_ranges.h"
#include "db/query/identifiers.h"
#include "db/query/query_error.h"
#include "db/query/select_builder.h"

namespace quire::db::query {
namespace {

bool is_numeric(ColumnKind k) {
  return k == ColumnKind::Integer || k == ColumnKind::Real;
}

std::string fallback_for(ColumnKind k) {
  switch (k) {
    case ColumnKind::Date:
      return "0001-01-01";
    case ColumnKind::Datetime:
      return "0001-01-01 00:00:00.000000";
    case ColumnKind::Time:
      return "00:00:00";
    default:
      return "";
  }
}

std::string text_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number()) return v.dump();
  throw QueryError("ValidationError", "Filter value must be a single value, got " + v.dump());
}

// Frappe's flt(): numbers pass, numeric text is parsed, anything else is 0.
Value numeric_value(const nlohmann::json& v, ColumnKind kind) {
  double d = 0;
  if (v.is_boolean()) {
    d = v.get<bool>() ? 1 : 0;
  } else if (v.is_number_integer() && kind == ColumnKind::Integer) {
    return v.get<std::int64_t>();
  } else if (v.is_number()) {
    d = v.get<double>();
  } else if (v.is_string()) {
    std::string s = v.get<std::string>();
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    try {
      size_t used = 0;
      d = std::stod(s, &used);
    } catch (...) {
      d = 0;
    }
  } else if (!v.is_null()) {
    throw QueryError("ValidationError", "Filter value must be a single value, got " + v.dump());
  }
  if (kind == ColumnKind::Integer && std::floor(d) == d && std::fabs(d) < 9.2e18) {
    return static_cast<std::int64_t>(d);
  }
  return d;
}

// Frappe sends datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff'; a bare date means
// midnight (or the end of the day for the upper bound of a range).
std::string datetime_text(const std::string& s, bool end_of_day) {
  if (s.size() == 10) return s + (end_of_day ? " 23:59:59.999999" : " 00:00:00.000000");
  return s;
}

Value typed(const nlohmann::json& v, ColumnKind kind) {
  if (is_numeric(kind)) return numeric_value(v, kind);
  std::string s = text_of(v);
  if (kind == ColumnKind::Datetime) s = datetime_text(s, false);
  return s;
}

std::vector<nlohmann::json> list_values(const nlohmann::json& v) {
  std::vector<nlohmann::json> out;
  if (v.is_array()) {
    for (const auto& item : v) {
      if (item.is_string()) {
        std::string s = item.get<std::string>();
        size_t b = s.find_first_not_of(' ');
        size_t e = s.find_last_not_of(' ');
        out.emplace_back(b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
      } else {
        out.push_back(item);
      }
    }
  } else if (v.is_string()) {
    std::string s = v.get<std::string>();
    size_t start = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      if (comma == std::string::npos) comma = s.size();
      std::string part = s.substr(start, comma - start);
      size_t b = part.find_first_not_of(' ');
      size_t e = part.find_last_not_of(' ');
      out.emplace_back(b == std::string::npos ? std::string() : part.substr(b, e - b + 1));
      start = comma + 1;
    }
  } else if (!v.is_null()) {
    out.push_back(v);
  }
  if (out.empty()) out.emplace_back("");
  return out;
}

// '' LIKE p holds only when p is made of '%' alone.
bool empty_matches_like(const std::string& pattern) {
  return std::all_of(pattern.begin(), pattern.end(), [](char c) { return c == '%'; });
}

std::string placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

void tree_condition(const Filter& f, const QueryScope::Resolved& col, const TableInfo& owner,
                    ConditionContext& ctx, std::string& sql, std::vector<Value>& params) {
  std::string target;
  if (f.field == "name") {
    target = owner.doctype;
  } else {
    auto link = owner.links.find(f.field);
    if (link == owner.links.end()) {
      throw QueryError("ValidationError",
                       "Operator " + f.op + " needs a Link field to a tree DocType: " + f.field);
    }
    target = link->second;
  }
  const TableInfo* tree = ctx.schema.find(target);
  if (tree == nullptr || !tree->column("lft") || !tree->column("rgt")) {
    throw QueryError("ValidationError", target + " is not a tree DocType (no lft/rgt)");
  }
  std::string t = quote_identifier(tree->table());
  std::string node_l = "(SELECT `lft` FROM " + t + " WHERE `name` = ?)";
  std::string node_r = "(SELECT `rgt` FROM " + t + " WHERE `name` = ?)";
  bool ancestors = f.op.find("ancestors") != std::string::npos;
  bool inclusive = f.op.find("inclusive") != std::string::npos;
  bool negated = f.op.rfind("not ", 0) == 0;
  std::string cmp_l = ancestors ? "<" : ">";
  std::string cmp_r = ancestors ? ">" : "<";
  if (inclusive) {
    cmp_l += "=";
    cmp_r += "=";
  }
  std::string value = text_of(f.value);
  sql += "ifnull(" + col.sql + ", '')" + (negated ? " NOT IN " : " IN ") + "(SELECT `name` FROM " +
         t + " WHERE `lft` " + cmp_l + " " + node_l + " AND `rgt` " + cmp_r + " " + node_r + ")";
  params.emplace_back(value);
  params.emplace_back(value);
}

}  // namespace

void append_condition(const Filter& f, ConditionContext& ctx, std::string& sql,
                      std::vector<Value>& params) {
  const TableInfo& owner = ctx.scope.table_for_doctype(f.doctype);
  ColumnRef ref;
  if (!f.doctype.empty() && f.doctype != ctx.scope.main().doctype)
    ref.qualifier = "tab" + f.doctype;
  ref.field = f.field;
  QueryScope::Resolved col = ctx.scope.resolve(ref, f.doctype.empty());
  const TableInfo& table = *col.table;
  ColumnKind kind = col.kind;
  const std::string& op = f.op;

  if (op.find("ancestors of") != std::string::npos ||
      op.find("descendants of") != std::string::npos) {
    tree_condition(f, col, table, ctx, sql, params);
    return;
  }
  (void)owner;

  if (op == "is") {
    std::string v = f.value.is_string() ? f.value.get<std::string>() : "";
    if (v != "set" && v != "not set") {
      throw QueryError("ValidationError", "Value for operator 'is' must be 'set' or 'not set'");
    }
    if (is_numeric(kind)) {
      sql += "ifnull(" + col.sql + ", 0)" + (v == "set" ? " != 0" : " = 0");
    } else {
      sql += "ifnull(" + col.sql + ", '')" + (v == "set" ? " != ''" : " = ''");
    }
    return;
  }

  // Range operators all become BETWEEN.
  if (op == "between" || op == "timespan" || op == "previous" || op == "next") {
    std::string from, to;
    if (op == "between") {
      std::vector<nlohmann::json> bounds = list_values(f.value);
      from = bounds.size() > 0 ? text_of(bounds[0]) : "";
      to = bounds.size() > 1 ? text_of(bounds[1]) : "";
      if (bounds.size() > 2) {
        throw QueryError("ValidationError", "Between needs two values: [from, to]");
      }
      bool dated = kind == ColumnKind::Date || kind == ColumnKind::Datetime;
      if (dated && from.empty()) from = ctx.today;
      if (dated && to.empty()) to = ctx.today;
    } else {
      std::string v = f.value.is_string() ? f.value.get<std::string>() : "";
      auto range =
          op == "timespan" ? timespan_range(v, ctx.today) : relative_range(op, v, ctx.today);
      if (!range) {
        throw QueryError("ValidationError",
                         op == "timespan"
                             ? std::string("Timespan must be one of ") + timespan_names()
                             : "Value for " + op +
                                   " must be one of 1 week, 1 month, 3 months, 6 months, 1 year");
      }
      from = range->first;
      to = range->second;
    }
    sql += col.sql + " BETWEEN ? AND ?";
    if (is_numeric(kind)) {
      params.push_back(numeric_value(from, kind));
      params.push_back(numeric_value(to, kind));
    } else if (kind == ColumnKind::Datetime) {
      params.emplace_back(datetime_text(from, false));
      params.emplace_back(datetime_text(to, true));
    } else {
      params.emplace_back(from);
      params.emplace_back(to);
    }
    return;
  }

  // Frappe compares through ifnull(col, fallback) so NULL behaves like the
  // empty value. The wrap only changes the answer when the condition holds for
  // the fallback itself, so it is added only then: the other conditions stay
  // index-friendly. Numeric columns and name/creation/modified are never wrapped.
  bool may_wrap = !ctx.ignore_ifnull && !is_numeric(kind) && f.field != "name" &&
                  f.field != "creation" && f.field != "modified";
  std::string fallback = fallback_for(kind);

  if (op == "in" || op == "not in") {
    std::vector<nlohmann::json> values = list_values(f.value);
    std::vector<Value> bound;
    bool has_fallback = false;
    for (const auto& v : values) {
      bound.push_back(typed(v, kind));
      if (const auto* s = std::get_if<std::string>(&bound.back())) has_fallback |= *s == fallback;
    }
    bool wrap = may_wrap && (op == "in" ? has_fallback : !has_fallback);
    std::string lhs = wrap ? "ifnull(" + col.sql + ", ?)" : col.sql;
    if (wrap) params.emplace_back(fallback);
    sql += lhs + (op == "in" ? " IN (" : " NOT IN (") + placeholders(bound.size()) + ")";
    for (auto& b : bound) params.push_back(std::move(b));
    return;
  }

  if (op == "like" || op == "not like") {
    std::string pattern = text_of(f.value);
    bool holds = empty_matches_like(pattern) == (op == "like");
    bool wrap = may_wrap && holds;
    sql += (wrap ? "ifnull(" + col.sql + ", ?)" : col.sql) +
           (op == "like" ? " LIKE ?" : " NOT LIKE ?");
    if (wrap) params.emplace_back(fallback);
    params.emplace_back(pattern);
    return;
  }

  // Plain comparisons.
  if (f.value.is_array() || f.value.is_object()) {
    throw QueryError("ValidationError",
                     "Value for operator " + op + " must be a single value, got " + f.value.dump());
  }
  Value value = typed(f.value, kind);
  bool holds = false;
  if (const auto* s = std::get_if<std::string>(&value)) {
    int c = fallback.compare(*s);
    holds = (op == "=" && c == 0) || (op == "!=" && c != 0) || (op == "<" && c < 0) ||
            (op == "<=" && c <= 0) || (op == ">" && c > 0) || (op == ">=" && c >= 0);
  }
  bool wrap = may_wrap && holds;
  sql += (wrap ? "ifnull(" + col.sql + ", ?)" : col.sql) + " " + op + " ?";
  if (wrap) params.emplace_back(fallback);
  params.push_back(std::move(value));
}

}  // namespace quire::db::query
