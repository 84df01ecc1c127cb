#pragma once
// English (C locale) day and month names, as glibc's strftime and CPython's
// ctime() print them. Index weekdays Monday == 0, months January == 1.

namespace quire::lang::time {

inline constexpr const char* kWeekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
inline constexpr const char* kWeekdayAbbr[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
inline constexpr const char* kMonthNames[] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};
inline constexpr const char* kMonthAbbr[] = {"",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace quire::lang::time
