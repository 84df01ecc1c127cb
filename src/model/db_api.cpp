#include "model/db_api.h"

#include "db/query/identifiers.h"
#include "db/query/query_error.h"
#include "db/query/select_builder.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/field_permissions.h"
#include "model/fieldtypes.h"
#include "model/permissions.h"
#include "model/persistence.h"
#include "model/transaction.h"

namespace quire::model {
namespace {

using db::query::quote_identifier;

ErrorKind kind_of(const std::string& frappe_class) {
  if (frappe_class == "DataError") return ErrorKind::DataError;
  if (frappe_class == "DoesNotExistError") return ErrorKind::DoesNotExistError;
  return ErrorKind::ValidationError;
}

template <typename F>
auto translating(F&& f) {
  try {
    return f();
  } catch (const db::query::QueryError& e) {
    raise(kind_of(e.frappe_class()), e.what());
  }
}

// Frappe: a dict or list-of-lists in `fields` and a list of names in
// `filters` means the caller swapped them.
void swap_if_confused(ListArgs& a) {
  auto looks_like_filters = [](const Json& j) {
    return j.is_object() || (j.is_array() && !j.empty() && j[0].is_array());
  };
  auto looks_like_fields = [](const Json& j) {
    if (!j.is_array() || j.size() < 2) return false;
    for (const auto& x : j) {
      if (!x.is_string()) return false;
    }
    return true;
  };
  if (looks_like_filters(a.fields) || looks_like_fields(a.filters)) {
    if (looks_like_filters(a.fields) && (a.filters.is_null() || looks_like_fields(a.filters)))
      std::swap(a.fields, a.filters);
  }
}

Json run_list(Session& session, ListArgs a, bool apply_permissions) {
  auto meta = session.metas.get(a.doctype);
  swap_if_confused(a);
  db::query::ListQuery q;
  q.doctype = a.doctype;
  q.fields = a.fields.is_null() && !a.pluck.empty() ? Json(a.pluck) : a.fields;
  q.filters = a.filters;
  q.or_filters = a.or_filters;
  q.order_by = a.order_by;
  q.group_by = a.group_by;
  q.limit_start = a.limit_start;
  q.limit = a.limit;
  q.distinct = a.distinct;
  q.ignore_ifnull = a.ignore_ifnull;
  q.today = session.today();
  if (apply_permissions) {
    std::string condition = list_permission_condition(session, *meta);
    if (!condition.empty()) q.trusted_conditions.push_back(condition);
    q.hidden_columns = fields_without_access(session, *meta, "read");
  }
  auto st = translating([&] { return db::query::build_select(q, session.metas); });
  // Frappe's get_list checks read permission on every DocType a Link-field
  // column joins in (db_query.py append_link_table): `role.role_name` must
  // not read a table the user may not list.
  if (apply_permissions) {
    for (const auto& linked : st.linked_doctypes) {
      auto linked_meta = session.metas.get(linked);
      if (!has_permission(session, *linked_meta, "read") &&
          !has_permission(session, *linked_meta, "select")) {
        raise(ErrorKind::PermissionError, "No permission for " + linked);
      }
    }
  }
  auto rows = session.db.query(st.sql, st.params);
  Json out = Json::array();
  size_t pluck_index = 0;
  if (!a.pluck.empty()) {
    for (size_t i = 0; i < st.columns.size(); ++i) {
      if (st.columns[i].label == a.pluck) pluck_index = i;
    }
  }
  for (const auto& row : rows) {
    if (!a.pluck.empty()) {
      out.push_back(from_db(row[pluck_index]));
    } else if (a.as_list) {
      Json r = Json::array();
      for (const auto& v : row) r.push_back(from_db(v));
      out.push_back(std::move(r));
    } else {
      Json r = Json::object();
      for (size_t i = 0; i < row.size(); ++i) r[st.columns[i].label] = from_db(row[i]);
      out.push_back(std::move(r));
    }
  }
  return out;
}

Json name_filters(const Json& filters) {
  if (filters.is_string() || filters.is_number()) return Json{{"name", filters}};
  return filters;
}

Json single_values(Session& session, const Meta& meta, const Json& fieldname, bool as_dict) {
  auto doc = load_single(session, meta.name);
  std::vector<std::string> fields;
  if (fieldname.is_array()) {
    for (const auto& f : fieldname) fields.push_back(cstr(f));
  } else {
    fields.push_back(cstr(fieldname));
  }
  if (fields.size() == 1 && fields[0] == "*") {
    as_dict = true;
    fields.clear();
    for (const DocField* f : meta.data_fields()) fields.push_back(f->fieldname);
  }
  Json out = as_dict ? Json::object() : Json::array();
  for (const auto& f : fields) {
    if (!db::query::is_valid_fieldname(f)) raise(ErrorKind::DataError, "Invalid field name " + f);
    Json v = doc->get(f);
    if (as_dict) {
      out[f] = v;
    } else {
      out.push_back(v);
    }
  }
  if (!as_dict && out.size() == 1) return out[0];
  return out;
}

}  // namespace

Json get_list(Session& session, ListArgs args) {
  return run_list(session, std::move(args), true);
}
Json get_all(Session& session, ListArgs args) {
  return run_list(session, std::move(args), false);
}

Json get_values(Session& session, const std::string& doctype, const Json& filters,
                const Json& fieldname, bool as_dict, const std::optional<std::string>& order_by,
                std::int64_t limit) {
  auto meta = session.metas.get(doctype);
  if (meta->issingle || filters.is_null() ||
      (filters.is_string() && filters.get<std::string>() == doctype)) {
    if (!meta->issingle) return Json::array();
    Json v = single_values(session, *meta, fieldname, as_dict);
    return Json::array({as_dict || !fieldname.is_array() ? Json(v) : v});
  }
  ListArgs a;
  a.doctype = doctype;
  a.filters = name_filters(filters);
  a.fields = fieldname.is_string() && fieldname.get<std::string>() != "*" ? Json::array({fieldname})
                                                                          : fieldname;
  if (fieldname.is_string() && fieldname.get<std::string>() == "*") as_dict = true;
  a.order_by = order_by ? order_by : std::optional<std::string>("creation desc");
  a.limit = limit;
  a.as_list = !as_dict;
  return get_all(session, a);
}

Json get_value(Session& session, const std::string& doctype, const Json& filters,
               const Json& fieldname, bool as_dict, const std::optional<std::string>& order_by) {
  auto meta = session.metas.get(doctype);
  if (meta->issingle)
    return single_values(session, *meta, fieldname,
                         as_dict || (fieldname.is_string() && fieldname.get<std::string>() == "*"));
  if (filters.is_null()) return nullptr;
  Json rows = get_values(session, doctype, filters, fieldname, as_dict, order_by, 1);
  if (rows.empty()) return nullptr;
  Json row = rows[0];
  if (row.is_array() && row.size() == 1 && !fieldname.is_array()) return row[0];
  return row;
}

void set_value(Session& session, const std::string& doctype, const Json& name, const Json& field,
               const Json& value, bool update_modified) {
  auto meta = session.metas.get(doctype);
  if (meta->issingle || name.is_null() ||
      (name.is_string() && name.get<std::string>() == doctype)) {
    set_single_value(session, doctype, field, value);
    return;
  }
  Json values = field.is_object() ? field : Json{{cstr(field), value}};
  if (update_modified) {
    values["modified"] = session.now();
    values["modified_by"] = session.user;
  }
  const auto* table = session.metas.find(doctype);
  std::string sql = "UPDATE " + quote_identifier(meta->table()) + " SET ";
  std::vector<db::Value> params;
  bool first = true;
  for (const auto& [k, v] : values.items()) {
    if (!db::query::is_valid_fieldname(k) || table->column(k) == nullptr) {
      raise(ErrorKind::DataError, "Field " + k + " does not exist on " + doctype);
    }
    if (k == "name") raise(ErrorKind::ValidationError, "Use rename_doc to change a name");
    const DocField* f = meta->field(k);
    sql += (first ? "" : ", ") + quote_identifier(k) + " = ?";
    first = false;
    params.push_back(to_db(f ? coerce(*f, v) : v));
  }
  auto where = translating([&] {
    return db::query::build_where(*table, name_filters(name), session.metas, session.today());
  });
  for (auto& p : where.params) params.push_back(std::move(p));
  Transaction tx(session);
  session.db.query(sql + " WHERE " + where.sql, params);
  tx.commit();
}

void set_single_value(Session& session, const std::string& doctype, const Json& field,
                      const Json& value) {
  auto meta = session.metas.get(doctype);
  if (!meta->issingle) raise(ErrorKind::ValidationError, doctype + " is not a Single DocType");
  Json values = field.is_object() ? field : Json{{cstr(field), value}};
  Transaction tx(session);
  auto put = [&](const std::string& k, const Json& v) {
    session.db.query("DELETE FROM `tabSingles` WHERE `doctype` = ? AND `field` = ?", {doctype, k});
    if (v.is_null()) return;
    session.db.query("INSERT INTO `tabSingles` (`doctype`, `field`, `value`) VALUES (?, ?, ?)",
                     {doctype, k, cstr(v)});
  };
  for (const auto& [k, v] : values.items()) {
    const DocField* f = meta->field(k);
    if (!f) raise(ErrorKind::ValidationError, "Field " + k + " does not exist on " + doctype);
    put(k, coerce(*f, v));
  }
  put("modified", session.now());
  tx.commit();
}

Json get_single_value(Session& session, const std::string& doctype, const std::string& fieldname) {
  auto meta = session.metas.get(doctype);
  const DocField* f = meta->field(fieldname);
  if (!meta->issingle) raise(ErrorKind::ValidationError, doctype + " is not a Single DocType");
  if (!f) raise(ErrorKind::ValidationError, "Field " + fieldname + " does not exist on " + doctype);
  auto rows = session.db.query(
      "SELECT `value` FROM `tabSingles` WHERE `doctype` = ? AND `field` = ?", {doctype, fieldname});
  Json v = rows.empty() ? Json(nullptr) : from_db(rows[0][0]);
  if (v.is_null() && rows.empty() && f->default_value) v = *f->default_value;
  return coerce(*f, v);
}

Json exists(Session& session, const std::string& doctype, const Json& name_or_filters) {
  auto meta = session.metas.get(doctype);
  if (name_or_filters.is_string() && name_or_filters.get<std::string>() == doctype &&
      doctype != "DocType") {
    return name_or_filters;
  }
  if (meta->issingle) return name_or_filters.is_null() ? Json(doctype) : Json(nullptr);
  if (name_or_filters.is_null()) return nullptr;
  if (name_or_filters.is_string() || name_or_filters.is_number()) {
    return row_exists(session, *meta, name_or_filters) ? name_or_filters : Json(nullptr);
  }
  return get_value(session, doctype, name_or_filters, "name");
}

std::int64_t count(Session& session, const std::string& doctype, const Json& filters) {
  auto meta = session.metas.get(doctype);
  if (meta->issingle)
    raise(ErrorKind::ValidationError, "Cannot count rows of Single DocType " + doctype);
  const auto* table = session.metas.find(doctype);
  auto where = translating([&] {
    return db::query::build_where(*table, name_filters(filters), session.metas, session.today());
  });
  auto rows = session.db.query(
      "SELECT count(*) FROM " + quote_identifier(meta->table()) + " WHERE " + where.sql,
      where.params);
  return std::get<std::int64_t>(rows[0][0]);
}

void delete_rows_where(Session& session, const std::string& doctype, const Json& filters) {
  auto meta = session.metas.get(doctype);
  Transaction tx(session);
  if (meta->issingle) {
    session.db.query("DELETE FROM `tabSingles` WHERE `doctype` = ?", {doctype});
  } else {
    const auto* table = session.metas.find(doctype);
    auto where = translating([&] {
      return db::query::build_where(*table, name_filters(filters), session.metas, session.today());
    });
    session.db.query("DELETE FROM " + quote_identifier(meta->table()) + " WHERE " + where.sql,
                     where.params);
  }
  tx.commit();
}

std::string escape(std::string_view text, bool percent) {
  std::string out = sql_literal(text);
  if (!percent) return out;
  std::string doubled;
  for (char c : out) {
    doubled += c;
    if (c == '%') doubled += '%';
  }
  return doubled;
}

}  // namespace quire::model
