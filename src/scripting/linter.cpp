#include "scripting/linter.h"

#include <algorithm>
#include <cctype>

namespace quire::scripting {

namespace {

// The source with comments and string literals blanked (newlines kept), so
// patterns match code only and line numbers stay right.
std::string code_only(const std::string& src) {
  std::string out = src;
  std::size_t i = 0;
  while (i < src.size()) {
    char c = src[i];
    if (c == '#') {
      while (i < src.size() && src[i] != '\n') out[i++] = ' ';
      continue;
    }
    if (c == '\'' || c == '"') {
      bool triple = src.compare(i, 3, std::string(3, c)) == 0;
      std::size_t len = triple ? 3 : 1;
      std::size_t j = i + len;
      while (j < src.size()) {
        if (src[j] == '\\') {
          j += 2;
          continue;
        }
        if (!triple && src[j] == '\n') break;
        if (src.compare(j, len, std::string(len, c)) == 0) {
          j += len;
          break;
        }
        ++j;
      }
      for (std::size_t k = i; k < std::min(j, src.size()); ++k) {
        if (out[k] != '\n') out[k] = ' ';
      }
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

int line_of(const std::string& text, std::size_t pos) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Positions where `word` appears as a whole token sequence start.
std::vector<std::size_t> find_all(const std::string& code, const std::string& word) {
  std::vector<std::size_t> at;
  for (std::size_t p = code.find(word); p != std::string::npos; p = code.find(word, p + 1)) {
    if (p > 0 && (ident_char(code[p - 1]) || code[p - 1] == '.')) continue;
    at.push_back(p);
  }
  return at;
}

bool is_before_event(const std::string& e) {
  return e == "Before Insert" || e == "Before Validate" || e == "Before Save" ||
         e == "Before Submit" || e == "Before Save (Submitted Document)";
}

bool is_after_save_event(const std::string& e) {
  return e == "After Save" || e == "After Insert" || e == "After Submit" ||
         e == "After Save (Submitted Document)";
}

}  // namespace

const std::vector<std::string>& frappe_names() {
  static const std::vector<std::string> names = {"DoesNotExistError",
                                                 "PermissionError",
                                                 "ValidationError",
                                                 "get_doc",
                                                 "get_cached_doc",
                                                 "new_doc",
                                                 "get_all",
                                                 "get_list",
                                                 "get_last_doc",
                                                 "delete_doc",
                                                 "rename_doc",
                                                 "get_meta",
                                                 "throw",
                                                 "msgprint",
                                                 "log",
                                                 "errprint",
                                                 "log_error",
                                                 "get_roles",
                                                 "get_fullname",
                                                 "has_permission",
                                                 "_",
                                                 "as_json",
                                                 "parse_json",
                                                 "bold",
                                                 "get_url",
                                                 "call",
                                                 "scrub",
                                                 "get_value",
                                                 "db",
                                                 "utils",
                                                 "qb",
                                                 "form_dict",
                                                 "response",
                                                 "flags",
                                                 "session",
                                                 "user",
                                                 "lang",
                                                 "date_format",
                                                 "time_format",
                                                 "number_format",
                                                 "sendmail",
                                                 "enqueue",
                                                 "make_get_request",
                                                 "make_post_request",
                                                 "make_put_request",
                                                 "make_patch_request",
                                                 "make_delete_request",
                                                 "_dict"};
  return names;
}

std::vector<LintFinding> lint_script(const std::string& script_type,
                                     const std::string& doctype_event, const std::string& source) {
  std::vector<LintFinding> out;
  std::string code = code_only(source);
  bool doc_event = script_type == "DocType Event";
  for (std::size_t p : find_all(code, "frappe.db.commit")) {
    if (doc_event) {
      out.push_back({line_of(code, p), false,
                     "frappe.db.commit() is not available in DocType Event scripts (AttributeError "
                     "when it runs): the document is saved, or rolled back, as one unit with "
                     "everything its scripts wrote"});
    }
  }
  if (doc_event && is_before_event(doctype_event)) {
    for (std::size_t p : find_all(code, "doc.save(")) {
      out.push_back({line_of(code, p), false,
                     "doc.save() in a " + doctype_event +
                         " script saves the document again and would run this event without "
                         "end: set the fields on doc, they are saved with it"});
    }
  }
  if (doc_event && is_after_save_event(doctype_event)) {
    for (std::size_t p : find_all(code, "doc.")) {
      std::size_t q = p + 4;
      while (q < code.size() && ident_char(code[q])) ++q;
      std::size_t r = q;
      while (r < code.size() && code[r] == ' ') ++r;
      if (r < code.size() && code[r] == '=' && (r + 1 >= code.size() || code[r + 1] != '=')) {
        out.push_back({line_of(code, p), false,
                       "assigning " + code.substr(p, q - p) + " in an " + doctype_event +
                           " script is lost (the document is already written): use doc.db_set()"});
      }
    }
  }
  for (const char* kw : {"import ", "from "}) {
    for (std::size_t p : find_all(code, kw)) {
      std::size_t b = code.rfind('\n', p);
      b = b == std::string::npos ? 0 : b + 1;
      bool starts = code.find_first_not_of(" \t", b) == p;
      if (!starts) continue;
      if (std::string(kw) == "from " && code.find(" import", p) > code.find('\n', p)) continue;
      out.push_back({line_of(code, p), false,
                     "import statements fail in server scripts (ImportError: __import__ not "
                     "found); frappe, json and frappe.utils are already there"});
    }
  }
  const auto& known = frappe_names();
  for (std::size_t p : find_all(code, "frappe.")) {
    std::size_t q = p + 7;
    while (q < code.size() && ident_char(code[q])) ++q;
    std::string name = code.substr(p + 7, q - p - 7);
    if (name.empty()) continue;
    bool exception = name.size() > 5 && (name.rfind("Error") == name.size() - 5);
    if (exception || std::find(known.begin(), known.end(), name) != known.end()) continue;
    out.push_back({line_of(code, p), false, "frappe." + name + " does not exist in quire"});
  }
  std::sort(out.begin(), out.end(),
            [](const LintFinding& a, const LintFinding& b) { return a.line < b.line; });
  return out;
}

}  // namespace quire::scripting
