// fromisoformat for date, time and datetime, following CPython 3.11's C
// parser step by step (it accepts more than its docs say, e.g. "2024W015",
// "10:30,5", offsets with fractions), so the same strings pass and fail.

#include <string>
#include <string_view>

#include "lang/time/datetime.h"
#include "lang/time/error.h"
#include "lang/time/py_repr.h"

namespace quire::lang::time {

namespace {

// The C parser reads a NUL-terminated buffer; reading past the end sees '\0'.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  char at(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  size_t size() const { return text_.size(); }

  // Exactly `count` ASCII digits at `pos`; false if any is not a digit.
  bool digits(size_t& pos, int& value, size_t count) const {
    value = 0;
    for (size_t k = 0; k < count; ++k) {
      char c = at(pos);
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
      ++pos;
    }
    return true;
  }

 private:
  std::string_view text_;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

struct DateParts {
  int year = 0, month = 0, day = 0;
};

// CPython's parse_isoformat_date over text[0, len); false on failure.
bool parse_date(const Cursor& s, size_t len, DateParts& out) {
  size_t p = 0;
  if (!s.digits(p, out.year, 4)) return false;
  bool uses_separator = s.at(p) == '-';
  if (uses_separator) ++p;
  if (s.at(p) == 'W') {
    ++p;
    int week = 0, weekday = 1;
    if (!s.digits(p, week, 2)) return false;
    if (p < len) {
      if (uses_separator && s.at(p++) != '-') return false;
      if (!s.digits(p, weekday, 1)) return false;
    }
    // iso_to_ymd: bad weeks and days make the string invalid.
    if (week <= 0 || week >= 53) {
      bool long_year = false;
      if (week == 53) {
        int first = weekday_from_ordinal(ordinal_from_ymd(out.year, 1, 1));
        long_year = first == 3 || (first == 2 && is_leap_year(out.year));
      }
      if (!long_year) return false;
    }
    if (weekday <= 0 || weekday >= 8) return false;
    // Out-of-range years fail later, in the constructor, as in CPython.
    int64_t ordinal = iso_week1_monday(out.year) + (week - 1) * 7 + (weekday - 1);
    if (ordinal < 1) {
      // Year 0: CPython's C-division ord_to_ymd yields year 1, month 0.
      out = DateParts{1, 0, 1};
      return true;
    }
    YearMonthDay ymd = ymd_from_ordinal(ordinal);
    out = DateParts{ymd.year, ymd.month, ymd.day};
    return true;
  }
  if (!s.digits(p, out.month, 2)) return false;
  if (uses_separator && s.at(p++) != '-') return false;
  return s.digits(p, out.day, 2);
}

struct ClockParts {
  int hour = 0, minute = 0, second = 0, microsecond = 0;
};

// CPython's parse_hh_mm_ss_ff over [begin, end): -1 bad, 0 ok, 1 trailing.
int parse_clock(const Cursor& s, size_t begin, size_t end, ClockParts& out) {
  out = ClockParts{};
  int* fields[3] = {&out.hour, &out.minute, &out.second};
  size_t p = begin;
  bool has_separator = true;
  for (int i = 0; i < 3; ++i) {
    if (!s.digits(p, *fields[i], 2)) return -1;
    char c = s.at(p++);
    if (i == 0) has_separator = c == ':';
    if (p >= end) return c != '\0' ? 1 : 0;
    if (has_separator && c == ':') continue;
    if (c == '.' || c == ',') break;
    if (has_separator) return -1;
    --p;
  }
  size_t remaining = end > p ? end - p : 0;
  size_t to_parse = remaining >= 6 ? 6 : remaining;
  if (to_parse == 0) return s.at(p) != '\0' ? 1 : 0;
  if (!s.digits(p, out.microsecond, to_parse)) return -1;
  static const int kCorrection[] = {100000, 10000, 1000, 100, 10};
  if (to_parse < 6) out.microsecond *= kCorrection[to_parse - 1];
  while (is_digit(s.at(p))) ++p;
  return s.at(p) != '\0' ? 1 : 0;
}

struct TimeParts {
  ClockParts clock;
  bool has_offset = false;
  int offset_seconds = 0;
  int offset_micros = 0;
};

// CPython's parse_isoformat_time over [begin, size()); false on failure.
bool parse_time(const Cursor& s, size_t begin, TimeParts& out) {
  size_t end = s.size();
  size_t tz = begin;
  while (tz < end && s.at(tz) != 'Z' && s.at(tz) != '+' && s.at(tz) != '-') ++tz;
  int rv = parse_clock(s, begin, tz, out.clock);
  if (rv < 0) return false;
  if (tz == end) return rv == 0;
  out.has_offset = true;
  if (s.at(tz) == 'Z') return tz + 1 == end;
  int sign = s.at(tz) == '-' ? -1 : 1;
  ClockParts offset;
  if (parse_clock(s, tz + 1, end, offset) != 0) return false;
  out.offset_seconds = sign * (offset.hour * 3600 + offset.minute * 60 + offset.second);
  out.offset_micros = sign * offset.microsecond;
  return true;
}

TzRef offset_zone(const TimeParts& t) {
  if (!t.has_offset) return TzRef();
  if (t.offset_seconds == 0) return utc_zone();
  return fixed_zone(TimeDelta::from_dsu(0, t.offset_seconds, t.offset_micros));
}

[[noreturn]] void raise_invalid(const std::string& text) {
  raise_value_error("Invalid isoformat string: " + python_string_repr(text));
}

// Where the date ends in a datetime string (CPython's
// _find_isoformat_datetime_separator); npos when malformed.
size_t date_length(const Cursor& s) {
  size_t len = s.size();
  if (len == 7) return 7;
  if (s.at(4) == '-') {
    if (s.at(5) != 'W') return 10;
    if (len < 8) return std::string::npos;
    if (len > 8 && s.at(8) == '-') {
      if (len == 9) return std::string::npos;
      if (len > 10 && is_digit(s.at(10))) return 8;
      return 10;
    }
    return 8;
  }
  if (s.at(4) != 'W') return 8;
  size_t idx = 7;
  while (idx < len && is_digit(s.at(idx))) ++idx;
  if (idx < 9) return idx;
  return idx % 2 == 0 ? 7 : 8;
}

// Bytes in the UTF-8 character that starts with `lead`.
size_t utf8_length(char lead) {
  auto b = static_cast<unsigned char>(lead);
  if (b < 0x80) return 1;
  if ((b & 0xf0) == 0xf0) return 4;
  if ((b & 0xf0) == 0xe0) return 3;
  return 2;
}

}  // namespace

Date Date::from_iso_format(const std::string& text) {
  Cursor s(text);
  DateParts d;
  size_t len = text.size();
  if ((len != 7 && len != 8 && len != 10) || !parse_date(s, len, d)) raise_invalid(text);
  return from_ymd(d.year, d.month, d.day);
}

Time Time::from_iso_format(const std::string& text) {
  Cursor s(text);
  size_t begin = s.at(0) == 'T' ? 1 : 0;
  TimeParts t;
  if (!parse_time(s, begin, t)) raise_invalid(text);
  return from_fields(t.clock.hour, t.clock.minute, t.clock.second, t.clock.microsecond,
                     offset_zone(t));
}

DateTime DateTime::from_iso_format(const std::string& text) {
  Cursor s(text);
  if (text.size() < 7) raise_invalid(text);
  size_t date_end = date_length(s);
  DateParts d;
  if (date_end == std::string::npos || !parse_date(s, date_end, d)) raise_invalid(text);
  TimeParts t;
  if (text.size() > date_end) {
    size_t time_begin = date_end + utf8_length(text[date_end]);
    if (!parse_time(s, time_begin, t)) raise_invalid(text);
  }
  return from_fields(d.year, d.month, d.day, t.clock.hour, t.clock.minute, t.clock.second,
                     t.clock.microsecond, offset_zone(t));
}

}  // namespace quire::lang::time
