#include "lang/time/datetime.h"

#include <cstdio>

#include "lang/time/error.h"
#include "lang/time/names.h"

namespace quire::lang::time {

namespace {

constexpr int64_t kMaxMicros = static_cast<int64_t>(kMaxOrdinal) * DateTime::kMicrosPerDay;

int64_t micros_of(const TimeDelta& d) {
  return static_cast<int64_t>(d.total_microseconds());
}

// The UTC offset the tzinfo gives with the other fold, for PEP 495's rule
// that a time in a fold or gap never equals a time in another zone.
bool offset_depends_on_fold(const DateTime& dt) {
  if (!dt.is_aware()) return false;
  DateTime flipped = DateTime::from_local_micros(dt.local_micros(), dt.tzinfo(), 1 - dt.fold());
  return flipped.utcoffset() != dt.utcoffset();
}

int sign_of(int64_t v) {
  return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

}  // namespace

DateTime DateTime::from_fields(int64_t year, int64_t month, int64_t day, int64_t hour,
                               int64_t minute, int64_t second, int64_t microsecond, TzRef tz,
                               int64_t fold) {
  check_date_fields(year, month, day);
  check_time_fields(hour, minute, second, microsecond, fold);
  DateTime dt;
  dt.micros_ = (static_cast<int64_t>(ordinal_from_ymd(
                    static_cast<int>(year), static_cast<int>(month), static_cast<int>(day))) -
                1) *
                   kMicrosPerDay +
               ((hour * 60 + minute) * 60 + second) * 1000000 + microsecond;
  dt.tz_ = tz;
  dt.fold_ = static_cast<uint8_t>(fold);
  return dt;
}

DateTime DateTime::from_local_micros(int64_t local_micros, TzRef tz, int fold) {
  if (local_micros < 0 || local_micros >= kMaxMicros)
    raise_overflow_error("date value out of range");
  DateTime dt;
  dt.micros_ = local_micros;
  dt.tz_ = tz;
  dt.fold_ = static_cast<uint8_t>(fold);
  return dt;
}

DateTime DateTime::combine(const Date& date, const Time& time) {
  return combine(date, time, time.tzinfo());
}

DateTime DateTime::combine(const Date& date, const Time& time, TzRef tz) {
  return from_local_micros(
      (static_cast<int64_t>(date.toordinal()) - 1) * kMicrosPerDay + time.micros_of_day(), tz,
      time.fold());
}

Date DateTime::date() const {
  return Date::from_ordinal(micros_ / kMicrosPerDay + 1);
}

Time DateTime::time() const {
  return Time::from_micros(micros_ % kMicrosPerDay, TzRef(), fold_);
}

Time DateTime::timetz() const {
  return Time::from_micros(micros_ % kMicrosPerDay, tz_, fold_);
}

DateTime DateTime::replace(const DateTimeReplace& c) const {
  YearMonthDay d = date().ymd();
  Time t = time();
  return from_fields(c.year.value_or(d.year), c.month.value_or(d.month), c.day.value_or(d.day),
                     c.hour.value_or(t.hour()), c.minute.value_or(t.minute()),
                     c.second.value_or(t.second()), c.microsecond.value_or(t.microsecond()),
                     c.tzinfo.value_or(tz_), c.fold.value_or(fold_));
}

TimeTuple DateTime::timetuple() const {
  TimeTuple t = date().timetuple();
  Time clock = time();
  t.hour = clock.hour();
  t.minute = clock.minute();
  t.second = clock.second();
  std::optional<TimeDelta> saving = dst();
  t.isdst = !saving ? -1 : (saving->is_zero() ? 0 : 1);
  return t;
}

TimeTuple DateTime::utctimetuple() const {
  DateTime utc = *this;
  if (is_aware()) utc = from_local_micros(micros_, TzRef()) - *utcoffset();
  utc.tz_ = TzRef();
  TimeTuple t = utc.timetuple();
  t.isdst = 0;
  return t;
}

std::optional<TimeDelta> DateTime::utcoffset() const {
  if (tz_.is_naive()) return std::nullopt;
  return zone_answer(tz_, micros_, fold_).utcoffset;
}

std::optional<TimeDelta> DateTime::dst() const {
  if (tz_.is_naive()) return std::nullopt;
  return zone_answer(tz_, micros_, fold_).dst;
}

std::optional<std::string> DateTime::tzname() const {
  if (tz_.is_naive()) return std::nullopt;
  return zone_answer(tz_, micros_, fold_).tzname;
}

DateTime DateTime::astimezone(TzRef tz, TzRef local) const {
  if (tz.is_naive()) return astimezone_local(local);  // astimezone(None)
  if (tz == tz_) return *this;
  TzRef source = tz_.is_naive() ? local : tz_;
  int64_t offset = micros_of(zone_answer(source, micros_, fold_).utcoffset);
  int64_t utc = from_local_micros(micros_ - offset, TzRef()).micros_;
  LocalTime there = zone_from_utc(tz, utc);
  return from_local_micros(there.local_micros, tz, there.fold);
}

DateTime DateTime::astimezone_local(TzRef local) const {
  DateTime there = astimezone(local, local);
  ZoneAnswer answer = zone_answer(local, there.micros_, there.fold_);
  return from_local_micros(there.micros_, fixed_zone(answer.utcoffset, answer.tzname));
}

DateTime DateTime::operator+(const TimeDelta& d) const {
  Int128 sum = static_cast<Int128>(micros_) + d.total_microseconds();
  if (sum < 0 || sum >= kMaxMicros) raise_overflow_error("date value out of range");
  return from_local_micros(static_cast<int64_t>(sum), tz_);
}

DateTime DateTime::operator-(const TimeDelta& d) const {
  return *this + (-d);
}

TimeDelta DateTime::operator-(const DateTime& other) const {
  if (is_aware() != other.is_aware())
    raise_type_error("can't subtract offset-naive and offset-aware datetimes");
  int64_t difference = micros_ - other.micros_;
  if (is_aware() && tz_ != other.tz_) {
    difference -= micros_of(*utcoffset()) - micros_of(*other.utcoffset());
  }
  return TimeDelta::from_microseconds(difference);
}

bool DateTime::equal(const DateTime& a, const DateTime& b) {
  if (a.tz_ == b.tz_) return a.micros_ == b.micros_;
  if (a.is_aware() != b.is_aware()) return false;
  if ((a - b).is_zero() == false) return false;
  return !offset_depends_on_fold(a) && !offset_depends_on_fold(b);
}

int DateTime::compare(const DateTime& a, const DateTime& b) {
  if (a.tz_ == b.tz_) return sign_of(a.micros_ - b.micros_);
  if (a.is_aware() != b.is_aware())
    raise_type_error("can't compare offset-naive and offset-aware datetimes");
  TimeDelta difference = a - b;
  return difference.days() < 0 ? -1 : (difference.is_zero() ? 0 : 1);
}

int64_t DateTime::hash_value() const {
  if (tz_.is_naive()) return micros_;
  DateTime unfolded = *this;
  unfolded.fold_ = 0;
  return micros_ - micros_of(*unfolded.utcoffset());
}

std::string DateTime::repr() const {
  YearMonthDay d = date().ymd();
  Time t = time();
  std::string out = "datetime.datetime(" + std::to_string(d.year) + ", " + std::to_string(d.month) +
                    ", " + std::to_string(d.day) + ", " + std::to_string(t.hour()) + ", " +
                    std::to_string(t.minute());
  if (t.second() != 0 || t.microsecond() != 0) out += ", " + std::to_string(t.second());
  if (t.microsecond() != 0) out += ", " + std::to_string(t.microsecond());
  // datetime's repr puts fold before tzinfo (time's puts it after).
  if (fold_ != 0) out += ", fold=1";
  if (is_aware()) out += ", tzinfo=" + zone_repr(tz_);
  return out + ")";
}

std::string DateTime::ctime() const {
  YearMonthDay d = date().ymd();
  Time t = time();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", kWeekdayAbbr[weekday()],
                kMonthAbbr[d.month], d.day, t.hour(), t.minute(), t.second(), d.year);
  return buf;
}

}  // namespace quire::lang::time
