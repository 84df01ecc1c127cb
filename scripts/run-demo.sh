#!/usr/bin/env bash
# make run: creates the demo site on first run (its Administrator password is
# printed once, or taken from QUIRE_ADMIN_PASSWORD), enables server scripts on
# it, then serves it until Ctrl-C.
# Usage: scripts/run-demo.sh path/to/quire SITE HOST PORT
set -euo pipefail
QUIRE=${1:?usage: run-demo.sh path/to/quire SITE HOST PORT}
SITE=${2:-localhost}
HOST=${3:-127.0.0.1}
PORT=${4:-8000}

if [ ! -f "sites/$SITE/site_config.json" ]; then
  "$QUIRE" new-site "$SITE"
  "$QUIRE" set-config --site "$SITE" server_script_enabled 1
fi
exec "$QUIRE" serve --site "$SITE" --host "$HOST" --port "$PORT"
