// Binary operators between builtin values and user classes, compared with
// CPython: a builtin type that does not know the other operand answers
// NotImplemented so the user class's __radd__/__rsub__/__lt__... runs exactly
// when CPython runs it, and the TypeError when nobody answers is CPython's.

#include <gtest/gtest.h>

#include "lang/lib/stdlib_modules.h"
#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

struct Case {
  const char* name;
  const char* source;
};

// Every builtin type on the left of a user class that defines all reflected
// methods, of one that defines none, and on the right of the latter.
constexpr const char* kReflectedEverywhere = R"py(import datetime
class R:
    def __radd__(self, o): return ("radd", repr(o))
    def __rsub__(self, o): return ("rsub", repr(o))
    def __rmul__(self, o): return ("rmul", repr(o))
    def __ror__(self, o): return ("ror", repr(o))
    def __rand__(self, o): return ("rand", repr(o))
    def __rxor__(self, o): return ("rxor", repr(o))
    def __rtruediv__(self, o): return ("rtruediv", repr(o))
    def __rfloordiv__(self, o): return ("rfloordiv", repr(o))
    def __rmod__(self, o): return ("rmod", repr(o))
    def __rpow__(self, o): return ("rpow", repr(o))
    def __rlshift__(self, o): return ("rlshift", repr(o))
    def __rrshift__(self, o): return ("rrshift", repr(o))
    def __rmatmul__(self, o): return ("rmatmul", repr(o))
class N:
    pass
vals = [1, 2.5, True, 10**30, "s", [1], (1,), {1: 2}, {1}, frozenset([1]), None, b"x",
        datetime.date(2020,1,1), datetime.datetime(2020,1,1), datetime.timedelta(1), datetime.time(1), range(3)]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
       ("|", lambda a, b: a | b), ("&", lambda a, b: a & b), ("^", lambda a, b: a ^ b), ("@", lambda a, b: a @ b)]
def show(f, a, b):
    try:
        return f(a, b)
    except Exception as e:
        return repr(e)
for v in vals:
    for name, f in ops:
        print(repr(v), name, show(f, v, R()), show(f, v, N()), show(f, N(), v))
)py";

// datetime values against classes that answer (or pass with NotImplemented)
// comparisons, arithmetic, divmod and in-place operators; the sequence and
// bytes fallback messages; set and dict operators against user classes.
constexpr const char* kDatetimeAndFallbacks = R"py(import datetime
class C:
    def __lt__(self, o): return "C.lt"
    def __gt__(self, o): return "C.gt"
    def __le__(self, o): return "C.le"
    def __ge__(self, o): return "C.ge"
    def __eq__(self, o): return "C.eq"
    def __ne__(self, o): return "C.ne"
class L:
    def __add__(self, o): return NotImplemented
    def __sub__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
class DM:
    def __rdivmod__(self, o): return ("rdivmod", repr(o))
    def __divmod__(self, o): return NotImplemented
class N:
    pass
def show(f):
    try:
        return f()
    except Exception as e:
        return repr(e)
