"""Shared by run.py and generate.py: run one program under two interpreters and compare.

The rule checked (issue 3): for every accepted program, `quire exec FILE` prints exactly
what CPython 3.11 prints on stdout, exits with the same code, and ends stderr with the
same last line (the exception line, e.g. `ZeroDivisionError: division by zero`).
"""

import difflib
import os
import shlex
import subprocess
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

DEFAULT_TIMEOUT = 10.0


def interpreter_command(spec):
    """Turns a --quire/--python value into an argv prefix.

    A python interpreter (basename starting with "python") runs FILE directly, which is
    the self-check mode; anything else is a quire binary and runs `quire exec FILE`.
    A value with spaces is split like a shell command line and used as given.
    """
    argv = shlex.split(spec)
    if len(argv) > 1:
        return argv
    if os.path.basename(argv[0]).startswith("python"):
        return argv
    return argv + ["exec"]


def child_env():
    env = dict(os.environ)
    # Same hash seed for both sides, and UTF-8 output whatever the caller's locale.
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    env.pop("PYTHONSTARTUP", None)
    return env


@dataclass
class Outcome:
    stdout: str
    exit_code: object  # int, or "timeout" / "cannot start: ..."
    last_stderr_line: str
    stderr: str = ""  # the whole of it, for the full-stderr comparison

    def key(self):
        return (self.stdout, self.exit_code, self.last_stderr_line)


def _last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].rstrip() if lines else ""


def _decode(data):
    return data.decode("utf-8", errors="backslashreplace") if data else ""


def start(argv, path, env):
    try:
        return subprocess.Popen(
            argv + [path],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as error:
        return Outcome("", f"cannot start: {error}", "")


def finish(proc, timeout):
    if isinstance(proc, Outcome):
        return proc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return Outcome(_decode(out), "timeout", _last_line(_decode(err)), _decode(err))
    return Outcome(_decode(out), proc.returncode, _last_line(_decode(err)), _decode(err))


def run_pair(quire_argv, python_argv, path, timeout=DEFAULT_TIMEOUT):
    """Runs both interpreters on path at the same time; returns (expected, actual)."""
    env = child_env()
    expected_proc = start(python_argv, path, env)
    actual_proc = start(quire_argv, path, env)
    expected = finish(expected_proc, timeout)
    actual = finish(actual_proc, timeout)
    return expected, actual


def normalized_stderr(outcome, path):
    """The whole stderr with the program's path replaced by <program> (CPython prints the
    path it was given; so does quire, but a wrapper may differ)."""
    return outcome.stderr.replace(str(path), "<program>")


def _short_diff(expected_text, actual_text, max_lines):
    diff = list(
        difflib.unified_diff(
            expected_text.splitlines(), actual_text.splitlines(), "python3", "quire", n=0, lineterm=""
        )
    )
    body = [line for line in diff[2:] if not line.startswith("@@")]
    shown = body[:max_lines]
    if len(body) > max_lines:
        shown.append(f"... ({len(body) - max_lines} more diff lines)")
    return "\n      " + "\n      ".join(shown)


def describe_difference(expected, actual, max_lines=6, full_stderr_of=None):
    """A short human-readable diff between two outcomes ('' when they agree).

    With full_stderr_of (the program's path) the whole stderr is compared, path
    normalised, instead of its last line: the traceback mode."""
    parts = []
    if full_stderr_of is not None:
        want = normalized_stderr(expected, full_stderr_of)
        got = normalized_stderr(actual, full_stderr_of)
        if want != got:
            parts.append("stderr differs:" + _short_diff(want, got, max_lines))
    if expected.exit_code != actual.exit_code:
        parts.append(f"exit {actual.exit_code!r}, expected {expected.exit_code!r}")
    if expected.last_stderr_line != actual.last_stderr_line:
        parts.append(
            f"stderr last line {actual.last_stderr_line!r}, "
            f"expected {expected.last_stderr_line!r}"
        )
    if expected.stdout != actual.stdout:
        diff = list(
            difflib.unified_diff(
                expected.stdout.splitlines(),
                actual.stdout.splitlines(),
                "python3",
                "quire",
                n=0,
                lineterm="",
            )
        )
        body = [line for line in diff[2:] if not line.startswith("@@")]
        shown = body[:max_lines]
        if len(body) > max_lines:
            shown.append(f"... ({len(body) - max_lines} more diff lines)")
        parts.append("stdout differs:\n      " + "\n      ".join(shown))
    return "; ".join(parts)


def parallel_map(function, items, jobs):
    """Maps in a thread pool (each task mostly waits on child processes), keeping order.

    Submits lazily, a few tasks ahead, so items may be an endless iterator (generate.py --long)."""
    jobs = max(1, jobs)
    items = iter(items)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            result = pending.popleft().result()
            for item in items:
                pending.append(pool.submit(function, item))
                break
            yield result
