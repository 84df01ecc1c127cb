#include "site/config_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../support/temp_dir.h"
#include "site/site_error.h"

namespace quire::site {
namespace {

using nlohmann::json;
using quire::testing::TempDir;

TEST(ConfigFile, AMissingFileReadsAsAnEmptyObject) {
  TempDir dir;
  EXPECT_EQ(read_config_file(dir / "none.json"), json::object());
}

TEST(ConfigFile, WritesAndReadsBack) {
  TempDir dir;
  json config = {{"a", 1}, {"b", {{"c", "d"}}}};
  write_config_file(dir / "c.json", config);
  EXPECT_EQ(read_config_file(dir / "c.json"), config);
  EXPECT_FALSE(std::filesystem::exists(dir / "c.json.tmp"));
}

TEST(ConfigFile, InvalidJsonIsAnErrorNamingTheFileAndPlace) {
  TempDir dir;
  std::ofstream(dir / "bad.json") << "{\n  \"a\": 1,\n  oops\n}";
  try {
    read_config_file(dir / "bad.json");
    FAIL() << "expected SiteError";
  } catch (const SiteError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("bad.json is not valid JSON"), std::string::npos) << message;
    EXPECT_NE(message.find("line 3"), std::string::npos) << message;
  }
}

TEST(ConfigFile, ANonObjectIsAnError) {
  TempDir dir;
  std::ofstream(dir / "list.json") << "[1, 2]";
  EXPECT_THROW(read_config_file(dir / "list.json"), SiteError);
}

TEST(ConfigFile, AnUnreadableFileIsAnError) {
  TempDir dir;
  // A folder where the file should be cannot be read as one.
  std::filesystem::create_directory(dir / "folder.json");
  EXPECT_THROW(read_config_file(dir / "folder.json"), SiteError);
}

TEST(ConfigFile, AFileThatCannotBeWrittenIsAnError) {
  TempDir dir;
  EXPECT_THROW(write_config_file(dir / "no-such-folder" / "c.json", json::object()), SiteError);
}

TEST(ConfigFile, ValuesParseAsJsonWhenTheyAreJsonElseStayText) {
  EXPECT_EQ(parse_config_value("1"), json(1));
  EXPECT_EQ(parse_config_value("1.5"), json(1.5));
  EXPECT_EQ(parse_config_value("true"), json(true));
  EXPECT_EQ(parse_config_value("null"), json(nullptr));
  EXPECT_EQ(parse_config_value("\"quoted\""), json("quoted"));
  EXPECT_EQ(parse_config_value("{\"a\": [1, 2]}"), json({{"a", {1, 2}}}));
  EXPECT_EQ(parse_config_value("localhost"), json("localhost"));
  EXPECT_EQ(parse_config_value("True"), json("True"));
  EXPECT_EQ(parse_config_value("{not json"), json("{not json"));
  EXPECT_EQ(parse_config_value(""), json(""));
}

}  // namespace
}  // namespace quire::site
