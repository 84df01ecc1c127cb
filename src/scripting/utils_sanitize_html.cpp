// See utils_sanitize_html.h. Frappe runs three parsers over the text
// (html.parser to drop scripts, html5lib inside bleach, html.parser again to
// re-serialise); quire walks html.parser's events once (utils_html_tokenizer)
// and builds what the three steps leave: the tree repairs html5lib makes for
// what pasted and Text Editor HTML holds are reproduced; the rest of
// html5lib's tree construction is not (docs/scripting.md lists the
// differences). The values' rules are utils_sanitize_html_values.cpp.
#include "scripting/utils_sanitize_html.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "lang/sandbox/host.h"
#include "lang/text/unicode.h"
#include "scripting/native_util.h"
#include "scripting/utils_html_entities.h"
#include "scripting/utils_html_tokenizer.h"
#include "scripting/utils_linkify.h"
#include "scripting/utils_sanitize_css.h"
#include "scripting/utils_sanitize_html_document.h"
#include "scripting/utils_sanitize_html_lists.h"
#include "scripting/utils_sanitize_html_values.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

class Sanitizer : public HtmlEvents {
 public:
  explicit Sanitizer(bool linkify) : lists_(sanitize_allow_lists()), linkify_(linkify) {}

  void start_tag(const std::string& tag, const HtmlAttributes& attrs) override {
    open_tag(tag, attrs, true);
  }

  // "<br/>": BeautifulSoup opens the element and closes it; a void element's
  // close is swallowed when an earlier "<br>" of the same name left its name
  // in already_closed_empty_element (a BeautifulSoup quirk), so that element
  // stays open: Frappe's output then gains a "<br>" where it is closed.
  void start_end_tag(const std::string& tag, const HtmlAttributes& attrs) override {
    if (!skipping_.empty()) return;
    open_tag(tag, attrs, false);
    end_tag(tag);
  }

  void end_tag(const std::string& tag) override {
    if (!skipping_.empty()) {
      if (tag == skipping_) skipping_.clear();
      return;
    }
    end_piece();
    if (is_void(tag)) {
      for (std::size_t k = 0; k < already_closed_.size(); ++k)
        if (already_closed_[k] == tag) {
          already_closed_.erase(already_closed_.begin() + static_cast<std::ptrdiff_t>(k));
          return;
        }
    }
    // BeautifulSoup drops an end tag nothing open matches.
    for (std::size_t k = soup_.size(); k-- > 0;) {
      if (soup_[k].tag != tag) continue;
      while (soup_.size() > k) soup_close_top();
      return;
    }
  }

  void data(std::string_view text) override { add_text(text); }
  void char_ref(std::string_view name) override { add_text(char_ref_text(name)); }
  void entity_ref(std::string_view name) override {
    auto text = html5_entity(name);
    if (text) {
      add_text(*text);
      return;
    }
    std::string literal = "&";
    literal.append(name);
    add_text(literal);
  }

  std::string finish() {
    end_piece();
    while (!soup_.empty()) soup_close_top();
    while (!stack_.empty()) close_top();
    flush_text();
    return out_;
  }

 private:
  // An element open in the first BeautifulSoup pass's tree.
  struct SoupOpen {
    std::string tag;
    bool open_void;      // a void element BeautifulSoup left open
    std::size_t events;  // events_ when it opened: did anything go inside?
  };
  // An element open in html5lib's tree.
  struct Open {
    std::string tag;
    bool emitted;
    bool as_text;             // written as text for bleach.linkify's parser
    std::size_t out_at;       // where its start tag is in out_
    int depth_at;             // depth_ outside it
    std::string fostered;     // text html5lib moved before it (a <table>)
    std::size_t fostered_at;  // where that text is in out_
  };

  void add_text(std::string_view text) {
    if (!skipping_.empty() || text.empty()) return;
    ++events_;
    piece_ += text;
  }

  bool preserves_whitespace() const {
    for (const Open& open : stack_)
      if (open.tag == "pre" || open.tag == "textarea") return true;
    return false;
  }

