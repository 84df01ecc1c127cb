// datetime.strptime against CPython 3.11: the formats frappe.utils uses,
// every supported directive, the regex's backtracking, and the errors.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/datetime.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::py_str;
using testing::py_tuple;
using testing::run_python;

void expect_like_cpython(const std::vector<std::pair<std::string, std::string>>& cases) {
  std::string program = "for s, f in [";
  for (auto& [s, f] : cases) program += py_tuple({py_str(s), py_str(f)}) + ",";
  program += "]:\n    show(lambda: datetime.strptime(s, f), repr)\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(capture([&] { return DateTime::strptime(cases[i].first, cases[i].second).repr(); }),
              expected[i])
        << py_str(cases[i].first) << " with " << py_str(cases[i].second);
  }
}

TEST(DatetimeStrptime, DirectivesAndErrorsMatchCPython) {
  expect_like_cpython({
      {"2024-01-05", "%Y-%m-%d"},
      {"2024-01-05 10:30:15", "%Y-%m-%d %H:%M:%S"},
      {"2024-01-05 10:30:15.123", "%Y-%m-%d %H:%M:%S.%f"},
      {"05-01-2024", "%d-%m-%Y"},
      {"01-05-2024", "%m-%d-%Y"},
      {"5/1/2024", "%d/%m/%Y"},
      {"10:30:15", "%H:%M:%S"},
      {"10:30", "%H:%M"},
      {"2024-1-5 1:2:3", "%Y-%m-%d %H:%M:%S"},
      {"20240105", "%Y%m%d"},
      {"2024015", "%Y%m%d"},
      {"202415", "%Y%m%d"},
      {"1224", "%m%d"},
      {"Friday, 05 January 2024", "%A, %d %B %Y"},
      {"fri jan  5 13:04:09 2024", "%c"},
      {"FRI JAN 05 13:04:09 2024", "%a %b %d %H:%M:%S %Y"},
      {"01/05/24", "%x"},
      {"13:04:09", "%X"},
      {"68", "%y"},
      {"69", "%y"},
      {"00", "%y"},
      {"12 AM", "%I %p"},
      {"12 pm", "%I %p"},
      {"1 pm", "%I %p"},
      {"11", "%I"},
      {"12", "%I"},
      {"366 2024", "%j %Y"},
      {"366 2023", "%j %Y"},
      {"1", "%j"},
      {"2024 0 1", "%Y %U %w"},
      {"2024 0 1", "%Y %W %w"},
      {"2024 52 0", "%Y %U %w"},
      {"2024 53 6", "%Y %W %u"},
      {"2023 0 0", "%Y %U %w"},
      {"2024 1 1", "%G %V %u"},
      {"2021 53 7", "%G %V %u"},
      {"2024 1", "%G %V"},
      {"2024 1 Mon", "%Y %V %a"},
      {"1 Mon", "%V %a"},
      {"2024 5 1", "%G %j %u"},
      {"10:30 +0530", "%H:%M %z"},
      {"10:30 +05:30", "%H:%M %z"},
      {"10:30 -05:30:15", "%H:%M %z"},
      {"10:30 -053015.5", "%H:%M %z"},
      {"10:30 +05:30:15.123456", "%H:%M %z"},
      {"10:30 +05:3015", "%H:%M %z"},
      {"10:30 Z", "%H:%M %z"},
      {"10:30 z", "%H:%M %z"},
      {"10:30 +0000", "%H:%M %z"},
      {"10:30 +0000 UTC", "%H:%M %z %Z"},
      {"10:30 UTC", "%H:%M %Z"},
      {"10:30 gmt", "%H:%M %Z"},
      {"10:30 IST", "%H:%M %Z"},
      {"+05301", "%z%d"},
      {"Feb 29", "%b %d"},
      {"Feb 29 2023", "%b %d %Y"},
      {"Feb 29 2024", "%b %d %Y"},
      {"100%", "%d%%"},
      {"2024-01-05   10:30", "%Y-%m-%d %H:%M"},
      {"2024-01-05\t10:30", "%Y-%m-%d %H:%M"},
      {"2024-01-0510:30", "%Y-%m-%d %H:%M"},
      {"2024-01-05 10:30", "%Y-%m-%d%H:%M"},
      {"2024-01-05x", "%Y-%m-%d"},
      {"2024-01-05", "%Y-%m-%d %H"},
      {"2024-13-05", "%Y-%m-%d"},
      {"2024-02-30", "%Y-%m-%d"},
      {"0000-01-01", "%Y-%m-%d"},
      {"24-01-05", "%Y-%m-%d"},
      {"2024", "%Q"},
      {"2024", "%Y%"},
      {"2024", "%Y%."},
      {"2024", "%Y% "},
      {"2024", "%e"},
      {"2024 (1)", "%Y (%d)"},
      {"2024.1", "%Y.%d"},
      {"2024x1", "%Y.%d"},
      {"31 2", "%d %m"},
      {"3 1", "%d %m"},
      {" 5 1", "%d %m"},
      {"123456789", "%f"},
      {"1234567", "%f%d"},
      {"60", "%S"},
      {"61", "%S"},
      {"62", "%S"},
      {"23:59:60", "%H:%M:%S"},
      {"", ""},
      {"", "%Y"},
      {"x", ""},
      {"september 9", "%B %d"},
      {"sept 9", "%B %d"},
      {"SEP 9", "%b %d"},
      {"mayday", "%bday"},
      {"tuesday", "%a"},
      {"tuesday", "%A"},
      {"2024-W01", "%G-W%V"},
  });
}

