// Language semantics compared with CPython: each program runs under quire
// and under python3; stdout and the final exception line must be identical.

#include <gtest/gtest.h>

#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

struct Case {
  const char* name;
  const char* source;
};

const Case kCases[] = {
    {"adversarial_inputs",
     "import_ok = True\ndef f(n): return f(n+1)\ntry: f(0)\nexcept RecursionError as e: "
     "print(\"rec\", e)\na = []; a.append(a); print(a)\nd = {}; d['d'] = d; print(d)\ntry: \"x\" * "
     "(10**12)\nexcept MemoryError: print(\"mem\")\nclass R:\n    def __repr__(self): raise "
     "ValueError(\"bad repr\")\ntry: print([R()])\nexcept ValueError as e: print(\"repr err\", "
     "e)\ntry: sorted([3, 1, 2], key=lambda x: 1 / (x - 1))\nexcept ZeroDivisionError as e: "
     "print(\"key err\", e)\nd = {1: 1, 2: 2}\ntry:\n    for k in d: d[k + 10] = 0\nexcept "
     "RuntimeError as e: print(e)\ndef g():\n    yield 1\n    raise ValueError(\"in gen\")\ntry: "
     "print(list(g()))\nexcept ValueError as e: print(\"gen\", e)\nfs = [lambda: i for i in "
     "range(3)]; print([h() for h in fs])\nclass E:\n    def __eq__(self, o): raise TypeError(\"no "
     "eq\")\n    __hash__ = None\ntry: print(E() in [1, 2, E()])\nexcept TypeError as e: "
     "print(e)\nx = [1, 2, 3]\ndef bad(v):\n    x.clear()\n    return v\nprint(sorted(x, key=bad), "
     "x)\ntry: [].pop()\nexcept IndexError as e: print(e)\ngen = (i for i in range(3)); next(gen); "
     "print(list(gen), list(gen))\ntry: raise KeyError(\"k\") from ValueError(\"v\")\nexcept "
     "KeyError as e: print(repr(e), repr(e.__cause__))\ntry:\n    try: 1/0\n    finally: "
     "print(\"fin\")\nexcept ZeroDivisionError: print(\"outer\")\ndef deep():\n    try:\n        "
     "return deep()\n    finally:\n        pass\ntry: deep()\nexcept RecursionError: print(\"deep "
     "finally ok\")\nprint(int(\"  -12_3 \"), float(\" 1e3 \"), int(\"0x1f\", 16), str(10**30), "
     "-(2**63), 2**63 // -1)\n"},
    {"arithmetic",
     "print(1 + 2 * 3, 7 // 2, -7 // 2, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4)\n"
     "print(9223372036854775807 + 1, -9223372036854775808 - 1, 3 ** 50)\n"
     "print(0.1 + 0.2, 1e16, 1e-5, 1.5e300 * 1.0, -0.0, 7.0 // 2, -7.0 % 3)\n"},
    {"truthiness_or_default",
     "for v in [None, '', 0, 0.0, [], {}, (), 'x', 1, [0]]:\n"
     "    print(repr(v), bool(v), v or 'default', v and 'yes')\n"},
    {"strings",
     "s = '  Hello, World  '\n"
     "print(s.strip(), s.lower(), s.upper(), s.split(','), '-'.join(['a','b']))\n"
     "print('abc'.startswith('a'), 'abc'.endswith(('x','c')), 'a,b,,c'.split(','))\n"
     "print('x'.zfill(4), '-5'.zfill(4), 'title case'.title(), 'abcabc'.replace('b','B',1))\n"
     "print('abc'.find('c'), 'abc'.find('z'), 'héllo'[1], 'héllo'[1:3], len('héllo'))\n"},
    {"fstrings",
     "x = 1234.5678\nn = 'ab'\n"
     "print(f'{x:,.2f}|{x:,.0f}|{n!r}|{n:>5}|{42:05d}|{x=}|{0.5:.0%}')\n"},
    {"percent_and_format",
     "print('%s has %d items costing %.2f' % ('cart', 3, 9.5))\n"
     "print('{} {name} {0}'.format('a', name='n'), format(3.14159, '.3f'))\n"},
    {"lists",
     "a = [3, 1, 2]\na.append(5)\na.insert(0, 9)\na.sort()\nprint(a, a.pop(), a.index(2))\n"
     "a.extend([7, 7])\nprint(a.count(7), a[::-1], a[1:-1], sorted(a, reverse=True))\n"
     "print(sorted(['bb', 'a', 'ccc'], key=len), min(a), max(a), sum(a))\n"},
    {"dicts",
     "d = {'a': 1}\nd['b'] = 2\nd.update(c=3)\nprint(d, d.get('z'), d.get('z', 0), list(d))\n"
     "print(d.pop('a'), d.setdefault('e', 5), list(d.items()), 'b' in d)\n"
     "print({k: v * 2 for k, v in d.items() if v > 2})\n"},
    {"control_flow",
     "for i in range(5):\n    if i == 3:\n        break\nelse:\n    print('no')\n"
     "n = 0\nwhile n < 10:\n    n += 3\n    if n == 6:\n        continue\n    print(n)\n"
     "print([x for x in range(10) if x % 3 == 0], 1 < 2 < 3, 1 < 3 < 2)\n"},
    {"functions_closures",
     "def outer(k):\n    def inner(x, *, scale=1):\n        return (x + k) * scale\n"
     "    return inner\nf = outer(10)\nprint(f(1), f(1, scale=3))\n"
     "def count():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n"
     "        return n\n    return inc\nc = count()\nc()\nprint(c())\n"
     "def va(*a, **k):\n    return a, k\nprint(va(1, 2, x=3), va(*[4], **{'y': 5}))\n"},
    {"generators",
     "def gen(n):\n    for i in range(n):\n        yield i * i\n"
     "print(list(gen(4)), sum(x for x in range(5)), next(iter([9])))\n"
     "def g2():\n    yield from gen(3)\n    yield 'end'\nprint(list(g2()))\n"},
    {"exceptions",
     "try:\n    {}['k']\nexcept KeyError as e:\n    print('key', e)\n"
     "try:\n    int('x')\nexcept (TypeError, ValueError) as e:\n    print(type(e).__name__, "
     "e)\nfinally:\n    print('fin')\n"
     "def f():\n    try:\n        return 1\n    finally:\n        print('cleanup')\nprint(f())\n"},
    {"classes",
     "class A:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        "
     "return f'A({self.x})'\n"
     "    def __eq__(self, o):\n        return self.x == o.x\n"
     "class B(A):\n    def __init__(self, x):\n        super().__init__(x * 2)\n"
     "print(A(1), B(1), A(2) == B(1), isinstance(B(1), A))\n"},
    {"uncaught_zero_division", "x = 1\nprint('before')\nprint(x / 0)\n"},
    {"uncaught_name_error", "print(undefined_name)\n"},
    {"uncaught_type_error", "print(1 + 'a')\n"},
    {"uncaught_attribute_error", "d = {}\nd.foo\n"},
    {"uncaught_index_error", "[1][5]\n"},
    {"none_ordering", "print(None < 0)\n"},
    {"rounding",
     "print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(1250, -2))\n"},
};

class Semantics : public ::testing::TestWithParam<Case> {};

TEST_P(Semantics, MatchesCPython) {
  const Case& c = GetParam();
  Outcome expected = run_python(c.source);
  Outcome got = run_quire(c.source);
  EXPECT_EQ(got.out, expected.out);
  EXPECT_EQ(got.error_line, expected.error_line);
}

INSTANTIATE_TEST_SUITE_P(Programs, Semantics, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace quire::lang::test
