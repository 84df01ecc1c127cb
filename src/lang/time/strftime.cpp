#include "lang/time/strftime.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "lang/time/civil.h"
#include "lang/time/date.h"
#include "lang/time/datetime.h"
#include "lang/time/error.h"
#include "lang/time/names.h"
#include "lang/time/offset_text.h"
#include "lang/time/time_of_day.h"

namespace quire::lang::time {

namespace {

// Widths past this are read as this (glibc would honour any int).
constexpr int kMaxWidth = 65536;

// The flags and width glibc parsed between '%' and the conversion.
struct Spec {
  char pad = 0;  // 0, '-', '_' or '0' (the last flag given wins)
  bool upcase = false;
  bool swapcase = false;
  int width = -1;  // -1: none given
};

std::string padded(const std::string& text, size_t width, char fill) {
  if (text.size() >= width) return text;
  std::string out(width - text.size(), fill);
  out.append(text);
  return out;
}

// A number: default width and fill apply unless '-' asks for none; the
// year-like fields (%Y %C %G) have no default width.
std::string number(const Spec& s, int64_t value, int default_width, char default_fill,
                   bool yearish = false) {
  bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  size_t width = 0;
  char fill = ' ';
  if (s.pad == '-') {
    width = s.width > 0 ? static_cast<size_t>(s.width) : 0;
  } else {
    int w = yearish ? (s.width > 0 ? s.width : 0) : std::max(s.width, default_width);
    width = static_cast<size_t>(w);
    fill = s.pad == '_' ? ' ' : (s.pad == '0' ? '0' : (yearish ? '0' : default_fill));
  }
  if (negative) {
    // glibc pads the signed text as a whole: "0-2208988800" for %012s.
    std::string signed_text(1, '-');
    signed_text.append(digits);
    return padded(signed_text, width, fill);
  }
  return padded(digits, width, fill);
}

// Case flags: '^' uppercases anything; '#' swaps the case of names only
// (upper for day and month names, lower for %p and %Z), never of composites.
enum class Swap { Upper, Lower, None };

std::string text(const Spec& s, std::string value, Swap swap = Swap::Upper) {
  bool swap_to_upper = swap == Swap::Upper;
  if (swap == Swap::None && !s.upcase) {
    size_t width = s.width > 0 ? static_cast<size_t>(s.width) : 0;
    return padded(value, width, s.pad == '0' ? '0' : ' ');
  }
  if (s.swapcase && !swap_to_upper) {  // '#' beats '^' for %p and %Z
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else if (s.upcase || s.swapcase) {
    for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  size_t width = s.width > 0 ? static_cast<size_t>(s.width) : 0;
  return padded(value, width, s.pad == '0' ? '0' : ' ');
}

int weekday_sunday0(const BrokenDownTime& t) {
  return (weekday_from_ordinal(t.ordinal) + 1) % 7;
}

int day_of_year(const BrokenDownTime& t) {
  return t.ordinal - ordinal_from_ymd(t.year, 1, 1) + 1;
}

std::string expand(const BrokenDownTime& t, const std::string& format);

// One glibc conversion; returns false for an unknown one.
bool convert(const BrokenDownTime& t, char c, const Spec& s, std::string& out) {
  int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  int yday = day_of_year(t);
  int wday = weekday_sunday0(t);
  switch (c) {
    case 'a':
      out += text(s, kWeekdayAbbr[weekday_from_ordinal(t.ordinal)]);
      return true;
    case 'A':
      out += text(s, kWeekdayNames[weekday_from_ordinal(t.ordinal)]);
      return true;
    case 'b':
    case 'h':
      out += text(s, kMonthAbbr[t.month]);
      return true;
    case 'B':
      out += text(s, kMonthNames[t.month]);
      return true;
    case 'c':
      out += text(s, expand(t, "%a %b %e %H:%M:%S %Y"), Swap::None);
      return true;
    case 'C':
      out += number(s, t.year / 100, 2, '0', true);
      return true;
    case 'd':
      out += number(s, t.day, 2, '0');
      return true;
    case 'D':
    case 'x':
      out += text(s, expand(t, "%m/%d/%y"), Swap::None);
      return true;
    case 'e':
      out += number(s, t.day, 2, ' ');
      return true;
    case 'F':
      out += text(s, expand(t, "%Y-%m-%d"), Swap::None);
      return true;
    case 'g':
      out += number(s, Date::from_ordinal(t.ordinal).isocalendar().year % 100, 2, '0');
      return true;
    case 'G':
      out += number(s, Date::from_ordinal(t.ordinal).isocalendar().year, 4, '0', true);
      return true;
    case 'H':
      out += number(s, t.hour, 2, '0');
      return true;
    case 'I':
      out += number(s, hour12, 2, '0');
      return true;
    case 'j':
      out += number(s, yday, 3, '0');
      return true;
    case 'k':
      out += number(s, t.hour, 2, ' ');
      return true;
    case 'l':
      out += number(s, hour12, 2, ' ');
      return true;
    case 'm':
      out += number(s, t.month, 2, '0');
      return true;
    case 'M':
      out += number(s, t.minute, 2, '0');
      return true;
    case 'n':
      out += text(s, "\n", Swap::None);
      return true;
    case 'p':
      out += text(s, t.hour < 12 ? "AM" : "PM", Swap::Lower);
      return true;
    case 'P': {
      Spec lower = s;
      lower.upcase = lower.swapcase = false;
      out += text(lower, t.hour < 12 ? "am" : "pm");
      return true;
    }
    case 'r':
      out += text(s, expand(t, "%I:%M:%S %p"), Swap::None);
      return true;
    case 'R':
      out += text(s, expand(t, "%H:%M"), Swap::None);
      return true;
    case 's':
      out += number(s, t.epoch_seconds, 1, '0');
      return true;
    case 'S':
      out += number(s, t.second, 2, '0');
      return true;
    case 't':
      out += text(s, "\t", Swap::None);
      return true;
    case 'T':
    case 'X':
      out += text(s, expand(t, "%H:%M:%S"), Swap::None);
      return true;
    case 'u':
      out += number(s, weekday_from_ordinal(t.ordinal) + 1, 1, '0');
      return true;
    case 'U':
      out += number(s, (yday - 1 + 7 - wday) / 7, 2, '0');
      return true;
    case 'V':
      out += number(s, Date::from_ordinal(t.ordinal).isocalendar().week, 2, '0');
      return true;
    case 'w':
      out += number(s, wday, 1, '0');
      return true;
    case 'W':
      out += number(s, (yday - 1 + 7 - (wday + 6) % 7) / 7, 2, '0');
      return true;
    case 'y':
      out += number(s, t.year % 100, 2, '0');
      return true;
    case 'Y':
      out += number(s, t.year, 4, '0', true);
      return true;
    case 'z':       // reached only with flags: the timetuple has no offset, glibc
      return true;  // prints nothing, not even padding
    case 'Z':
      out += text(s, "", Swap::None);
      return true;
    case '%':
      out += text(s, "%", Swap::None);
      return true;
    default:
      return false;
  }
}

// glibc refuses these conversions after an E or O modifier.
bool modifier_allowed(char modifier, char conversion) {
  std::string_view refused = modifier == 'E' ? "aAbBdDeFgGhHIjklmMSUVwW" : "aAcDFxXY";
  return modifier == 0 || refused.find(conversion) == std::string_view::npos;
}

// glibc's part: flags, width, E/O modifier, conversion.
std::string expand(const BrokenDownTime& t, const std::string& format) {
  // A sandboxed script must not turn a short format into gigabytes; CPython
  // has no such cap, but no real format comes near it.
  const size_t limit = 64 * format.size() + 65536;
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    if (format[i] != '%') {
      out += format[i++];
      continue;
    }
    size_t start = i++;
    Spec s;
    for (; i < format.size(); ++i) {
      char f = format[i];
      if (f == '-' || f == '_' || f == '0') {
        s.pad = f;
      } else if (f == '^') {
        s.upcase = true;
      } else if (f == '#') {
        s.swapcase = true;
      } else {
        break;
      }
    }
    if (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
      s.width = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        s.width = std::min(kMaxWidth, s.width * 10 + (format[i++] - '0'));
    }
    char modifier = 0;
    if (i < format.size() && (format[i] == 'E' || format[i] == 'O')) modifier = format[i++];
    if (i < format.size() && modifier_allowed(modifier, format[i]) &&
        convert(t, format[i], s, out)) {
      ++i;
      if (out.size() > limit) numeric::raise(ErrorKind::MemoryError, "strftime result too large");
      continue;
    }
    // Unknown: the directive as written (through the bad character), padded.
    size_t end = i < format.size() ? i + 1 : format.size();
    Spec plain = s;
    plain.swapcase = false;
    out += text(plain, format.substr(start, end - start), Swap::None);
    i = end;
  }
  return out;
}

}  // namespace

std::string format_broken_down(const BrokenDownTime& t, const std::string& format) {
  // CPython's part: replace %z, %Z and %f before glibc sees the format
  // (doubling any '%' in the tzname so glibc prints it as is).
  std::string glibc_format;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%' || i + 1 >= format.size()) {
      glibc_format += c;
      continue;
    }
    char d = format[++i];
    if (d == 'z') {
      if (t.utcoffset) glibc_format += format_utc_offset(*t.utcoffset, "");
    } else if (d == 'Z') {
      for (char z : t.tzname.value_or(""))
        glibc_format += z == '%' ? std::string("%%") : std::string(1, z);
    } else if (d == 'f') {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%06d", t.microsecond);
      glibc_format += buf;
    } else {
      glibc_format += c;
      glibc_format += d;
    }
  }
  return expand(t, glibc_format);
}

