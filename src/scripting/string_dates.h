#pragma once
// The date helpers of frappe.utils: now, nowdate, today, nowtime, add_days,
// add_months, add_years, add_to_date, date_diff, month_diff, formatdate,
// getdate, get_datetime, now_datetime. Date strings ("YYYY-MM-DD",
// "YYYY-MM-DD HH:MM:SS[.ffffff]") give strings back, as Frappe does;
// datetime.date / datetime.datetime values give the same type back.
//
// "Now" is the session clock (UTC until System Settings' time zone is applied).

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_string_date_functions(lang::Type* utils);

}  // namespace quire::scripting
