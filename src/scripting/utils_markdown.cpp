// frappe.utils.md_to_html / markdown: Frappe calls python's markdown2 with
// the extras fenced-code-blocks, tables, header-ids, toc, highlightjs-lang
// and html-classes (table: "table table-bordered", img: "screenshot").
//
// quire parses with cmark-gfm (CommonMark plus GitHub's table extension,
// Debian's libcmark-gfm) and writes the HTML itself in markdown2's layout:
// blocks separated by a blank line, `id`s on headings from markdown2's slug
// rule (numbered when repeated), the fenced language as
// class="<lang> language-<lang>", blockquotes indented by two spaces,
// markdown2's table markup, " <br />" for a hard break, "<p></p>" for empty
// input. What differs is parsing where CommonMark and markdown2 (Markdown.pl
// rules) disagree: see docs/scripting.md.
//
// to_markdown (html2text) is utils_to_markdown.cpp.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include "lang/syntax/unicode_chars.h"
#include "scripting/html_escape.h"
#include "scripting/native_util.h"
#include "scripting/utils_markdown.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Deeper documents (blockquotes in blockquotes...) are refused: the
// renderer recurses once per level.
constexpr int kMaxMarkdownDepth = 100;

// cmark gives NULL for an absent literal or title.
void escape_into(std::string& out, const char* text, const HtmlQuotes& quotes) {
  if (text) html_escape_into(out, text, quotes);
}

class Renderer {
 public:
  std::string document(cmark_node* doc) {
    std::string out;
    blocks(doc, out);
    return out.empty() ? "<p></p>\n" : out + "\n";
  }

 private:
  std::string type_of(cmark_node* n) {
    const char* t = cmark_node_get_type_string(n);
    return t ? t : "";
  }

