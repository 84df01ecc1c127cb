#include "scripting/frappe_qb_warnings.h"  // first: see there
// The SQL text of frappe.qb trees (frappe_qb_sql.h).
#include "scripting/frappe_qb_sql.h"

#include "scripting/frappe_qb_node.h"

namespace quire::scripting::qb {

using model::Json;

namespace {

std::string quote(const std::string& name) {
  // Names are checked when nodes are made (no backtick can occur); doubling
  // keeps the quoting sound even so.
  std::string out = "`";
  for (char ch : name) {
    out += ch;
    if (ch == '`') out += '`';
  }
  return out + "`";
}

std::string text(const Json& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool has(const Json& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && !it->is_null();
}

constexpr std::size_t kChainGroup = 100;

class Writer {
 public:
  Json params = Json::object();

  std::string table(const Json& t) {
    std::string sql = quote(text(t, "n"));
    if (has(t, "a")) sql += " " + quote(text(t, "a"));
    return sql;
  }

  // `namespaced`: the query reads more than one table, so columns name theirs.
  std::string term(const Json& t, bool namespaced, bool with_alias = false,
                   bool subcriterion = false) {
    const std::string kind = text(t, "k");
    std::string sql;
    if (kind == "field" || kind == "star") {
      std::string ns;
      if (has(t, "t")) {
        const Json& tab = t["t"];
        if (has(tab, "a")) {
          ns = text(tab, "a");
        } else if (namespaced) {
          ns = text(tab, "n");
        }
      }
      std::string column = kind == "star" ? "*" : quote(text(t, "n"));
      sql = ns.empty() ? column : quote(ns) + "." + column;
    } else if (kind == "val") {
      sql = placeholder(t["v"]);
    } else if (kind == "raw") {
      // Raw SQL by design (PseudoColumn): '%' doubled so that frappe.db.sql's
      // parameter syntax sees it as a literal percent.
      for (char ch : text(t, "s")) sql += ch == '%' ? std::string("%%") : std::string(1, ch);
    } else if (kind == "fn") {
      sql = text(t, "n") + "(" + list(t["args"], namespaced) + ")";
    } else if (kind == "arith" && text(t["r"], "k") == "interval") {
      sql = date_add(t["l"], t["r"], text(t, "op") == "-", namespaced);
    } else if (kind == "arith" && text(t["l"], "k") == "interval") {
      sql = date_add(t["r"], t["l"], false, namespaced);  // only `interval + x` is built
    } else if (kind == "interval") {
      sql = text(t, "text");  // PyPika's MySQL text: SQLite has no INTERVAL outside date_add
    } else if (kind == "tuple") {
      sql = "(" + list(t["items"], namespaced) + ")";
    } else if (kind == "rawc") {
      sql = raw_with_params(t);
    } else if (kind == "arith") {
      // One call per statement: parameters are numbered in the order they are rendered.
      sql = operand(t["l"], namespaced);
      sql += text(t, "op");
      sql += operand(t["r"], namespaced);
    } else if (kind == "cmp") {
      sql = term(t["l"], namespaced);
      sql += text(t, "op");
      sql += term(t["r"], namespaced);
    } else if (kind == "bool") {
      const std::string op = text(t, "op");
      // SQLite parses a chain as nested operators, at most 1,000 deep: a long
      // chain is written as bracketed groups of 100 (same meaning).
      const std::vector<Json> items = chain_items(t);
      const bool grouped = items.size() > kChainGroup;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const Json& item = items[i];
        if (i > 0) sql += " " + op + " ";
        if (grouped && i % kChainGroup == 0) sql += "(";
        sql += term(item, namespaced, false, needs_brackets(item, op));
        if (grouped && (i % kChainGroup == kChainGroup - 1 || i + 1 == items.size())) sql += ")";
      }
      if (subcriterion) sql = "(" + sql + ")";
    } else if (kind == "not") {
      sql = "NOT " + term(t["x"], namespaced, false, true);
    } else if (kind == "in") {
      sql = term(t["x"], namespaced);
      sql += t.value("neg", false) ? " NOT IN (" : " IN (";
      sql += has(t, "q") ? query(t["q"]) : list(t["list"], namespaced);
      sql += ")";
    } else if (kind == "null") {
      sql = term(t["x"], namespaced) + (t.value("neg", false) ? " IS NOT NULL" : " IS NULL");
    } else if (kind == "between") {
      sql = term(t["x"], namespaced);
      sql += " BETWEEN " + term(t["lo"], namespaced);
      sql += " AND " + term(t["hi"], namespaced);
    } else if (kind == "case") {
      sql = "CASE";
      for (const auto& w : t["when"]) {
        sql += " WHEN " + term(w[0], namespaced);
        sql += " THEN " + term(w[1], namespaced);
      }
      if (has(t, "else")) sql += " ELSE " + term(t["else"], namespaced);
      sql += " END";
    } else if (kind == "subq") {
      sql = "(" + query(t["q"]) + ")";
      if (with_alias && has(t["q"], "a")) sql += " " + quote(text(t["q"], "a"));
      return sql;
    }
    if (with_alias && has(t, "a")) sql += " " + quote(text(t, "a"));
    return sql;
  }

  std::string query(const Json& q) {
    std::string ctes;
    if (has(q, "with")) {
      for (const auto& w : q["with"]) {
        ctes += (ctes.empty() ? "WITH " : ",") + quote(w[0].get<std::string>()) + " AS (" +
                query(w[1]) + ")";
      }
      ctes += " ";
    }
    return ctes + statement(q);
  }

 private:
  int next_param_ = 0;

  std::string statement(const Json& q) {
    const std::string type = text(q, "type");
    if (type == "union") return set_operation(q);
    if (type == "update") return update(q);
    if (type == "delete") return remove(q);
    if (type == "insert") return insert(q);
    return select(q);
  }

  std::string placeholder(const Json& value) {
    std::string key = "param" + std::to_string(++next_param_);
    params[key] = value;
    return "%(" + key + ")s";
  }

  // get_query's SQL from the model's list-query code: each '?' (outside
  // quotes) becomes the next named parameter, '%' is doubled as for PseudoColumn.
  std::string raw_with_params(const Json& t) {
    const std::string s = text(t, "s");
    const Json& values = t["p"];
    std::string sql;
    std::size_t next = 0;
    char quote_char = 0;
    for (char ch : s) {
      if (quote_char != 0) {
        if (ch == quote_char) quote_char = 0;
      } else if (ch == '\'' || ch == '`' || ch == '"') {
        quote_char = ch;
      } else if (ch == '?' && next < values.size()) {
        sql += placeholder(values[next++]);
        continue;
      }
      sql += ch == '%' ? std::string("%%") : std::string(1, ch);
    }
    return sql;
  }

  // `x + Interval(...)` in SQLite (which has no INTERVAL): months first,
  // clamped to the month's last day as MariaDB's DATE_ADD does (SQLite's
  // '+1 months' takes 31 January to 3 March), then days, then the time.
  // A date stays a date; a datetime keeps its time text unless the interval
  // has a time part (then milliseconds are what SQLite's strftime keeps).
  std::string date_add(const Json& value, const Json& interval, bool subtract, bool namespaced) {
    const int sign = subtract ? -1 : 1;
    const std::int64_t months = sign * interval.value("months", std::int64_t{0});
    const std::int64_t days = sign * interval.value("days", std::int64_t{0});
    const std::int64_t micros = sign * interval.value("micros", std::int64_t{0});
    auto signed_text = [](std::int64_t n) { return (n < 0 ? "" : "+") + std::to_string(n); };
    auto x = [&] { return term(value, namespaced); };  // rendered per use: its parameters repeat
    std::string date = "date(" + x() + ")";
    if (months != 0) {
      date = "min(date(" + x() + ",'" + signed_text(months) + " months'),date(" + x() +
             ",'start of month','" + signed_text(months + 1) + " months','-1 day'))";
    }
    if (micros == 0) {
      return "(date(" + date + ",'" + signed_text(days) + " days')||substr(" + x() + ",11))";
    }
    std::int64_t whole = micros / 1000000, fraction = micros % 1000000;
    std::string seconds = signed_text(whole);
    if (fraction != 0) {
      std::string digits = std::to_string(fraction < 0 ? -fraction : fraction);
      if (micros < 0 && whole == 0) seconds = "-0";
      seconds += "." + std::string(6 - digits.size(), '0') + digits;
    }
    return "(strftime('%%Y-%%m-%%d %%H:%%M:%%f'," + date + "||substr(" + x() + ",11),'" +
           signed_text(days) + " days','" + seconds + " seconds')||'000')";
  }

  // `a UNION b`: SQLite takes no brackets around compound members, so a
  // member with its own ORDER BY, LIMIT, WITH or set operation is read
  // through a subquery instead.
  std::string set_operation(const Json& q) {
    std::string sql;
    for (const auto& part : q["parts"]) {
      const Json& member = part[1];
      const bool wrap = has(member, "order") || has(member, "limit") || has(member, "offset") ||
                        has(member, "with") || text(member, "type") == "union";
      const std::string op = part[0].get<std::string>();
      if (!op.empty()) sql += " " + op + " ";
      sql += wrap ? "SELECT * FROM (" + query(member) + ")" : query(member);
    }
    return sql + order_and_limit(q, false);
  }

  std::string order_and_limit(const Json& q, bool namespaced) {
    std::string sql;
    if (has(q, "order") && !q["order"].empty()) {
      sql += " ORDER BY ";
      bool first = true;
      for (const auto& o : q["order"]) {
        sql += (first ? "" : ",") + term(o[0], namespaced);
        if (!o[1].get<std::string>().empty()) sql += " " + o[1].get<std::string>();
        first = false;
      }
    }
    if (has(q, "limit")) {
      sql += " LIMIT " + std::to_string(q["limit"].get<std::int64_t>());
    } else if (has(q, "offset")) {
      sql += " LIMIT -1";  // SQLite takes OFFSET only after a LIMIT; -1 is none
    }
    if (has(q, "offset")) sql += " OFFSET " + std::to_string(q["offset"].get<std::int64_t>());
    return sql;
  }

  std::string list(const Json& terms, bool namespaced, bool with_alias = false) {
    std::string sql;
    for (const auto& t : terms) {
      if (!sql.empty()) sql += ",";
      sql += term(t, namespaced, with_alias);
    }
    return sql;
  }

  // PyPika brackets an AND inside an OR (and the reverse), not a chain of one operator.
  static bool needs_brackets(const Json& child, const std::string& op) {
    return text(child, "k") == "bool" && text(child, "op") != op;
  }

  // Arithmetic inside arithmetic is bracketed, so the tree's grouping is the SQL's.
  std::string operand(const Json& t, bool namespaced) {
    std::string sql = term(t, namespaced);
    return text(t, "k") == "arith" ? "(" + sql + ")" : sql;
  }

  std::string where(const Json& q, const char* key, const char* keyword, bool namespaced) {
    if (!has(q, key) || text(q[key], "k") == "empty") return "";
    return std::string(" ") + keyword + " " + term(q[key], namespaced);
  }

  std::string select(const Json& q) {
    if (!has(q, "sel") || q["sel"].empty()) return "";
    const Json& joins = q.value("joins", Json::array());
    bool namespaced =
        !joins.empty() || has(q, "rawjoins") || q.value("from", Json::array()).size() > 1;
    std::string sql = "SELECT ";
    if (q.value("distinct", false)) sql += "DISTINCT ";
    sql += list(q["sel"], namespaced, true);
    if (has(q, "from") && !q["from"].empty()) {
      sql += " FROM ";
      bool first = true;
      for (const auto& t : q["from"]) {
        sql += (first ? "" : ",") + table(t);
        first = false;
      }
    }
    if (has(q, "rawjoins")) sql += text(q, "rawjoins");
    for (const auto& j : joins) {
      sql += " " + text(j, "how") + "JOIN " + table(j["t"]);
      if (has(j, "on")) sql += " ON " + term(j["on"], namespaced);
      if (has(j, "using")) {
        std::string names;
        for (const auto& f : j["using"]) names += (names.empty() ? "" : ",") + quote(text(f, "n"));
        sql += " USING (" + names + ")";
      }
    }
    sql += where(q, "where", "WHERE", namespaced);
    if (has(q, "group") && !q["group"].empty()) sql += " GROUP BY " + list(q["group"], namespaced);
    sql += where(q, "having", "HAVING", namespaced);
    // FOR UPDATE is left out: SQLite has none (a write transaction holds the
    // whole database, so there is no row to lock).
    return sql + order_and_limit(q, namespaced);
  }

  std::string update(const Json& q) {
    if (!has(q, "set") || q["set"].empty()) return "";
    std::string sql = "UPDATE " + table(q["upd"]) + " SET ";
    bool first = true;
    for (const auto& s : q["set"]) {
      sql += (first ? "" : ",") + quote(text(s[0], "n")) + "=" + term(s[1], false);
      first = false;
    }
    sql += where(q, "where", "WHERE", false);
    if (has(q, "limit")) sql += " LIMIT " + std::to_string(q["limit"].get<std::int64_t>());
    return sql;
  }

  std::string remove(const Json& q) {
    if (!has(q, "from") || q["from"].empty()) return "";
    std::string sql = "DELETE FROM " + table(q["from"][0]);
    sql += where(q, "where", "WHERE", false);
    if (has(q, "limit")) sql += " LIMIT " + std::to_string(q["limit"].get<std::int64_t>());
    return sql;
  }

  std::string insert(const Json& q) {
    if (!has(q, "into") || !has(q, "rows") || q["rows"].empty()) return "";
    std::string sql = "INSERT INTO " + table(q["into"]);
    if (has(q, "cols") && !q["cols"].empty()) {
      std::string names;
      for (const auto& c : q["cols"]) names += (names.empty() ? "" : ",") + quote(text(c, "n"));
      sql += " (" + names + ")";
    }
    sql += " VALUES ";
    bool first = true;
    for (const auto& row : q["rows"]) {
      sql += (first ? "(" : ",(") + list(row, false) + ")";
      first = false;
    }
    return sql;
  }
};

}  // namespace

RenderedSql render_query(const Json& query) {
  Writer w;
  RenderedSql out;
  out.sql = w.query(query);
  out.params = std::move(w.params);
  return out;
}

RenderedSql render_term(const Json& term) {
  Writer w;
  RenderedSql out;
  out.sql = w.term(term, false, false);
  out.params = std::move(w.params);
  return out;
}

std::string render_table(const Json& table) {
  Writer w;
  return w.table(table);
}

}  // namespace quire::scripting::qb
