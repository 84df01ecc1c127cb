// Compile time of a large program, by phase: `quire exec --repeat` times runs
// only, so changes to the passes over the syntax tree (syntax checks, scope
// analysis, sandbox policy) are measured here: median and best of repeated
// runs, in microseconds of CPU time. Usage: quire_lang_compile_time [FILE.py] [--repeat N]
// (without a file: a generated program of ~20,000 lines using every kind of
// statement and expression the dialect has).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "lang/compile/compiler.h"
#include "lang/compile/scope.h"
#include "lang/sandbox/policy.h"
#include "lang/syntax/checks.h"
#include "lang/syntax/parser.h"

namespace {

using namespace quire::lang;

// One block of the generated program; `NUM` is replaced by the block number
// so every block defines its own names.
constexpr const char* kBlock = R"PY(
class ShapeNUM(object):
    sides = NUM
    def __init__(self, width, height=2, *rest, scale=1.0, **options):
        self.width = width
        self.height = height
        self.rest = [r for r in rest if r is not None]
        self.options = {k: v for k, v in options.items() if not k.startswith("x")}
    def area(self):
        return self.width * self.height * (1 if self.sides else 0)
    def describe(self, prefix=""):
        return f"{prefix}{self.sides}: {self.area():.2f} ({len(self.rest)})"

def totalsNUM(items, key=lambda x: x, *, limit=None):
    total = 0
    seen = set()
    counts = {}
    for index, item in enumerate(items):
        if limit is not None and index >= limit:
            break
        value = key(item)
        if value in seen:
            continue
        seen.add(value)
        counts[value] = counts.get(value, 0) + 1
        total += value if isinstance(value, int) else int(value or 0)
    else:
        total -= 1
    pairs = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    first, *others = pairs or [(0, 0)]
    return total, first, others[:3], {**counts, "n": NUM}

def counterNUM(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

def generateNUM(limit):
    i = 0
    while i < limit:
        if i % 3 == 0:
            yield i
        elif i % 5 == 0:
            yield from range(i, i + 2)
        i += 1

def safeNUM(numbers, fallback=None):
    try:
        result = [n / (n - 1) for n in numbers if n != 1]
    except (ZeroDivisionError, TypeError) as error:
        result = [str(error)]
    except Exception:
        raise
    finally:
        numbers = None
    with open_resource(NUM) as handle, open_resource(NUM + 1):
        handle.write(", ".join(str(x) for x in result))
    assert result is not None, "no result"
    if (size := len(result)) > 10:
        del result[size - 1], result[0]
    matrix = [[row * col for col in range(4)] for row in range(3) if row]
    flat = {cell for row in matrix for cell in row if cell % 2 == 0}
    return result[1:-1:2], matrix, flat, not fallback and -size or ~size
)PY";

std::string generated_program(int blocks) {
  std::string program = "def open_resource(n):\n    return None\n";
  const std::string placeholder = "NUM";
  for (int b = 0; b < blocks; ++b) {
    std::string block = kBlock;
    const std::string number = std::to_string(b);
    for (std::size_t at = 0; (at = block.find(placeholder, at)) != std::string::npos;) {
      block.replace(at, placeholder.size(), number);
      at += number.size();
    }
    program += block;
  }
  return program;
}

// Thread CPU time, not wall time: the machine is shared, and a busy neighbour
// would otherwise show up as a slower compiler.
double cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

struct Timing {
  double median = 0;
  double best = 0;
};

Timing time_us(int repeat, const std::function<void()>& run) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    double start = cpu_us();
    run();
    times.push_back(cpu_us() - start);
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times.front()};
}

void report(const char* phase, Timing t) {
  std::printf("  %-34s %10.0f %10.0f\n", phase, t.median, t.best);
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  std::string name = "generated";
  int repeat = 21;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      std::ifstream in(argv[i]);
      std::stringstream text;
      text << in.rdbuf();
      source = text.str();
      name = argv[i];
    }
  }
  if (source.empty()) source = generated_program(300);
  std::size_t lines = std::count(source.begin(), source.end(), '\n');

  syntax::ParseLimits no_checks;
  no_checks.run_compile_checks = false;
  syntax::ParseResult parsed = syntax::parse_module(source, name, no_checks);
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), parsed.error->message.c_str());
    return 1;
  }
  const syntax::Module& module = *parsed.module;
  if (auto error = syntax::check_module(module)) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), error->message.c_str());
    return 1;
  }

  std::printf("compile time of %s (%zu lines), %d runs, CPU µs\n", name.c_str(), lines, repeat);
  std::printf("  %-34s %10s %10s\n", "", "median", "best");
  report("parse (without checks)",
         time_us(repeat, [&] { syntax::parse_module(source, name, no_checks); }));
  report("syntax checks (checks.cpp)",
         time_us(repeat, [&] { (void)syntax::check_module(module); }));
  report("scope analysis (scope.cpp)", time_us(repeat, [&] {
           ScopeTable scopes;
           (void)scopes.build(module);
         }));
  report("sandbox policy (policy.cpp)",
         time_us(repeat, [&] { (void)sandbox::check_policy(module); }));
  report("compile (scope + code generation)",
         time_us(repeat, [&] { (void)compile_module(module, name, source); }));
  return 0;
}
