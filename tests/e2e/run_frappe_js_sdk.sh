#!/usr/bin/env bash
# End-to-end test with frappe-js-sdk: installs the package from the npm
# registry into a cache folder, starts `quire serve` on a fresh site and a free
# loopback port, and runs frappe_js_sdk_e2e.js against it.
#   run_frappe_js_sdk.sh QUIRE_BINARY CACHE_DIR
# Exits 77 (ctest's skip code) only when the npm registry cannot be reached.
set -euo pipefail

quire=$(realpath "$1")
cache=$2
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm are needed (scripts/install-deps.sh installs them)" >&2
  exit 1
fi

mkdir -p "$cache"
if [ ! -f "$cache/node_modules/frappe-js-sdk/package.json" ]; then
  if ! npm install --prefix "$cache" --no-audit --no-fund --no-save frappe-js-sdk >"$cache/npm.log" 2>&1; then
    if ! npm ping >/dev/null 2>&1; then
      echo "SKIP: the npm registry is unreachable" >&2
      exit 77
    fi
    cat "$cache/npm.log" >&2
    exit 1
  fi
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export QUIRE_SITES_DIR="$work/sites"
admin_password="e2e-$(date +%s%N)"
"$quire" new-site e2e.local --admin-password "$admin_password" >/dev/null
keys=$("$quire" generate-api-key Administrator)
api_key=$(sed -n 's/^api_key: //p' <<<"$keys")
api_secret=$(sed -n 's/^api_secret: //p' <<<"$keys")

"$quire" serve --port 0 --access-log off 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$work/serve.err")
  [ -n "$port" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "quire serve did not start:" >&2
  cat "$work/serve.err" >&2
  exit 1
fi

NODE_PATH="$cache/node_modules" node "$here/frappe_js_sdk_e2e.js" \
  "http://127.0.0.1:$port" "$admin_password" "$api_key" "$api_secret"
