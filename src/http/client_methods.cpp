// frappe.client.* (Frappe's frappe/client.py) and run_doc_method
// (frappe/handler.py), with Frappe's argument names and results.

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/document_api.h"
#include "http/envelope.h"
#include "http/request_data.h"
#include "http/routes.h"
#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/transaction.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;
using model::ErrorKind;
using model::raise;

Json arg(const ApiRequest& request, const char* key) {
  auto found = request.args.find(key);
  return found == request.args.end() ? Json(nullptr) : parse_json_arg(*found);
}

Json get_list(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  return list_documents(request.session, doctype, request.args, 20);
}

Json get_count(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  Json args = {{"fields", Json::array({"count(name) as count"})}, {"limit", 0}};
  if (auto filters = arg(request, "filters"); !filters.is_null()) args["filters"] = filters;
  Json rows = list_documents(request.session, doctype, args, 0);
  return rows.empty() ? Json(0) : rows[0]["count"];
}

Json get(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  Json name = arg(request, "name");
  if (model::cstr(name).empty()) {
    Json filters = arg(request, "filters");
    if (filters.is_null()) {
      // No name and no filters: a Single's one document (Frappe's get_doc(doctype)).
      if (!request.session.metas.get(doctype)->issingle) {
        raise(ErrorKind::ValidationError, "Either name or filters is required");
      }
      return document_json(request.session, *readable_document(request.session, doctype, doctype));
    }
    Json rows = list_documents(request.session, doctype,
                               {{"filters", filters}, {"fields", Json::array({"name"})}}, 1);
    if (rows.empty()) raise(ErrorKind::DoesNotExistError, doctype + " not found");
    name = rows[0]["name"];
  }
  return document_json(request.session,
                       *readable_document(request.session, doctype, model::cstr(name)));
}

Json get_value(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  require_doctype_permission(request.session, doctype, "read");
  Json fieldname = arg(request, "fieldname");
  if (fieldname.is_null()) raise(ErrorKind::ValidationError, "Missing argument: fieldname");
  Json fields = fieldname.is_array() ? fieldname : Json::array({fieldname});
  Json filters = arg(request, "filters");
  if (filters.is_string()) filters = {{"name", filters}};
  bool as_dict = bool_arg(request.args, "as_dict", true);
  Json list_args = {{"fields", fields}, {"as_dict", as_dict}};
  if (!filters.is_null() && !filters.empty()) list_args["filters"] = filters;
  Json rows = list_documents(request.session, doctype, list_args, 1);
  if (as_dict) return rows.empty() ? Json::object() : rows[0];
  if (rows.empty()) return nullptr;
  return fields.size() > 1 ? rows[0] : rows[0][0];
}

Json set_value(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  std::string name = required_string(request.args, "name");
  Json fieldname = arg(request, "fieldname");
  Json values;
  if (fieldname.is_object()) {
    values = fieldname;
  } else if (fieldname.is_string()) {
    auto found = request.args.find("value");
    values = {{fieldname.get<std::string>(), found == request.args.end() ? Json(nullptr) : *found}};
  } else {
    raise(ErrorKind::ValidationError, "fieldname must be a field name or a dict of values");
  }
  return document_json(request.session, *update_document(request.session, doctype, name, values));
}

// A child row sent on its own (parent, parenttype, parentfield set) is saved
// through its parent, and the parent is what comes back, as Frappe's
// insert_doc does.
Json insert_one(model::Session& session, Json doc) {
  if (!doc.is_object()) raise(ErrorKind::ValidationError, "doc must be a JSON object");
  std::string doctype = required_string(doc, "doctype");
  std::string parent = model::cstr(doc.value("parent", Json(nullptr)));
  std::string parenttype = model::cstr(doc.value("parenttype", Json(nullptr)));
  if (!parent.empty() && !parenttype.empty() && session.metas.get(doctype)->istable) {
    std::string parentfield = required_string(doc, "parentfield");
    auto parent_doc = readable_document(session, parenttype, parent);
    parent_doc->append(parentfield, doc);
    model::save(session, *parent_doc);
    return document_json(session, *parent_doc);
  }
  return document_json(session, *insert_document(session, doctype, std::move(doc)));
}

Json insert(ApiRequest& request) {
  return insert_one(request.session, dict_arg(request.args.value("doc", Json(nullptr)), "doc"));
}

Json insert_many(ApiRequest& request) {
  Json docs = arg(request, "docs");
  if (!docs.is_array()) raise(ErrorKind::ValidationError, "docs must be a list of documents");
  if (docs.size() > 200)
    raise(ErrorKind::ValidationError, "Only 200 inserts allowed in one request");
  Json names = Json::array();
  for (auto& doc : docs) names.push_back(insert_one(request.session, doc)["name"]);
  return names;
}

