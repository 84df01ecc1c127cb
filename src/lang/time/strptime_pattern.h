#pragma once
// Matching a string against a strptime format the way CPython 3.11's
// _strptime does with the regular expression it builds (see the .cpp).

#include <string>
#include <utility>
#include <vector>

namespace quire::lang::time {

struct StrptimeMatch {
  bool matched;
  size_t end;  // where the match stopped (text past it is "unconverted data")
  std::vector<std::pair<char, std::string>> groups;  // (directive, text), in order
};

// ValueError for a bad directive ("'q' is a bad directive in format '%q'")
// or a stray '%'; a format too ambiguous to decide in a million steps also
// raises ValueError (CPython would just take long).
StrptimeMatch match_strptime_format(const std::string& text, const std::string& format);

// ASCII case-insensitive equality, as re.IGNORECASE for the C locale names.
bool same_letter(char a, char b);

}  // namespace quire::lang::time
