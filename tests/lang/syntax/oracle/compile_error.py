"""Oracle for quire's syntax-error tests: compiles a file with CPython and
prints the SyntaxError as one line: type|message|lineno|offset|end_lineno|end_offset
(or "OK" when the file compiles).

usage: python3 compile_error.py FILE
"""
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit("the syntax oracle needs CPython 3.11, found %s" % sys.version.split()[0])

warnings.simplefilter("ignore")
with open(sys.argv[1], "rb") as f:
    source = f.read()
try:
    compile(source, "t.py", "exec")
    print("OK")
except SyntaxError as e:
    print("%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                  e.end_lineno, e.end_offset))
except (ValueError, MemoryError, RecursionError) as e:
    print("%s|%s|0|0|0|0" % (type(e).__name__, e))
