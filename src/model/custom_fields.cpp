#include "model/custom_fields.h"

#include <algorithm>
#include <cctype>

#include "model/coercion.h"
#include "model/db_api.h"
#include "model/document.h"
#include "model/errors.h"
#include "model/meta_store.h"
#include "model/persistence.h"
#include "model/schema_sync.h"
#include "model/site_model.h"

namespace quire::model {
namespace {

const char* const kClosed[] = {"DocType", "DocField", "DocPerm",     "User",
                               "Role",    "Has Role", "Custom Field"};

// The DocField keys a Custom Field row carries over.
const char* const kCopiedKeys[] = {"label",
                                   "fieldtype",
                                   "options",
                                   "fetch_from",
                                   "length",
                                   "reqd",
                                   "unique",
                                   "read_only",
                                   "hidden",
                                   "in_list_view",
                                   "in_standard_filter",
                                   "search_index",
                                   "permlevel",
                                   "non_negative",
                                   "no_copy",
                                   "allow_on_submit",
                                   "ignore_user_permissions",
                                   "description"};

}  // namespace

std::optional<Meta> doctype_definition(Session& session, const std::string& doctype) {
  if (session.metas.is_core(doctype)) {
    for (auto text : core_doctype_json()) {
      Json j = Json::parse(text);
      if (j.contains("name") && cstr(j["name"]) == doctype) return parse_meta(j);
    }
    return std::nullopt;
  }
  if (!row_exists(session, *session.metas.get("DocType"), doctype)) return std::nullopt;
  return meta_of(*load_doc(session, "DocType", doctype));
}

namespace {

// Frappe's set_fieldname: from the label, spaces to '_', only letters,
// digits and '_', lower case.
std::string fieldname_from(const std::string& label) {
  std::string out;
  for (char c : label) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') {
      out += '_';
    } else if (std::isalnum(u) || c == '_') {
      out += static_cast<char>(std::tolower(u));
    }
  }
  return out;
}

void set_fieldname(Document& doc) {
  std::string fieldname = cstr(doc.get("fieldname"));
  if (fieldname.empty()) {
    std::string label = cstr(doc.get("label"));
    std::string fieldtype = cstr(doc.get("fieldtype"));
    if (label.empty()) {
      if (fieldtype != "Section Break" && fieldtype != "Column Break") {
        raise(ErrorKind::ValidationError, "Label is mandatory");
      }
      label = fieldtype + "_" + cstr(doc.get("idx"));
    }
    fieldname = fieldname_from(label);
  }
  std::transform(fieldname.begin(), fieldname.end(), fieldname.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  doc.set("fieldname", fieldname);
}

}  // namespace

bool closed_to_custom_fields(const std::string& doctype) {
  return std::find(std::begin(kClosed), std::end(kClosed), doctype) != std::end(kClosed);
}

Meta with_custom_fields(Session& session, const Meta& base) {
  if (!session.metas.find_meta("Custom Field") || !table_exists(session.db, "tabCustom Field")) {
    return base;
  }
  ListArgs args;
  args.doctype = "Custom Field";
  args.fields = "*";
  args.filters = Json{{"dt", base.name}};
  args.order_by = "creation asc";
  Json rows = get_all(session, args);
  if (rows.empty()) return base;
  Json raw = base.raw;
  if (!raw.contains("fields") || !raw["fields"].is_array()) raw["fields"] = Json::array();
  Json& fields = raw["fields"];
  for (const auto& row : rows) {
    Json field = {{"fieldname", cstr(row["fieldname"])}, {"is_custom_field", 1}};
    for (const char* key : kCopiedKeys) {
      auto v = row.find(key);
      if (v != row.end() && !v->is_null() && *v != Json("") && *v != Json(0)) field[key] = *v;
    }
    if (auto d = row.find("default"); d != row.end() && !d->is_null() && *d != Json("")) {
      field["default"] = *d;
    }
    std::string after = cstr(row["insert_after"]);
    auto at = std::find_if(fields.begin(), fields.end(), [&](const Json& f) {
      return !after.empty() && f.is_object() && f.contains("fieldname") &&
             cstr(f["fieldname"]) == after;
    });
    if (at == fields.end()) {
      fields.push_back(field);
    } else {
      fields.insert(at + 1, field);
    }
  }
  return parse_meta(raw);
}

void refresh_custom_fields(Session& session, const std::string& doctype) {
  auto definition = doctype_definition(session, doctype);
  if (!definition) return;
  Meta meta = with_custom_fields(session, *definition);
  sync_schema(session.db, meta);
  remember_meta_for_rollback(session, doctype);
  session.metas.put(std::move(meta));
}

void register_custom_field_controller(EventRegistry& events) {
  events.add_controller("Custom Field", "before_insert", [](Document& doc, HookCall& call) {
    set_fieldname(doc);
    std::string dt = cstr(doc.get("dt"));
    if (closed_to_custom_fields(dt)) {
      raise(ErrorKind::ValidationError, "Custom Fields cannot be added to core DocTypes.");
    }
    auto meta = call.session.metas.get(dt);
    std::string fieldname = cstr(doc.get("fieldname"));
    if (meta->field(fieldname) || is_standard_column(fieldname)) {
      raise(ErrorKind::ValidationError,
            "A field with the name '" + fieldname + "' already exists in doctype " + dt + ".");
    }
  });
  events.add_controller("Custom Field", "autoname", [](Document& doc, HookCall&) {
    set_fieldname(doc);
    doc.set("name", cstr(doc.get("dt")) + "-" + cstr(doc.get("fieldname")));
  });
  events.add_controller("Custom Field", "validate", [](Document& doc, HookCall&) {
    if (cstr(doc.get("fieldname")).empty()) {
      raise(ErrorKind::ValidationError, "Fieldname not set for Custom Field");
    }
    if (!doc.is_new() && doc.has_value_changed("fieldtype")) {
      // Frappe allows a few compatible changes; quire keeps the column as it
      // is, so any change would leave stored values of the old type.
      raise(ErrorKind::ValidationError, "Fieldtype cannot be changed from " +
                                            cstr(doc.get_value_before_save("fieldtype")) + " to " +
                                            cstr(doc.get("fieldtype")));
    }
  });
  events.add_controller("Custom Field", "on_update", [](Document& doc, HookCall& call) {
    refresh_custom_fields(call.session, cstr(doc.get("dt")));
  });
  events.add_controller("Custom Field", "after_delete", [](Document& doc, HookCall& call) {
    refresh_custom_fields(call.session, cstr(doc.get("dt")));
  });
}

}  // namespace quire::model
