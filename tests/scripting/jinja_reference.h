#pragma once
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The reference side of the frappe.render_template tests: python3's jinja2
// configured as Frappe's environment (frappe/utils/jinja.py: a
// SandboxedEnvironment with DebugUndefined, autoescape off, no extensions,
// Frappe's int/str/flt/len/json filters and the builtins it adds as
// globals, a loader that finds no template here), rendering each case at
// test time; and the script that renders the same cases through quire.
// Both print one JSON line per case: the output, or "ERROR <Type>: <message>".

#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include "python_reference.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {

struct TemplateCase {
  const char* tmpl;
  const char* context;  // a Python literal both sides evaluate
};

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return lines;
}

// Object addresses differ between runs and implementations
// ("<list_reverseiterator object at 0x7f..>"): compared without them.
inline std::string without_addresses(std::string s) {
  for (std::size_t at = s.find(" at 0x"); at != std::string::npos; at = s.find(" at 0x", at + 1)) {
    std::size_t end = at + 6;
    while (end < s.size() && std::isxdigit(static_cast<unsigned char>(s[end]))) ++end;
    s.replace(at + 6, end - at - 6, "?");
  }
  return s;
}

// What jinja2 renders for each case. `available` is false (and the result
// empty) when python3 has no jinja2.
inline std::vector<std::string> jinja_outputs(const std::vector<TemplateCase>& cases,
                                              bool& available) {
  Json list = Json::array();
  for (const auto& c : cases) list.push_back(Json::array({c.tmpl, c.context}));
  std::string hex;
  static const char* const kDigits = "0123456789abcdef";
  for (unsigned char ch : list.dump()) {
    hex += kDigits[ch >> 4];
    hex += kDigits[ch & 15];
  }
  std::string program = R"PY(import json, sys
try:
    from jinja2 import DebugUndefined, DictLoader, TemplateError
    from jinja2.sandbox import SandboxedEnvironment
except ImportError:
    print("NO-JINJA")
    sys.exit(0)

def cint(s, default=0):
    try:
        return int(s)
    except Exception:
        try:
            return int(float(s))
        except Exception:
            return default

def flt(s, precision=None):
    try:
        return float(s.replace(',', '') if isinstance(s, str) else s)
    except Exception:
        return 0.0

def cstr(s):
    return '' if s is None else str(s)

def as_json(obj, indent=1):
    return json.dumps(obj, indent=indent, sort_keys=True, separators=(',', ': '))

# Frappe's loader finds app templates; none exist here (an empty DictLoader).
env = SandboxedEnvironment(undefined=DebugUndefined, loader=DictLoader({}))
env.filters.update({'json': as_json, 'len': len, 'int': cint, 'str': cstr, 'flt': flt})
import builtins
for name in ('abs', 'all', 'any', 'bool', 'dict', 'enumerate', 'isinstance', 'issubclass', 'list',
             'max', 'min', 'range', 'set', 'sorted', 'sum', 'tuple'):
    env.globals[name] = getattr(builtins, name)
env.globals['json'] = json
cases = json.loads(bytes.fromhex(')PY" +
                        hex + R"PY(').decode())
for tmpl, ctx in cases:
    try:
        out = env.from_string(tmpl).render(eval(ctx))
    except TemplateError as e:
        out = 'ERROR %s: %s' % (type(e).__name__, e.message)
    except Exception as e:
        out = 'ERROR ' + repr(e)
    print(json.dumps(out))
)PY";
  std::string text = run_python(program);
  available = text.rfind("NO-JINJA", 0) != 0;
  if (!available) return {};
  return split_lines(text);
}

// A script printing what frappe.render_template gives for each case, in the
// reference's form (a TemplateError: the jinja2 exception's line of Frappe's
// "Jinja Template Error").
inline std::string quire_render_script(const std::vector<TemplateCase>& cases) {
  std::string script =
      "def error_text(e):\n"
      "    s = str(e)\n"
      "    k = s.find('jinja2.exceptions.')\n"
      "    if k < 0:\n"
      "        return 'ERROR ' + repr(e)\n"
      "    return 'ERROR ' + s[k + 18:].split('\\n')[0]\n";
  for (const auto& c : cases) {
    script += "try:\n    out = frappe.render_template(" + Json(c.tmpl).dump() + ", " + c.context +
              ")\nexcept Exception as e:\n    out = error_text(e)\nprint(json.dumps(out))\n";
  }
  return script;
}

// Renders every case both ways and compares them line by line.
inline void expect_matches_jinja(const std::vector<TemplateCase>& cases,
                                 const std::function<std::string(const std::string&)>& run) {
  bool available = false;
  std::vector<std::string> expected = jinja_outputs(cases, available);
  if (!available) GTEST_SKIP() << "python3 has no jinja2 (Debian: python3-jinja2)";
  ASSERT_EQ(expected.size(), cases.size()) << (expected.empty() ? "" : expected.back());
  std::string got = run(quire_render_script(cases));
  std::vector<std::string> lines = split_lines(got);
  ASSERT_EQ(lines.size(), cases.size()) << got;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(without_addresses(lines[i]), without_addresses(expected[i]))
        << "template: " << cases[i].tmpl;
  }
}

}  // namespace quire::scripting::testing
