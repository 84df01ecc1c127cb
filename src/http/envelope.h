#pragma once

#include <exception>
#include <functional>
#include <string>

#include "http/types.h"

namespace quire::http {

// An exception as the API reports it: Frappe's class name, the HTTP status
// of that class (spec §9.3), the message and the msgprint title.
struct ErrorInfo {
  Status status = Status::internal_server_error;
  std::string exc_type = "Exception";
  std::string message;
  std::string title = "Message";
  // A CPython-style traceback when the error left a script (a classifier
  // sets it); "" for errors the server raised itself.
  std::string traceback;
  // Seconds for a Retry-After header (0: none): a database busy with another
  // writer (503) is worth asking again.
  int retry_after = 0;
};

// Classifies whatever was thrown: model::FrappeError and ApiError keep their
// class; JSON type errors (a list where a name was expected...) are the
// client's fault (417 ValidationError); a database locked by another writer
// for the whole busy timeout (db::DbBusyError, or a script's uncaught
// QueryTimeoutError) is 503 QueryTimeoutError with Retry-After; other
// database errors and anything else are 500 "Exception".
ErrorInfo describe_error(std::exception_ptr error);

// Lets a later layer classify its own exception types (a script's
// ServerScriptNotEnabled, RateLimitExceededError...) without http knowing
// them: consulted, in order, for exceptions describe_error does not know; it
// fills `info` and returns true for the ones it owns. Add at start-up.
using ErrorClassifier = std::function<bool(std::exception_ptr, ErrorInfo& info)>;
void add_error_classifier(ErrorClassifier classifier);

// Frappe's error envelopes (spec §8.4). v1: {"exc_type", "_server_messages"}
// plus, `with_traceback`, "exception" (the traceback's last line) and "exc"
// (JSON text of a list holding the traceback); v2: {"errors": [{type,
// message, title, indicator}]} plus, `with_traceback`, the traceback as the
// entry's "exception". A 500's message is never a msgprint (Frappe logs
// only what frappe.throw/msgprint raised): it leaves out _server_messages
// (v1) and the message (v2), so its text reaches only those allowed a
// traceback (traceback_policy.h). Without a script traceback the traceback
// is the exception line itself ("frappe.exceptions.Class: message").
Response error_envelope(const ErrorInfo& error, bool v2, bool with_traceback);

}  // namespace quire::http