  // BeautifulSoup writes a string of ASCII whitespace only as "\n" (when it
  // holds one) or " ", outside <pre> and <textarea>.
  std::string collapsed(std::string text) const {
    if (text.empty() || text.find_first_not_of(" \n\t\f\r") != std::string::npos ||
        preserves_whitespace())
      return text;
    return text.find('\n') != std::string::npos ? "\n" : " ";
  }

  // A tag ends the string the first BeautifulSoup pass sees.
  // html5lib drops a newline straight after <pre>, <listing> and
  // <textarea>.
  void end_piece() {
    std::string piece = collapsed(piece_);
    piece_.clear();
    if (drop_newline_ && text_.empty() && !piece.empty() && piece[0] == '\n') piece.erase(0, 1);
    if (!piece.empty()) drop_newline_ = false;
    text_ += piece;
  }

  // An element in the output ends the string the second pass sees. At the
  // top level Frappe writes it as it is (str(node)), stripped, and leaves
  // out one that is only whitespace; inside, escaped.
  void flush_text() {
    end_piece();
    if (!text_.empty() && in_table_mode() &&
        text_.find_first_not_of(" \n\t\f\r") != std::string::npos) {
      foster_parent_text();
      return;
    }
    write_pending_text();
  }

  void write_pending_text() {
    if (linkify_drops_newline_ && !text_.empty() && text_[0] == '\n') text_.erase(0, 1);
    if (!text_.empty()) linkify_drops_newline_ = false;
    if (linkify_ && !in_anchor()) {
      for (const LinkifyPiece& piece : linkify_text(text_))
        if (piece.href.empty())
          write_text(piece.text);
        else
          write_link(piece);
    } else {
      write_text(text_);
    }
    text_.clear();
  }

  // html5lib's "in table" insertion modes: text there that is not only
  // whitespace goes before the table (foster parenting).
  bool in_table_mode() const {
    if (stack_.empty()) return false;
    const std::string& tag = stack_.back().tag;
    return tag == "table" || tag == "tbody" || tag == "thead" || tag == "tfoot" || tag == "tr";
  }

  void foster_parent_text() {
    std::size_t k = stack_.size();
    while (k-- > 0 && stack_[k].tag != "table") {
    }
    if (k == static_cast<std::size_t>(-1)) {  // a row with no table: html5lib has none
      write_pending_text();
      return;
    }
    // Text fostered before the same table is one string: written again whole.
    Open& table = stack_[k];
    table.fostered += text_;
    text_ = table.fostered;
    std::string table_and_after = out_.substr(table.out_at);
    out_.resize(table.fostered_at);
    int depth = depth_;
    depth_ = table.depth_at;
    write_pending_text();
    depth_ = depth;
    std::size_t old_at = table.out_at;
    for (std::size_t i = k; i < stack_.size(); ++i) stack_[i].out_at += out_.size() - old_at;
    out_ += table_and_after;
  }

  void write_text(const std::string& text) {
    if (depth_ == 0)
      out_ += python_strip(text);
    else
      out_ += escape_minimal(collapsed(text));
  }

  // bleach.linkify's new link, as BeautifulSoup writes it.
  void write_link(const LinkifyPiece& link) {
    out_ += "<a href=";
    out_ += quoted_attribute(link.href);
    if (link.href.rfind("mailto:", 0) != 0) out_ += " rel=\"nofollow\"";
    out_ += '>';
    out_ += escape_minimal(link.text);
    out_ += "</a>";
  }

  // Is text inside a link bleach.linkify leaves alone?
  bool in_anchor() const {
    for (const Open& open : stack_)
      if (open.emitted && open.tag == "a") return true;
    return false;
  }

  void open_tag(const std::string& tag, const HtmlAttributes& attrs, bool closes_void) {
    if (!skipping_.empty()) return;
    end_piece();
    if (tag == "script" || tag == "style") {
      skipping_ = tag;
      return;
    }
    ++events_;
    bool void_element = is_void(tag);
    if (!void_element)
      soup_.push_back({tag, false, events_});
    else if (closes_void)
      already_closed_.push_back(tag);
    else
      soup_.push_back({tag, true, events_});
    tree_start(tag, attrs, void_element);
  }

