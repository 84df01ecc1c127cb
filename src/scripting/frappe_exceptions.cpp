#include "scripting/frappe_exceptions.h"

#include <mutex>

#include "db/db_busy_error.h"
#include "lang/numeric/error.h"
#include "lang/sandbox/host.h"
#include "lang/sandbox/work.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// frappe/exceptions.py (spec §9.3): name, parent, HTTP status.
std::vector<FrappeExceptionClass> make_classes() {
  std::vector<FrappeExceptionClass> c = {
      {"ValidationError", nullptr, 417, nullptr},
      {"AuthenticationError", nullptr, 401, nullptr},
      {"SessionExpired", nullptr, 401, nullptr},
      {"PermissionError", nullptr, 403, nullptr},
      {"DoesNotExistError", "ValidationError", 404, nullptr},
      {"PageDoesNotExistError", "ValidationError", 404, nullptr},
      {"NameError", nullptr, 409, nullptr},
      {"DuplicateEntryError", "NameError", 409, nullptr},
      {"CSRFTokenError", nullptr, 400, nullptr},
      {"InvalidAuthorizationHeader", "CSRFTokenError", 400, nullptr},
      {"InvalidAuthorizationPrefix", "CSRFTokenError", 400, nullptr},
      {"InvalidAuthorizationToken", "CSRFTokenError", 400, nullptr},
      {"TooManyRequestsError", nullptr, 429, nullptr},
      {"UnsupportedMediaType", nullptr, 415, nullptr},
      {"OutgoingEmailError", nullptr, 501, nullptr},
      {"SessionStopped", nullptr, 503, nullptr},
      {"InReadOnlyMode", "ValidationError", 503, nullptr},
      {"SessionBootFailed", "ValidationError", 500, nullptr},
      {"LinkExpired", "ValidationError", 410, nullptr},
      {"InvalidKeyError", "ValidationError", 401, nullptr},
      {"Redirect", nullptr, 301, nullptr},
      {"RequestToken", nullptr, 200, nullptr},
      {"ServerScriptNotEnabled", "PermissionError", 403, nullptr},
      {"LinkValidationError", "ValidationError", 417, nullptr},
      {"CancelledLinkError", "LinkValidationError", 417, nullptr},
      {"QueryTimeoutError", nullptr, 500, nullptr},
      {"QueryDeadlockError", nullptr, 500, nullptr},
      {"TooManyWritesError", nullptr, 500, nullptr},
      {"SecurityException", nullptr, 500, nullptr},
      {"RetryBackgroundJobError", nullptr, 500, nullptr},
      {"FileAlreadyAttachedException", nullptr, 500, nullptr},
      {"UnknownDomainError", nullptr, 500, nullptr},
  };
  for (const char* name : {"MandatoryError",
                           "DocstatusTransitionError",
                           "TimestampMismatchError",
                           "UpdateAfterSubmitError",
                           "CharacterLengthExceededError",
                           "NonNegativeError",
                           "CannotChangeConstantError",
                           "EmptyTableError",
                           "LinkExistsError",
                           "UniqueValidationError",
                           "DataError",
                           "InvalidStatusError",
                           "MappingMismatchError",
                           "InvalidSignatureError",
                           "RateLimitExceededError",
                           "InvalidEmailAddressError",
                           "InvalidNameError",
                           "InvalidPhoneNumberError",
                           "TemplateNotFoundError",
                           "AppNotInstalledError",
                           "ImplicitCommitError",
                           "DocumentLockedError",
                           "CircularLinkingError",
                           "InvalidColumnName",
                           "IncompatibleApp",
                           "InvalidDates",
                           "DataTooLongException",
                           "DocumentAlreadyRestored",
                           "AttachmentLimitReached",
                           "InvalidDatabaseFile",
                           "InvalidNamingSeriesError",
                           "InvalidRoundingMethod"}) {
    c.push_back({name, "ValidationError", 417, nullptr});
  }
  return c;
}

std::vector<FrappeExceptionClass>& classes() {
  static std::vector<FrappeExceptionClass> all;
  static std::once_flag once;
  std::call_once(once, [] {
    all = make_classes();
    for (auto& c : all) {
      Type* base = nullptr;
      if (c.parent) {
        for (auto& p : all) {
          if (std::string_view(p.name) == c.parent) base = p.type;
        }
      }
      c.type = host::define_exception(c.name, base);
    }
  });
  return all;
}

