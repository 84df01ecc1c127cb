#!/usr/bin/env bash
# Installs every Debian package quire needs to build, run, test and benchmark.
# Idempotent: when everything is present it only checks and returns quickly.
# Runs as root (or with sudo available) on Debian 12.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang libclang-rt-14-dev
  # libraries
  libboost-dev libcli11-dev nlohmann-json3-dev libsqlite3-dev libgmp-dev libssl-dev libhowardhinnant-date-dev tzdata libsodium-dev libcurl4-openssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libgd-dev
  # testing and tooling
  libgtest-dev libgmock-dev python3 python3-jinja2 curl wrk clang-format
  # bench/scripts/count_insert.sh: instructions (callgrind) and syscalls per served insert
  valgrind strace
  # frappe.utils references for the scripting tests (run by /usr/bin/python3)
  python3-babel python3-markdown2
  # frappe.request (werkzeug), to_markdown/html2text, sanitize_html (bleach)
  python3-werkzeug python3-html2text python3-bleach python3-pil
  # sanitize_html reference: Frappe re-serialises through BeautifulSoup (html5lib: whole documents)
  python3-bs4 python3-tinycss2 python3-html5lib
  # frappe.qb Interval arithmetic reference (relativedelta clamps month ends as MariaDB)
  python3-dateutil
  # outgoing URLs are requoted as requests does: its requote_uri is the reference
  python3-requests
  # frappe.get_print(as_pdf=True) / attach_print make PDFs with wkhtmltopdf; the
  # print tests read them back with pdftotext (poppler-utils)
  wkhtmltopdf poppler-utils
)
# The REST end-to-end test drives quire with an npm client (frappe-js-sdk).
# A node that came with its own npm (e.g. from another apt source) is kept.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
