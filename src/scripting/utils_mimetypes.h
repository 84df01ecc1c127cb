#pragma once
// mimetypes.guess_type as CPython 3.11 answers it from its built-in tables:
// the top-level `guess_mimetype` of a script (Frappe binds
// mimetypes.guess_type) and frappe.utils.is_image.
//
// The tables are CPython's own (types_map, common_types, suffix_map,
// encodings_map) with the machine's mime.types files over them, as python3
// reads them: a script gets the answer Frappe's python3 gives on the same
// host (Debian's media-types adds .webp, .docx... that CPython 3.11 lacks).

#include <optional>
#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting {

struct GuessedType {
  std::optional<std::string> type;
  std::optional<std::string> encoding;
};

GuessedType guess_mime_type(std::string_view url, bool strict = true);

// The native behind the top-level guess_mimetype(url, strict=True): a
// (type, encoding) tuple.
lang::Value guess_mimetype_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                                  const lang::Tuple* kwnames, void* data);

}  // namespace quire::scripting