  // A void element left open (see start_end_tag) that holds something
  // reaches html5lib as "<br>...</br>", and html5lib reads "</br>" as "<br>".
  void soup_close_top() {
    SoupOpen top = soup_.back();
    soup_.pop_back();
    if (!top.open_void)
      tree_end(top.tag);
    else if (top.events != events_ && top.tag == "br")
      tree_start("br", {});
  }

  // html5lib's tree construction, for the start tags it repairs around:
  // a block closes an open <p>, <li> an open <li>, <dd>/<dt> an open one,
  // a heading an open heading, and a row in a table gets a <tbody>.
  void tree_start(const std::string& tag, const HtmlAttributes& attrs, bool void_tag = false) {
    drop_newline_ = false;
    // Inside <textarea>/<title> (RCDATA) and <xmp>/<iframe>/... (RAWTEXT)
    // html5lib reads the first pass's markup as text up to the end tag.
    if (!text_element_.empty()) {
      text_ += html_unescape(soup_start_tag(tag, attrs, void_tag));
      return;
    }
    bool first_tag = !tag_seen_;
    tag_seen_ = true;
    // Inside <svg> html5lib restores SVG's camelCase names ("clipPath",
    // "viewBox") before bleach compares them; BeautifulSoup lower-cases them
    // again on the way out.
    bool svg = tag == "svg" || in_scope("svg", Scope::Table);
    bool allowed = lists_.tags.count(tag) > 0 || (svg && lists_.svg_tags_lower.count(tag) > 0);
    if (!allowed) {
      // bleach's tokenizer turns a tag it strips into text before html5lib's
      // tree builder sees it: "" or, for a block-level start tag after the
      // first tag, "\n". No repair happens around it.
      end_piece();
      if (!first_tag && is_block_level(tag)) text_ += '\n';
      return;
    }
    // html5lib parsing a fragment ignores these, and a table's parts outside
    // a table.
    if (tag == "html" || tag == "head" || tag == "body") return;
    if (!svg && is_table_part(tag) && !in_scope("table", Scope::Table)) return;
    // An HTML element of this list inside <svg> closes the <svg> first.
    if (svg && tag != "svg" && breaks_out_of_svg(tag, attrs)) {
      pop_to("svg");
      svg = false;
    }
    if (closes_paragraph(tag) && in_scope("p")) pop_to("p");
    if (tag == "li") close_list_item({"li"});
    if (tag == "dd" || tag == "dt") close_list_item({"dd", "dt"});
    if (is_heading(tag) && !stack_.empty() && is_heading(stack_.back().tag)) close_top();
    if (tag == "td" || tag == "th") {  // a new cell closes the open one
      if (in_scope("td", Scope::Table)) pop_to("td");
      if (in_scope("th", Scope::Table)) pop_to("th");
    }
    if (tag == "tr" && in_scope("tr", Scope::Table)) pop_to("tr");
    // An <a> inside an open <a> closes it (the adoption agency's plain case);
    // an <option> closes an open one.
    if (tag == "a" && in_scope("a", Scope::Table)) pop_to("a");
    if ((tag == "option" || tag == "optgroup") && !stack_.empty() && stack_.back().tag == "option")
      close_top();
    if ((tag == "tr" || tag == "td" || tag == "th") && !stack_.empty() &&
        stack_.back().tag == "table") {
      tree_start("tbody", {});
      if (tag != "tr") tree_start("tr", {});
    }
    bool void_element = is_void(tag);
    Open open{tag, true, false, out_.size(), depth_, "", 0};
    open.as_text = !open_element(tag, attrs, void_element, svg);
    if (!open.as_text) open.out_at = element_at_;
    open.fostered_at = open.out_at;
    if (!void_element) stack_.push_back(open);
    drop_newline_ = !svg && drops_newline(tag);
    // (Frappe allows both, so bleach's tokenizer lets html5lib switch to
    // RCDATA; a tag bleach strips never reaches the tree builder, so
    // <xmp>/<iframe> content stays markup.)
    if (!svg && (tag == "textarea" || tag == "title")) text_element_ = tag;
  }

