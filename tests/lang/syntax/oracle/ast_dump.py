"""Oracle for quire's syntax tests: prints CPython's ast.dump of a file.

usage: python3 ast_dump.py FILE [--attributes]
"""
import ast
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit("the syntax oracle needs CPython 3.11, found %s" % sys.version.split()[0])

warnings.simplefilter("ignore")
with open(sys.argv[1], encoding="utf-8") as f:
    source = f.read()
tree = ast.parse(source)
print(ast.dump(tree, include_attributes="--attributes" in sys.argv[2:]))
