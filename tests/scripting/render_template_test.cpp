// frappe.render_template against the real Jinja2 (python3's jinja2, as
// Frappe configures it: SandboxedEnvironment, DebugUndefined, autoescape
// off, Frappe's int/str/flt/len filters), case by case; then the parts
// Frappe adds around Jinja (Illegal template, Jinja Template Error) and the
// sandbox: a template reaches nothing a script cannot.

#include "jinja_reference.h"

namespace quire::scripting::testing {
namespace {

using RenderTemplate = ScriptingTest;

// Common template shapes first (print formats, email bodies), then the rest.
const std::vector<TemplateCase> kCases = {
    {"Hello {{ name }}!", "{'name': 'World'}"},
    {"{{ doc.customer }} owes {{ doc.amount }}", "{'doc': {'customer': 'ACME', 'amount': 12.5}}"},
    {"{{ doc['customer'] }} {{ doc.missing }} {{ doc['missing'] }}", "{'doc': {'customer': 'A'}}"},
    {"{{ missing }} and {{ missing|default('fallback') }}", "{}"},
    {"{{ none|default('d') }} {{ none|default('d', true) }} {{ ''|d('e', true) }}", "{}"},
    {"{% if x > 1 %}big{% elif x == 1 %}one{% else %}small{% endif %}", "{'x': 1}"},
    {"{% if items %}has{% else %}none{% endif %}|{% if not items %}empty{% endif %}",
     "{'items': []}"},
    {"{% for i in items %}{{ loop.index }}:{{ i }}{% if not loop.last %}, {% endif %}{% endfor %}",
     "{'items': ['a', 'b', 'c']}"},
    {"{% for i in items %}{{ loop.index0 }}{{ loop.first }}{{ loop.revindex }}{{ loop.length }}"
     "{% endfor %}",
     "{'items': [1, 2]}"},
    {"{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "{'d': {'a': 1, 'b': 2}}"},
    {"{% for x in [] %}x{% else %}empty{% endfor %}", "{}"},
    {"{% for x in items if x > 1 %}{{ x }}{{ loop.index }} {% endfor %}", "{'items': [1, 2, 3]}"},
    {"{% for row in rows %}{{ row.qty * row.rate }}|{% endfor %}",
     "{'rows': [{'qty': 2, 'rate': 1.5}, {'qty': 3, 'rate': 10}]}"},
    {"{{ loop }}{% for a in [1] %}{% for b in [2, 3] %}{{ a }}{{ b }}{{ loop.index }} "
     "{% endfor %}{% endfor %}",
     "{}"},
    {"{% set total = 0 %}{% for i in [1, 2] %}{% set total = total + i %}[{{ total }}]{% endfor %}"
     "{{ total }}",
     "{}"},
    {"{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}"
     "{% endfor %}{{ ns.total }}",
     "{}"},
    {"{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set c %}cap {{ a }}{% endset %}[{{ c }}]", "{}"},
    {"{{ name|upper }} {{ name|lower }} {{ name|title }} {{ name|capitalize }} {{ name|length }}",
     "{'name': \"hello wORLD-it's (me)\"}"},
    {"[{{ '  x  '|trim }}] {{ 'a-b-a'|replace('a', 'z') }} {{ 'aaa'|replace('a', 'b', 2) }}", "{}"},
    {"{{ items|join(', ') }} {{ items|join }} {{ rows|join('/', attribute='n') }}",
     "{'items': [1, 'b', 2.5], 'rows': [{'n': 'x'}, {'n': 'y'}]}"},
    {"{{ items|first }} {{ items|last }} {{ []|first }} {{ items|list }} {{ 'ab'|list }}",
     "{'items': [3, 1, 2]}"},
    {"{{ items|sort }} {{ items|sort(reverse=true) }} {{ words|sort }} {{ words|sort(true, true) "
     "}}",
     "{'items': [3, 1, 2], 'words': ['b', 'A', 'c']}"},
    {"{{ rows|sort(attribute='n')|map(attribute='n')|join }} {{ rows|sum(attribute='v') }}",
     "{'rows': [{'n': 'b', 'v': 1}, {'n': 'a', 'v': 2.5}]}"},
    {"{{ d|dictsort }} {{ d|dictsort(by='value') }} {{ d|dictsort(reverse=true) }}",
     "{'d': {'b': 1, 'A': 3, 'c': 2}}"},
    {"{{ [1, 2, 3]|sum }} {{ -5|abs }} {{ 2.5|round }} {{ 3.14159|round(2) }} "
     "{{ 2.7|round(0, 'floor') }} {{ 2.1|round(1, 'ceil') }}",
     "{}"},
    {"{{ '3'|int }} {{ 'x'|int }} {{ '2.7'|int }} {{ '1.5'|float }} {{ 'x'|float }} "
     "{{ 'x'|float(9) }} {{ 2|string }} {{ none|str }} {{ '3.5'|flt }}",
     "{}"},
    {"{{ html|e }} {{ html|escape }} {{ html|safe }} {{ html }}",
     "{'html': '<a href=\"x\">Tom & \\'J\\'</a>'}"},
    {"{{ '%s has %d'|format('x', 3) }} {{ '%(a)s!'|format(a=1) }}", "{}"},
    {"{{ 'x' is defined }} {{ y is defined }} {{ y is undefined }} {{ 3 is odd }} {{ 4 is even }} "
     "{{ 9 is divisibleby 3 }} {{ none is none }} {{ 1 is number }} {{ 's' is string }} "
     "{{ {} is mapping }} {{ [] is sequence }} {{ 1 is not string }}",
     "{}"},
    {"{{ 1 is eq 1 }} {{ 2 is gt 1 }} {{ 2 is in [1, 2] }} {{ 'A' is upper }} {{ true is true }} "
     "{{ 1 is integer }} {{ 1.0 is float }} {{ true is boolean }}",
     "{}"},
    {"{{ 1 + 2 * 3 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} "
     "{{ 'a' ~ 1 ~ none ~ 2.5 }} {{ 'a' + 'b' }} {{ [1] + [2] }}",
     "{}"},
    {"{{ 1 < 2 < 3 }} {{ 1 == 1.0 }} {{ 'a' in 'cat' }} {{ 3 not in [1] }} {{ not true }} "
     "{{ 0 or 'x' }} {{ 1 and 'y' }} {{ none or [] }}",
     "{}"},
    {"{{ 'yes' if flag else 'no' }}|{{ 'yes' if flag }}|{{ x if x is defined else 'undef' }}",
     "{'flag': 0}"},
    {"{{ (1, 2) }} {{ [1, 'a', none, true] }} {{ {'a': 1} }} {{ 1, 2 }} {{ () }}", "{}"},
    {"{{ s[1:] }} {{ s[:-1] }} {{ s[::2] }} {{ items[0] }} {{ items.1 }} {{ items[5] }}",
     "{'s': 'abcd', 'items': [10, 20]}"},
    {"{{ d.get('a') }} {{ d.get('z', 'dflt') }} {{ d.keys()|list }} {{ s.upper() }} "
     "{{ s.split(',') }} {{ '%s-%s' % (1, 2) }} {{ '{}!'.format(s) }}",
     "{'d': {'a': 1}, 's': 'a,b'}"},
    {"a\n  {%- if true -%}\n  b\n  {%- endif %}\nc {# comment #}d {#- trimmed -#}  e\n", "{}"},
    {"{% raw %}{{ not rendered }}{% endraw %} {{ 'done' }}", "{}"},
    {"line1\r\nline2\n\n", "{}"},
    {"{{ \"dq\\n\" }}{{ 'sq\\t\\'q\\'' }}{{ 'x' 'y' }}{{ '\\u00e9' }}", "{}"},
    {"{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a }}", "{}"},
    {"{{ range(3)|list }} {{ dict(a=1) }} {{ sum([1, 2]) }} {{ max([1, 5]) }} {{ len }}", "{}"},
    {"{{ items|map('upper')|join }} {{ items|select('upper')|list }} {{ nums|reject('odd')|list }} "
     "{{ rows|selectattr('ok')|map(attribute='n')|join }}",
     "{'items': ['a', 'B'], 'nums': [1, 2, 3, 4], 'rows': [{'n': 1, 'ok': True}, {'n': 2, 'ok': "
     "False}]}"},
    {"{{ items|min }} {{ items|max }} {{ items|unique|list }} {{ items|reverse|list }} "
     "{{ 'abc'|reverse }} {{ 'x'|center(5) }}|",
     "{'items': [3, 1, 3, 2]}"},
    {"{{ d.x.y }}|{{ d['x']['y'] }}", "{'d': {'x': {'y': 'deep'}}}"},
    {"{% for i in range(3) %}{{ loop.cycle('odd', 'even') }}{{ loop.previtem }}{% endfor %}", "{}"},
    {"{{ json.dumps({'a': [1, 2]}) }} {{ {'b': 1, 'a': 2}|json }} {{ [1]|len }}", "{}"},
    {"{{ x }}", "{'x': None}"},
    {"{{ 12345678901234567890 * 10 }} {{ 1.5e3 }} {{ 1_000 }} {{ 0.1 + 0.2 }}", "{}"},
    // String literals decode as Python's unicode-escape (jinja's lexer): octal,
    // \N{...}, a backslash before a non-ASCII character; bad escapes are a
    // TemplateSyntaxError with the codec's wording.
    {R"({{ '\101\60\0|\777|\N{BULLET}|\q\é|\\é' }})", "{}"},
    {R"({{ "a\
b" }})",
     "{}"},
    {R"({{ '\x4' }})", "{}"},
    {R"({{ '\xZZ' }})", "{}"},
    {R"(ok {{ 'x' }}
{{ '\u12' }})",
     "{}"},
    {R"({{ '\U00110000' }})", "{}"},
    {R"({{ '\N{NO SUCH NAME}' }})", "{}"},
    {R"({{ '\N' }})", "{}"},
    {R"({{ '\N{BULLET' }})", "{}"},
    // Macros and call blocks (jinja2.runtime.Macro's argument binding).
    {"{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}"
     "{{ greet('A') }} {{ greet('B', greeting='Hi') }} {{ greet(greeting='Yo', name='C') }}",
     "{}"},
    {"{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1) }}", "{}"},
    {"{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1, 2, 3) }}", "{}"},
    {"{% macro m(a) %}{% endmacro %}{{ m(1, z=2) }}", "{}"},
    {"{% macro m(a) %}{% endmacro %}{{ m(1, a=2) }}", "{}"},
    {"{% macro v(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ v(1, 2, x=3) }}|{{ v() }}",
     "{}"},
    {"{% macro box(t) %}<b>{{ t }}:{{ caller() }}</b>{% endmacro %}"
     "{% call box('T') %}inner {{ x }}{% endcall %}",
     "{'x': 'X'}"},
    {"{% macro lst(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}"
     "{% endmacro %}{% call(item, n) lst([1, 2]) %}{{ n }}={{ item }};{% endcall %}",
     "{}"},
    {"{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}",
     "{}"},
    {"{% macro m(a, b=2) %}{% endmacro %}{{ m.name }} {{ m.arguments }} {{ m.catch_kwargs }} "
     "{{ m.catch_varargs }} {{ m.caller }} {{ m }}",
     "{}"},
    {"{% set g = 'G' %}{% macro s() %}{{ g }}{{ x }}{{ late }}{% endmacro %}{% set late = 1 %}"
     "{{ s() }}",
     "{'x': 'X'}"},
    {"{% macro s() %}{{ i }}{% endmacro %}{% for i in [1] %}{{ s() }}{% endfor %}", "{}"},
    {"{{ m2() }}{% macro m2() %}x{% endmacro %}", "{}"},
    {"{% macro m() %}{% set y = 1 %}{{ y }}{% endmacro %}{{ m() }}{{ y }}", "{}"},
    {"{% macro d(a, b=a) %}{{ b }}{% endmacro %}{{ d(3) }}", "{}"},
    {"{% macro c() %}{{ caller }}{% endmacro %}{{ c() }}", "{}"},
    {"{% macro m() %}ab{% endmacro %}{{ m()|upper }} {{ m()|length }} {{ m() ~ 'c' }}", "{}"},
    {"{% macro box(t) %}({{ caller() }}){% endmacro %}"
     "{% for i in [1, 2] %}{% call box(i) %}{{ i }}{{ x }}{% endcall %}{% endfor %}",
     "{'x': 'X'}"},
    {"{% macro m(a) %}{{ a }}{% endmacro %}{{ m(caller=1) }}", "{}"},
    {"{% macro m() %}{{ caller() }}{% endmacro %}{{ m(caller=1) }}", "{}"},
    {"{% set x = 1 %}{% macro m(x) %}{{ x }}{% endmacro %}{{ m(2) }}{{ x }}", "{}"},
    {"{% macro m() %}{{ 1 / 0 }}{% endmacro %}{{ m() }}", "{}"},
    {"{% macro outer() %}{% macro inner() %}I{% endmacro %}{{ inner() }}O{% endmacro %}"
     "{{ outer() }}{{ inner }}",
     "{}"},
    {"{% call(x) m() %}{% endcall %}", "{}"},
    {"{% macro %}{% endmacro %}", "{}"},
    {"{% macro m(a=1, b) %}{% endmacro %}", "{}"},
    {"{% macro m(1) %}{% endmacro %}", "{}"},
    {"{% macro m() %}", "{}"},
    {"{% call m() %}", "{}"},
    {"{% endmacro %}", "{}"},
    {"{% call m %}{% endcall %}", "{}"},
    {"{% macro m() %}{% endmacro x %}", "{}"},
    // Filter blocks and blocks (rendered in place: nothing extends them).
    {"{% filter upper %}abc {{ x }}{% endfilter %}|{% filter replace('a', 'b')|upper %}aa"
     "{% endfilter %}",
     "{'x': 'X'}"},
    {"{% block b %}in block {{ x }}{% endblock %} after{% block c %}C{% endblock c %}",
     "{'x': 'X'}"},
    {"{% for i in [1] %}{% block b %}[{{ i }}]{% endblock %}{% block c scoped %}[{{ i }}]"
     "{% endblock %}{% endfor %}",
     "{}"},
    {"{% block b %}{% endblock %}{% block b %}{% endblock %}", "{}"},
    // Tags that need a template loader: Frappe's finds app templates, quire has
    // none (the reference uses an empty loader).
    {"a{% include 'x.html' %}", "{}"},
    {"a{% include 'x.html' ignore missing %}b{% include 'y.html' ignore missing with context %}",
     "{}"},
    {"{% include ['a.html', 'b.html'] %}", "{}"},
    {"{% extends 'base.html' %}{% block b %}{% endblock %}", "{}"},
    {"{% import 'm.html' as m %}", "{}"},
    {"{% from 'm.html' import a, b as c with context %}", "{}"},
    {"{% if false %}{% include 'x.html' %}{% endif %}ok", "{}"},
    {"{% include 'x.html' with context %}", "{}"},
    {"{% import 'm.html' %}", "{}"},
    // Frappe's environment enables no extension: no trans, no do. Autoescape
    // is built in (off by default, as in Frappe).
    {"{% trans %}x{% endtrans %}", "{}"},
    {"{% if 1 %}{% trans count=2 %}{% endif %}", "{}"},
    {"{% do [].append(1) %}", "{}"},
    {"{% autoescape false %}{% set y = 1 %}{{ '<' }}{{ y }}{% endautoescape %}{{ y }}", "{}"},
    {"{% autoescape x %}{{ '<b>'|e }}{% endautoescape %}", "{}"},
    {"{% autoescape %}{% endautoescape %}", "{}"},
    {"{% autoescape false %}", "{}"},
};

TEST_F(RenderTemplate, MatchesJinja2) {
  expect_matches_jinja(kCases, [this](const std::string& script) { return run(script); });
}

TEST_F(RenderTemplate, FrappeChecksAroundJinja) {
  // Empty template: "" before anything else; a template path: no loader here.
  EXPECT_EQ(run("print(repr(frappe.render_template('', {})), "
                "repr(frappe.render_template(None, None)))\n"
                "print(frappe.render_template('{{ 1 }}'))\n"),
            "'' ''\n1\n");
  EXPECT_EQ(run("frappe.render_template('templates/emails/x.html', {})\n"),
            "jinja2.exceptions.TemplateNotFound: templates/emails/x.html");
  // safe_render: ".__" anywhere is refused before parsing (jinja.py).
  EXPECT_EQ(run("frappe.render_template(\"{{ ''.__class__ }}\", {})\n"),
            "ValidationError: Illegal template");
}

// Autoescape on escapes what a script passes in (render_template_markup_test
// compares the rest with jinja2).
TEST_F(RenderTemplate, AutoescapeOnEscapes) {
  EXPECT_EQ(run("print(frappe.render_template(\"{% autoescape true %}{{ v }}{{ v|safe }}"
                "{% endautoescape %}\", {'v': '<b>'}))\n"),
            "&lt;b&gt;<b>\n");
}

TEST_F(RenderTemplate, TemplateErrorsBecomeJinjaTemplateError) {
  std::string out = run("frappe.render_template('a\\n{% if x %}\\nb', {})\n");
  EXPECT_EQ(out,
            "ValidationError: <pre>a\n{% if x %}\nb</pre><pre>Traceback (most recent call "
            "last):\n  File \"<template>\", line 3, in template\n"
            "jinja2.exceptions.TemplateSyntaxError: Unexpected end of template. Jinja was looking "
            "for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs "
            "to be closed is 'if'.\n</pre>");
  ASSERT_FALSE(last_messages.empty());
  EXPECT_EQ(last_messages.back()["title"], "Jinja Template Error");
  out = run("frappe.render_template('ok\\n{{ x.y }}', {})\n");
  EXPECT_NE(out.find("line 2, in template\njinja2.exceptions.UndefinedError: 'x' is undefined"),
            std::string::npos)
      << out;
  EXPECT_NE(
      run("frappe.render_template('{{ x }', {})\n").find("TemplateSyntaxError: unexpected '}'"),
      std::string::npos);
  EXPECT_NE(
      run("frappe.render_template('{% nosuch %}', {})\n").find("Encountered unknown tag 'nosuch'."),
      std::string::npos);
  EXPECT_NE(run("frappe.render_template('{{ 1|nosuch }}', {})\n").find("No filter named 'nosuch'."),
            std::string::npos);
  // Other exceptions pass through unchanged, as in Frappe.
  EXPECT_EQ(run("frappe.render_template('{{ 1 / 0 }}', {})\n"),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(run("frappe.render_template(\"{{ frappe.throw('no') }}\", {})\n"),
            "ValidationError: no");
}

TEST_F(RenderTemplate, MacrosStayInsideTheirRender) {
  // A macro kept after its template finished cannot reach the finished walk.
  EXPECT_EQ(
      run("kept = []\n"
          "print(frappe.render_template('{% macro m() %}x{% endmacro %}{{ m() }}{{ keep(m) }}',"
          " {'keep': kept.append}))\n"
          "kept[0]()\n"),
      "xNone\njinja2.exceptions.TemplateError: a macro can only be called while its template "
      "renders (it was kept after render_template returned)");
  // Unbounded macro recursion stops like recursion.
  EXPECT_EQ(run("frappe.render_template('{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}', {})\n"),
            "RecursionError: maximum recursion depth exceeded");
  // include & co: no template folders (Frappe's Jinja Template Error).
  std::string out = run("frappe.render_template(\"x{% include 'footer.html' %}\", {})\n");
  EXPECT_NE(out.find("jinja2.exceptions.TemplateNotFound: footer.html\n"), std::string::npos)
      << out;
}

TEST_F(RenderTemplate, ScriptValuesAndFrappeGlobals) {
  insert(Json{{"doctype", "ToDo"}, {"description", "Call ACME"}});
  EXPECT_EQ(run("rows = frappe.get_all('ToDo', fields=['description'])\n"
                "print(frappe.render_template("
                "'{% for r in rows %}{{ r.description|upper }}{% endfor %} '\n"
                "  '{{ frappe.session.user }} {{ frappe.utils.flt(\"2.50\") }} {{ _(\"Hi\") }}', "
                "{'rows': rows}))\n"
                "def shout(s):\n"
                "    return s + '!'\n"
                "print(frappe.render_template('{{ shout(x) }}', {'shout': shout, 'x': 'hey'}))\n"
                "print(frappe.render_template('{{ n }}', _dict(n=5)))\n"),
            "CALL ACME Administrator 2.5 Hi\nhey!\n5\n");
}

TEST_F(RenderTemplate, SandboxHolds) {
  // Refused attributes are Jinja's "unsafe" Undefined: printed as a notice,
  // an error when used; nothing of the object's internals is reachable.
  EXPECT_EQ(run("print(frappe.render_template(\"{{ ''['__class__'] }}\", {}))\n"),
            "{{ undefined value printed: access to attribute '__class__' of 'str' object is "
            "unsafe. }}\n");
  EXPECT_NE(run("frappe.render_template(\"{{ x['__globals__'].y }}\", {'x': frappe.get_doc})\n")
                .find("SecurityError: access to attribute '__globals__'"),
            std::string::npos);
  EXPECT_EQ(run("print(frappe.render_template('{{ x[k] }}', {'x': 'abc', 'k': '_' + '_class__'}, "
                "safe_render=False))\n"),
            "{{ undefined value printed: access to attribute '__class__' of 'str' object is "
            "unsafe. }}\n");
  EXPECT_EQ(run("print(frappe.render_template('{{ x.gi_frame }}|{{ open }}|{{ getattr }}', "
                "{'x': 1}))\n"),
            "{{ undefined value printed: access to attribute 'gi_frame' of 'int' object is "
            "unsafe. }}|{{ open }}|{{ getattr }}\n");
  // The script's limits hold inside a template.
  // (A loop lists its items first: a huge range is a memory error, the
  // language's or the run's limit, whichever the allocation meets first.)
  std::string out =
      run("frappe.render_template('{% for i in range(10**9) %}{{ i }}{% endfor %}', {})\n");
  EXPECT_TRUE(out.rfind("ScriptTimeoutError", 0) == 0 || out.rfind("MemoryError", 0) == 0 ||
              out.rfind("ScriptMemoryError", 0) == 0)
      << out;
  out =
      run("frappe.render_template('{% for i in range(100000) %}{{ s }}{% endfor %}', "
          "{'s': 'x' * 10**6})\n");
  EXPECT_TRUE(out.rfind("MemoryError", 0) == 0 || out.rfind("ScriptTimeoutError", 0) == 0) << out;
  // A template rendering itself is bounded.
  EXPECT_NE(run("t = '{{ frappe.render_template(t, {\"t\": t}) }}'\n"
                "frappe.render_template(t, {'t': t})\n")
                .find("RecursionError"),
            std::string::npos);
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

// Every prefix of every template above (unclosed tags, cut strings, half
// operators) renders or fails with an exception: never a crash, never a hang.
TEST_F(RenderTemplate, EveryPrefixFailsCleanly) {
  std::string list = "[";
  for (const auto& c : kCases) list += Json(c.tmpl).dump() + ", ";
  list += "]";
  EXPECT_EQ(run("count = 0\n"
                "for t in " +
                list +
                ":\n"
                "    for i in range(len(t) + 1):\n"
                "        try:\n"
                "            frappe.render_template(t[:i], {'items': [1, 2], 'd': {'a': 1}})\n"
                "        except Exception:\n"
                "            count += 1\n"
                "print('done', count > 0)\n"),
            "done True\n");
}

}  // namespace
}  // namespace quire::scripting::testing
