#include "http/document_api.h"

#include "model/field_permissions.h"

#include "http/request_data.h"
#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/permissions.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;
using model::ErrorKind;
using model::raise;

}  // namespace

Json dict_arg(const Json& value, const char* what) {
  Json parsed = parse_json_arg(value);
  if (!parsed.is_object()) {
    raise(ErrorKind::ValidationError, std::string(what) + " must be a JSON object");
  }
  return parsed;
}

std::string required_string(const Json& args, const char* key) {
  auto found = args.find(key);
  if (found == args.end() || found->is_null() ||
      (found->is_string() && found->get_ref<const std::string&>().empty())) {
    raise(ErrorKind::ValidationError, std::string("Missing argument: ") + key);
  }
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number()) return found->dump();
  raise(ErrorKind::ValidationError, std::string("Argument ") + key + " must be a string");
}

void require_doctype_permission(model::Session& session, const std::string& doctype,
                                std::string_view ptype) {
  auto meta = session.metas.get(doctype);  // DoesNotExistError "DocType X not found"
  if (!model::has_permission(session, *meta, ptype)) {
    raise(ErrorKind::PermissionError, "No permission for " + doctype);
  }
}

Json list_documents(model::Session& session, const std::string& doctype, const Json& args,
                    long long default_limit) {
  model::ListArgs list;
  list.doctype = doctype;
  if (auto f = args.find("fields"); f != args.end()) list.fields = parse_json_arg(*f);
  if (auto f = args.find("filters"); f != args.end()) list.filters = parse_json_arg(*f);
  if (auto f = args.find("or_filters"); f != args.end()) list.or_filters = parse_json_arg(*f);
  if (auto order = string_arg(args, "order_by"); order && !order->empty()) list.order_by = *order;
  if (auto group = string_arg(args, "group_by")) list.group_by = *group;
  if (auto pluck = string_arg(args, "pluck")) list.pluck = *pluck;
  list.limit_start = std::max(0LL, int_arg(args, "limit_start", int_arg(args, "start", 0)));
  long long limit = default_limit;
  for (const char* key : {"limit_page_length", "limit", "page_length"}) {
    if (args.contains(key) && !args[key].is_null()) {
      limit = int_arg(args, key, default_limit);
      break;
    }
  }
  list.limit = std::max(0LL, limit);
  list.as_list = !bool_arg(args, "as_dict", true);
  if (list.fields.is_string() && list.fields.get_ref<const std::string&>().empty()) {
    list.fields = nullptr;
  }
  return model::get_list(session, std::move(list));
}

model::Document::Ptr readable_document(model::Session& session, const std::string& doctype,
                                       const std::string& name) {
  require_doctype_permission(session, doctype, "read");
  auto doc = model::get_doc(session, doctype, name);
  if (!model::has_permission(session, doc->meta(), "read", doc.get())) {
    raise(ErrorKind::PermissionError, "No permission for " + doctype + " " + name);
  }
  return doc;
}

Json document_json(const model::Session& session, const model::Document& doc) {
  Json out = doc.as_dict();
  out.erase("__islocal");
  model::remove_unreadable_fields(session, doc.meta(), out);
  return out;
}

model::Document::Ptr insert_document(model::Session& session, const std::string& doctype, Json data,
                                     bool keep_name) {
  if (!data.is_object()) raise(ErrorKind::ValidationError, "The document must be a JSON object");
  data.erase("flags");
  data["doctype"] = doctype;
  auto doc = model::doc_from_dict(session, data);
  model::InsertOptions options;
  if (keep_name && data.contains("name") && !model::cstr(data["name"]).empty()) {
    options.set_name = data["name"];
  }
  model::insert(session, *doc, options);
  return doc;
}

model::Document::Ptr update_document(model::Session& session, const std::string& doctype,
                                     const std::string& name, Json data) {
  if (!data.is_object()) raise(ErrorKind::ValidationError, "The document must be a JSON object");
  auto doc = readable_document(session, doctype, name);
  for (const char* key : {"flags", "doctype", "name"}) data.erase(key);
  doc->update(data);
  model::save(session, *doc);
  return doc;
}

void delete_document(model::Session& session, const std::string& doctype, const std::string& name) {
  model::DeleteOptions options;
  options.ignore_missing = false;
  model::delete_doc(session, doctype, name, options);
}

model::Document::Ptr document_from_client(model::Session& session, const Json& dict) {
  if (!dict.is_object()) raise(ErrorKind::ValidationError, "The document must be a JSON object");
  std::string doctype = required_string(dict, "doctype");
  auto name = dict.find("name");
  if (name == dict.end() || name->is_null() || model::cstr(*name).empty()) {
    return model::doc_from_dict(session, dict);
  }
  auto doc = readable_document(session, doctype, model::cstr(*name));
  Json values = dict;
  for (const char* key : {"flags", "doctype", "name"}) values.erase(key);
  doc->update(values);
  return doc;
}

Json run_document_method(model::Session& session, model::Document& doc, const std::string& method) {
  if (method == "submit") {
    model::submit(session, doc);
  } else if (method == "cancel") {
    model::cancel(session, doc);
  } else if (method == "save") {
    model::save(session, doc);
  } else {
    raise(ErrorKind::PermissionError, "Method " + method + " is not whitelisted",
          "Method Not Allowed");
  }
  return nullptr;
}

}  // namespace quire::http