  // Children blocks, each separated from the next by a blank line.
  void blocks(cmark_node* parent, std::string& out) {
    bool first = true;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      std::string one;
      block(c, one);
      if (one.empty()) continue;
      if (!first) out += "\n\n";
      first = false;
      out += one;
    }
  }

  void inlines(cmark_node* parent, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
      inline_node(c, out);
  }

  // The plain text of a heading (markdown2 slugs the header's text).
  void plain_text(cmark_node* parent, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      if (const char* lit = cmark_node_get_literal(c)) out += lit;
      plain_text(c, out);
    }
  }

  // unicodedata.normalize("NFKD", text).encode("ascii", "ignore") for
  // Latin-1 and Latin Extended-A letters (python3's table: '?' has no ASCII
  // part, '#' is IJ/ij); other non-ASCII characters are dropped.
  static std::string ascii_fold(const std::string& text) {
    static const char kFold[] =
        "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?yAaAaAaCcCcCcCcDd??EeEeEeEe"
        "EeGgGgGgGgHh??IiIiIiIiI?##JjKk?LlLlLlLl??NnNnNnn??OoOoOo??RrRrRrSsSsSsSsTtTt??UuUuUuUuUuUu"
        "WwYyYZzZzZzs";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        out += text[i++];
        continue;
      }
      std::size_t length = 1;
      char32_t cp = lang::syntax::decode_utf8(std::string_view(text).substr(i), length);
      i += length;
      if (cp < 0xC0 || cp >= 0x180) continue;
      char f = kFold[cp - 0xC0];
      if (f == '#') {
        out += cp == 0x132 ? "IJ" : "ij";
      } else if (f != '?') {
        out += f;
      }
    }
    return out;
  }

  // markdown2's _slugify: NFKD to ASCII (ascii_fold),
  // [^\w\s-] removed, stripped, lower-cased, runs of [-\s] to one '-'; a
  // repeated id gets "-2", "-3"...
  std::string header_id(cmark_node* heading) {
    std::string text;
    plain_text(heading, text);
    std::string kept;
    for (unsigned char c : ascii_fold(text)) {
      if (std::isalnum(c) || c == '_' || c == '-' || std::isspace(c)) {
        kept += static_cast<char>(std::tolower(c));
      }
    }
    std::size_t b = 0, e = kept.size();
    while (b < e && std::isspace(static_cast<unsigned char>(kept[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(kept[e - 1]))) --e;
    std::string slug;
    for (std::size_t i = b; i < e; ++i) {
      char c = kept[i];
      if (c == '-' || std::isspace(static_cast<unsigned char>(c))) {
        if (slug.empty() || slug.back() != '-') slug += '-';
      } else {
        slug += c;
      }
    }
    int n = ++ids_[slug];
    return n > 1 ? slug + "-" + std::to_string(n) : slug;
  }

  void block(cmark_node* n, std::string& out) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        out += "<p>";
        inlines(n, out);
        out += "</p>";
        return;
      case CMARK_NODE_HEADING: {
        std::string level = std::to_string(cmark_node_get_heading_level(n));
        out += "<h" + level + " id=\"" + header_id(n) + "\">";
        inlines(n, out);
        out += "</h" + level + ">";
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out += "<hr />";
        return;
      case CMARK_NODE_CODE_BLOCK: {
        std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
        info = info.substr(0, info.find(' '));
        out += "<pre><code";
        if (!info.empty()) {
          out += " class=\"";
          escape_into(out, info.c_str(), kAttributeQuotes);
          out += " language-";
          escape_into(out, info.c_str(), kAttributeQuotes);
          out += "\"";
        }
        out += ">";
        escape_into(out, cmark_node_get_literal(n), kTextQuotes);
        out += "</code></pre>";
        return;
      }
      case CMARK_NODE_HTML_BLOCK: {
        std::string html = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        while (!html.empty() && html.back() == '\n') html.pop_back();
        out += html;
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        std::string inner;
        blocks(n, inner);
        out += "<blockquote>\n";
        std::size_t start = 0;
        while (start <= inner.size()) {
          std::size_t end = inner.find('\n', start);
          std::string line = inner.substr(start, end == std::string::npos ? end : end - start);
          if (!line.empty()) out += "  " + line;
          out += "\n";
          if (end == std::string::npos) break;
          start = end + 1;
        }
        out += "</blockquote>";
        return;
      }
      case CMARK_NODE_LIST: {
        const char* tag = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? "ol" : "ul";
        bool tight = cmark_node_get_list_tight(n);
        out += std::string("<") + tag + ">\n";
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          out += "<li>";
          if (tight) {
            bool first = true;
            for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
              if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
                inlines(c, out);
              } else {
                if (!first) out += "\n";
                block(c, out);
              }
              first = false;
            }
          } else {
            std::string inner;
            blocks(item, inner);
            out += inner;
          }
          out += "</li>\n";
        }
        out += std::string("</") + tag + ">";
        return;
      }
      default:
        break;
    }
    if (type_of(n) == "table") {
      table(n, out);
      return;
    }
    blocks(n, out);
  }

  // markdown2's tables extra: the header row in <thead>, the rest in
  // <tbody>, one cell per line indented by two spaces.
  void table(cmark_node* n, std::string& out) {
    out += "<table class=\"table table-bordered\">\n";
    uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    bool body_open = false;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      bool header = cmark_gfm_extensions_get_table_row_is_header(row);
      if (header) out += "<thead>\n";
      if (!header && !body_open) {
        out += "<tbody>\n";
        body_open = true;
      }
      out += "<tr>\n";
      uint16_t col = 0;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        const char* tag = header ? "th" : "td";
        out += std::string("  <") + tag;
        char a = align && col < columns ? static_cast<char>(align[col]) : 0;
        if (a == 'l') out += " style=\"text-align:left;\"";
        if (a == 'c') out += " style=\"text-align:center;\"";
        if (a == 'r') out += " style=\"text-align:right;\"";
        out += ">";
        inlines(cell, out);
        out += std::string("</") + tag + ">\n";
        ++col;
      }
      out += "</tr>\n";
      if (header) out += "</thead>\n";
    }
    if (body_open) out += "</tbody>\n";
    out += "</table>";
  }

  // `open`, the children of `n` written inline, `close`.
  void wrapped(cmark_node* n, const char* open, const char* close, std::string& out) {
    out += open;
    inlines(n, out);
    out += close;
  }

  // A link's or image's ` title="..."`, when it has one.
  static void title_attribute(cmark_node* n, std::string& out) {
    const char* title = cmark_node_get_title(n);
    if (!title || !*title) return;
    out += " title=\"";
    escape_into(out, title, kAttributeQuotes);
    out += "\"";
  }

  void inline_node(cmark_node* n, std::string& out) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        escape_into(out, cmark_node_get_literal(n), kTextQuotes);
        return;
      case CMARK_NODE_SOFTBREAK:
        out += "\n";
        return;
      case CMARK_NODE_LINEBREAK:
        out += " <br />\n";
        return;
      case CMARK_NODE_CODE:
        out += "<code>";
        escape_into(out, cmark_node_get_literal(n), kTextQuotes);
        out += "</code>";
        return;
      case CMARK_NODE_HTML_INLINE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        return;
      case CMARK_NODE_EMPH:
        // ***x***: markdown2 puts <strong> outside, CommonMark <em>.
        if (cmark_node* only = cmark_node_first_child(n);
            only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_STRONG) {
          return wrapped(only, "<strong><em>", "</em></strong>", out);
        }
        return wrapped(n, "<em>", "</em>", out);
      case CMARK_NODE_STRONG:
        return wrapped(n, "<strong>", "</strong>", out);
      case CMARK_NODE_LINK: {
        out += "<a href=\"";
        escape_into(out, cmark_node_get_url(n), kAttributeQuotes);
        out += "\"";
        title_attribute(n, out);
        return wrapped(n, ">", "</a>", out);
      }
      case CMARK_NODE_IMAGE: {
        out += "<img src=\"";
        escape_into(out, cmark_node_get_url(n), kAttributeQuotes);
        out += "\" alt=\"";
        std::string alt;
        plain_text(n, alt);
        escape_into(out, alt.c_str(), kAttributeQuotes);
        out += "\"";
        title_attribute(n, out);
        out += " class=\"screenshot\" />";
        return;
      }
      default:
        inlines(n, out);
    }
  }

  std::map<std::string, int> ids_;
};

