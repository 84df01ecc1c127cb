#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace quire::model {

// Frappe's exception classes (spec §9.3). The REST layer maps them to HTTP
// codes with http_status(); scripts see them under their Frappe names.
enum class ErrorKind {
  ValidationError,
  AuthenticationError,
  PermissionError,
  DoesNotExistError,
  NameError,
  DuplicateEntryError,
  MandatoryError,
  LinkValidationError,
  CancelledLinkError,
  DocstatusTransitionError,
  TimestampMismatchError,
  UpdateAfterSubmitError,
  CharacterLengthExceededError,
  NonNegativeError,
  CannotChangeConstantError,
  EmptyTableError,
  LinkExistsError,
  UniqueValidationError,
  DataError,
  InvalidNameError,
  InvalidNamingSeriesError,
  ImplicitCommitError,
  DocumentLockedError,
  QueryTimeoutError,
  TooManyWritesError,
};

// The Frappe class name, e.g. "DuplicateEntryError".
std::string_view class_name(ErrorKind kind);

// The HTTP status Frappe answers with for this class.
int http_status(ErrorKind kind);

// True when `kind` is `ancestor` or derives from it in Frappe's hierarchy
// (DuplicateEntryError is a NameError; MandatoryError a ValidationError...).
bool is_a(ErrorKind kind, ErrorKind ancestor);

// A Frappe exception: its class, its message (Frappe's exact words) and the
// msgprint title when Frappe gives one.
class FrappeError : public std::runtime_error {
 public:
  FrappeError(ErrorKind kind, const std::string& message, std::string title = {})
      : std::runtime_error(message), kind_(kind), title_(std::move(title)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& title() const { return title_; }
  bool is_a(ErrorKind ancestor) const { return model::is_a(kind_, ancestor); }

 private:
  ErrorKind kind_;
  std::string title_;
};

[[noreturn]] inline void raise(ErrorKind kind, const std::string& message, std::string title = {}) {
  throw FrappeError(kind, message, std::move(title));
}

}  // namespace quire::model
