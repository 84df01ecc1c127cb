#!/usr/bin/env bash
# make bench: language benchmarks, quire vs CPython 3.11 in the same run.
set -euo pipefail
QUIRE=${1:?usage: run.sh path/to/quire}
echo "== language: quire exec vs CPython (median µs per run, compile excluded)"
python3 "$(dirname "$0")/compare.py" --quire "$QUIRE"
