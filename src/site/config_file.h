#pragma once

#include <filesystem>
#include <string_view>

#include <nlohmann/json.hpp>

namespace quire::site {

// Reads a JSON config file that must hold an object. A missing file reads as
// an empty object; an unreadable file, invalid JSON or a non-object throws
// SiteError naming the file.
nlohmann::json read_config_file(const std::filesystem::path& path);

// Writes `config` to `path` (indented, as Frappe writes its site configs) by
// writing a sibling temporary file and renaming it over, so a crash never
// leaves half a file. Throws SiteError when the file cannot be written.
void write_config_file(const std::filesystem::path& path, const nlohmann::json& config);

// A config value given on the command line: JSON when it parses as JSON
// (`1`, `true`, `{"a": 2}`, `"text"`), otherwise the text itself as a string,
// as `bench set-config` does.
nlohmann::json parse_config_value(std::string_view text);

}  // namespace quire::site
