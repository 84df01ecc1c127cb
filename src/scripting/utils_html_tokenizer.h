#pragma once
// An HTML tokenizer that reports what python3's html.parser.HTMLParser
// (convert_charrefs=False) reports for a whole document fed at once and
// closed: start tags (name and attributes lower-cased, attribute values
// unescaped), end tags, text runs split at "&" and "<", character and entity
// references, script/style content as raw text. Comments, declarations and
// processing instructions are skipped. The libraries that read HTML for
// Frappe (html2text, bleach's html5lib) see these events, not a repaired
// tree, so a tree-building parser (libxml2's, gumbo) would answer otherwise.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::scripting {

using HtmlAttributes = std::vector<std::pair<std::string, std::optional<std::string>>>;

class HtmlEvents {
 public:
  virtual ~HtmlEvents() = default;
  virtual void start_tag(const std::string& tag, const HtmlAttributes& attrs) = 0;
  virtual void end_tag(const std::string& tag) = 0;
  // <br/>: HTMLParser's default handle_startendtag.
  virtual void start_end_tag(const std::string& tag, const HtmlAttributes& attrs) {
    start_tag(tag, attrs);
    end_tag(tag);
  }
  virtual void data(std::string_view text) = 0;
  virtual void char_ref(std::string_view name) = 0;    // "38", "x26"
  virtual void entity_ref(std::string_view name) = 0;  // "amp"
};

void tokenize_html(std::string_view html, HtmlEvents& events);

// html.unescape for attribute values: numeric references and HTML5 named
// references written with their ";".
std::string html_unescape(std::string_view text);

}  // namespace quire::scripting
