#!/usr/bin/env python3
"""Differential test runner: every program under programs/ must behave under quire
exactly as under CPython 3.11 (stdout, exit code, last stderr line; the whole stderr,
program path normalised, for the areas in FULL_STDERR_AREAS or with --full-stderr).

  run.py                              all programs, quire from build/src/cli/quire
  run.py programs/strings 'numbers/*round*'   a subset (folders, files or globs)
  run.py --quire python3              self-check: the harness and programs are sound
  run.py --update-known-failures      rewrite known_failures.txt from this run

Summary line (alone, last): `N passed, N failed, N skipped` where skipped counts the
programs listed in known_failures.txt that still fail. A listed program that passes is
a failure ("now passing"), so the list can only shrink. Exit 0 iff nothing failed.
"""

import argparse
import fnmatch
import os
import sys
from pathlib import Path

import harness

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
KNOWN_FAILURES = HERE / "known_failures.txt"
DEFAULT_QUIRE = HERE.parent.parent / "build" / "src" / "cli" / "quire"
# Areas whose programs must print the same whole stderr as CPython (tracebacks with
# their source and ~~~^^^ marker lines), not only the same last line.
FULL_STDERR_AREAS = {"tracebacks"}


def wants_full_stderr(rel, forced):
    return forced or rel.split("/", 1)[0] in FULL_STDERR_AREAS


def all_programs():
    return sorted(p.relative_to(PROGRAMS).as_posix() for p in PROGRAMS.rglob("*.py"))


def select(selectors, programs):
    """Selectors are folders or files (absolute, relative to cwd or to programs/) or
    globs over the program paths relative to programs/."""
    if not selectors:
        return programs, []
    chosen, unmatched = set(), []
    for selector in selectors:
        matched = []
        for base in (Path(selector), PROGRAMS / selector):
            if base.exists():
                if not base.resolve().is_relative_to(PROGRAMS):
                    break  # outside programs/: reported as matching nothing
                rel = base.resolve().relative_to(PROGRAMS).as_posix() if base.resolve() != PROGRAMS else ""
                matched = [p for p in programs if rel == "" or p == rel or p.startswith(rel + "/")]
                break
        else:
            matched = [p for p in programs if fnmatch.fnmatch(p, selector)
                       or fnmatch.fnmatch(p, selector + "/*")]
        if not matched:
            unmatched.append(selector)
        chosen.update(matched)
    return sorted(chosen), unmatched


def read_known_failures(path):
    if not path.exists():
        return set()
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.add(line)
    return entries


def write_known_failures(path, entries):
    header = (
        "# Programs under programs/ not expected to pass under quire yet (one path a line).\n"
        "# Strict: a listed program that passes fails the run until it is removed here.\n"
        "# Regenerate with: python3 tests/differential/run.py --update-known-failures\n"
    )
    path.write_text(header + "".join(f"{e}\n" for e in sorted(entries)), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("selectors", nargs="*", help="folders, files or globs (default: all)")
    parser.add_argument("--quire", default=os.environ.get("QUIRE", str(DEFAULT_QUIRE)),
                        help="quire binary (run as `CMD exec FILE`), or python3 for the self-check")
    parser.add_argument("--python", default="python3", help="the reference CPython 3.11")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="programs run at once (default 2)")
    parser.add_argument("--timeout", type=float, default=harness.DEFAULT_TIMEOUT, help="seconds per program")
    parser.add_argument("--known-failures", type=Path, default=KNOWN_FAILURES)
    parser.add_argument("--update-known-failures", action="store_true",
                        help="rewrite the known-failures list from this run (for the selected programs)")
    parser.add_argument("--ignore-known-failures", action="store_true",
                        help="expect every program to pass (the self-check with --quire python3)")
    parser.add_argument("--full-stderr", action="store_true",
                        help="compare the whole stderr of every selected program (default: only "
                             f"in {', '.join(sorted(FULL_STDERR_AREAS))})")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every program's result")
    args = parser.parse_args()

    programs, unmatched = select(args.selectors, all_programs())
    if unmatched:
        print(f"error: no program matches {', '.join(unmatched)}", file=sys.stderr)
        return 2
    if not programs:
        print("error: no programs found", file=sys.stderr)
        return 2
    known = set() if args.ignore_known_failures else read_known_failures(args.known_failures)
    stale = sorted(k for k in known if not (PROGRAMS / k).is_file())
    quire_argv = harness.interpreter_command(args.quire)
    quire_argv += ["--trusted"] if quire_argv[-1:] == ["exec"] and os.path.basename(quire_argv[0]) == "quire" else []
    python_argv = harness.interpreter_command(args.python)

    def check(rel):
        expected, actual = harness.run_pair(quire_argv, python_argv, str(PROGRAMS / rel), args.timeout)
        problem = ""
        if not isinstance(expected.exit_code, int) or expected.exit_code not in (0, 1):
            problem = f"python3 itself did not run it cleanly (exit {expected.exit_code!r}: {expected.last_stderr_line})"
        return rel, expected, actual, problem

    passed = failed = skipped = 0
    failing_now = set()
    for rel, expected, actual, problem in harness.parallel_map(check, programs, args.jobs):
        full = PROGRAMS / rel if wants_full_stderr(rel, args.full_stderr) else None
        difference = problem or harness.describe_difference(expected, actual, full_stderr_of=full)
        listed = rel in known
        if difference:
            failing_now.add(rel)
        if difference and listed:
            skipped += 1
            if args.verbose:
                print(f"SKIP {rel} (known failure)")
        elif difference:
            failed += 1
            print(f"FAIL {rel}: {difference}")
        elif listed and not args.update_known_failures:
            failed += 1
            print(f"FAIL {rel}: now passing: remove from known_failures.txt")
        else:
            passed += 1
            if args.verbose:
                print(f"ok   {rel}")
        sys.stdout.flush()

    if args.update_known_failures:
        selected = set(programs)
        kept = {k for k in known if k not in selected and k not in stale}
        write_known_failures(args.known_failures, kept | failing_now)
        print(f"known_failures.txt: {len(kept | failing_now)} entries "
              f"({len(known & selected - failing_now)} removed, {len(failing_now - known)} added)")
    elif stale:
        for entry in stale:
            print(f"FAIL {entry}: listed in known_failures.txt but no such program")
        failed += len(stale)

    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    if args.update_known_failures:
        return 0
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
