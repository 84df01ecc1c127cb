#!/usr/bin/env python3
"""Random-program differential testing: generates valid, terminating, deterministic programs
(program_generator.py) and runs each under quire and under CPython 3.11, like run.py does.

  generate.py --seed 1 --count 200          the fixed-seed run of the test suite
  generate.py --quire python3 --count 500   self-check: every program must run cleanly
  generate.py --long                        fuzzing: many seeds, for a long time (make fuzz-diff)
  generate.py --print --seed 7              print one program (seed 7, index 0) and exit

On a mismatch the program is reduced (lines deleted while the mismatch persists) and written
to tests/differential/found/ (or --found-dir) with the difference in a header comment.
A program that CPython itself does not run cleanly (exit 0 within the timeout) is a
generator bug and always fails the run.

Exit codes: 0 all agree; 1 mismatches (or a generator bug); 77 mismatches under --soft
(for ctest's SKIP_RETURN_CODE, until the interpreter can pass: see README.md).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import harness
import program_generator

HERE = Path(__file__).resolve().parent
DEFAULT_QUIRE = HERE.parent.parent / "build" / "src" / "cli" / "quire"
SKIP = 77


def program_seed(seed, index):
    # Distinct, reproducible seeds per (run seed, index) without relying on hash().
    return seed * 1_000_003 + index


def outcomes(quire_argv, python_argv, text, workdir, timeout):
    with tempfile.NamedTemporaryFile("w", suffix=".py", dir=workdir, delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        return harness.run_pair(quire_argv, python_argv, path, timeout)
    finally:
        os.unlink(path)


def symptom(expected, actual):
    """What a mismatch looks like: the first differing stdout line pair, else exit and stderr."""
    want, got = expected.stdout.splitlines(), actual.stdout.splitlines()
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else None
        g = got[i] if i < len(got) else None
        if w != g:
            return ("stdout", w, g)
    return ("end", expected.exit_code, actual.exit_code, expected.last_stderr_line, actual.last_stderr_line)


def reduce_program(text, still_fails, deadline):
    """Deletes chunks of lines, halving the chunk size, while still_fails(candidate) holds."""
    lines = text.split("\n")
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        changed = False
        while i < len(lines) and time.monotonic() < deadline:
            candidate = lines[:i] + lines[i + chunk:]
            if candidate and still_fails("\n".join(candidate)):
                lines = candidate
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quire", default=os.environ.get("QUIRE", str(DEFAULT_QUIRE)),
                        help="quire binary (run as `CMD exec FILE`), or python3 for the self-check")
    parser.add_argument("--python", default="python3")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--long", action="store_true", help="many seeds until --minutes pass (default 60)")
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=harness.DEFAULT_TIMEOUT)
    parser.add_argument("--found-dir", type=Path, default=HERE / "found")
    parser.add_argument("--max-reduce", type=int, default=5, help="reduce at most this many mismatches")
    parser.add_argument("--reduce-seconds", type=float, default=120.0, help="time allowed per reduction")
    parser.add_argument("--soft", action="store_true",
                        help="mismatches exit 77 (ctest: skipped) instead of 1; generator bugs still exit 1")
    parser.add_argument("--print", action="store_true", help="print program --seed/--index and exit")
    parser.add_argument("--index", type=int, default=0)
    args = parser.parse_args()

    if args.print:
        sys.stdout.write(program_generator.generate(program_seed(args.seed, args.index)))
        return 0

    quire_argv = harness.interpreter_command(args.quire)
    quire_argv += ["--trusted"] if quire_argv[-1:] == ["exec"] and os.path.basename(quire_argv[0]) == "quire" else []
    python_argv = harness.interpreter_command(args.python)
    failure_code = SKIP if args.soft else 1
    workdir = tempfile.mkdtemp(prefix="quire-diff-gen-")

    # One trivial program first: if quire cannot run even this, 200 mismatches say nothing more.
    expected, actual = outcomes(quire_argv, python_argv, "print(1)\n", workdir, args.timeout)
    difference = harness.describe_difference(expected, actual)
    if difference:
        print(f"quire cannot run `print(1)` yet ({difference}); no programs generated")
        print("0 passed, 1 failed")
        return failure_code

    if args.long:
        deadline = time.monotonic() + args.minutes * 60
        jobs = ((seed, index) for seed in range(args.seed, 2**31) for index in range(args.count))
    else:
        deadline = None
        jobs = ((args.seed, index) for index in range(args.count))

    def check(job):
        seed, index = job
        if deadline is not None and time.monotonic() > deadline:
            return job, None, None, None
        text = program_generator.generate(program_seed(seed, index))
        expected, actual = outcomes(quire_argv, python_argv, text, workdir, args.timeout)
        return job, text, expected, actual

    passed = mismatched = generator_bugs = reduced = 0
    for (seed, index), text, expected, actual in harness.parallel_map(check, jobs, args.jobs):
        if text is None:
            break
        tag = f"seed {seed} index {index}"
        if expected.exit_code != 0:
            generator_bugs += 1
            print(f"GENERATOR BUG {tag}: python3 exit {expected.exit_code!r}: {expected.last_stderr_line}")
            print(f"  reproduce: {sys.argv[0]} --print --seed {seed} --index {index}")
            continue
        difference = harness.describe_difference(expected, actual)
        if not difference:
            passed += 1
            continue
        mismatched += 1
        if reduced < args.max_reduce:
            reduced += 1

            wanted = symptom(expected, actual)

            def still_fails(candidate, wanted=wanted):
                try:
                    # Most deletions break the syntax: reject those without starting processes.
                    compile(candidate, "candidate", "exec")
                except (SyntaxError, ValueError):
                    return False
                e, a = outcomes(quire_argv, python_argv, candidate, workdir, args.timeout)
                # Keep only candidates CPython still runs cleanly, as it ran the original, and
                # that show the same first wrong line, so the reduction keeps to one bug.
                return e.exit_code == 0 and symptom(e, a) == wanted

            text = reduce_program(text, still_fails, time.monotonic() + args.reduce_seconds)
            expected, actual = outcomes(quire_argv, python_argv, text, workdir, args.timeout)
            difference = harness.describe_difference(expected, actual) or difference
        args.found_dir.mkdir(parents=True, exist_ok=True)
        out = args.found_dir / f"seed{seed}_{index}.py"
        header = "".join(f"# {line}\n" for line in (
            f"Found by generate.py --seed {seed} (index {index}); quire differs from python3:",
            *difference.splitlines()))
        out.write_text(header + text, encoding="utf-8")
        print(f"MISMATCH {tag}: {difference.splitlines()[0]} -> {out}")
        sys.stdout.flush()

    print(f"{passed} passed, {mismatched + generator_bugs} failed")
    if generator_bugs:
        return 1
    return failure_code if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
