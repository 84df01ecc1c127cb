#include "site/config_file.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "site/site_error.h"

namespace quire::site {

nlohmann::json read_config_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nlohmann::json::object();
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) throw SiteError("cannot read " + path.string());
  nlohmann::json config;
  try {
    config = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() starts with "[json.exception.parse_error.101] "; the rest is the useful part.
    std::string message = e.what();
    auto bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    throw SiteError(path.string() + " is not valid JSON: " + message);
  }
  if (!config.is_object()) throw SiteError(path.string() + " must hold a JSON object");
  return config;
}

void write_config_file(const std::filesystem::path& path, const nlohmann::json& config) {
  auto temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << config.dump(1) << "\n";
    out.flush();
    if (!out) throw SiteError("cannot write " + temporary.string());
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw SiteError("cannot write " + path.string() + ": " + ec.message());
  }
}

nlohmann::json parse_config_value(std::string_view text) {
  auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return std::string(text);
  return parsed;
}

}  // namespace quire::site