Json save(ApiRequest& request) {
  auto doc = document_from_client(request.session,
                                  dict_arg(request.args.value("doc", Json(nullptr)), "doc"));
  model::save(request.session, *doc);
  return document_json(request.session, *doc);
}

Json submit(ApiRequest& request) {
  auto doc = document_from_client(request.session,
                                  dict_arg(request.args.value("doc", Json(nullptr)), "doc"));
  if (doc->is_new()) model::insert(request.session, *doc);
  model::submit(request.session, *doc);
  return document_json(request.session, *doc);
}

// frappe.client.bulk_update: each {"doctype", "docname", ...fields} loaded,
// updated and saved; one that fails is rolled back alone (a savepoint) and
// listed with its error, the others are kept.
Json bulk_update(ApiRequest& request) {
  Json docs = arg(request, "docs");
  if (!docs.is_array()) raise(ErrorKind::ValidationError, "docs must be a list of documents");
  Json failed = Json::array();
  for (auto& doc : docs) {
    if (doc.is_object()) doc.erase("flags");
    try {
      model::Transaction one(request.session);
      Json values = dict_arg(doc, "doc");
      std::string doctype = required_string(values, "doctype");
      std::string name = required_string(values, "docname");
      values.erase("docname");
      update_document(request.session, doctype, name, std::move(values));
      one.commit();
    } catch (const std::exception&) {
      ErrorInfo error = describe_error(std::current_exception());
      failed.push_back(
          {{"doc", doc}, {"exc", "frappe.exceptions." + error.exc_type + ": " + error.message}});
    }
  }
  return {{"failed_docs", failed}};
}

// frappe.client.rename_doc: the final name (model::rename_doc checks write
// permission and allow_rename).
Json rename_doc(ApiRequest& request) {
  return model::rename_doc(request.session, required_string(request.args, "doctype"),
                           arg(request, "old_name"), arg(request, "new_name"),
                           bool_arg(request.args, "merge", false));
}

// frappe.client.get_single_value: a Single's field, for a reader of the DocType.
Json get_single_value(ApiRequest& request) {
  std::string doctype = required_string(request.args, "doctype");
  require_doctype_permission(request.session, doctype, "read");
  return model::get_single_value(request.session, doctype, required_string(request.args, "field"));
}

Json cancel(ApiRequest& request) {
  auto doc = readable_document(request.session, required_string(request.args, "doctype"),
                               required_string(request.args, "name"));
  model::cancel(request.session, *doc);
  return document_json(request.session, *doc);
}

Json delete_(ApiRequest& request) {
  delete_document(request.session, required_string(request.args, "doctype"),
                  required_string(request.args, "name"));
  return nullptr;
}

// frappe.handler.run_doc_method: the document comes as `docs` (JSON of the
// doc) or as dt + dn; the result goes to "message" and the document to
// "docs".
Json run_doc_method(ApiRequest& request) {
  std::string method = required_string(request.args, "method");
  model::Document::Ptr doc;
  if (Json docs = arg(request, "docs"); !docs.is_null()) {
    doc = document_from_client(request.session, dict_arg(docs, "docs"));
  } else {
    doc = readable_document(request.session, required_string(request.args, "dt"),
                            required_string(request.args, "dn"));
  }
  Json result = run_document_method(request.session, *doc, method);
  request.reply.body["docs"] = Json::array({document_json(request.session, *doc)});
  return result;
}

}  // namespace

void register_client_methods(Methods& methods) {
  methods.add("frappe.client.get_list", whitelisted(get_list));
  methods.add("frappe.client.get_count", whitelisted(get_count));
  methods.add("frappe.client.get", whitelisted(get));
  methods.add("frappe.client.get_value", whitelisted(get_value));
  methods.add("frappe.client.get_single_value", whitelisted(get_single_value));
  // Frappe's client.py allows its writes only as POST/PUT (delete: DELETE/POST).
  auto writing = [](auto run, std::vector<std::string> verbs = {"POST", "PUT"}) {
    Method method = whitelisted(run);
    method.verbs = std::move(verbs);
    return method;
  };
  methods.add("frappe.client.set_value", writing(set_value));
  methods.add("frappe.client.insert", writing(insert));
  methods.add("frappe.client.insert_many", writing(insert_many));
  methods.add("frappe.client.save", writing(save));
  methods.add("frappe.client.submit", writing(submit));
  methods.add("frappe.client.cancel", writing(cancel));
  methods.add("frappe.client.bulk_update", writing(bulk_update));
  methods.add("frappe.client.rename_doc", writing(rename_doc));
  methods.add("frappe.client.delete", writing(delete_, {"DELETE", "POST"}));
  methods.add("run_doc_method", whitelisted(run_doc_method));
  methods.add("frappe.handler.run_doc_method", whitelisted(run_doc_method));
}

}  // namespace quire::http
