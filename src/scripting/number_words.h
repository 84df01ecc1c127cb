#pragma once
// English cardinal numbers as the num2words package writes them (lang "en",
// the short scale): 1234 -> "one thousand, two hundred and thirty-four".
// frappe.utils.in_words / money_in_words build on it.

#include <cstdint>
#include <string>

namespace quire::scripting {

// n >= 0. num2words' algorithm: split by the largest named power, then merge
// neighbours with "-", " and ", " " or ", " by their magnitudes.
std::string number_to_words(std::int64_t n);

}  // namespace quire::scripting
