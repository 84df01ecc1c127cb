#include "http/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace quire::http {
namespace {

AccessEntry entry_for(std::string_view target) {
  return {std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123)),
          "127.0.0.1:5000",
          "GET",
          target,
          200,
          18,
          std::chrono::microseconds(41)};
}

TEST(AccessLog, ALineIsOneJsonObjectWithEveryField) {
  auto line = format_access_entry(entry_for("/api/method/ping"));
  auto parsed = nlohmann::json::parse(line);
  // 1700000000 s after the epoch is 2023-11-14T22:13:20 UTC.
  EXPECT_EQ(parsed["time"], "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(parsed["remote"], "127.0.0.1:5000");
  EXPECT_EQ(parsed["method"], "GET");
  EXPECT_EQ(parsed["path"], "/api/method/ping");
  EXPECT_EQ(parsed["status"], 200);
  EXPECT_EQ(parsed["bytes"], 18);
  EXPECT_EQ(parsed["duration_us"], 41);
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(AccessLog, HostileTargetsStayValidJsonOnOneLine) {
  std::string hostile = "/a\"b\\c\nd\te\x01\xff\xc3\xa9";
  auto line = format_access_entry(entry_for(hostile));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto parsed = nlohmann::json::parse(line);
  // Bytes outside printable ASCII are kept as \u00XX escapes of each byte.
  EXPECT_EQ(parsed["path"], "/a\"b\\c\nd\te\x01\xc3\xbf\xc3\x83\xc2\xa9");
}

TEST(AccessLog, LongTargetsAreCut) {
  auto line = format_access_entry(entry_for("/" + std::string(5000, 'a')));
  auto path = nlohmann::json::parse(line)["path"].get<std::string>();
  EXPECT_EQ(path, "/" + std::string(1023, 'a') + "...");
}

}  // namespace
}  // namespace quire::http
