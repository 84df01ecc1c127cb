#!/usr/bin/env python3
"""Times each bench/lang program under quire and under CPython in one run.

For every program: `quire exec --repeat N FILE` (quire reports microseconds per
run, compile excluded) and the same program compiled once by CPython and
exec'd N times in fresh globals in this process. Prints a table of median
µs/run and the ratio quire/CPython (<= 1.0 means quire is at least as fast).
Ratios, not absolute times, are what to compare across machines.
"""
import argparse
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
TIMING = re.compile(r"min[^0-9]*([0-9.]+).*?median[^0-9]*([0-9.]+)", re.I)


def cpython_us(source, path, repeat):
    code = compile(source, str(path), "exec")
    samples = []
    for _ in range(repeat):
        env = {"__name__": "__main__"}
        start = time.perf_counter_ns()
        exec(code, env)
        samples.append((time.perf_counter_ns() - start) / 1000.0)
    return min(samples), statistics.median(samples)


def quire_us(quire, path, repeat):
    proc = subprocess.run([quire, "exec", "--trusted", "--repeat", str(repeat), str(path)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return None, last
    match = TIMING.search(proc.stderr)
    if not match:
        return None, "no timing line in: " + proc.stderr.strip()[-200:]
    return (float(match.group(1)), float(match.group(2))), None


def same_result(quire, path, source):
    """A benchmark only counts if quire computes what CPython computes."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
        tmp.write(source + "\nprint(repr(result))\n")
    try:
        mine = subprocess.run([quire, "exec", "--trusted", tmp.name], capture_output=True, text=True, timeout=600)
        ref = subprocess.run([sys.executable, tmp.name], capture_output=True, text=True, timeout=600)
    finally:
        os.unlink(tmp.name)
    return mine.returncode == 0 and mine.stdout == ref.stdout


def pick_repeat(median_us):
    # Aim for about half a second of samples per program, within sane bounds.
    return max(20, min(5000, int(500_000 / max(median_us, 1.0))))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quire", required=True, help="path of the quire binary")
    parser.add_argument("programs", nargs="*", help="programs (default: all in bench/lang)")
    args = parser.parse_args()
    programs = [pathlib.Path(p) for p in args.programs] or sorted(HERE.glob("*.py"))
    programs = [p for p in programs if p.name != pathlib.Path(__file__).name]

    print(f"{'program':<20} {'quire µs':>10} {'CPython µs':>11} {'ratio':>7}")
    worst = 0.0
    for path in programs:
        source = path.read_text()
        _, probe = cpython_us(source, path, 3)
        repeat = pick_repeat(probe)
        _, py_med = cpython_us(source, path, repeat)
        timing, error = quire_us(args.quire, path, repeat)
        if error:
            print(f"{path.stem:<20} {'-':>10} {py_med:>11.1f} {'-':>7}  quire failed: {error}")
            continue
        if not same_result(args.quire, path, source):
            print(f"{path.stem:<20} {'-':>10} {py_med:>11.1f} {'-':>7}  quire's result differs from CPython's")
            continue
        q_med = timing[1]
        ratio = q_med / py_med
        worst = max(worst, ratio)
        print(f"{path.stem:<20} {q_med:>10.1f} {py_med:>11.1f} {ratio:>7.2f}")
    print(f"worst ratio: {worst:.2f} (target <= 1.00)")


if __name__ == "__main__":
    sys.exit(main())
