// /api/resource/<DocType>[/<name>] (v1, also under /api/v1/) and the v2
// document routes (spec §8.2, §8.3).

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_error.h"
#include "http/document_api.h"
#include "http/request_data.h"
#include "http/routes.h"
#include "http/site_app.h"
#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;

[[noreturn]] void method_not_allowed(const ApiRequest& request) {
  throw ApiError(Status::method_not_allowed, "MethodNotAllowed",
                 "The method " + request.verb() + " is not allowed for this URL");
}

// The document a POST/PUT sends: the JSON body, or its "data" field (JSON
// text or a dict) when there is one, as Frappe's get_request_form_data.
Json request_document(const ApiRequest& request) {
  if (auto data = request.args.find("data"); data != request.args.end() && !data->is_null()) {
    return dict_arg(*data, "data");
  }
  return request.args;
}

Json collection(ApiRequest& request) {
  const std::string& doctype = request.param(0);
  std::string verb = request.verb();
  if (verb == "GET" || verb == "HEAD") {
    if (!request.v2) return list_documents(request.session, doctype, request.args, 20);
    // v2 fetches one row more than asked to tell whether another page exists.
    Json args = request.args;
    long long limit = int_arg(args, "limit", int_arg(args, "limit_page_length", 20));
    args.erase("limit_page_length");
    args.erase("page_length");
    args["limit"] = limit > 0 ? limit + 1 : 0;
    Json rows = list_documents(request.session, doctype, args, 20);
    bool more = limit > 0 && rows.size() > static_cast<size_t>(limit);
    if (more) rows.erase(rows.end() - 1);
    request.reply.body["has_next_page"] = more;
    return rows;
  }
  if (verb == "POST") {
    Json data = request_document(request);
    return document_json(request.session,
                         *insert_document(request.session, doctype, std::move(data), request.v2));
  }
  method_not_allowed(request);
}

Json single(ApiRequest& request) {
  const std::string& doctype = request.param(0);
  const std::string& name = request.param(1);
  std::string verb = request.verb();
  auto run_method = string_arg(request.args, "run_method");
  if (run_method && !request.v2 && (verb == "GET" || verb == "POST")) {
    auto doc = readable_document(request.session, doctype, name);
    Json result = run_document_method(request.session, *doc, *run_method);
    return result;
  }
  if (verb == "GET" || verb == "HEAD") {
    return document_json(request.session, *readable_document(request.session, doctype, name));
  }
  if (verb == "PUT" || (verb == "PATCH" && request.v2)) {
    Json data = request_document(request);
    return document_json(request.session,
                         *update_document(request.session, doctype, name, std::move(data)));
  }
  if (verb == "DELETE") {
    delete_document(request.session, doctype, name);
    request.reply.status = Status::accepted;
    return "ok";
  }
  method_not_allowed(request);
}

Json document_method(ApiRequest& request) {
  auto doc = readable_document(request.session, request.param(0), request.param(1));
  Json result = run_document_method(request.session, *doc, request.param(2));
  request.reply.body["docs"] = Json::array({document_json(request.session, *doc)});
  return result;
}

Json doctype_meta(ApiRequest& request) {
  require_doctype_permission(request.session, request.param(0), "read");
  return request.session.metas.get(request.param(0))->raw;
}

Json doctype_count(ApiRequest& request) {
  Json args = {{"fields", Json::array({"count(name) as count"})}, {"limit", 0}};
  if (auto f = request.args.find("filters"); f != request.args.end()) args["filters"] = *f;
  Json rows = list_documents(request.session, request.param(0), args, 0);
  return rows.empty() ? Json(0) : rows[0]["count"];
}

}  // namespace

void add_resource_routes(SiteApp& app, Router& router) {
  for (const char* prefix : {"/api/resource/", "/api/v1/resource/"}) {
    router.add_pattern(std::string(prefix) + "{doctype}",
                       api_handler(app, collection, Envelope::v1_data));
    router.add_pattern(std::string(prefix) + "{doctype}/{name}",
                       api_handler(app, single, Envelope::v1_data));
  }
}

void add_v2_routes(SiteApp& app, Router& router) {
  router.add_pattern("/api/v2/document/{doctype}", api_handler(app, collection, Envelope::v2));
  router.add_pattern("/api/v2/document/{doctype}/{name}", api_handler(app, single, Envelope::v2));
  router.add_pattern("/api/v2/document/{doctype}/{name}/method/{method}",
                     api_handler(app, document_method, Envelope::v2));
  router.add_pattern("/api/v2/doctype/{doctype}/meta",
                     api_handler(app, doctype_meta, Envelope::v2));
  router.add_pattern("/api/v2/doctype/{doctype}/count",
                     api_handler(app, doctype_count, Envelope::v2));
}

}  // namespace quire::http
