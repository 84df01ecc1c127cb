#pragma once
// The date helpers of frappe.utils on date *strings* ("YYYY-MM-DD" and
// "YYYY-MM-DD HH:MM:SS[.ffffff]"): now, nowdate, today, nowtime, add_days,
// add_months, add_years, add_to_date, date_diff, month_diff, formatdate.
// Frappe returns strings from these for string input, so results match it
// exactly. Functions that return date objects (getdate, get_datetime,
// now_datetime...) come with the language's datetime types.
//
// "Now" is the session clock (UTC until System Settings' time zone is applied).

#include "lang/object/runtime.h"

namespace quire::scripting {

bool add_string_date_functions(lang::Isolate& I, lang::Value utils_module);

}  // namespace quire::scripting
