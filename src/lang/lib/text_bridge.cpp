// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Temporary self-contained implementations (ASCII case mapping, a compact
// format-spec interpreter, decimal-string rounding) until the numeric/text
// library's implementations land; then these become thin calls into it.

#include "lang/lib/text_bridge.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace quire::lang {

namespace {
bool all_of(std::string_view s, bool (*pred)(unsigned char)) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!pred(c)) return false;
  return true;
}
bool is_up(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lo(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool is_dig(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_al(unsigned char c) {
  return is_up(c) || is_lo(c) || c >= 0x80;
}
bool is_aln(unsigned char c) {
  return is_al(c) || is_dig(c);
}
bool is_sp(unsigned char c) {
  return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}
}  // namespace

std::string text_lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (is_up(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
  return o;
}
std::string text_upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (is_lo(static_cast<unsigned char>(c))) c = static_cast<char>(c - 32);
  return o;
}
std::string text_title(std::string_view s) {
  std::string o(s);
  bool prev_cased = false;
  for (auto& c : o) {
    unsigned char u = static_cast<unsigned char>(c);
    if (is_up(u) || is_lo(u)) {
      c = static_cast<char>(prev_cased ? (is_up(u) ? u + 32 : u) : (is_lo(u) ? u - 32 : u));
      prev_cased = true;
    } else {
      prev_cased = u >= 0x80 && prev_cased;
    }
  }
  return o;
}
std::string text_capitalize(std::string_view s) {
  std::string o = text_lower(s);
  if (!o.empty() && is_lo(static_cast<unsigned char>(o[0]))) o[0] = static_cast<char>(o[0] - 32);
  return o;
}
std::string text_swapcase(std::string_view s) {
  std::string o(s);
  for (auto& c : o) {
    unsigned char u = static_cast<unsigned char>(c);
    if (is_up(u))
      c = static_cast<char>(u + 32);
    else if (is_lo(u))
      c = static_cast<char>(u - 32);
  }
  return o;
}
std::string text_casefold(std::string_view s) {
  return text_lower(s);
}
bool text_isdigit(std::string_view s) {
  return all_of(s, is_dig);
}
bool text_isdecimal(std::string_view s) {
  return all_of(s, is_dig);
}
bool text_isnumeric(std::string_view s) {
  return all_of(s, is_dig);
}
bool text_isalpha(std::string_view s) {
  return all_of(s, is_al);
}
bool text_isalnum(std::string_view s) {
  return all_of(s, is_aln);
}
bool text_isspace(std::string_view s) {
  return all_of(s, is_sp);
}
bool text_isupper(std::string_view s) {
  bool cased = false;
  for (unsigned char c : s) {
    if (is_lo(c)) return false;
    cased |= is_up(c);
  }
  return cased;
}
bool text_islower(std::string_view s) {
  bool cased = false;
  for (unsigned char c : s) {
    if (is_up(c)) return false;
    cased |= is_lo(c);
  }
  return cased;
}
bool text_istitle(std::string_view s) {
  bool prev = false, any = false;
  for (unsigned char c : s) {
    if (is_up(c)) {
      if (prev) return false;
      prev = any = true;
    } else if (is_lo(c)) {
      if (!prev) return false;
    } else {
      prev = false;
    }
  }
  return any;
}
bool text_isascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}
bool text_isidentifier(std::string_view s) {
  if (s.empty() || is_dig(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s)
    if (!(is_aln(c) || c == '_')) return false;
  return true;
}
bool text_isprintable(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

// ---------------------------------------------------------------- format specs

namespace {

struct Spec {
  std::string fill = " ";
  char align = 0, sign = 0, grouping = 0, type = 0;
  bool alt = false, zero = false;
  long width = -1, precision = -1;
};

bool parse_spec(Isolate& I, std::string_view s, Spec& sp) {
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  // fill may be a multi-byte code point
  std::size_t first_len = 1;
  if (!s.empty() && static_cast<unsigned char>(s[0]) >= 0x80) {
    while (first_len < s.size() && (static_cast<unsigned char>(s[first_len]) & 0xC0) == 0x80)
      ++first_len;
  }
  if (s.size() > first_len && is_align(s[first_len])) {
    sp.fill = std::string(s.substr(0, first_len));
    sp.align = s[first_len];
    i = first_len + 1;
  } else if (!s.empty() && is_align(s[0])) {
    sp.align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == '#') {
    sp.alt = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    sp.zero = true;
    ++i;
  }
  if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    sp.width = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      sp.width = sp.width * 10 + (s[i++] - '0');
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) {
      raise(I, types().ValueError, "Format specifier missing precision");
      return false;
    }
    sp.precision = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      sp.precision = sp.precision * 10 + (s[i++] - '0');
  }
  if (i < s.size()) sp.type = s[i++];
  if (i != s.size()) {
    raise(I, types().ValueError, "Invalid format specifier");
    return false;
  }
  if (sp.zero && !sp.align) {
    sp.fill = "0";
    sp.align = '=';
  }
  return true;
}

std::size_t cps(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string group(const std::string& digits, char sep) {
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out += sep;
    out += *it;
    ++count;
  }
  return std::string(out.rbegin(), out.rend());
}

std::string pad(const Spec& sp, const std::string& sign, const std::string& body,
                char default_align) {
  char align = sp.align ? sp.align : default_align;
  long len = static_cast<long>(cps(sign) + cps(body));
  if (sp.width <= len) return sign + body;
  long n = sp.width - len;
  std::string fill;
  auto rep = [&](long k) {
    std::string f;
    for (long i = 0; i < k; ++i) f += sp.fill;
    return f;
  };
  switch (align) {
    case '<':
      return sign + body + rep(n);
    case '^':
      return rep(n / 2) + sign + body + rep(n - n / 2);
    case '=':
      return sign + rep(n) + body;
    default:
      return rep(n) + sign + body;
  }
}

}  // namespace

bool format_int_spec(Isolate& I, Value v, std::string_view spec, std::string& out) {
  Spec sp;
  if (!parse_spec(I, spec, sp)) return false;
  if (sp.type == 'e' || sp.type == 'E' || sp.type == 'f' || sp.type == 'F' || sp.type == 'g' ||
      sp.type == 'G' || sp.type == '%') {
    double d;
    if (!to_double(I, v, d)) return false;
    return format_float_spec(I, d, spec, out);
  }
  if (sp.precision >= 0) {
    raise(I, types().ValueError, "Precision not allowed in integer format specifier");
    return false;
  }
  std::string digits;
  bool neg = false;
  if (v.tag == Tag::Int || v.tag == Tag::Bool) {
    std::int64_t i = v.tag == Tag::Int ? v.i : v.b;
    neg = i < 0;
    unsigned long long u =
        neg ? 0ull - static_cast<unsigned long long>(i) : static_cast<unsigned long long>(i);
    char buf[80];
    switch (sp.type) {
      case 'x':
        std::snprintf(buf, sizeof buf, "%llx", u);
        break;
      case 'X':
        std::snprintf(buf, sizeof buf, "%llX", u);
        break;
      case 'o':
        std::snprintf(buf, sizeof buf, "%llo", u);
        break;
      case 'b': {
        std::string b;
        if (!u) b = "0";
        while (u) {
          b.insert(b.begin(), static_cast<char>('0' + (u & 1)));
          u >>= 1;
        }
        std::snprintf(buf, sizeof buf, "%s", b.c_str());
        break;
      }
      case 'c': {
        std::string s;
        unsigned long long c = u;
        if (c < 0x80)
          s += static_cast<char>(c);
        else if (c < 0x800) {
          s += static_cast<char>(0xC0 | (c >> 6));
          s += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
          s += static_cast<char>(0xE0 | (c >> 12));
          s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
          s += static_cast<char>(0x80 | (c & 0x3F));
        } else {
          s += static_cast<char>(0xF0 | (c >> 18));
          s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
          s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
          s += static_cast<char>(0x80 | (c & 0x3F));
        }
        out += pad(sp, "", s, '<');
        return true;
      }
      case 0:
      case 'd':
      case 'n':
        std::snprintf(buf, sizeof buf, "%llu", u);
        break;
      default: {
        char msg[96];
        std::snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type 'int'",
                      sp.type);
        raise(I, types().ValueError, msg);
        return false;
      }
    }
    digits = buf;
  } else {
    std::string s;
    repr_into(I, v, s);
    neg = !s.empty() && s[0] == '-';
    digits = neg ? s.substr(1) : s;
  }
  if (sp.grouping) digits = group(digits, sp.grouping);
  std::string sign = neg ? "-" : (sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "");
  if (sp.alt) {
    if (sp.type == 'x') sign += "0x";
    if (sp.type == 'X') sign += "0X";
    if (sp.type == 'o') sign += "0o";
    if (sp.type == 'b') sign += "0b";
  }
  out += pad(sp, sign, digits, '>');
  return true;
}

