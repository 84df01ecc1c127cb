#pragma once
// Every exception class of frappe.exceptions (spec §9.3) as a script class,
// with Frappe's hierarchy (DoesNotExistError is a ValidationError...), and
// the crossings between script exceptions and C++ errors.

#include <string_view>
#include <utility>
#include <vector>

#include "lang/object/runtime.h"
#include "model/errors.h"
#include "scripting/script_error.h"

namespace quire::scripting {

struct FrappeExceptionClass {
  const char* name;
  const char* parent;  // nullptr: Exception
  int http_status;
  lang::Type* type;
};

// All classes, parents before children (created once, immortal).
const std::vector<FrappeExceptionClass>& frappe_exception_classes();
lang::Type* frappe_exception_type(std::string_view name);  // nullptr if unknown

// Raises `e` in the isolate as the matching script exception.
lang::Value raise_frappe_error(lang::Isolate& I, const model::FrappeError& e);
lang::Value raise_script_error(lang::Isolate& I, const ScriptError& e);
lang::Value raise_frappe(lang::Isolate& I, std::string_view class_name, std::string_view message);

// Throws the C++ error for a script exception that ended a run (see script_error.h).
[[noreturn]] void throw_script_exception(lang::Isolate& I, lang::Value exception,
                                         const std::string& traceback);

// Runs `body` (returning a Value) and turns any C++ error it throws into a
// script exception, so native functions never let one cross the VM.
template <typename Body>
lang::Value guarded(lang::Isolate& I, Body&& body);

lang::Value raise_cpp_exception(lang::Isolate& I);  // call inside a catch (...)

template <typename Body>
lang::Value guarded(lang::Isolate& I, Body&& body) {
  try {
    return body();
  } catch (...) {
    return raise_cpp_exception(I);
  }
}

}  // namespace quire::scripting
