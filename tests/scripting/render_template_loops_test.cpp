// frappe.render_template's loops against python3's jinja2 (Frappe's
// environment): recursive loops (`loop(children)`, depth), the loop
// variable's attributes and methods, and the errors around them.

#include "jinja_reference.h"

namespace quire::scripting::testing {
namespace {

using RenderTemplateLoops = ScriptingTest;

// A menu tree as print formats and web pages walk it.
constexpr const char* kTree =
    "{'tree': [{'n': 'a', 'c': [{'n': 'b', 'c': []}, {'n': 'c', 'c': [{'n': 'd', 'c': []}]}]}, "
    "{'n': 'e', 'c': []}]}";

const std::vector<TemplateCase> kLoopCases = {
    {"{% for x in tree recursive %}[{{ x.n }}{{ loop.depth }}{{ loop.depth0 }}{{ loop.index }}"
     "{% if x.c %}{{ loop(x.c) }}{% endif %}]{% endfor %}",
     kTree},
    {"<ul>{% for x in tree recursive %}<li>{{ x.n }}{% if x.c %}<ul>{{ loop(x.c) }}</ul>{% endif %}"
     "</li>{% endfor %}</ul>",
     kTree},
    // The else body renders at every level whose items are empty.
    {"{% for x in tree recursive %}{{ loop(x.c) }}{% else %}E{% endfor %}", kTree},
    // The loop's `if` applies at every level; loop.length counts what passes.
    {"{% for x in tree if x.n != 'c' recursive %}{{ x.n }}{{ loop.length }}{{ loop(x.c) }}"
     "{% endfor %}",
     kTree},
    // An inner level does not see what the outer level's body set.
    {"{% for x in tree recursive %}{{ y }}{% set y = x.n %}{{ loop(x.c) }}{% endfor %}", kTree},
    {"{% set p = '>' %}{% for x in tree recursive %}{{ p }}{{ x.n }}{{ loop(x.c) }}{% endfor %}",
     kTree},
    {"{% for x in tree recursive %}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}"
     "{{ loop(x.c) }}{% endfor %}",
     kTree},
    {"{% for x in [1, 2] recursive %}{{ loop.revindex }}{{ loop(x) }}{% endfor %}", "{}"},
    {"{% for x in [[1, [2]], 3] %}{{ loop(x) }}{% endfor %}", "{}"},
    {"{% for x in [1] recursive %}{{ loop() }}{% endfor %}", "{}"},
    {"{% for x in [1] recursive %}{{ loop([], []) }}{% endfor %}", "{}"},
    {"{% for x in [1] recursive %}{{ loop(items=[]) }}{% endfor %}", "{}"},
    {"{% for a, b in [(1, [(2, [])])] recursive %}{{ a }}{{ loop(b) }}{% endfor %}", "{}"},
    // The loop variable.
    {"{% for x in [1, 1, 2, 3, 3] %}{{ loop.changed(x) }}{% endfor %}", "{}"},
    {"{% for x in [1, 1, 2] %}{{ loop.changed(x, 1) }}{{ loop.changed() }}{% endfor %}", "{}"},
    {"{% for x in [1, 2] %}{{ loop }}|{% endfor %}", "{}"},
    {"{% for x in [1, 2, 3] %}{{ loop.cycle('a', 'b') }}{{ loop.previtem }}{{ loop.nextitem }}"
     "{% endfor %}",
     "{}"},
    {"{% for x in [1] %}{{ loop.cycle() }}{% endfor %}", "{}"},
    {"{% for x in [1] %}{{ loop.foo }}|{{ loop['index'] }}|{{ loop.length is number }}"
     "{% endfor %}",
     "{}"},
    {"{% for x in [1, 2] %}{% for y in 'ab' %}{{ loop.index }}{{ y }}{% endfor %}{{ loop.index }} "
     "{% endfor %}",
     "{}"},
    {"{% for x in [1, 2] %}{% set outer = loop %}{% for y in [3] %}{{ outer.index }}{{ y }}"
     "{% endfor %}{% endfor %}",
     "{}"},
    {"{% for x in [1] %}{% endfor %}{{ loop }}", "{}"},
    {"{% for x in tree recursive %}", kTree},
    {"{% for x in tree recursive foo %}{% endfor %}", kTree},
};

TEST_F(RenderTemplateLoops, MatchesJinja2) {
  expect_matches_jinja(kLoopCases, [this](const std::string& script) { return run(script); });
}

TEST_F(RenderTemplateLoops, DeepRecursionStops) {
  // A tree deeper than the nesting bound stops like recursion, not a crash.
  EXPECT_EQ(run("t = []\n"
                "for i in range(500):\n"
                "    t = [t]\n"
                "frappe.render_template('{% for x in t recursive %}{{ loop(x) }}{% endfor %}', "
                "{'t': t})\n"),
            "RecursionError: maximum recursion depth exceeded");
}

TEST_F(RenderTemplateLoops, KeptLoopIsRefused) {
  // A loop variable kept after its loop ended cannot reach the finished walk.
  EXPECT_EQ(run("kept = []\n"
                "frappe.render_template('{% for x in [1] %}{{ keep(loop) }}{% endfor %}', "
                "{'keep': kept.append})\n"
                "print(kept[0].index)\n"),
            "jinja2.exceptions.TemplateError: a loop variable can only be used while its loop "
            "runs");
}

}  // namespace
}  // namespace quire::scripting::testing
