// See utils_sanitize_html_document.h. Frappe's document flow parses with
// html5lib; quire builds the tree html5lib builds for a document from
// html.parser's events (utils_html_tokenizer), with the fragment flow's
// repairs inside the body, then writes what Frappe keeps.
#include "scripting/utils_sanitize_html_document.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "lang/text/unicode.h"
#include "lang/text/utf8.h"
#include "scripting/utils_html_entities.h"
#include "scripting/utils_html_tokenizer.h"
#include "scripting/utils_sanitize_html_values.h"

namespace quire::scripting {

namespace {

namespace text = quire::lang::text;

struct Node {
  std::string tag;  // empty for a text node
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string text;
  std::vector<std::unique_ptr<Node>> children;
};

bool is_document_void(const std::string& tag) {
  static const std::unordered_set<std::string> names = {
      "area",     "base", "basefont", "bgsound", "br",     "col",     "command", "embed",
      "frame",    "hr",   "image",    "img",     "input",  "isindex", "keygen",  "link",
      "menuitem", "meta", "nextid",   "param",   "source", "spacer",  "track",   "wbr"};
  return names.count(tag) > 0;
}

bool is_head_tag(const std::string& tag) {
  return tag == "base" || tag == "basefont" || tag == "bgsound" || tag == "link" || tag == "meta" ||
         tag == "title" || tag == "style" || tag == "script" || tag == "noscript" ||
         tag == "template";
}

// Python's str.strip() leaves nothing: whitespace-only (Unicode's).
bool python_blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (!text::is_space(text::decode_utf8(s, i))) return false;
  return true;
}

bool space_char(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// html5lib's tree construction for a whole document, on html.parser's
// events: the implied <html>, <head> and <body>, head elements before the
// body, everything after </body> in the body, and the fragment flow's
// repairs inside the body.
class DocumentBuilder : public HtmlEvents {
 public:
  DocumentBuilder() : html_(std::make_unique<Node>()) {
    html_->tag = "html";
    open_.push_back(html_.get());
  }

  void start_tag(const std::string& tag, const HtmlAttributes& attrs) override {
    if (raw_ != nullptr) {  // <title>/<textarea> (RCDATA): the markup is text
      std::string markup = "<";
      markup += tag;
      for (const auto& [name, value] : attrs) {
        markup += ' ';
        markup += name;
        if (value) {
          markup += "=\"";
          markup += *value;
          markup += '"';
        }
      }
      markup += '>';
      add_text(markup);
      return;
    }
    if (tag == "html") {
      merge_attributes(*html_, attrs);
      return;
    }
    if (mode_ == Mode::BeforeHead) {
      head_ = append(*html_, "head", tag == "head" ? attrs : HtmlAttributes{});
      open_.push_back(head_);
      mode_ = Mode::InHead;
      if (tag == "head") return;
    }
    if (mode_ == Mode::InHead) {
      if (tag == "head") return;
      if (is_head_tag(tag)) {
        open_element(*head_, tag, attrs);
        return;
      }
      open_.pop_back();
      mode_ = Mode::AfterHead;
    }
    if (mode_ == Mode::AfterHead) {
      if (is_head_tag(tag)) {
        open_element(*head_, tag, attrs);
        return;
      }
      body_ = append(*html_, "body", tag == "body" ? attrs : HtmlAttributes{});
      open_.push_back(body_);
      mode_ = Mode::InBody;
      if (tag == "body") return;
    }
    if (tag == "body") {
      merge_attributes(*body_, attrs);
      return;
    }
    if (tag == "head") return;
    body_start(tag, attrs);
  }

  void end_tag(const std::string& tag) override {
    if (raw_ != nullptr) {
      if (tag != raw_->tag) {
        std::string markup = "</";
        markup += tag;
        markup += '>';
        add_text(markup);
        return;
      }
      raw_ = nullptr;
      open_.pop_back();
      return;
    }
    if (mode_ == Mode::InHead && tag == "head") {
      open_.pop_back();
      mode_ = Mode::AfterHead;
      return;
    }
    if (mode_ != Mode::InBody || tag == "body" || tag == "html") return;
    if (tag == "br") {
      body_start("br", {});
      return;
    }
    if (tag == "p" && !in_scope("p")) {
      body_start("p", {});
      pop();
      return;
    }
    if (tag == "li") {
      if (in_scope("li", true)) pop_to("li");
      return;
    }
    if (tag == "table" || tag == "tbody" || tag == "thead" || tag == "tfoot" || tag == "tr" ||
        tag == "td" || tag == "th" || tag == "caption") {  // closes the cells inside
      if (in_table_scope(tag)) pop_to(tag);
      return;
    }
    if (is_special(tag) || closes_paragraph(tag)) {
      if (in_scope(tag)) pop_to(tag);
      return;
    }
    if (is_formatting(tag) && end_formatting(tag)) return;
    for (std::size_t k = open_.size(); k-- > 2;) {
      if (open_[k]->tag == tag) {
        pop_until(k);
        return;
      }
      if (is_special(open_[k]->tag)) return;
    }
  }

  // html5lib reads "<br/>" and "<div/>" as start tags only.
  void start_end_tag(const std::string& tag, const HtmlAttributes& attrs) override {
    start_tag(tag, attrs);
  }

  void data(std::string_view s) override { add_text(std::string(s)); }
  void char_ref(std::string_view name) override { add_text(char_ref_text(name)); }
  void entity_ref(std::string_view name) override {
    auto decoded = html5_entity(name);
    std::string literal = "&";
    literal.append(name);
    add_text(decoded ? std::string(*decoded) : literal);
  }

  // The tree once the text has ended: html5lib always has both.
  const Node& finish() {
    if (head_ == nullptr) head_ = append(*html_, "head", {});
    if (body_ == nullptr) body_ = append(*html_, "body", {});
    return *html_;
  }

 private:
  enum class Mode { BeforeHead, InHead, AfterHead, InBody };

  static Node* append(Node& parent, const std::string& tag, const HtmlAttributes& attrs) {
    auto node = std::make_unique<Node>();
    node->tag = tag;
    merge_attributes(*node, attrs);  // html5lib keeps the first of duplicates
    if (tag == "meta") write_charset_as_utf8(*node);
    parent.children.push_back(std::move(node));
    return parent.children.back().get();
  }

  // bs4 writes the encoding it outputs (utf-8) into <meta charset> and into
  // the charset= of <meta http-equiv="Content-Type" content="...">.
  static void write_charset_as_utf8(Node& meta) {
    auto find = [&](const char* name) {
      return std::find_if(meta.attrs.begin(), meta.attrs.end(),
                          [&](const auto& a) { return a.first == name; });
    };
    auto charset = find("charset"), content = find("content"), equiv = find("http-equiv");
    if (charset != meta.attrs.end()) {
      charset->second = "utf-8";
      return;
    }
    if (content == meta.attrs.end() || equiv == meta.attrs.end() ||
        text::str_lower(equiv->second) != "content-type")
      return;
    // CHARSET_RE: ((^|;)\s*charset=)([^;]*), every match rewritten.
    std::string& value = content->second;
    std::string out;
    std::size_t i = 0;
    while (i <= value.size()) {
      std::size_t start = i;
      if (i > 0 && value[i - 1] != ';' && value[i - 1] != '\n') {
        out += value[i++];
        continue;
      }
      std::size_t k = i;
      while (k < value.size() && text::is_space(static_cast<unsigned char>(value[k]))) ++k;
      if (value.compare(k, 8, "charset=") == 0) {
        out.append(value, start, k + 8 - start);
        out += "utf-8";
        i = value.find(';', k + 8);
        if (i == std::string::npos) break;
        continue;
      }
      if (i < value.size()) out += value[i];
      ++i;
    }
    value = out;
  }

  static void merge_attributes(Node& node, const HtmlAttributes& attrs) {
    for (const auto& [name, value] : attrs)
      if (std::none_of(node.attrs.begin(), node.attrs.end(),
                       [&](const auto& a) { return a.first == name; }))
        node.attrs.emplace_back(name, value.value_or(""));
  }

  void open_element(Node& parent, const std::string& tag, const HtmlAttributes& attrs) {
    Node* node = append(parent, tag, attrs);
    if (is_document_void(tag)) return;
    open_.push_back(node);
    if (tag == "title" || tag == "textarea" || tag == "style" || tag == "script") raw_ = node;
    drop_newline_ = tag == "pre" || tag == "listing" || tag == "textarea";
  }

  void body_start(const std::string& tag, const HtmlAttributes& attrs) {
    if (closes_paragraph(tag) && in_scope("p")) pop_to("p");
    if (tag == "li") close_list_item({"li"});
    if (tag == "dd" || tag == "dt") close_list_item({"dd", "dt"});
    if (is_heading(tag) && is_heading(open_.back()->tag)) pop();
    if (tag == "td" || tag == "th") {  // a new cell closes the open one
      if (in_table_scope("td")) pop_to("td");
      if (in_table_scope("th")) pop_to("th");
    }
    if (tag == "tr" && in_table_scope("tr")) pop_to("tr");
    if ((tag == "td" || tag == "th" || tag == "tr") && open_.back()->tag == "table") {
      open_element(*open_.back(), "tbody", {});
      if (tag != "tr") open_element(*open_.back(), "tr", {});
    }
    if (tag == "a") end_formatting("a");
    if ((tag == "option" || tag == "optgroup") && open_.back()->tag == "option") pop();
    if (!closes_paragraph(tag) && !is_special(tag)) reconstruct_formatting();
    if (tag == "img" || tag == "br" || tag == "input" || tag == "hr") reconstruct_formatting();
    open_element(*open_.back(), tag, attrs);
    if (is_formatting(tag)) active_.push_back({open_.back(), tag, attrs});
    if (tag == "td" || tag == "th" || tag == "caption") active_.push_back({nullptr, "", {}});
  }

  // html5lib's list of active formatting elements: a <b>, <i>, <a>...
  // closed by another element's end tag is opened again (with its
  // attributes) before the next text or inline element; a cell is a marker
  // the list does not reach over.
  struct Active {
    Node* node;  // nullptr: a marker
    std::string tag;
    HtmlAttributes attrs;
  };

  static bool is_formatting(const std::string& tag) {
    static const std::unordered_set<std::string> names = {
        "a",    "b", "big",   "code",   "em",     "font", "i",
        "nobr", "s", "small", "strike", "strong", "tt",   "u"};
    return names.count(tag) > 0;
  }

  bool on_stack(const Node* node) const {
    return std::find(open_.begin(), open_.end(), node) != open_.end();
  }

  void reconstruct_formatting() {
    std::size_t first = active_.size();
    while (first > 0 && active_[first - 1].node != nullptr && !on_stack(active_[first - 1].node))
      --first;
    for (std::size_t k = first; k < active_.size(); ++k) {
      open_element(*open_.back(), active_[k].tag, active_[k].attrs);
      active_[k].node = open_.back();
    }
  }

  // The adoption agency's plain case: the formatting element and what is
  // open inside it close (a block inside it is not moved as html5lib moves
  // it). False when the list holds no such element (an ordinary end tag).
  bool end_formatting(const std::string& tag) {
    std::size_t k = active_.size();
    while (k > 0 && active_[k - 1].node != nullptr && active_[k - 1].tag != tag) --k;
    if (k == 0 || active_[k - 1].node == nullptr) return false;
    Node* node = active_[k - 1].node;
    active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(k - 1));
    auto at = std::find(open_.begin(), open_.end(), node);
    if (at != open_.end()) pop_until(static_cast<std::size_t>(at - open_.begin()));
    return true;
  }

  // Pops the open elements down to `size`; a cell that closes takes the
  // formatting list back to its marker.
  void pop_until(std::size_t size) {
    while (open_.size() > std::max<std::size_t>(size, 2)) {
      const std::string& tag = open_.back()->tag;
      if (tag == "td" || tag == "th" || tag == "caption")
        while (!active_.empty()) {
          bool marker = active_.back().node == nullptr;
          active_.pop_back();
          if (marker) break;
        }
      open_.pop_back();
    }
  }

  void add_text(std::string s) {
    if (drop_newline_ && !s.empty() && s[0] == '\n') s.erase(0, 1);
    drop_newline_ = false;
    if (s.empty()) return;
    if (mode_ != Mode::InBody && raw_ == nullptr) {
      // Whitespace before the body goes to <head>/<html> (and Frappe then
      // drops it); other text opens the body.
      std::size_t lead = 0;
      while (lead < s.size() && space_char(s[lead])) ++lead;
      if (lead == s.size()) return;
      s.erase(0, lead);
      if (mode_ == Mode::BeforeHead) {
        head_ = append(*html_, "head", {});
        mode_ = Mode::AfterHead;
      } else if (mode_ == Mode::InHead) {
        open_.pop_back();
        mode_ = Mode::AfterHead;
      }
      body_ = append(*html_, "body", {});
      open_.push_back(body_);
      mode_ = Mode::InBody;
    }
    if (raw_ == nullptr) reconstruct_formatting();
    Node& parent = *open_.back();
    if (!parent.children.empty() && parent.children.back()->tag.empty()) {
      parent.children.back()->text += s;
      return;
    }
    auto node = std::make_unique<Node>();
    node->text = std::move(s);
    parent.children.push_back(std::move(node));
  }

  bool in_scope(const std::string& tag, bool list_item = false) const {
    static const std::unordered_set<std::string> bounds = {
        "applet", "caption", "html",   "table",    "td",
        "th",     "marquee", "object", "template", "button"};
    for (std::size_t k = open_.size(); k-- > 0;) {
      const std::string& name = open_[k]->tag;
      if (name == tag) return true;
      if (bounds.count(name) || (list_item && (name == "ol" || name == "ul"))) return false;
    }
    return false;
  }

  bool in_table_scope(const std::string& tag) const {
    for (std::size_t k = open_.size(); k-- > 0;) {
      const std::string& name = open_[k]->tag;
      if (name == tag) return true;
      if (name == "html" || name == "table" || name == "template") return false;
    }
    return false;
  }

  void pop() {
    if (open_.size() > 2) pop_until(open_.size() - 1);
  }

  void pop_to(const std::string& tag) {
    for (std::size_t k = open_.size(); k-- > 2;)
      if (open_[k]->tag == tag) {
        pop_until(k);
        return;
      }
  }

  void close_list_item(std::initializer_list<const char*> names) {
    for (std::size_t k = open_.size(); k-- > 2;) {
      const std::string& tag = open_[k]->tag;
      for (const char* name : names)
        if (tag == name) {
          pop_until(k);
          return;
        }
      if (is_special(tag) && tag != "address" && tag != "div" && tag != "p") return;
    }
  }

  std::unique_ptr<Node> html_;
  Node* head_ = nullptr;
  Node* body_ = nullptr;
  std::vector<Node*> open_;
  Mode mode_ = Mode::BeforeHead;
  std::vector<Active> active_;
  Node* raw_ = nullptr;  // the open <title>, <textarea>, <style>, <script>: text only
  bool drop_newline_ = false;
};

// BeautifulSoup's decode(formatter="html5") of what Frappe leaves: no
// <script>, no whitespace-only string; attributes sorted, an empty one bare.
void write(const Node& node, bool raw_text, std::string& out) {
  if (node.tag.empty()) {
    if (!python_blank(node.text)) out += raw_text ? node.text : substitute_html(node.text);
    return;
  }
  if (node.tag == "script") return;
  out += '<';
  out += node.tag;
  std::vector<std::pair<std::string, std::string>> attrs(node.attrs.begin(), node.attrs.end());
  std::sort(attrs.begin(), attrs.end());
  for (const auto& [name, value] : attrs) {
    out += ' ';
    out += name;
    if (!value.empty()) {
      out += '=';
      out += bs4_quoted(substitute_html(value));
    }
  }
  out += '>';
  if (is_document_void(node.tag) && node.children.empty()) return;
  for (const auto& child : node.children) write(*child, node.tag == "style", out);
  out += "</";
  out += node.tag;
  out += '>';
}

// html5lib's doctype token, if the text opens with one (after whitespace,
// comments and "<?...>"), as bs4's Doctype.for_name_and_ids writes it.
std::string doctype(std::string_view html) {
  std::size_t i = 0;
  auto lower_at = [&](std::size_t at, std::string_view word) {
    if (at + word.size() > html.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(html[at + k])) != word[k]) return false;
    return true;
  };
  while (true) {
    while (i < html.size() && space_char(html[i])) ++i;
    if (lower_at(i, "<!--")) {
      std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return "";
      i = end + 3;
    } else if (lower_at(i, "<?")) {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) return "";
      i = end + 1;
    } else {
      break;
    }
  }
  if (!lower_at(i, "<!doctype")) return "";
  std::size_t end = html.find('>', i);
  if (end == std::string_view::npos) end = html.size();
  std::string_view body = html.substr(i + 9, end - i - 9);
  std::size_t k = 0;
  auto skip = [&] {
    while (k < body.size() && space_char(body[k])) ++k;
  };
  auto quoted_id = [&]() -> std::optional<std::string> {
    skip();
    if (k >= body.size() || (body[k] != '"' && body[k] != '\'')) return std::nullopt;
    char q = body[k++];
    std::size_t close = body.find(q, k);
    if (close == std::string_view::npos) close = body.size();
    std::string id(body.substr(k, close - k));
    k = close + 1;
    return id;
  };
  skip();
  std::string name;
  while (k < body.size() && !space_char(body[k]))
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(body[k++])));
  skip();
  std::string keyword;
  for (std::size_t n = 0; n < 6 && k + n < body.size(); ++n)
    keyword += static_cast<char>(std::tolower(static_cast<unsigned char>(body[k + n])));
  std::optional<std::string> public_id, system_id;
  if (keyword == "public") {
    k += 6;
    public_id = quoted_id();
    system_id = quoted_id();
  } else if (keyword == "system") {
    k += 6;
    system_id = quoted_id();
  }
  std::string out = "<!DOCTYPE ";
  out += name;
  if (public_id) {
    out += " PUBLIC \"";
    out += *public_id;
    out += '"';
    if (system_id) {
      out += " \"";
      out += *system_id;
      out += '"';
    }
  } else if (system_id) {
    out += " SYSTEM \"";
    out += *system_id;
    out += '"';
  }
  return out + ">\n";
}

std::string lower_left_stripped(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (!text::is_space(text::decode_utf8(s, next))) break;
    i = next;
  }
  std::string out;
  for (std::size_t k = i; k < s.size() && out.size() < 9; ++k)
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  return out;
}

}  // namespace

bool is_full_html_document(std::string_view html) {
  std::string start = lower_left_stripped(html);
  if (start.rfind("<!doctype", 0) == 0 || start.rfind("<html", 0) == 0) return true;
  // html.splitlines()[1].strip().lower().startswith("<!doctype")
  std::size_t i = 0;
  while (i < html.size() && html[i] != '\n' && html[i] != '\r') ++i;
  if (i >= html.size()) return false;
  i += (html[i] == '\r' && i + 1 < html.size() && html[i + 1] == '\n') ? 2 : 1;
  std::size_t end = i;
  while (end < html.size() && html[end] != '\n' && html[end] != '\r') ++end;
  return lower_left_stripped(html.substr(i, end - i)).rfind("<!doctype", 0) == 0;
}

std::string sanitize_html_document(std::string_view html) {
  DocumentBuilder builder;
  tokenize_html(html, builder);
  std::string out = doctype(html);
  write(builder.finish(), false, out);
  return out;
}

}  // namespace quire::scripting