// The deepest nesting of `doc` (walked without recursion).
int depth_of(cmark_node* doc) {
  int depth = 0, deepest = 0;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(n)) {
      deepest = std::max(deepest, ++depth);
    } else if (ev == CMARK_EVENT_EXIT) {
      --depth;
    }
  }
  cmark_iter_free(it);
  return deepest;
}

// md_to_html(markdown_text) / markdown(markdown_text).
template <bool kShortName>
QUIRE_NATIVE(u_md_to_html) {
  Value a[1];
  if (!parse_args(I, kShortName ? "markdown" : "md_to_html", args, nargs, kwnames,
                  {"markdown_text"}, 1, a))
    return Value::exc();
  std::string text;
  int t = truthy(I, a[0]);
  if (t < 0) return Value::exc();
  if (t && !arg_string(I, a[0], text, "markdown_text")) return Value::exc();
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser, table);
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* doc = cmark_parser_finish(parser);
  std::string html;
  bool too_deep = depth_of(doc) > kMaxMarkdownDepth;
  if (!too_deep) html = Renderer().document(doc);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  if (too_deep) {
    return raise(I, types().ValueError,
                 "markdown nested more than " + std::to_string(kMaxMarkdownDepth) + " levels deep");
  }
  if (!I.heap.would_fit(html.size())) return raise_no_args(I, types().MemoryError);
  return new_str(I, html);
}

}  // namespace

void add_markdown_functions(Type* utils) {
  host::define_method(utils, "md_to_html", u_md_to_html<false>);
  host::define_method(utils, "markdown", u_md_to_html<true>);
}

}  // namespace quire::scripting
