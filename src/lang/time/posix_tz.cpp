#include "lang/time/posix_tz.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>

#include "lang/time/civil.h"

namespace quire::lang::time {

namespace {

constexpr int64_t kUnixEpochOrdinal = 719163;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // An abbreviation: letters, or anything between < and >.
  bool name(std::string& out) {
    if (accept('<')) {
      size_t close = text_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      out = std::string(text_.substr(pos_, close - pos_));
      pos_ = close + 1;
      return true;
    }
    size_t start = pos_;
    while (std::isalpha(static_cast<unsigned char>(peek()))) ++pos_;
    out = std::string(text_.substr(start, pos_ - start));
    return out.size() >= 3;
  }

  bool number(int& out) {
    if (!std::isdigit(static_cast<unsigned char>(peek()))) return false;
    out = 0;
    while (std::isdigit(static_cast<unsigned char>(peek())) && out < 100000)
      out = out * 10 + (text_[pos_++] - '0');
    return true;
  }

  // [+-]hh[:mm[:ss]] as seconds.
  bool clock(int64_t& out) {
    int sign = 1;
    if (accept('-')) {
      sign = -1;
    } else {
      accept('+');
    }
    int h = 0, m = 0, s = 0;
    if (!number(h)) return false;
    if (accept(':') && !number(m)) return false;
    if (accept(':') && !number(s)) return false;
    out = sign * (h * 3600LL + m * 60LL + s);
    return true;
  }

  bool rule(PosixTz::Rule& r) {
    if (accept('J')) {
      r.kind = PosixTz::Rule::JulianNoLeap;
      if (!number(r.day)) return false;
    } else if (accept('M')) {
      r.kind = PosixTz::Rule::MonthWeekDay;
      if (!number(r.month) || !accept('.') || !number(r.week) || !accept('.') || !number(r.day))
        return false;
      if (r.month < 1 || r.month > 12 || r.week < 1 || r.week > 5 || r.day > 6) return false;
    } else {
      r.kind = PosixTz::Rule::JulianZeroBased;
      if (!number(r.day)) return false;
    }
    if (accept('/')) return clock(r.seconds);
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// Days since 1970-01-01 of the rule's date in `year`.
int64_t rule_day(const PosixTz::Rule& r, int year) {
  int64_t jan1 = ordinal_from_ymd(year, 1, 1) - kUnixEpochOrdinal;
  switch (r.kind) {
    case PosixTz::Rule::JulianNoLeap: {
      int day = r.day;  // 1..365, Feb 29 never counted
      if (is_leap_year(year) && day >= 60) ++day;
      return jan1 + day - 1;
    }
    case PosixTz::Rule::JulianZeroBased:
      return jan1 + r.day;
    case PosixTz::Rule::MonthWeekDay:
    default: {
      int32_t first = ordinal_from_ymd(year, r.month, 1);
      int first_sunday0 = (weekday_from_ordinal(first) + 1) % 7;
      int day = 1 + (r.day - first_sunday0 + 7) % 7 + (r.week - 1) * 7;
      while (day > days_in_month(year, r.month)) day -= 7;
      return first - kUnixEpochOrdinal + day - 1;
    }
  }
}

int year_of(int64_t unix_seconds) {
  int64_t days = unix_seconds / 86400 - (unix_seconds % 86400 < 0 ? 1 : 0);
  int64_t ordinal = std::clamp<int64_t>(days + kUnixEpochOrdinal, 1, kMaxOrdinal);
  return ymd_from_ordinal(ordinal).year;
}

struct Transition {
  int64_t utc;
  bool to_dst;
};

// DST starts and ends around `year`, in UTC, sorted.
std::array<Transition, 6> transitions_near(const PosixTz& tz, int year) {
  std::array<Transition, 6> out{};
  size_t n = 0;
  for (int y = year - 1; y <= year + 1; ++y) {
    int yy = std::clamp(y, kMinYear, kMaxYear);
    out[n++] = {rule_day(tz.start, yy) * 86400 + tz.start.seconds - tz.std_offset, true};
    out[n++] = {rule_day(tz.end, yy) * 86400 + tz.end.seconds - tz.dst_offset, false};
  }
  std::sort(out.begin(), out.end(),
            [](const Transition& a, const Transition& b) { return a.utc < b.utc; });
  return out;
}

}  // namespace

std::optional<PosixTz> parse_posix_tz(std::string_view text) {
  Reader r(text);
  PosixTz tz;
  int64_t std_west = 0;
  if (!r.name(tz.std_name) || !r.clock(std_west)) return std::nullopt;
  tz.std_offset = -std_west;
  if (r.done()) return tz;
  if (!r.name(tz.dst_name)) return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset = tz.std_offset + 3600;
  if (r.peek() != ',' && !r.done()) {
    int64_t dst_west = 0;
    if (!r.clock(dst_west)) return std::nullopt;
    tz.dst_offset = -dst_west;
  }
  if (!r.accept(',') || !r.rule(tz.start) || !r.accept(',') || !r.rule(tz.end) || !r.done())
    return std::nullopt;
  return tz;
}

std::optional<PosixTz> read_tzif_footer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 6 || data.compare(0, 4, "TZif") != 0 || data[4] < '2' || data.back() != '\n')
    return std::nullopt;
  size_t start = data.rfind('\n', data.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  return parse_posix_tz(std::string_view(data).substr(start + 1, data.size() - start - 2));
}

PosixAnswer posix_at_utc(const PosixTz& tz, int64_t unix_seconds) {
  if (!tz.has_dst) return {tz.std_offset, false};
  bool dst = false;
  for (const Transition& t : transitions_near(tz, year_of(unix_seconds))) {
    if (t.utc > unix_seconds) break;
    dst = t.to_dst;
  }
  return dst ? PosixAnswer{tz.dst_offset, true} : PosixAnswer{tz.std_offset, false};
}

PosixAnswer posix_at_local(const PosixTz& tz, int64_t local_seconds, int fold) {
  if (!tz.has_dst) return {tz.std_offset, false};
  bool std_fits = !posix_at_utc(tz, local_seconds - tz.std_offset).is_dst;
  bool dst_fits = posix_at_utc(tz, local_seconds - tz.dst_offset).is_dst;
  PosixAnswer std_answer{tz.std_offset, false}, dst_answer{tz.dst_offset, true};
  if (std_fits && !dst_fits) return std_answer;
  if (dst_fits && !std_fits) return dst_answer;
  // Which offset came first depends on whether the clock went back (fold)
  // or forward (gap) here; fold=0 keeps the offset from before the change.
  bool clocks_went_back = std_fits;  // both fit: the repeated hour
  bool dst_first = clocks_went_back == (tz.dst_offset > tz.std_offset);
  const PosixAnswer& first = dst_first ? dst_answer : std_answer;
  const PosixAnswer& second = dst_first ? std_answer : dst_answer;
  return fold == 0 ? first : second;
}

}  // namespace quire::lang::time