  void tree_end(const std::string& tag) {
    drop_newline_ = false;
    if (!text_element_.empty()) {
      if (tag != text_element_) {
        text_ += "</" + tag + ">";
        return;
      }
      end_piece();
      text_element_.clear();
    }
    tag_seen_ = true;
    bool svg = in_scope("svg", Scope::Table);
    if (!lists_.tags.count(tag) && !(svg && lists_.svg_tags_lower.count(tag))) return;
    if (tag == "html" || tag == "head" || tag == "body") return;
    if (tag == "p" && !in_scope("p")) {  // "</p>" alone is "<p></p>"
      tree_start("p", {});
      close_top();
      return;
    }
    if (tag == "li") {
      if (in_scope("li", Scope::ListItem)) pop_to("li");
      return;
    }
    if (is_special(tag) || closes_paragraph(tag)) {
      if (in_scope(tag, Scope::Default)) pop_to(tag);
      return;
    }
    // Any other end tag closes up to its element unless a special element
    // is open inside it.
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].tag == tag) {
        while (stack_.size() > k) close_top();
        return;
      }
      if (is_special(stack_[k].tag)) return;
    }
  }

  static bool is_table_part(const std::string& tag) {
    return tag == "caption" || tag == "col" || tag == "colgroup" || tag == "tbody" ||
           tag == "tfoot" || tag == "thead" || tag == "tr" || tag == "td" || tag == "th";
  }

  // html5lib's "breakout" start tags of foreign content (<font> only with
  // color, face or size).
  static bool breaks_out_of_svg(const std::string& tag, const HtmlAttributes& attrs) {
    static const std::unordered_set<std::string> names = {
        "b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
        "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
        "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
        "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
        "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var"};
    if (names.count(tag)) return true;
    if (tag != "font") return false;
    return std::any_of(attrs.begin(), attrs.end(), [](const auto& a) {
      return a.first == "color" || a.first == "face" || a.first == "size";
    });
  }

  // bleach's HTML_TAGS_BLOCK_LEVEL.
  static bool is_block_level(const std::string& tag) {
    static const std::unordered_set<std::string> names = {
        "address", "article", "aside",   "blockquote", "dd",         "details", "dialog",
        "div",     "dl",      "dt",      "fieldset",   "figcaption", "figure",  "footer",
        "form",    "h1",      "h2",      "h3",         "h4",         "h5",      "h6",
        "header",  "hgroup",  "hr",      "li",         "main",       "nav",     "ol",
        "p",       "pre",     "section", "table",      "ul"};
    return names.count(tag) > 0;
  }

  static bool drops_newline(const std::string& tag) {
    return tag == "pre" || tag == "listing" || tag == "textarea";
  }

  // A start tag as the first BeautifulSoup pass writes it: attributes in
  // their order (a repeated one keeps its place and takes the last value).
  static std::string soup_start_tag(const std::string& tag, const HtmlAttributes& attrs,
                                    bool void_tag) {
    HtmlAttributes unique;
    for (const auto& [name, value] : attrs) {
      auto seen = std::find_if(unique.begin(), unique.end(),
                               [&](const auto& a) { return a.first == name; });
      if (seen != unique.end())
        seen->second = value;
      else
        unique.emplace_back(name, value);
    }
    std::string out = "<" + tag;
    for (const auto& [name, value] : unique)
      out += " " + name + "=" + quoted_attribute(value.value_or(""));
    return out + (void_tag ? "/>" : ">");
  }

  void close_list_item(std::initializer_list<const char*> names) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const std::string& tag = stack_[k].tag;
      for (const char* name : names)
        if (tag == name) {
          while (stack_.size() > k) close_top();
          return;
        }
      if (is_special(tag) && tag != "address" && tag != "div" && tag != "p") return;
    }
  }

  enum class Scope { Default, ListItem, Button, Table };

  // Is `tag` open in html5lib's scope of that kind (not behind a table, a
  // cell, ...)?
  bool in_scope(const std::string& tag, Scope scope = Scope::Button) const {
    static const std::unordered_set<std::string> bounds = {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"};
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const std::string& open = stack_[k].tag;
      if (open == tag) return true;
      if (scope == Scope::Table) {
        if (open == "html" || open == "table" || open == "template") return false;
        continue;
      }
      if (bounds.count(open)) return false;
      if (scope == Scope::Button && open == "button") return false;
      if (scope == Scope::ListItem && (open == "ol" || open == "ul")) return false;
    }
    return false;
  }

  void pop_to(const std::string& tag) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].tag != tag) continue;
      while (stack_.size() > k) close_top();
      return;
    }
  }

  // Writes the element's start tag; false when linkify's parser takes it
  // for text (then it went into the text).
  bool open_element(const std::string& tag, const HtmlAttributes& attrs, bool void_element,
                    bool svg) {
    HtmlAttributes kept;
    for (const auto& [name, value] : attrs) {
      if (!allowed_attribute(tag, name)) continue;
      std::string text = value.value_or("");
      if (is_uri_attribute(name) && !allowed_uri(text)) continue;
      if (name == "style") text = sanitize_css(text, lists_.css_properties);
      bool replaced = false;  // BeautifulSoup keeps the last of duplicates
      for (auto& [seen, seen_value] : kept)
        if (seen == name) {
          seen_value = text;
          replaced = true;
        }
      if (!replaced) kept.emplace_back(name, text);
    }
    // bleach writes attributes in alphabetical order.
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (linkify_ && !linkify_knows_tag(tag)) {
      end_piece();
      text_ += bleach_start_tag(tag, kept, svg);
      return false;
    }
    if (linkify_ && tag == "a") add_nofollow(kept);
    flush_text();
    linkify_drops_newline_ = linkify_ && drops_newline(tag);
    element_at_ = out_.size();
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : kept) {
      out_ += ' ';
      out_ += name;
      out_ += '=';
      out_ += quoted_attribute(*value);
    }
    out_ += void_element ? "/>" : ">";
    if (!void_element) ++depth_;
    return true;
  }

  // bleach.linkify's nofollow callback on a link bleach.clean kept: a rel
  // that is not there yet goes last.
  static void add_nofollow(HtmlAttributes& kept) {
    auto href =
        std::find_if(kept.begin(), kept.end(), [](const auto& a) { return a.first == "href"; });
    if (href == kept.end() || href->second->rfind("mailto:", 0) == 0) return;
    for (auto& [name, value] : kept)
      if (name == "rel") {
        value = rel_with_nofollow(*value);
        return;
      }
    kept.emplace_back("rel", "nofollow");
  }

  // A start tag as bleach.clean writes it (html5lib's serializer: every value
  // quoted, & < escaped, the quote that needs no escaping).
  // Inside <svg> the names have html5lib's SVG case ("clipPath").
  std::string bleach_start_tag(const std::string& tag, const HtmlAttributes& kept, bool svg) const {
    std::string out = "<" + (svg ? svg_case(tag) : tag);
    for (const auto& [name, value] : kept) {
      std::string v;
      for (char c : *value)
        v += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
      bool dq = v.find('"') != std::string::npos, sq = v.find('\'') != std::string::npos;
      char quote = dq && !sq ? '\'' : '"';
      std::string escaped;
      for (char c : v)
        escaped += c != quote     ? std::string(1, c)
                   : quote == '"' ? std::string("&quot;")
                                  : std::string("&#39;");
      out += " " + (svg ? svg_case(name) : name) + "=" + quote + escaped + quote;
    }
    return out + ">";
  }

  void close_element(const std::string& tag) {
    flush_text();
    out_ += "</";
    out_ += tag;
    out_ += '>';
    --depth_;
  }

  void close_top() {
    // The text before an end tag is still inside the element (and its link).
    if (stack_.back().emitted && !stack_.back().as_text) flush_text();
    Open top = stack_.back();
    stack_.pop_back();
    if (top.as_text) {
      end_piece();
      bool svg = top.tag == "svg" || in_scope("svg", Scope::Table);
      text_ += "</" + (svg ? svg_case(top.tag) : top.tag) + ">";
    } else if (top.emitted) {
      close_element(top.tag);
    }
  }

  // The SVG name (element or attribute) Frappe's lists spell this way.
  std::string svg_case(const std::string& lower) const {
    static const std::unordered_map<std::string, std::string> names = [this] {
      std::unordered_map<std::string, std::string> out;
      for (const auto* list : {&lists_.tags, &lists_.svg_attributes})
        for (const std::string& name : *list) out.emplace(text::str_lower(name), name);
      return out;
    }();
    auto it = names.find(lower);
    return it == names.end() ? lower : it->second;
  }

  // Frappe's _attr_filter for every tag, and svg_attributes for <svg>.
  bool allowed_attribute(const std::string& tag, const std::string& name) const {
    if (tag == "svg" && lists_.svg_attributes_lower.count(name)) return true;
    if (name.rfind("on", 0) == 0) return false;
    if (name.rfind("data-", 0) == 0 || name.rfind("xmlns", 0) == 0) return true;
    return lists_.attributes.count(name) > 0;
  }

  const SanitizeAllowLists& lists_;
  std::vector<SoupOpen> soup_;               // the first BeautifulSoup pass's open elements
  std::vector<Open> stack_;                  // html5lib's open elements
  std::string skipping_;                     // inside <script> or <style>: dropped with its content
  std::vector<std::string> already_closed_;  // BeautifulSoup's already_closed_empty_element
  std::string piece_;                        // text since the last tag
  std::string text_;                         // text since the last element written
  std::string out_;
  std::size_t events_ = 0;  // text runs and tags seen
  int depth_ = 0;
  bool linkify_;
  std::string text_element_;  // the open <textarea> or <title> html5lib reads as text (RCDATA)
  // bleach.linkify parses the cleaned HTML again: one more newline goes.
  bool linkify_drops_newline_ = false;
  bool drop_newline_ = false;   // just after <pre>, <listing>, <textarea>
  bool tag_seen_ = false;       // bleach's emitted_last_token: a tag came before
  std::size_t element_at_ = 0;  // where open_element wrote the last start tag
};

