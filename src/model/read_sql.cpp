#include "model/read_sql.h"

#include "db/sqlite/read_only_query.h"
#include "model/coercion.h"
#include "model/errors.h"

namespace quire::model {

Json read_sql(Session& session, const std::string& sql, const std::vector<db::Value>& params,
              bool as_dict) {
  std::vector<SqlColumnOrigin> origins;
  return read_sql(session, sql, params, as_dict, origins);
}

Json read_sql(Session& session, const std::string& sql, const std::vector<db::Value>& params,
              bool as_dict, std::vector<SqlColumnOrigin>& origins, const std::atomic<bool>* stop) {
  auto* sqlite = dynamic_cast<db::SqliteDatabase*>(&session.db);
  if (sqlite == nullptr)
    raise(ErrorKind::ValidationError, "Read-only SQL is not available on this database engine");
  db::ReadOnlyResult result;
  try {
    // Every table of quire's own (`__Auth` with the secrets, `__Sessions`,
    // the job queue whose arguments other scripts wrote...) is hidden, not
    // only __Auth: none is a DocType a script has a reason to read.
    result = db::read_only_query(*sqlite, sql, params, {"__*"}, stop);
  } catch (const db::ReadOnlyViolation&) {
    raise(ErrorKind::PermissionError, "Query must be of SELECT or read-only WITH type.",
          "Unsafe SQL query");
  }
  origins.clear();
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    origins.push_back({result.columns[i], result.origin_tables[i], result.origin_columns[i]});
  }
  Json out = Json::array();
  for (const auto& row : result.rows) {
    Json r = as_dict ? Json::object() : Json::array();
    for (size_t i = 0; i < row.size(); ++i) {
      if (as_dict) {
        r[result.columns[i]] = from_db(row[i]);
      } else {
        r.push_back(from_db(row[i]));
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace quire::model
