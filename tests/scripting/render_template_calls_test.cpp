// frappe.render_template's calls against python3's jinja2 (Frappe's
// environment): `*iterable` and `**mapping` in calls, filters, tests and
// call blocks, macro varargs/kwargs/caller arguments, and the errors.

#include "jinja_reference.h"

namespace quire::scripting::testing {
namespace {

using RenderTemplateCalls = ScriptingTest;

const std::vector<TemplateCase> kCallCases = {
    {"{% macro m(a, b=2) %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}"
     "{{ m(*[1, 2, 3]) }}|{{ m(**{'a': 5, 'z': 1}) }}|{{ m(1, *[2], b=3) }}|{{ m(*args) }}",
     "{'args': (7, 8)}"},
    {"{{ dict(*[[('a', 1)]], b=2, **{'c': 3}) }} {{ range(*[3])|list }} {{ dict(*x) }}", "{}"},
    {"{{ 'x-y'|replace(*['-', '+']) }} {{ 3 is divisibleby(*[3]) }} "
     "{{ rows|join(**{'d': '/', 'attribute': 'n'}) }} {{ [3, 1]|sort(**{'reverse': true}) }}",
     "{'rows': [{'n': 1}, {'n': 2}]}"},
    {"{% macro box(t) %}[{{ t }}:{{ caller(*xs) }}]{% endmacro %}"
     "{% call(a, b) box(**{'t': 'T'}) %}{{ a }}+{{ b }}{% endcall %}",
     "{'xs': [1, 2]}"},
    {"{% macro m() %}{{ caller(1, k=2) }}{% endmacro %}{% call(a, k=0) m() %}{{ a }}{{ k }}"
     "{% endcall %}",
     "{}"},
    {"{{ f(*[1], *[2]) }}", "{}"},
    {"{{ dict(**{'a': 1}, b=2) }}", "{}"},
    {"{{ dict(*[1], 2) }}", "{}"},
    {"{{ dict(a=1, 2) }}", "{}"},
    {"{{ dict(*1) }}", "{}"},
    {"{{ dict(**1) }}", "{}"},
    {"{{ dict(a=1, **{'a': 2}) }}", "{}"},
    {"{{ dict(**{1: 2}) }}", "{}"},
    {"{{ shout(*words, **opts) }}", "{'words': ['a', 'b'], 'opts': {}}"},
};

TEST_F(RenderTemplateCalls, MatchesJinja2) {
  expect_matches_jinja(kCallCases, [this](const std::string& script) { return run(script); });
}

TEST_F(RenderTemplateCalls, SpreadsIntoScriptFunctions) {
  EXPECT_EQ(run("def f(*a, **k):\n"
                "    return repr(a) + repr(sorted(k.items()))\n"
                "print(frappe.render_template('{{ f(1, *xs, z=0, **kw) }}', "
                "{'f': f, 'xs': [2, 3], 'kw': {'y': 4}}))\n"),
            "(1, 2, 3)[('y', 4), ('z', 0)]\n");
}

}  // namespace
}  // namespace quire::scripting::testing
