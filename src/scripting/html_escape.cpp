// The escaper of html_escape.h: copies runs of ordinary characters whole.
#include "scripting/html_escape.h"

namespace quire::scripting {

void html_escape_into(std::string& out, std::string_view text, const HtmlQuotes& quotes) {
  out.reserve(out.size() + text.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = quotes.double_quote;
        break;
      case '\'':
        entity = quotes.single_quote;
        break;
      default:
        break;
    }
    if (!entity) continue;
    out.append(text, run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text, run, text.size() - run);
}

}  // namespace quire::scripting
