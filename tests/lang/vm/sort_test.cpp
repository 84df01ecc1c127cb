// list.sort / sorted() against CPython 3.11's timsort: the program logs every
// __lt__ call, and the count and a checksum of the logged pairs must be
// CPython's (random, sorted, reversed, duplicate-heavy, saw-tooth and
// mixed-run lists of sizes 0..2000, key= and reverse=); stability; the order
// an exception from __lt__ leaves the list in; key errors; lists modified
// during the sort; tuples of user objects (identity skips __eq__).

#include <gtest/gtest.h>

#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

constexpr const char* kComparisonSequence = R"py(log = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
def check(name, data, **kw):
    del log[:]
    out = sorted([K(x) for x in data], **kw)
    h = 0
    for a, b in log:
        h = (h * 1000003 + a * 31 + b) % (1 << 61)
    print(name, len(data), len(log), h, [k.v for k in out][:4])
seed = [12345]
def rand(n):
    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed[0] >> 33) % n
for n in [0, 1, 2, 3, 5, 10, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 500, 1000, 2000]:
    r = [rand(1000000) for _ in range(n)]
    check("random", r)
    check("sorted", sorted(r))
    check("reversed", sorted(r, reverse=True))
    check("dups", [x % 7 for x in r])
    check("rev_flag", r, reverse=True)
    check("rev_dups", [x % 3 for x in r], reverse=True)
    check("key", r, key=lambda k: K(-k.v))
    check("saw", [i % 50 for i in range(n)])
    check("runs", sorted(r[: n // 2]) + sorted(r[n // 2:], reverse=True))
    check("blocks", [x // 3 for x in sorted(r)][::-1][: n // 3] + [x % 11 for x in r])
stable = sorted([(x % 5, i) for i, x in enumerate([rand(100) for _ in range(300)])], key=lambda t: t[0])
print(stable == sorted(stable), stable[:6])
stable = sorted([(x % 5, i) for i, x in enumerate([rand(100) for _ in range(300)])], key=lambda t: t[0], reverse=True)
print(stable[:6])
)py";

constexpr const char* kErrorsAndMutation = R"py(log = []
class K:
    limit = -1
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        if len(log) == K.limit:
            raise ValueError("boom at %d" % len(log))
        return self.v < o.v
    def __repr__(self): return "K%d" % self.v
seed = [7]
def rand(n):
    seed[0] = (seed[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (seed[0] >> 33) % n
for n in [5, 40, 64, 65, 300]:
    base = [rand(50) for _ in range(n)]
    for limit in [1, 2, 3, 10, 37, 100, 250, 600, 1000]:
        for rev in [False, True]:
            K.limit = limit
            del log[:]
            l = [K(x) for x in base]
            try:
                l.sort(reverse=rev)
                print(n, limit, rev, "ok", len(log))
            except ValueError as e:
                print(n, limit, rev, e, [k.v for k in l])
K.limit = -1
# key function failing
def bad_key(x):
    if x == 3:
        raise KeyError(x)
    return -x
l = [5, 1, 3, 2]
try:
    l.sort(key=bad_key)
except KeyError as e:
    print("key", repr(e), l)
# mutation during sort
l = [3, 1, 2]
def grow(x):
    l.append(x)
    return x
try:
    l.sort(key=grow)
except ValueError as e:
    print("mutated", e, l)
l = [3, 1, 2]
def touch(x):
    l.append(x)
    l.pop()
    return x
try:
    l.sort(key=touch)
except ValueError as e:
    print("touched", e, l)
class M:
    def __init__(self, v, lst): self.v = v; self.lst = lst
    def __lt__(self, o):
        self.lst.append(1)
        return self.v < o.v
lst = []
ms = [M(i, lst) for i in (3, 1, 2)]
lst2 = ms
for m in ms: m.lst = lst2
try:
    lst2.sort()
except ValueError as e:
    print("lt mutates", e, len(lst2), [m.v for m in lst2])
print(sorted(l), sorted([], reverse=True), sorted("hello"), sorted((3, 1.5, 2, True)), sorted([2.5, float("nan"), 1.0])[1:])
# tuples: element __eq__ is skipped for identical objects
eqs = []
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        eqs.append((self.v, o.v)); return self.v == o.v
    def __lt__(self, o):
        eqs.append(("lt", self.v, o.v)); return self.v < o.v
    __hash__ = None
a, b, c = E(1), E(2), E(1)
ts = [(a, 2), (b, 1), (a, 1), (c, 0), (b, 0)]
print([(t[0].v, t[1]) for t in sorted(ts)], eqs)
del eqs[:]
print(a in [c, a], [a] == [a], (a, 1) < (a, 2), eqs)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted([K(1), 2])
except Exception as e:
    print(type(e).__name__, e)
# __lt__ answering NotImplemented: CPython asks it again, then __gt__
calls = []
class P:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        calls.append(("lt", self.v, o.v)); return NotImplemented
    def __gt__(self, o):
        calls.append(("gt", self.v, o.v)); return self.v > o.v
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        calls.append(("G.gt", self.v, o.v)); return self.v > o.v
print([p.v for p in sorted([P(3), P(1), P(2), P(1)])], calls)
del calls[:]
print([g.v for g in sorted([G(2), G(3), G(1)], reverse=True)], calls)
del calls[:]
print([x.v for x in sorted([P(2), G(1), P(0)])], calls)
)py";

void expect_same_as_cpython(const char* source) {
  Outcome expected = run_python(source);
  Outcome got = run_quire(source);
  ASSERT_FALSE(expected.out.empty()) << expected.error_line;
  EXPECT_EQ(got.out, expected.out);
  EXPECT_EQ(got.error_line, expected.error_line);
}

TEST(Sort, SameComparisonsAsCPython) {
  expect_same_as_cpython(kComparisonSequence);
}

TEST(Sort, ErrorsAndMutationAsCPython) {
  expect_same_as_cpython(kErrorsAndMutation);
}

}  // namespace
}  // namespace quire::lang::test