bool format_float_spec(Isolate& I, double d, std::string_view spec, std::string& out) {
  Spec sp;
  if (!parse_spec(I, spec, sp)) return false;
  bool neg = std::signbit(d) && !std::isnan(d);
  double a = std::fabs(d);
  std::string body;
  char type = sp.type;
  long prec = sp.precision;
  char buf[512];
  if (std::isinf(a) || std::isnan(a)) {
    body = std::isnan(a) ? "nan" : "inf";
    if (type == 'F' || type == 'E' || type == 'G') body = std::isnan(a) ? "NAN" : "INF";
    if (type == '%') body += "%";
  } else if (type == 0 && prec < 0) {
    body = float_repr(a);
  } else {
    switch (type) {
      case 'f':
      case 'F':
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(prec < 0 ? 6 : prec), a);
        body = buf;
        break;
      case 'e':
      case 'E':
        std::snprintf(buf, sizeof buf, type == 'e' ? "%.*e" : "%.*E",
                      static_cast<int>(prec < 0 ? 6 : prec), a);
        body = buf;
        break;
      case '%':
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(prec < 0 ? 6 : prec), a * 100);
        body = std::string(buf) + "%";
        break;
      case 'g':
      case 'G':
      case 0:
      case 'n': {
        int p = static_cast<int>(prec < 0 ? 6 : (prec == 0 ? 1 : prec));
        std::snprintf(buf, sizeof buf,
                      sp.alt ? (type == 'G' ? "%#.*G" : "%#.*g") : (type == 'G' ? "%.*G" : "%.*g"),
                      p, a);
        body = buf;
        if (type == 0 && body.find_first_of(".e") == std::string::npos &&
            body.find("inf") == std::string::npos)
          body += ".0";
        break;
      }
      default: {
        char msg[96];
        std::snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type 'float'", type);
        raise(I, types().ValueError, msg);
        return false;
      }
    }
  }
  if (sp.grouping && !body.empty() && std::isdigit(static_cast<unsigned char>(body[0]))) {
    std::size_t end = body.find_first_not_of("0123456789");
    std::string ip = body.substr(0, end);
    body = group(ip, sp.grouping) + (end == std::string::npos ? "" : body.substr(end));
  }
  std::string sign = neg ? "-" : (sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "");
  out += pad(sp, sign, body, '>');
  return true;
}

