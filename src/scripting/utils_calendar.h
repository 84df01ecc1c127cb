#pragma once
// frappe.utils calendar helpers, as frappe/utils/data.py writes them:
// get_quarter_start, get_quarter_ending, get_first_day_of_week,
// get_last_day_of_week, get_year_start, get_year_ending, get_weekdays,
// get_weekday and get_timespan_date_range. Weeks start on Sunday (System
// Settings has no first_day_of_the_week here, Frappe's default).

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace; `getdate` is that namespace's
// getdate (these functions read their argument through it, as Frappe's do).
void add_calendar_functions(lang::Type* utils);

}  // namespace quire::scripting
