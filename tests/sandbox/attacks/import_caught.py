# attack: a refused import is an ordinary error the script may handle
# expect: ok
# output: refused: __import__ not found
try:
    import subprocess
except ImportError as e:
    print("refused:", e)