TEST(DatetimeStrptime, ParsesWhatStrftimeWritesLikeCPython) {
  std::mt19937_64 rng(31);
  std::uniform_int_distribution<int64_t> micros(0, 315537897599999999LL);
  std::vector<std::string> formats = {"%Y-%m-%d %H:%M:%S.%f",
                                      "%d/%m/%Y %I:%M:%S %p",
                                      "%A %d %B %Y %H%M",
                                      "%a %b %d %H:%M:%S %Y",
                                      "%y%m%d",
                                      "%j %Y %H:%M",
                                      "%Y %W %w %H",
                                      "%Y %U %a"};
  std::vector<std::pair<std::string, std::string>> cases;
  for (int i = 0; i < 400; ++i) {
    DateTime d = DateTime::from_local_micros(micros(rng), TzRef());
    const std::string& f = formats[i % formats.size()];
    cases.emplace_back(d.strftime(f), f);
  }
  expect_like_cpython(cases);
}

// Mutated strings against the formats frappe and scripts use most: the
// regex's backtracking decides which of them parse, and into what.
TEST(DatetimeStrptime, MutatedStringsMatchCPython) {
  std::mt19937_64 rng(43);
  std::vector<std::pair<std::string, std::string>> seeds = {
      {"2024-01-05 10:30:15.123456", "%Y-%m-%d %H:%M:%S.%f"},
      {"05-01-2024 10:30", "%d-%m-%Y %H:%M"},
      {"1/5/24 1:30 PM", "%m/%d/%y %I:%M %p"},
      {"Friday 5 January 2024", "%A %d %B %Y"},
      {"2024-01-05T10:30:15+05:30", "%Y-%m-%dT%H:%M:%S%z"},
      {"20240105 1030", "%Y%m%d %H%M"},
      {"Fri Jan  5 10:30:15 2024", "%c"}};
  const std::string alphabet = "0123456789 -:/.+APMapmJanFri";
  std::vector<std::pair<std::string, std::string>> cases;
  for (int i = 0; i < 700; ++i) {
    auto [s, f] = seeds[i % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t at = rng() % s.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          s[at] = c;
          break;
        case 1:
          s.erase(at, 1);
          break;
        default:
          s.insert(at, 1, c);
          break;
      }
    }
    cases.emplace_back(s, f);
  }
  expect_like_cpython(cases);
}

}  // namespace
}  // namespace quire::lang::time
