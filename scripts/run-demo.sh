#!/usr/bin/env bash
# Placeholder until the foundation lands: builds nothing, serves nothing.
echo "quire: serving is not built yet" >&2
exit 1
