#!/usr/bin/env python3
"""Tests of run.py and generate.py themselves, with fake `quire` binaries that each break the
rule in one way: the harness must pass an exact imitation of CPython and catch every deviation
(stdout, exit code, last stderr line, hangs, a missing binary), and the known-failures list
must behave strictly."""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUN = HERE / "run.py"
GENERATE = HERE / "generate.py"
SAMPLES = ["scripts/or_defaults.py", "scripts/uncaught_key_error.py"]

# A fake quire: `fake exec FILE` runs CPython on FILE, then applies MODE to what it produced.
FAKE = textwrap.dedent('''\
    #!{python}
    import subprocess, sys, time
    MODE = {mode!r}
    assert sys.argv[1] == "exec", sys.argv
    if MODE == "hang":
        time.sleep(60)
    p = subprocess.run([{python!r}, sys.argv[2]], capture_output=True, text=True)
    out, err, code = p.stdout, p.stderr, p.returncode
    if MODE == "stdout" or (MODE == "stdout-if-cap" and "cap(" in open(sys.argv[2]).read()):
        out = out + "an extra line\\n"
    elif MODE == "exit" and code:
        code = 0
    elif MODE == "stderr":
        err = err + "quire: extra line\\n"
    sys.stdout.write(out)
    sys.stderr.write(err)
    sys.exit(code)
    ''')


class HarnessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = Path(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def fake(self, mode):
        path = self.dir / f"fake-quire-{mode}"
        path.write_text(FAKE.format(python=sys.executable, mode=mode))
        path.chmod(0o755)
        return str(path)

    def known(self, entries):
        path = self.dir / "known.txt"
        path.write_text("".join(e + "\n" for e in entries))
        return path

    def run_py(self, quire, *extra, known=()):
        args = [sys.executable, str(RUN), "--quire", quire, "--timeout", "5",
                "--known-failures", str(self.known(known)), *extra, *SAMPLES]
        p = subprocess.run(args, capture_output=True, text=True, timeout=120)
        return p.returncode, p.stdout

    def test_exact_imitation_passes(self):
        code, out = self.run_py(self.fake("same"))
        self.assertEqual(code, 0, out)
        self.assertEqual(out.splitlines()[-1], "2 passed, 0 failed")

    def test_stdout_difference_fails(self):
        code, out = self.run_py(self.fake("stdout"))
        self.assertEqual(code, 1)
        self.assertIn("FAIL scripts/or_defaults.py: stdout differs", out)
        self.assertEqual(out.splitlines()[-1], "0 passed, 2 failed")

    def test_exit_code_difference_fails(self):
        code, out = self.run_py(self.fake("exit"))
        self.assertEqual(code, 1)
        self.assertIn("exit 0, expected 1", out)

    def test_last_stderr_line_difference_fails(self):
        code, out = self.run_py(self.fake("stderr"))
        self.assertEqual(code, 1)
        self.assertIn("stderr last line 'quire: extra line', expected \"KeyError: 'customer'\"", out)

    def test_hang_is_a_timeout_failure(self):
        code, out = self.run_py(self.fake("hang"), "--timeout", "1")
        self.assertEqual(code, 1)
        self.assertIn("exit 'timeout'", out)

    def test_missing_binary_is_a_failure_not_a_crash(self):
        code, out = self.run_py(str(self.dir / "no-such-quire"))
        self.assertEqual(code, 1)
        self.assertIn("cannot start", out)
        self.assertEqual(out.splitlines()[-1], "0 passed, 2 failed")

    def test_known_failure_that_fails_is_skipped(self):
        code, out = self.run_py(self.fake("stdout"), known=SAMPLES)
        self.assertEqual(code, 0, out)
        self.assertEqual(out.splitlines()[-1], "0 passed, 0 failed, 2 skipped")

    def test_known_failure_that_passes_is_a_failure(self):
        code, out = self.run_py(self.fake("same"), known=SAMPLES[:1])
        self.assertEqual(code, 1)
        self.assertIn("now passing: remove from known_failures.txt", out)
        self.assertEqual(out.splitlines()[-1], "1 passed, 1 failed")

    def test_known_failure_without_program_is_a_failure(self):
        code, out = self.run_py(self.fake("same"), known=["scripts/no_such_program.py"])
        self.assertEqual(code, 1)
        self.assertIn("no such program", out)

    def test_update_known_failures_rewrites_selected_entries(self):
        known = self.known(["scripts/or_defaults.py", "other/kept.py"])
        args = [sys.executable, str(RUN), "--quire", self.fake("exit"), "--known-failures", str(known),
                "--update-known-failures", *SAMPLES]
        subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
        entries = [line for line in known.read_text().splitlines() if not line.startswith("#")]
        # or_defaults exits 0 under both (the fake only flips failing exits), so it leaves the
        # list; the uncaught program now differs, so it joins; other/kept.py no longer exists.
        self.assertEqual(entries, ["scripts/uncaught_key_error.py"])

    def test_unknown_selector_is_a_clear_error(self):
        p = subprocess.run([sys.executable, str(RUN), "--quire", sys.executable, "no/such/area"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 2)
        self.assertIn("no program matches no/such/area", p.stderr)

    def generate(self, quire, *extra):
        found = self.dir / "found"
        args = [sys.executable, str(GENERATE), "--quire", quire, "--seed", "5", "--count", "6",
                "--found-dir", str(found), "--max-reduce", "1", *extra]
        p = subprocess.run(args, capture_output=True, text=True, timeout=600)
        return p.returncode, p.stdout, found

    def test_generator_agrees_with_exact_imitation(self):
        code, out, _ = self.generate(self.fake("same"))
        self.assertEqual(code, 0, out)
        self.assertEqual(out.splitlines()[-1], "6 passed, 0 failed")

    def test_generator_reports_and_reduces_mismatches(self):
        code, out, found = self.generate(self.fake("stdout-if-cap"))
        self.assertEqual(code, 1, out)
        self.assertIn("MISMATCH seed 5 index 0", out)
        reduced = (found / "seed5_0.py").read_text()
        self.assertIn("quire differs from python3", reduced)
        original = subprocess.run([sys.executable, str(GENERATE), "--print", "--seed", "5"],
                                  capture_output=True, text=True, check=True).stdout
        self.assertLess(len(reduced.splitlines()), len(original.splitlines()))

    def test_generator_soft_mode_exits_77(self):
        code, out, _ = self.generate(str(self.dir / "no-such-quire"), "--soft")
        self.assertEqual(code, 77)
        self.assertIn("cannot run `print(1)`", out)

    def test_generator_long_mode_stops_after_its_minutes(self):
        # Seeds are endless in --long mode: the run must end on its own and summarise.
        code, out, _ = self.generate(self.fake("same"), "--long", "--minutes", "0.01")
        self.assertEqual(code, 0, out)
        self.assertRegex(out.splitlines()[-1], r"^\d+ passed, 0 failed$")

    def test_generated_programs_are_reproducible(self):
        first = subprocess.run([sys.executable, str(GENERATE), "--print", "--seed", "9", "--index", "3"],
                               capture_output=True, text=True, check=True).stdout
        second = subprocess.run([sys.executable, str(GENERATE), "--print", "--seed", "9", "--index", "3"],
                                capture_output=True, text=True, check=True, env=dict(os.environ, PYTHONHASHSEED="7")).stdout
        self.assertEqual(first, second)


if __name__ == "__main__":
    unittest.main()
