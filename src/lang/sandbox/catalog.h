#pragma once
// The catalog: every name bound for scripts, with its signature and
// docstring, for editor autocompletion (issue 4). Whoever binds a name
// describes it once at startup; the catalog is process-wide and thread-safe.
//
//   catalog::describe("frappe.get_doc", catalog::kFunction, "(doctype, name=None)",
//                     "Returns the document ...");
//   std::string listing = catalog::to_json();   // for the editor endpoint
//
// The standard modules (json, datetime, _dict) describe themselves when
// first built (see lib/stdlib_modules.h).

#include <string>
#include <string_view>
#include <vector>

namespace quire::lang::catalog {

// Kinds, as the editor shows them.
inline constexpr const char* kModule = "module";
inline constexpr const char* kFunction = "function";
inline constexpr const char* kClass = "class";
inline constexpr const char* kException = "exception";
inline constexpr const char* kMethod = "method";
inline constexpr const char* kProperty = "property";
inline constexpr const char* kValue = "value";

struct Entry {
  std::string name;       // dotted path as a script writes it: "json.dumps", "datetime.date.today"
  std::string kind;       // one of the kinds above
  std::string signature;  // "(obj, *, indent=None, ...)"; empty for values and properties
  std::string doc;        // one paragraph of plain text
};

// Records the description of `name`, replacing an earlier one.
void describe(std::string_view name, std::string_view kind, std::string_view signature,
              std::string_view doc);
// Every entry, sorted by name; `prefix` keeps names starting with it.
std::vector<Entry> entries(std::string_view prefix = "");
// Describes the builtins (print, len, sorted, the exception classes ...);
// the host calls it once if its editor listing should include them. Names a
// sandboxed script cannot see (sandbox::builtin_hidden: vars, globals ...)
// are not listed.
void describe_builtins();
// The entries as a JSON array of {"name", "kind", "signature", "doc"} objects.
std::string to_json(std::string_view prefix = "");

}  // namespace quire::lang::catalog
