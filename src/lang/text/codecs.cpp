#include "lang/text/codecs.h"

#include <cstdio>

#include "lang/text/utf8.h"

namespace quire::lang::text {

namespace {

const char* codec_name(Codec c) {
  return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1";
}

std::string hex_escape(char32_t cp) {
  char buf[16];
  if (cp < 0x100)
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  else if (cp < 0x10000)
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  return buf;
}

bool known_handler(std::string_view errors, bool encoding) {
  return errors == "strict" || errors == "ignore" || errors == "replace" ||
         errors == "backslashreplace" || (encoding && errors == "xmlcharrefreplace");
}

CodecFailure unknown_handler(std::string_view errors) {
  std::string m = "unknown error handler name '";
  m += errors;
  m += '\'';
  return {true, m};
}

// One UTF-8 sequence at bytes[i]: its length, or the length of the bad run and
// CPython's reason.
struct Step {
  std::size_t length;
  const char* reason;  // nullptr: valid
};

Step utf8_step(std::string_view b, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(b[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, nullptr};
  if (b0 < 0xC2 || b0 > 0xF4) return {1, "invalid start byte"};
  std::size_t need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  for (std::size_t k = 1; k < need; ++k) {
    if (i + k >= b.size()) return {k, "unexpected end of data"};
    unsigned char lo = 0x80, hi = 0xBF, c = byte(i + k);
    if (k == 1) {
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    }
    if (c < lo || c > hi) return {k, "invalid continuation byte"};
  }
  return {need, nullptr};
}

}  // namespace

std::optional<Codec> find_codec(std::string_view name) {
  std::string n;
  for (char c : name) {
    char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    n += l == '-' || l == ' ' ? '_' : l;
  }
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "utf8_ucs2" ||
      n == "utf8_ucs4" || n == "cp65001")
    return Codec::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "ansi_x3.4_1968" ||
      n == "iso646_us" || n == "cp367" || n == "csascii" || n == "ibm367" || n == "iso_ir_6")
    return Codec::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso_8859_1" ||
      n == "iso8859_1" || n == "8859" || n == "cp819" || n == "ibm819" || n == "iso_ir_100" ||
      n == "iso_8859_1:1987" || n == "csisolatin1")
    return Codec::Latin1;
  return std::nullopt;
}

std::optional<CodecFailure> encode(std::string_view text, Codec codec, std::string_view errors,
                                   std::string& out) {
  if (codec == Codec::Utf8) {
    out.assign(text);
    return std::nullopt;
  }
  const char32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
  std::size_t pos = 0, index = 0;
  while (pos < text.size()) {
    char32_t cp = decode_utf8(text, pos);
    if (cp < limit) {
      out += static_cast<char>(cp);
      ++index;
      continue;
    }
    if (!known_handler(errors, true)) return unknown_handler(errors);
    if (errors == "strict") {
      // CPython reports the whole run of unencodable characters.
      std::size_t end = index + 1, scan = pos;
      while (scan < text.size()) {
        std::size_t next = scan;
        if (decode_utf8(text, next) < limit) break;
        scan = next;
        ++end;
      }
      // Built piece by piece: GCC 12's -Wrestrict misfires on long + chains.
      std::string m = "'";
      m += codec_name(codec);
      m += "' codec can't encode ";
      if (end - index == 1) {
        m += "character '";
        m += hex_escape(cp);
        m += "' in position ";
        m += std::to_string(index);
      } else {
        m += "characters in position ";
        m += std::to_string(index);
        m += '-';
        m += std::to_string(end - 1);
      }
      m += ": ordinal not in range(";
      m += std::to_string(limit);
      m += ')';
      return CodecFailure{false, m};
    }
    if (errors == "replace") out += '?';
    if (errors == "backslashreplace") out += hex_escape(cp);
    if (errors == "xmlcharrefreplace") out += "&#" + std::to_string(cp) + ";";
    ++index;
  }
  return std::nullopt;
}

std::optional<CodecFailure> decode(std::string_view bytes, Codec codec, std::string_view errors,
                                   std::string& out) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    auto b0 = static_cast<unsigned char>(bytes[i]);
    Step step{1, nullptr};
    if (codec == Codec::Utf8)
      step = utf8_step(bytes, i);
    else if (codec == Codec::Ascii && b0 >= 0x80)
      step = {1, "ordinal not in range(128)"};
    if (!step.reason) {
      if (codec == Codec::Utf8)
        out.append(bytes.substr(i, step.length));
      else
        append_utf8(out, b0);
      i += step.length;
      continue;
    }
    if (!known_handler(errors, false)) return unknown_handler(errors);
    if (errors == "strict") {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned>(b0));
      std::string m = "'";
      m += codec_name(codec);
      m += "' codec can't decode ";
      if (step.length == 1) {
        m += "byte ";
        m += buf;
        m += " in position ";
        m += std::to_string(i);
      } else {
        m += "bytes in position ";
        m += std::to_string(i);
        m += '-';
        m += std::to_string(i + step.length - 1);
      }
      m += ": ";
      m += step.reason;
      return CodecFailure{false, m};
    }
    if (errors == "replace") append_utf8(out, 0xFFFD);
    if (errors == "backslashreplace")
      for (std::size_t k = 0; k < step.length; ++k)
        out += hex_escape(static_cast<unsigned char>(bytes[i + k]));
    i += step.length;
  }
  return std::nullopt;
}

}  // namespace quire::lang::text
