#include "scripting/requote_uri.h"

#include <cctype>

namespace quire::scripting {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool safe(unsigned char c, bool keep_percent) {
  static constexpr std::string_view kSafe = "!#$&'()*+,/:;=?@[]~";
  return unreserved(c) || kSafe.find(static_cast<char>(c)) != std::string_view::npos ||
         (keep_percent && c == '%');
}

// unquote_unreserved: %XX of an unreserved character becomes the character;
// a '%' not followed by two letters or digits is left alone; false when they
// are letters or digits but not hex (requests' InvalidURL).
bool unquote_unreserved(std::string_view uri, std::string& out) {
  for (std::size_t i = 0; i < uri.size(); ++i) {
    bool escape = uri[i] == '%' && i + 2 < uri.size() &&
                  std::isalnum(static_cast<unsigned char>(uri[i + 1])) &&
                  std::isalnum(static_cast<unsigned char>(uri[i + 2]));
    if (!escape) {
      out += uri[i];
      continue;
    }
    int high = hex_digit(uri[i + 1]), low = hex_digit(uri[i + 2]);
    if (high < 0 || low < 0) return false;
    auto c = static_cast<unsigned char>(high * 16 + low);
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out.append(uri.substr(i, 3));
    }
    i += 2;
  }
  return true;
}

std::string quote(std::string_view text, bool keep_percent) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (safe(c, keep_percent)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string requote_uri(std::string_view uri) {
  std::string unquoted;
  if (unquote_unreserved(uri, unquoted)) return quote(unquoted, true);
  return quote(uri, false);
}

}  // namespace quire::scripting
