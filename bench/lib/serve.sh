# shellcheck shell=bash disable=SC2034,SC2154  # sourced: the caller sets and reads the variables
# Sourced by the bench scripts: starts `quire serve` on a free loopback port
# for the site in $QUIRE_SITES_DIR (else ./sites) and waits until it listens.
# Needs QUIRE and work (a temporary folder); sets server_pid and base.
# SERVE_WRAPPER (optional): a command and its options that run serve under
# them (valgrind: bench/scripts/count_insert.sh); the wait allows for its start.
# Usage: start_serve NAME [extra serve arguments...]   (NAME prefixes errors)
start_serve() {
  local name=$1; shift
  # Made before serve starts: the loop below may read it before the
  # background process has opened it.
  : >"$work/serve.err"
  # shellcheck disable=SC2086  # the wrapper's words split on purpose
  ${SERVE_WRAPPER:-} "$QUIRE" serve --port 0 --access-log /dev/null "$@" 2>>"$work/serve.err" &
  server_pid=$!
  local port=""
  for _ in $(seq 1 "$([ -n "${SERVE_WRAPPER:-}" ] && echo 1200 || echo 300)"); do
    port=$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$work/serve.err")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$name: the server did not start" >&2; exit 1; }
  base="http://127.0.0.1:$port"
}