const FrappeExceptionClass* find_class(std::string_view name) {
  for (const auto& c : classes()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

// The model's kind for a Frappe class name, when the model has one.
bool model_kind(std::string_view name, model::ErrorKind& out) {
  for (int k = 0; k <= static_cast<int>(model::ErrorKind::TooManyWritesError); ++k) {
    auto kind = static_cast<model::ErrorKind>(k);
    if (model::class_name(kind) == name) {
      out = kind;
      return true;
    }
  }
  return false;
}

Type* builtin_exception(std::string_view name) {
  const auto& t = types();
  for (Type* type :
       {t.AttributeError, t.TypeError, t.ValueError, t.KeyError, t.IndexError, t.NameError,
        t.ZeroDivisionError, t.RuntimeError, t.ImportError, t.OverflowError, t.RecursionError,
        t.MemoryError, t.NotImplementedError, t.AssertionError, t.LookupError, t.SyntaxError}) {
    if (type->name == name) return type;
  }
  return nullptr;
}

Value raise_with_message(Isolate& I, Type* type, std::string_view message) {
  return raise(I, type, message);
}

}  // namespace

const std::vector<FrappeExceptionClass>& frappe_exception_classes() {
  return classes();
}

Type* frappe_exception_type(std::string_view name) {
  const auto* c = find_class(name);
  return c ? c->type : nullptr;
}

Value raise_frappe(Isolate& I, std::string_view class_name, std::string_view message) {
  Type* t = frappe_exception_type(class_name);
  return raise_with_message(I, t ? t : frappe_exception_type("ValidationError"), message);
}

Value raise_frappe_error(Isolate& I, const model::FrappeError& e) {
  return raise_frappe(I, model::class_name(e.kind()), e.what());
}

namespace {

// A nested run's limit error, raised here as the same limit error of this run.
Value raise_nested_limit_error(Isolate& I, const ScriptLimitError& e) {
  const auto& t = types();
  Type* type = t.RuntimeError;
  for (Type* limit : {t.StepLimitExceeded, t.Cancelled, t.ScriptMemoryError, t.ScriptOutputError,
                      t.RecursionError}) {
    if (limit->name == e.python_type()) type = limit;
  }
  // An allocation the heap refused (engine.cpp): the memory limit's class.
  if (e.python_type() == "MemoryError") type = t.ScriptMemoryError;
  raise(I, type, e.what());
  // As the VM marks its own limit errors (interp.cpp make_uncatchable):
  // handlers skip it and a native that swallows it gets it back.
  I.uncatchable = true;
  incref(I.pending);
  assign(I.limit_error, I.pending);
  return Value::exc();
}

}  // namespace

Value raise_script_error(Isolate& I, const ScriptError& e) {
  // A nested run (frappe.call, run_script, a save's event) stopped by the
  // deadline, a cancel or the output cap it shares with this run: this run's
  // own limit error, which names the cause and cannot be caught, not a
  // RuntimeError the calling script could catch.
  if (I.cancel && I.cancel->load() && !check_limits(I)) return Value::exc();
  // Stopped by a limit of its own (steps, memory, recursion): that error.
  if (auto* limit = dynamic_cast<const ScriptLimitError*>(&e)) {
    return raise_nested_limit_error(I, *limit);
  }
  if (Type* t = frappe_exception_type(e.python_type())) return raise_with_message(I, t, e.what());
  if (Type* t = builtin_exception(e.python_type())) return raise_with_message(I, t, e.what());
  return raise_with_message(I, types().RuntimeError, e.python_type() + ": " + e.what());
}

Value raise_cpp_exception(Isolate& I) {
  try {
    throw;
  } catch (const model::FrappeError& e) {
    return raise_frappe_error(I, e);
  } catch (const ScriptError& e) {
    return raise_script_error(I, e);
  } catch (const numeric::PyError& e) {
    Type* t = builtin_exception(numeric::error_kind_name(e.kind));
    return raise(I, t ? t : types().ValueError, e.message);
  } catch (const std::bad_alloc&) {
    return raise(I, types().MemoryError, "");
  } catch (const db::DbBusyError&) {
    // Another writer kept the database locked (Frappe: a lock wait timeout):
    // a QueryTimeoutError the script may catch and retry or report.
    return raise_frappe(I, "QueryTimeoutError", db::kBusyMessage);
  } catch (const std::exception& e) {
    return raise(I, types().RuntimeError, e.what());
  }
}

[[noreturn]] void throw_script_exception(Isolate& I, Value exception,
                                         const std::string& traceback) {
  Type* type = type_of(exception);
  std::string message;
  // str(e): the message without the class name.
  Value text = to_str(I, exception);
  if (text.is_exc()) {
    Value pending = I.pending;
    I.pending = Value();
    decref(pending);
  } else {
    message = std::string(as_str(text)->view());
    decref(text);
  }
  // The nearest Frappe class the model knows keeps its kind (HTTP status,
  // rollback); a subclass it does not know becomes a ScriptError with its status.
  // The run's limit error (the VM made it uncatchable): the run stops, and
  // any run it is nested in.
  if (I.uncatchable) throw ScriptLimitError(type->name, message, 500, traceback);
  for (const auto& c : classes()) {
    if (c.type != type) continue;
    model::ErrorKind kind;
    if (model_kind(c.name, kind)) throw model::FrappeError(kind, message);
    throw ScriptError(c.name, message, c.http_status, traceback);
  }
  throw ScriptError(type->name, message, 500, traceback);
}

}  // namespace quire::scripting
