#pragma once
// English cardinal numbers as the num2words package writes them (lang "en",
// the short scale): 1234 -> "one thousand, two hundred and thirty-four".
// frappe.utils.in_words / money_in_words build on it.

#include <cstdint>
#include <string>

namespace quire::scripting {

// n >= 0. num2words' algorithm: split by the largest named power, then merge
// neighbours with "-", " and ", " " or ", " by their magnitudes.
// `indian`: num2words "en_IN", whose high names are crore (10^7) and lakh
// (10^5) instead of million, billion...; it refuses 10^10 and above
// (MAXVAL is 1000 x its largest card), where Frappe's in_words falls back to
// "en" (number_to_words does too).
std::string number_to_words(std::int64_t n, bool indian = false);

}  // namespace quire::scripting