d = datetime.date(2020, 1, 2); dt = datetime.datetime(2020, 1, 2, 3); td = datetime.timedelta(hours=5); t = datetime.time(4)
for v in [d, dt, td, t]:
    print(show(lambda: v < C()), show(lambda: v <= C()), show(lambda: v > C()), show(lambda: v >= C()),
          show(lambda: v == C()), show(lambda: v != C()), show(lambda: C() < v), show(lambda: C() == v))
    print(show(lambda: v < N()), show(lambda: v == N()), show(lambda: v != N()), show(lambda: N() > v), show(lambda: v < 1), show(lambda: v == 1))
    print(show(lambda: L() + v), show(lambda: v + L()), show(lambda: L() - v), show(lambda: v - L()))
    print(show(lambda: divmod(v, DM())), show(lambda: divmod(v, N())), show(lambda: divmod(N(), v)))
    def iadd():
        x = v
        x += N()
        return x
    def iadd2():
        x = v
        x -= C()
        return x
    print(show(iadd), show(iadd2))
    print(show(lambda: v * "ab"), show(lambda: "ab" * v), show(lambda: [1] + v), show(lambda: v + [1]), show(lambda: v * [1]), show(lambda: (1,) * v))
    print(show(lambda: v + 1), show(lambda: 1 + v), show(lambda: v - 1.5), show(lambda: v * 2), show(lambda: 2 * v), show(lambda: v / 2), show(lambda: v // 2), show(lambda: v % 2))
print(show(lambda: d < dt), show(lambda: dt < d), show(lambda: d == dt), show(lambda: dt != d), show(lambda: td < t), show(lambda: t == td))
print(show(lambda: d - dt), show(lambda: dt - d), show(lambda: td + t), show(lambda: d + d), show(lambda: td / td), show(lambda: td // td), show(lambda: divmod(td, td)), show(lambda: divmod(td, 2)))
print(show(lambda: b"x" + 1), show(lambda: b"x" * 1.5), show(lambda: "a" * 1.5), show(lambda: 1.5 * "a"), show(lambda: [1] * None), show(lambda: None * (1,)))
print(show(lambda: {1: 2} | N()), show(lambda: {1} | N()), show(lambda: {1} - [1]), show(lambda: {1: 2} | [1]), show(lambda: frozenset() & N()))
class S:
    def __ror__(self, o): return "S.ror"
    def __rsub__(self, o): return "S.rsub"
    def __rand__(self, o): return "S.rand"
print(show(lambda: {1: 2} | S()), show(lambda: {1} | S()), show(lambda: {1} - S()), show(lambda: frozenset() & S()), show(lambda: {}.keys() | S()))
)py";

// dict.keys()/items() with any iterable on either side, and ordered against sets.
constexpr const char* kDictViews = R"py(class N:
    pass
class S:
    def __ror__(self, o): return "S.ror"
    def __or__(self, o): return "S.or"
def show(f):
    try:
        return f()
    except Exception as e:
        return repr(e)
k = {1: 2, 3: 4}.keys()
it = {5: 6}.items()
print(show(lambda: k | [1, 7]), show(lambda: [1, 7] | k), show(lambda: k & (3, 9)), show(lambda: (3, 9) & k), show(lambda: k - "ab"), show(lambda: "ab" - k), show(lambda: k ^ [3]))
print(show(lambda: k | N()), show(lambda: N() | k), show(lambda: k | S()), show(lambda: S() | k), show(lambda: k | 1), show(lambda: 1 | k))
print(show(lambda: it | [(5, 6)]), show(lambda: k == {1, 3}), show(lambda: k < {1, 3, 4}), show(lambda: {}.values() | [1]))
)py";

// In-place operators: the left operand's own in-place operation first
// (dict |= is update, list += a user iterable extends), then the reflected one.
constexpr const char* kInPlace = R"py(import datetime
class R:
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
    def __rmul__(self, o): return "rmul"
    def __ror__(self, o): return "ror"
    def __rand__(self, o): return "rand"
    def __rxor__(self, o): return "rxor"
    def __rmod__(self, o): return "rmod"
    def __iter__(self): return iter([7, 8])
class RI(R):
    def __index__(self): return 2
class N:
    pass
def show(f):
    try:
        return f()
    except Exception as e:
        return repr(e)
def ip(v, op, other):
    def f():
        x = v
        if op == "+": x += other
        if op == "-": x -= other
        if op == "*": x *= other
        if op == "|": x |= other
        if op == "&": x &= other
        if op == "^": x ^= other
        if op == "%": x %= other
        return x
    return show(f)
for v in [lambda: [1], lambda: (1,), lambda: "s", lambda: {1: 2}, lambda: {1}, lambda: frozenset([1]), lambda: 5, lambda: 2.5, lambda: b"x", lambda: datetime.date(2020, 1, 1), lambda: {1: 2}.keys()]:
    print([ip(v(), op, o) for op in "+-*|&^%" for o in (R(), RI(), N())])
print(show(lambda: [1] * RI()), show(lambda: RI() * [1]), show(lambda: "ab" * RI()), show(lambda: (1,) * RI()))
)py";

// dict |= and list += keep the object (aliases see the change).
constexpr const char* kInPlaceIdentity = R"py(d = {1: 2}
d2 = d
d |= {3: 4}
print(d, d2, d is d2)
d |= [(5, 6)]
print(d2)
class M:
    def keys(self): return ["k"]
    def __getitem__(self, k): return "v"
d |= M()
print(d2)
s = {1}; s2 = s; s |= {2}; print(s2, s is s2)
l = [1]; l2 = l; l += (2, 3); print(l2)
class It:
    def __iter__(self): return iter([9])
l += It(); print(l2)
)py";

const Case kCases[] = {
    {"in_place", kInPlace},
    {"in_place_identity", kInPlaceIdentity},
    {"reflected_everywhere", kReflectedEverywhere},
    {"datetime_and_fallbacks", kDatetimeAndFallbacks},
    {"dict_views", kDictViews},
};

class BinaryDispatch : public ::testing::TestWithParam<Case> {};

TEST_P(BinaryDispatch, MatchesCPython) {
  const Case& c = GetParam();
  Outcome expected = run_python(c.source);
  Isolate with_stdlib;  // `import datetime`
  with_stdlib.import_hook = stdlib_import;
  Outcome got = run_quire(c.source, &with_stdlib);
  ASSERT_FALSE(expected.out.empty()) << expected.error_line;
  EXPECT_EQ(got.out, expected.out);
  EXPECT_EQ(got.error_line, expected.error_line);
}

INSTANTIATE_TEST_SUITE_P(Programs, BinaryDispatch, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace quire::lang::test