// BeautifulSoup(html, "html.parser").find(): is there any element?
class FindsElement : public HtmlEvents {
 public:
  bool found = false;
  void start_tag(const std::string&, const HtmlAttributes&) override { found = true; }
  void end_tag(const std::string&) override {}
  void data(std::string_view) override {}
  void char_ref(std::string_view) override {}
  void entity_ref(std::string_view) override {}
};

QUIRE_NATIVE(f_sanitize_html) {
  Value a[3];
  if (!parse_args(I, "sanitize_html", args, nargs, kwnames, {"html", "linkify", "always_sanitize"},
                  1, a))
    return Value::exc();
  if (!is_str(a[0])) return a[0];
  bool linkify = false, always = false;
  if (!opt_bool(I, a[1], linkify) || !opt_bool(I, a[2], always)) return Value::exc();
  return new_str(I, sanitize_html(as_str(a[0])->view(), linkify, always));
}

}  // namespace

std::string sanitize_html(std::string_view html, bool linkify, bool always_sanitize) {
  if (is_full_html_document(html)) return sanitize_html_document(html);
  if (!always_sanitize) {
    if (nlohmann::json::accept(html)) return std::string(html);
    FindsElement finder;
    tokenize_html(html, finder);
    if (!finder.found) return std::string(html);
  }
  Sanitizer sanitizer(linkify);
  tokenize_html(html, sanitizer);
  return sanitizer.finish();
}

void add_sanitize_html(Type* frappe_names) {
  host::define_method(frappe_names, "sanitize_html", f_sanitize_html);
}

}  // namespace quire::scripting
