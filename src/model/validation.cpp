#include "model/validation.h"

#include <cmath>
#include <regex>

#include "db/query/identifiers.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/fieldtypes.h"

namespace quire::model {
namespace {

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string strip_html(const std::string& s) {
  static const std::regex tags("<[^>]*>");
  return std::regex_replace(s, tags, "");
}

bool is_child(const Document& doc) {
  return doc.meta().istable;
}

std::string row_prefix(const Document& doc) {
  return is_child(doc) ? "Row #" + cstr(doc.get("idx")) + ":" : "";
}

std::vector<Document*> self_and_children(Document& doc) {
  std::vector<Document*> all{&doc};
  for (const DocField* tf : doc.meta().table_fields()) {
    for (auto& row : doc.table(tf->fieldname)) all.push_back(row.get());
  }
  return all;
}

bool missing(const DocField& f, const Json& v) {
  if (v.is_null()) return true;
  if (v.is_array()) return v.empty();
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (f.fieldtype == "Text Editor" || f.fieldtype == "HTML Editor") {
      if (s.find("<img") != std::string::npos) return false;
      s = strip_html(s);
    }
    return strip(s).empty();
  }
  return false;
}

void validate_selects(Document& d) {
  for (const DocField* f : d.meta().data_fields()) {
    if (f->fieldtype != "Select" || f->fieldname == "naming_series") continue;
    Json v = d.get(f->fieldname);
    if (v.is_null()) continue;
    std::string value = strip(cstr(v));
    if (value.empty()) continue;
    std::vector<std::string> options;
    size_t start = 0;
    for (;;) {
      size_t nl = f->options.find('\n', start);
      std::string opt =
          f->options.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!opt.empty()) options.push_back(opt);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    if (options.empty()) continue;
    if (std::find(options.begin(), options.end(), value) != options.end()) {
      d.set(f->fieldname, value);
      continue;
    }
    std::string joined;
    for (size_t i = 0; i < options.size(); ++i) joined += (i ? "\", \"" : "") + options[i];
    raise(ErrorKind::ValidationError,
          row_prefix(d) + " " + f->display_label() + " cannot be \"" + value +
              "\". It should be one of \"" + joined + "\"",
          "Invalid Option");
  }
}

void validate_data_options(Document& d) {
  static const std::regex email(R"(^[^@\s,]+@[^@\s,]+\.[^@\s,]+$)");
  for (const DocField* f : d.meta().data_fields()) {
    if (f->fieldtype != "Data" || f->options != "Email") continue;
    std::string v = strip(cstr(d.get(f->fieldname)));
    if (v.empty() || v == "Administrator" || v == "Guest") continue;
    size_t start = 0;
    for (;;) {
      size_t comma = v.find(',', start);
      std::string one =
          strip(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!one.empty() && !std::regex_match(one, email)) {
        raise(ErrorKind::ValidationError, one + " is not a valid Email Address",
              "Invalid Email Address");
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
}

void validate_non_negative(Document& d) {
  for (const DocField* f : d.meta().data_fields()) {
    if (!f->non_negative) continue;
    if (!(is_int_fieldtype(f->fieldtype) || is_float_fieldtype(f->fieldtype))) continue;
    if (flt(d.get(f->fieldname)) < 0) {
      std::string msg =
          is_child(d) ? d.doctype() + " Row #" + cstr(d.get("idx")) +
                            ": Value cannot be negative for " + f->display_label()
                      : "Value cannot be negative for " + d.doctype() + ": " + f->display_label();
      raise(ErrorKind::NonNegativeError, msg, "Negative Value");
    }
  }
}

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void validate_length(Document& d) {
  if (d.meta().issingle) return;
  for (const DocField* f : d.meta().data_fields()) {
    Json v = d.get(f->fieldname);
    if (v.is_null()) continue;
    std::string reference = is_child(d) ? d.doctype() + ", Row " + cstr(d.get("idx"))
                                        : d.doctype() + " " + d.name_text();
    if (is_varchar_fieldtype(f->fieldtype)) {
      size_t max = f->length > 0 ? static_cast<size_t>(f->length) : 140;
      std::string s = cstr(v);
      if (utf8_length(s) > max) {
        raise(ErrorKind::CharacterLengthExceededError,
              reference + ": '" + f->display_label() + "' (" + s +
                  ") will get truncated, as max characters allowed is " + std::to_string(max),
              "Value too big");
      }
    } else if (f->fieldtype == "Int") {
      double x = flt(v);
      if (std::fabs(x) > 2147483647.0) {
        raise(ErrorKind::CharacterLengthExceededError,
              reference + ": '" + f->display_label() + "' (" + cstr(v) +
                  ") will get truncated, as max characters allowed is 2147483647",
              "Value too big");
      }
    }
  }
}

void clamp_ratings(Document& d) {
  for (const DocField* f : d.meta().data_fields()) {
    if (f->fieldtype == "Rating" && !d.get(f->fieldname).is_null()) {
      d.set(f->fieldname, coerce(*f, d.get(f->fieldname)));
    }
  }
}

void validate_set_only_once(Document& d) {
  if (d.is_new() || !d.doc_before_save() || d.flag("ignore_validate_constants")) return;
  for (const DocField* f : d.meta().data_fields()) {
    if (!f->set_only_once) continue;
    if (d.has_value_changed(f->fieldname) && !d.get_value_before_save(f->fieldname).is_null()) {
      raise(ErrorKind::CannotChangeConstantError,
            "Value cannot be changed for " + f->display_label());
    }
  }
}

Json find_link(Session& session, const std::string& doctype, const Json& value) {
  auto meta = session.metas.find_meta(doctype);
  if (!meta) return nullptr;
  if (meta->issingle) return cstr(value) == doctype ? value : Json(nullptr);
  std::string table = db::query::quote_identifier(meta->table());
  auto rows = session.db.query("SELECT `name` FROM " + table + " WHERE `name` = ?", {to_db(value)});
  if (rows.empty() && value.is_string()) {
    rows = session.db.query(
        "SELECT `name` FROM " + table + " WHERE `name` = ? COLLATE NOCASE LIMIT 1", {to_db(value)});
  }
  return rows.empty() ? Json(nullptr) : from_db(rows[0][0]);
}

// fetch_from "link_field.source" fields take the linked document's value
// (new and draft documents, or allow_on_submit fields); fetch_if_empty keeps
// a value already set.
void fetch_linked_values(Session& session, Document& d, const DocField& link,
                         const std::string& target, const Json& name) {
  auto target_meta = session.metas.find_meta(target);
  const auto* target_table = session.metas.find(target);
  if (!target_meta || !target_table || target_meta->issingle) return;
  for (const DocField* f : d.meta().data_fields()) {
    if (f->fetch_from.rfind(link.fieldname + ".", 0) != 0) continue;
    if (!(d.is_new() || d.docstatus() == 0 || f->allow_on_submit)) continue;
    bool if_empty = f->raw.contains("fetch_if_empty") && cint(f->raw["fetch_if_empty"]) != 0;
    if (if_empty && !cstr(d.get(f->fieldname)).empty()) continue;
    std::string source = f->fetch_from.substr(link.fieldname.size() + 1);
    if (!db::query::is_valid_fieldname(source) || target_table->column(source) == nullptr) continue;
    auto rows = session.db.query("SELECT " + db::query::quote_identifier(source) + " FROM " +
                                     db::query::quote_identifier(target_meta->table()) +
                                     " WHERE `name` = ?",
                                 {to_db(name)});
    if (!rows.empty()) d.set(f->fieldname, from_db(rows[0][0]));
  }
}

}  // namespace

void validate_mandatory(Session&, Document& doc) {
  if (doc.flag("ignore_mandatory")) return;
  std::vector<std::string> missing_fields;
  for (Document* d : self_and_children(doc)) {
    for (const auto& f : d->meta().fields) {
      if (!f.reqd) continue;
      bool gone = is_table_fieldtype(f.fieldtype)
                      ? d->table(f.fieldname).empty()
                      : (is_data_fieldtype(f.fieldtype) && missing(f, d->get(f.fieldname)));
      if (gone) missing_fields.push_back(f.fieldname);
    }
  }
  if (missing_fields.empty()) return;
  std::string list;
  for (size_t i = 0; i < missing_fields.size(); ++i) list += (i ? ", " : "") + missing_fields[i];
  raise(ErrorKind::MandatoryError, "[" + doc.doctype() + ", " + doc.name_text() + "]: " + list);
}

void validate_document(Session& session, Document& doc) {
  validate_mandatory(session, doc);
  for (Document* d : self_and_children(doc)) {
    validate_data_options(*d);
    if (!session.flag("in_import")) validate_selects(*d);
    validate_non_negative(*d);
    if (!session.flag("in_install")) validate_length(*d);
    clamp_ratings(*d);
  }
  // `field:` names keep the field in sync with the name (spec §5.2).
  const std::string& autoname = doc.meta().autoname;
  if (autoname.rfind("field:", 0) == 0 && !doc.is_new()) {
    std::string field = autoname.substr(6);
    if (doc.meta().field(field) && cstr(doc.get(field)) != doc.name_text())
      doc.set(field, doc.get("name"));
  }
  if (!doc.is_new()) validate_set_only_once(doc);
}

void validate_links(Session& session, Document& doc) {
  if (doc.flag("ignore_links")) return;
  std::vector<std::string> missing_links;
  std::vector<std::string> cancelled;
  for (Document* d : self_and_children(doc)) {
    for (const DocField* f : d->meta().data_fields()) {
      if (f->fieldtype != "Link" && f->fieldtype != "Dynamic Link") continue;
      Json v = d->get(f->fieldname);
      if (v.is_null() || cstr(v).empty()) continue;
      std::string target = f->options;
      if (f->fieldtype == "Dynamic Link") {
        target = cstr(d->get(f->options));
        if (target.empty())
          raise(ErrorKind::ValidationError, f->display_label() + " must be set first");
      } else if (target.empty()) {
        raise(ErrorKind::ValidationError, "Options not set for link field " + f->fieldname);
      }
      Json found = find_link(session, target, v);
      std::string where = is_child(*d) ? "Row #" + cstr(d->get("idx")) + ": " : "";
      if (found.is_null()) {
        missing_links.push_back(where + f->display_label() + ": " + cstr(v));
        continue;
      }
      d->set(f->fieldname, found);
      if (f->fieldtype == "Link") fetch_linked_values(session, *d, *f, target, found);
      auto target_meta = session.metas.find_meta(target);
      if (doc.meta().is_submittable && target_meta && target_meta->is_submittable &&
          f->fieldname != "amended_from") {
        auto status = session.db.query(
            "SELECT `docstatus` FROM `" + target_meta->table() + "` WHERE `name` = ?",
            {to_db(found)});
        if (!status.empty() && cint(from_db(status[0][0])) == 2) {
          cancelled.push_back(where + f->display_label() + ": " + cstr(found));
        }
      }
    }
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
  };
  if (!missing_links.empty())
    raise(ErrorKind::LinkValidationError, "Could not find " + join(missing_links));
  if (!cancelled.empty())
    raise(ErrorKind::CancelledLinkError, "Cannot link cancelled document: " + join(cancelled));
}

void validate_update_after_submit(Session&, Document& doc) {
  if (doc.flag("ignore_validate_update_after_submit")) return;
  auto before = doc.doc_before_save();
  if (!before) return;
  auto check = [](Document& now, Document& old, const std::string& prefix) {
    for (const DocField* f : now.meta().data_fields()) {
      if (f->allow_on_submit) continue;
      Json a = coerce(*f, now.get(f->fieldname));
      Json b = coerce(*f, old.get(f->fieldname));
      if (a != b) {
        raise(ErrorKind::UpdateAfterSubmitError,
              prefix + "Not allowed to change " + f->display_label() + " after submission from " +
                  cstr(b) + " to " + cstr(a),
              "Cannot Update After Submit");
      }
    }
  };
  check(doc, *before, "");
  for (const DocField* tf : doc.meta().table_fields()) {
    auto& rows = doc.table(tf->fieldname);
    auto& old_rows = before->table(tf->fieldname);
    if (tf->allow_on_submit) continue;
    if (rows.size() != old_rows.size()) {
      raise(ErrorKind::UpdateAfterSubmitError,
            "Not allowed to change " + tf->display_label() + " after submission",
            "Cannot Update After Submit");
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      check(*rows[i], *old_rows[i], "Row #" + std::to_string(i + 1) + ": ");
    }
  }
}

}  // namespace quire::model
