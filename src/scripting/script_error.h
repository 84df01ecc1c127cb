#pragma once
// How a script's failure leaves the scripting layer.
//
// A Frappe exception class the model knows (ValidationError, PermissionError,
// DoesNotExistError...) leaves as model::FrappeError, so the lifecycle rolls
// back and the REST layer answers with Frappe's status as for any document
// error. Everything else (a Python error such as AttributeError, or a Frappe
// class the model has no kind for, such as ServerScriptNotEnabled or
// RateLimitExceededError) leaves as ScriptError, which carries the class
// name, the HTTP status Frappe would answer with, and the traceback.

#include <stdexcept>
#include <string>

namespace quire::scripting {

class ScriptError : public std::runtime_error {
 public:
  ScriptError(std::string python_type, const std::string& message, int http_status,
              std::string traceback = {}, std::string title = {})
      : std::runtime_error(message),
        python_type_(std::move(python_type)),
        http_status_(http_status),
        traceback_(std::move(traceback)),
        title_(std::move(title)) {}
  // "AttributeError", "ServerScriptNotEnabled"...
  const std::string& python_type() const { return python_type_; }
  int http_status() const { return http_status_; }
  // CPython-style traceback text ("" when the error did not come from a run).
  const std::string& traceback() const { return traceback_; }
  const std::string& title() const { return title_; }

 private:
  std::string python_type_;
  int http_status_;
  std::string traceback_;
  std::string title_;
};

// A run stopped by one of its limits (steps, memory, recursion, the deadline,
// the output cap, a cancel). A run nested in another (frappe.call,
// run_script, a document event) passes it to its caller as the same limit
// error, which no script can catch: a caller going on after it could loop
// over nested calls to get around every limit.
class ScriptLimitError : public ScriptError {
 public:
  using ScriptError::ScriptError;
};

}  // namespace quire::scripting