namespace {
constexpr int64_t kUnixEpochSeconds = 62135596800;

BrokenDownTime broken_down(const Date& d, const Time& t, int64_t local_micros,
                           std::optional<TimeDelta> offset, std::optional<std::string> tzname) {
  YearMonthDay f = d.ymd();
  // glibc's %s runs mktime on the fields: they are local time of the host.
  int64_t epoch = local_micros / 1000000 - kUnixEpochSeconds;
  TzRef local = system_local_zone();
  epoch -= static_cast<int64_t>(zone_answer(local, local_micros, 0).utcoffset.total_microseconds() /
                                1000000);
  return BrokenDownTime{f.year,          f.month,       f.day,  t.hour(), t.minute(), t.second(),
                        t.microsecond(), d.toordinal(), offset, tzname,   epoch};
}
}  // namespace

std::string Date::strftime(const std::string& format) const {
  int64_t micros = (static_cast<int64_t>(ordinal_) - 1) * DateTime::kMicrosPerDay;
  return format_broken_down(broken_down(*this, Time(), micros, std::nullopt, std::nullopt), format);
}

std::string Time::strftime(const std::string& format) const {
  Date day = Date::from_ymd(1900, 1, 1);
  int64_t micros = (static_cast<int64_t>(day.toordinal()) - 1) * DateTime::kMicrosPerDay + micros_;
  return format_broken_down(broken_down(day, *this, micros, utcoffset(), tzname()), format);
}

std::string DateTime::strftime(const std::string& format) const {
  return format_broken_down(broken_down(date(), time(), micros_, utcoffset(), tzname()), format);
}

}  // namespace quire::lang::time
