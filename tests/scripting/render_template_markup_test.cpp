// frappe.render_template's Markup, autoescape and iterator-returning filters
// against python3's jinja2 (Frappe's environment): `|e`, `|safe`,
// `|forceescape`, `|striptags`, Markup's operators and methods,
// `{% autoescape %}` with macros, caller(), set and filter blocks, blocks
// and recursive loops; `reverse`/`items`/`map`/`select`... as iterators
// consumed once; `batch`, `slice` and `groupby`.

#include "jinja_reference.h"

namespace quire::scripting::testing {
namespace {

using RenderTemplateMarkup = ScriptingTest;

// A value with every character markupsafe escapes.
constexpr const char* kX = "{'x': '<a&\\'\">', 'l': ['<', 'b'], 'd': {'k': '<v>', 'j': 2}}";

const std::vector<TemplateCase> kMarkupCases = {
    // Markup values with autoescape off (Frappe's default).
    {"{{ x|e }}|{{ x|escape }}|{{ x|e|e }}|{{ x|e|forceescape }}|{{ x|forceescape }}", kX},
    {"{{ x|safe }}|{{ x|safe|e }}|{{ (x|e) ~ x }}|{{ (x|e) + x }}|{{ x + (x|e) }}", kX},
    {"{{ (x|e) * 2 }}|{{ 2 * (x|e) }}|{{ ('%s<'|safe) % x }}|{{ '%s<' % (x|e) }}", kX},
    {"{{ ('%s|%d|%.1f'|safe) % (x, 3, 2.5) }}|{{ ('%(k)s %(j)d'|safe) % d }}", kX},
    {"{{ ('%s'|safe) % l }}|{{ ('%s'|safe) % none }}|{{ ('%s %s'|safe) % (x,) }}", kX},
    {"{{ (x|e) + 1 }}", kX},
    {"{{ 1 + (x|e) }}", kX},
    {"{{ (x|e)[0:4] }}|{{ (x|e)[0] }}|{{ x|e|length }}|{{ x|safe|length }}|{{ x|e is string }}",
     kX},
    {"{{ x|e|upper }}|{{ x|e|lower }}|{{ x|e|title }}|{{ x|e|capitalize }}|{{ (' ' ~ x)|e|trim }}",
     kX},
    {"{{ x|e|string }}|{{ x|e|replace('&', '<') }}|{{ x|e|center(24) }}|{{ '%s'|format(x|e) }}",
     kX},
    {"{{ ('%s<'|safe)|format(x) }}|{{ '%s<'|format(x) }}|{{ l|join('<') }}|{{ l|map('e')|join }}",
     kX},
    {"{{ 12|e }}|{{ none|e }}|{{ y|e }}|{{ y|safe }}|{{ d.nope|e }}|{{ 1.5|safe }}", kX},
    {"{{ x|striptags }}|{{ '<b>a  b</b>\\n &amp; c &lt;d&gt;'|striptags }}|"
     "{{ 'a<!-- <b> -->b<i>c'|striptags }}|{{ 'x < y'|striptags }}|{{ ('<p>' ~ x)|e|striptags }}",
     kX},
    {"{{ '&#39;&#x41; &nbsp;&copy;'|striptags }}|{{ 12|striptags }}|{{ '<<a>b>'|striptags }}|"
     "{{ '<!<!---->--'|striptags }}|{{ 'a<!-- x'|striptags }}|{{ 'a<b'|striptags }}|"
     "{{ 'a<!-- <b> -->c<!-- d -->e'|striptags }}",
     kX},
    // Markup's methods return Markup and escape what they put in.
    {"{% autoescape true %}{{ (x|e).upper() }}|{{ ('<b>'|safe).replace('b', '<i>') }}|"
     "{{ ('<br>'|safe).join(l) }}|{{ ('<br>'|safe).join([1, x|e]) }}|"
     "{{ (x|e).split('&')[1] }}|{{ ('a<b'|safe).partition('<')[1] }}|{{ ('<b>'|safe).strip('<>') }}"
     "{% endautoescape %}",
     kX},
    {"{% autoescape true %}{{ ('<p>{}|{x}|{:.1f}</p>'|safe).format(x, 2.25, x=l) }}|"
     "{{ ('<b>'|safe).center(7, '-') }}|{{ (x|e).unescape() }}|{{ ('<b>a</b>'|safe).striptags() }}|"
     "{{ (''|safe).escape(x) }}|{{ ('ab'|safe).title() }}{% endautoescape %}",
     kX},
    {"{{ ('<b>'|safe).center(9, '<') }}", kX},
    {"{{ (x|e).upper() }}|{{ ('<br>'|safe).join(l) }}|{{ (x|e).unescape() }}", kX},
    // autoescape on: {{ }} escapes what is not Markup.
    {"{% autoescape true %}{{ x }}|{{ x|e }}|{{ x|safe }}|{{ '<i>' }}|{{ 3 }}|{{ y }}|"
     "{{ d.nope }}{% endautoescape %}{{ x }}",
     kX},
    {"{% autoescape true %}{{ (x|e) ~ x }}|{{ '<' ~ x }}|{{ '<' ~ 1 }}|{{ l|join('<') }}|"
     "{{ l|map('e')|join('<') }}|{{ l|join('<'|safe) }}{% endautoescape %}",
     kX},
    {"{% autoescape true %}{{ x|e|upper }}{{ (x|e)[0:4] }}{{ x|e|title }}{{ x|e|replace('&','<') }}"
     "{{ x|replace('&', '<'|safe) }}{{ x|replace('<', 'lt') }}{{ x|e|trim }}{{ x|e|center(24) }}"
     "{{ x|e|format }}{% endautoescape %}",
     kX},
    {"{% autoescape false %}{{ x }}{% endautoescape %}{% autoescape true %}{% autoescape false %}"
     "{{ x }}{% endautoescape %}{{ x }}{% endautoescape %}",
     kX},
    {"{% autoescape 1 > 0 %}{{ x }}{% endautoescape %}|{% autoescape l %}{{ x }}"
     "{% set s %}{{ x }}{% endset %}{{ s }}{% endautoescape %}|{% autoescape '' %}{{ x }}"
     "{% endautoescape %}",
     kX},
    // Set blocks, filter blocks, macros, caller(), blocks, recursive loops.
    {"{% autoescape true %}{% set s %}<i>{{ x }}{% endset %}{{ s }}{{ s is string }}"
     "{% endautoescape %}{{ s }}",
     kX},
    {"{% set ns = namespace() %}{% autoescape true %}{% set s %}<i>{% endset %}{% set ns.s = s %}"
     "{% endautoescape %}{{ ns.s }}{% autoescape true %}{{ ns.s }}{{ ns.s ~ x }}{% endautoescape "
     "%}",
     kX},
    {"{% autoescape true %}{% filter upper %}<i>{{ x }}{% endfilter %}|"
     "{% filter center(30) %}<i>{% endfilter %}{% endautoescape %}",
     kX},
    {"{% macro m() %}<b>{{ x }}{% endmacro %}{% autoescape true %}{{ m() }}{% endautoescape %}"
     "{{ m() }}",
     kX},
    {"{% set ns = namespace() %}{% autoescape true %}{% macro m() %}<b>{{ x }}{% endmacro %}"
     "{% set ns.m = m %}{% endautoescape %}{{ ns.m() }}|{{ ns.m() ~ x }}|{{ ns.m() + x }}|"
     "{% autoescape true %}{{ ns.m() + x }}{% endautoescape %}",
     kX},
    {"{% macro m() %}<b>{% endmacro %}{% set ns = namespace(v=m()) %}{% autoescape true %}"
     "{{ ns.v }}{% set ns.w = m() %}{% endautoescape %}{{ ns.w }}{% autoescape true %}{{ ns.w }}"
     "{% endautoescape %}",
     kX},
    {"{% macro m() %}<b>{{ caller() }}{% endmacro %}{% autoescape true %}{% call m() %}"
     "<i>{{ x }}{% endcall %}{% endautoescape %}",
     kX},
    {"{% autoescape true %}{% macro m(v) %}[{{ v }}]{% endmacro %}{{ m(x) }}{{ m(m(x)) }}"
     "{% endautoescape %}",
     kX},
    {"{% autoescape true %}{% block b %}{{ '<' }}{{ x }}{% endblock %}{% endautoescape %}", kX},
    {"{% autoescape true %}{% for i in [[x], '<'] recursive %}<{{ i if i is string else "
     "loop(i) }}>{% endfor %}{% endautoescape %}",
     kX},
    {"{% autoescape true %}{{ x ~ y }}{{ [x] }}{{ d }}{% endautoescape %}", kX},
    {"{% autoescape true %}{{ x + 1 }}{% endautoescape %}", kX},
    // Iterators: consumed once, printed as CPython prints them, no len().
    {"{{ l|reverse }}|{{ d|items }}|{{ l|map('upper') }}|{{ l|select }}|{{ l|reject }}|"
     "{{ [d]|selectattr('j') }}|{{ [d]|rejectattr('j') }}|{{ 'ab'|reverse }}|{{ d|dictsort }}",
     kX},
    {"{{ (1, 2)|reverse }}|{{ range(3)|reverse|list }}|{{ d|reverse|list }}|{{ {1, 2}|reverse }}|"
     "{{ l|map('upper')|reverse }}|{{ y|items|list }}",
     kX},
    {"{% set g = l|map('upper') %}{{ g|list }}{{ g|list }}|{% set r = l|reverse %}"
     "{{ r|join }}{{ r|join }}|{% set i = d|items %}{% for k, v in i %}{{ k }}{% endfor %}"
     "{% for k, v in i %}{{ k }}{% else %}empty{% endfor %}",
     kX},
    {"{% set g = l|select %}{{ g|first }}{{ g|first }}{{ g|first }}|"
     "{{ l|select|sum(start='') if false else l|select|join('+') }}|{{ l|map('e')|join }}",
     kX},
    {"{{ l|select|length }}", kX},
    {"{{ l|reverse|length }}", kX},
    {"{{ l|map('upper')|last }}", kX},
    {"{{ 3|items }}|{{ 3|items|list }}", kX},
    {"{{ l|select is iterable }}{{ l|select is sequence }}{{ l|reverse is iterable }}"
     "{{ d|items is mapping }}",
     kX},
    // truncate, indent, tojson, filesizeformat, urlencode.
    {"{{ 'foo bar baz qux'|truncate(9) }}|{{ 'foo bar baz qux'|truncate(9, true) }}|"
     "{{ 'foo bar baz qux'|truncate(11) }}|{{ 'foo bar baz qux'|truncate(11, false, '...', 0) }}|"
     "{{ 'foo bar baz qux'|truncate(5, end='>') }}|{{ (x ~ ' ' ~ x)|e|truncate(20, end='<') }}|"
     "{{ 'abc'|truncate }}|{{ 'a b'|truncate(3, leeway=0, end='') }}",
     kX},
    {"{{ 'abcdef'|truncate(2) }}", kX},
    {"{{ 'abcdef'|truncate(4, leeway=-1) }}", kX},
    {"{{ 12345|truncate(3) }}", kX},
    {"{{ 'a\nb\n\nc'|indent }}|{{ 'a\nb\n\nc'|indent(2, true, true) }}|"
     "{{ 'a\r\nb'|indent('> ') }}|{{ ''|indent(first=true) }}|{{ ('<a>\n<b>'|safe)|indent }}|"
     "{% autoescape true %}{{ ('<a>\n<b>'|safe)|indent }}{{ '<a>\nb'|indent }}{% endautoescape %}",
     kX},
    {"{{ 3|indent }}", kX},
    {"{{ 'a\nb'|indent(1.5) }}", kX},
    {"{{ d|tojson }}|{{ {'b': [1, \"x<y>&'z\"], 'a': none}|tojson }}|{{ l|tojson(2) }}|"
     "{{ 'é'|tojson }}|{% autoescape true %}{{ x|tojson }}{% endautoescape %}|{{ [1]|tojson(0) }}",
     kX},
    {"{{ {1: set()}|tojson }}", kX},
    {"{{ 1|filesizeformat }}|{{ 0|filesizeformat }}|{{ 999|filesizeformat }}|"
     "{{ 1000|filesizeformat }}|{{ 1536|filesizeformat(true) }}|{{ '2500000'|filesizeformat }}|"
     "{{ 10**30|filesizeformat }}|{{ -5|filesizeformat }}|{{ 1234567890|filesizeformat }}",
     kX},
    {"{{ 'abc'|filesizeformat }}", kX},
    {"{{ 'a b/c?d=é&'|urlencode }}|{{ d|urlencode }}|{{ [('a b', 1), ('c', 'd&e')]|urlencode }}|"
     "{{ 42|urlencode }}|{{ none|urlencode }}|{{ y|urlencode }}",
     kX},
    {"{{ [1, 2]|urlencode }}", kX},
    {"{{ 'a b_c  d-e'|wordcount }}|{{ 'héllo wörld ½ ٣'|wordcount }}|{{ ''|wordcount }}|"
     "{{ 12|wordcount }}|{{ y|wordcount }}",
     kX},
    {"<a{{ {'href': x, 'n': none, 'u': y, 'class': 'c d', 'k': 1}|xmlattr }}>|"
     "{{ {'a': 1}|xmlattr(false) }}|{{ {}|xmlattr }}|{% autoescape true %}"
     "<a{{ {'t': x}|xmlattr }}>{% endautoescape %}",
     kX},
    {"{{ {'a b': 1}|xmlattr }}", kX},
    // random: only what has one answer.
    {"{{ [5]|random }}|{{ 'a'|random }}|{{ []|random }}|{{ (1,)|random }}|{{ ''|random }}|"
     "{{ {0: 'z'}|random }}|{{ [x]|random|e }}",
     kX},
    {"{{ l|select|random }}", kX},
    {"{{ {'k': 1}|random }}", kX},
    {"{{ 3|random }}", kX},
    {"{{ {'a/': 1}|xmlattr }}", kX},
    {"{{ 3|xmlattr }}", kX},
    // batch and slice: generators of lists; groupby: (grouper, list) tuples.
    {"{{ range(7)|batch(3) }}|{{ range(7)|batch(3)|list }}|{{ range(7)|batch(3, 'x')|list }}|"
     "{{ range(6)|batch(3, 'x')|list }}|{{ []|batch(2)|list }}|{{ range(3)|batch(2.0)|list }}|"
     "{{ range(3)|batch('2')|list }}|{{ range(3)|batch(0)|list }}|{{ range(3)|batch(-1)|list }}",
     kX},
    {"{{ range(3)|batch(2.0, 0)|list }}", kX},
    {"{{ range(7)|slice(3) }}|{{ range(7)|slice(3)|list }}|{{ range(7)|slice(3, 'x')|list }}|"
     "{{ range(2)|slice(4)|list }}|{{ []|slice(2)|list }}|{{ range(3)|slice(-1)|list }}|"
     "{% for col in range(5)|slice(2) %}[{{ col|join }}]{% endfor %}",
     kX},
    {"{{ []|slice(0)|list }}", kX},
    {"{{ range(3)|slice('2')|list }}", kX},
    {"{{ range(3)|batch }}", kX},
    {"{% for g in rows|groupby('c') %}{{ g.grouper }}:{{ g.list|map(attribute='n')|join }};"
     "{% endfor %}|{% for k, v in rows|groupby('c') %}{{ k }}{{ v|length }}{% endfor %}|"
     "{{ rows|groupby('c')|first }}|{{ (rows|groupby('c'))[0][0] }}|{{ rows|groupby('c')|length }}",
     "{'rows': [{'c': 'b', 'n': 1}, {'c': 'A', 'n': 2}, {'c': 'a', 'n': 3}, {'c': 'B', 'n': 4}]}"},
    {"{% for g in rows|groupby('c', case_sensitive=true) %}{{ g.grouper }}{{ g.list|length }}"
     "{% endfor %}|{% for g in rows|groupby('d.e', default='z') %}{{ g.grouper }}{{ g.list|length "
     "}}"
     "{% endfor %}|{% for g in rows|groupby(attribute='n') %}{{ g.grouper }}{% endfor %}|"
     "{{ rows|groupby('c')|map(attribute='grouper')|join }}",
     "{'rows': [{'c': 'b', 'n': 1, 'd': {'e': 1}}, {'c': 'A', 'n': 2}, {'c': 'a', 'n': 3}]}"},
    {"{{ rows|groupby('c') }}", "{'rows': [{'c': 1}, {'c': 2}]}"},
    {"{{ rows|groupby }}", "{'rows': []}"},
    {"{% for a in l|reverse %}{{ loop.index }}{{ a }}{{ loop.length }}{% endfor %}|"
     "{% for a in l|select if a != 'b' %}{{ a }}{% endfor %}",
     kX},
};

TEST_F(RenderTemplateMarkup, MatchesJinja2) {
  expect_matches_jinja(kMarkupCases, [this](const std::string& script) { return run(script); });
}

// A Markup kept by a script is a str there (it compares and measures as one)
// and is still Markup when it comes back into a template.
TEST_F(RenderTemplateMarkup, MarkupIsAStrOutside) {
  EXPECT_EQ(run("kept = []\n"
                "frappe.render_template(\"{{ keep(x|e) }}\", {'keep': kept.append, 'x': '<'})\n"
                "m = kept[0]\n"
                "print(m, m == '&lt;', isinstance(m, str), len(m), m.upper())\n"
                "print(frappe.render_template('{% autoescape true %}{{ m + \"<\" }}{{ m }}"
                "{% endautoescape %}', {'m': m}))\n"),
            "&lt; True True 4 &LT;\n&lt;&lt;&lt;\n");
}

}  // namespace
}  // namespace quire::scripting::testing
