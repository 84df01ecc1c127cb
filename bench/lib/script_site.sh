# shellcheck shell=bash disable=SC2034  # sourced: the caller reads the variables
# Sourced by the bench scripts: a throwaway site for Server Script benches in
# a new temporary folder, removed (and the server stopped) on exit.
# Needs QUIRE; sets work, server_pid (empty until start_serve), token (the
# Administrator's API token) and site_db (the site's SQLite file).
# Usage: make_script_site
make_script_site() {
  work=$(mktemp -d)
  server_pid=""
  trap stop_script_site EXIT
  export QUIRE_SITES_DIR="$work/sites"
  "$QUIRE" new-site bench --admin-password bench >/dev/null
  "$QUIRE" set-config -g server_script_enabled 1 >/dev/null
  "$QUIRE" set-config pause_scheduler 1 >/dev/null
  local keys
  keys=$("$QUIRE" generate-api-key Administrator)
  token="$(sed -n 's/^api_key: //p' <<<"$keys"):$(sed -n 's/^api_secret: //p' <<<"$keys")"
  site_db="$QUIRE_SITES_DIR/bench/site.db"
}

stop_script_site() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
