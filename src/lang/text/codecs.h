#pragma once
// str.encode / bytes.decode for the codecs server scripts meet (utf-8, ascii,
// latin-1) with CPython 3.11's error handlers and error messages.

#include <optional>
#include <string>
#include <string_view>

namespace quire::lang::text {

enum class Codec { Utf8, Ascii, Latin1 };

// CPython's normalisation of an encoding name ("UTF8", "utf_8", "Latin-1",
// "iso-8859-1", "us-ascii", ...); nullopt: LookupError "unknown encoding: X".
std::optional<Codec> find_codec(std::string_view name);

struct CodecFailure {
  bool unknown_handler = false;  // LookupError "unknown error handler name 'X'"
  std::string message;           // UnicodeEncodeError / UnicodeDecodeError text
};

// Encodes UTF-8 text; errors: strict, ignore, replace, backslashreplace,
// xmlcharrefreplace. A failure is returned (out is then unspecified).
std::optional<CodecFailure> encode(std::string_view text, Codec codec, std::string_view errors,
                                   std::string& out);
// Decodes bytes to UTF-8 text; errors: strict, ignore, replace,
// backslashreplace.
std::optional<CodecFailure> decode(std::string_view bytes, Codec codec, std::string_view errors,
                                   std::string& out);

}  // namespace quire::lang::text
