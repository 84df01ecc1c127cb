#include "model/errors.h"

namespace quire::model {

std::string_view class_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValidationError:
      return "ValidationError";
    case ErrorKind::AuthenticationError:
      return "AuthenticationError";
    case ErrorKind::PermissionError:
      return "PermissionError";
    case ErrorKind::DoesNotExistError:
      return "DoesNotExistError";
    case ErrorKind::NameError:
      return "NameError";
    case ErrorKind::DuplicateEntryError:
      return "DuplicateEntryError";
    case ErrorKind::MandatoryError:
      return "MandatoryError";
    case ErrorKind::LinkValidationError:
      return "LinkValidationError";
    case ErrorKind::CancelledLinkError:
      return "CancelledLinkError";
    case ErrorKind::DocstatusTransitionError:
      return "DocstatusTransitionError";
    case ErrorKind::TimestampMismatchError:
      return "TimestampMismatchError";
    case ErrorKind::UpdateAfterSubmitError:
      return "UpdateAfterSubmitError";
    case ErrorKind::CharacterLengthExceededError:
      return "CharacterLengthExceededError";
    case ErrorKind::NonNegativeError:
      return "NonNegativeError";
    case ErrorKind::CannotChangeConstantError:
      return "CannotChangeConstantError";
    case ErrorKind::EmptyTableError:
      return "EmptyTableError";
    case ErrorKind::LinkExistsError:
      return "LinkExistsError";
    case ErrorKind::UniqueValidationError:
      return "UniqueValidationError";
    case ErrorKind::DataError:
      return "DataError";
    case ErrorKind::InvalidNameError:
      return "InvalidNameError";
    case ErrorKind::InvalidNamingSeriesError:
      return "InvalidNamingSeriesError";
    case ErrorKind::ImplicitCommitError:
      return "ImplicitCommitError";
    case ErrorKind::DocumentLockedError:
      return "DocumentLockedError";
    case ErrorKind::QueryTimeoutError:
      return "QueryTimeoutError";
    case ErrorKind::TooManyWritesError:
      return "TooManyWritesError";
  }
  return "Exception";
}

namespace {

// Frappe's class hierarchy: the direct parent of each class, or the kind
// itself for roots (which derive from Python's Exception).
ErrorKind parent_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValidationError:
    case ErrorKind::AuthenticationError:
    case ErrorKind::PermissionError:
    case ErrorKind::NameError:
    case ErrorKind::QueryTimeoutError:
    case ErrorKind::TooManyWritesError:
      return kind;
    case ErrorKind::DuplicateEntryError:
      return ErrorKind::NameError;
    case ErrorKind::CancelledLinkError:
      return ErrorKind::LinkValidationError;
    default:
      return ErrorKind::ValidationError;
  }
}

}  // namespace

bool is_a(ErrorKind kind, ErrorKind ancestor) {
  for (;;) {
    if (kind == ancestor) return true;
    ErrorKind parent = parent_of(kind);
    if (parent == kind) return false;
    kind = parent;
  }
}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::AuthenticationError:
      return 401;
    case ErrorKind::PermissionError:
      return 403;
    case ErrorKind::DoesNotExistError:
      return 404;
    case ErrorKind::NameError:
    case ErrorKind::DuplicateEntryError:
      return 409;
    case ErrorKind::QueryTimeoutError:
    case ErrorKind::TooManyWritesError:
      return 500;
    default:
      return 417;
  }
}

}  // namespace quire::model
