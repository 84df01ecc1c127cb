#include "http/envelope.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "db/db_busy_error.h"
#include "db/db_error.h"
#include "http/api_error.h"
#include "http/json_response.h"
#include "model/errors.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;

std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<ErrorClassifier>& classifiers() {
  static std::vector<ErrorClassifier> list;
  return list;
}

}  // namespace

void add_error_classifier(ErrorClassifier classifier) {
  classifiers().push_back(std::move(classifier));
}

namespace {

// What a busy answer suggests waiting: the request already waited the
// connection's busy timeout (5 s) for the other writer.
constexpr int kBusyRetryAfterSeconds = 5;

// Frappe raises QueryTimeoutError for a lock wait timeout; the answer is a
// 503 asking to retry (Frappe's JSON answer is a 500) since the work was
// rolled back whole and succeeds once the other writer is done.
void busy(ErrorInfo& info, std::string message) {
  info.status = Status::service_unavailable;
  info.exc_type = "QueryTimeoutError";
  info.message = std::move(message);
  info.retry_after = kBusyRetryAfterSeconds;
}

}  // namespace

ErrorInfo describe_error(std::exception_ptr error) {
  ErrorInfo info;
  try {
    std::rethrow_exception(error);
  } catch (const model::FrappeError& e) {
    info.status = static_cast<Status>(model::http_status(e.kind()));
    info.exc_type = std::string(model::class_name(e.kind()));
    info.message = e.what();
    if (!e.title().empty()) info.title = e.title();
    if (e.kind() == model::ErrorKind::QueryTimeoutError) busy(info, e.what());
  } catch (const db::DbBusyError&) {
    busy(info, db::kBusyMessage);
    info.title = "Site Busy";
  } catch (const ApiError& e) {
    info.status = e.status();
    info.exc_type = e.exc_type();
    info.message = e.what();
    if (!e.title().empty()) info.title = e.title();
  } catch (const Json::exception& e) {
    // The request's JSON had the wrong shape for what it was used as.
    info.status = Status::expectation_failed;
    info.exc_type = "ValidationError";
    info.message = std::string("Invalid value in request: ") + e.what();
  } catch (const db::DbError& e) {
    info.message = std::string("Database error: ") + e.what();
  } catch (const std::exception& e) {
    for (const auto& classify : classifiers()) {
      if (classify(error, info)) return info;
    }
    info.message = e.what();
  } catch (...) {
    info.message = "Unknown error";
  }
  return info;
}

Response error_envelope(const ErrorInfo& error, bool v2, bool with_traceback) {
  // Frappe msgprints what frappe.throw raised; an unexpected failure (500)
  // has no message of its own for the client.
  const bool logged = error.status != Status::internal_server_error;
  std::string exception_line = "frappe.exceptions." + error.exc_type + ": " + error.message;
  std::string traceback = exception_line;
  if (!error.traceback.empty()) {
    traceback = error.traceback;
    while (!traceback.empty() && traceback.back() == '\n') traceback.pop_back();
    exception_line = traceback.substr(traceback.rfind('\n') + 1);
  }
  Json body = Json::object();
  if (v2) {
    Json entry = {{"type", error.exc_type}};
    if (logged) {
      entry["message"] = error.message;
      entry["title"] = error.title;
      entry["indicator"] = "red";
    }
    if (with_traceback) entry["exception"] = traceback;
    body["errors"] = Json::array({entry});
  } else {
    body["exc_type"] = error.exc_type;
    if (with_traceback) {
      body["exception"] = exception_line;
      body["exc"] = dump(Json::array({traceback}));
    }
    if (logged) {
      Json message = {{"message", error.message},
                      {"title", error.title},
                      {"indicator", "red"},
                      {"raise_exception", 1}};
      body["_server_messages"] = dump(Json::array({dump(message)}));
    }
  }
  Response response = json_response(error.status, body);
  if (error.retry_after > 0) {
    response.set(boost::beast::http::field::retry_after, std::to_string(error.retry_after));
  }
  return response;
}

}  // namespace quire::http