bool format_str_spec(Isolate& I, std::string_view text, std::string_view spec, std::string& out) {
  Spec sp;
  if (!parse_spec(I, spec, sp)) return false;
  if (sp.type && sp.type != 's') {
    char msg[96];
    std::snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type 'str'", sp.type);
    raise(I, types().ValueError, msg);
    return false;
  }
  if (sp.sign) {
    raise(I, types().ValueError, "Sign not allowed in string format specifier");
    return false;
  }
  if (sp.align == '=') {
    raise(I, types().ValueError, "'=' alignment not allowed in string format specifier");
    return false;
  }
  std::string body(text);
  if (sp.precision >= 0) {
    std::size_t n = 0, i = 0;
    while (i < body.size() && n < static_cast<std::size_t>(sp.precision)) {
      ++i;
      while (i < body.size() && (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80) ++i;
      ++n;
    }
    body.resize(i);
  }
  out += pad(sp, "", body, '<');
  return true;
}

bool round_float(Isolate& I, double x, std::int64_t ndigits, double& out) {
  if (!std::isfinite(x) || ndigits > 323) {
    out = x;
    return true;
  }
  if (ndigits < -308) {
    out = std::copysign(0.0, x);
    return true;
  }
  // Correct rounding: print the exact binary value with enough digits and
  // round half-even on that decimal expansion.
  char buf[1200];
  if (ndigits >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits),
                  x);  // glibc rounds exactly, half-even on ties
    out = std::strtod(buf, nullptr);
  } else {
    double p = std::pow(10.0, static_cast<double>(-ndigits));
    double y = x / p;
    double r = std::nearbyint(y);
    out = r * p;
    if (std::isinf(out)) {
      raise(I, types().OverflowError, "rounded value too large to represent");
      return false;
    }
    if (out == 0) out = std::copysign(0.0, x);
  }
  return true;
}

}  // namespace quire::lang
