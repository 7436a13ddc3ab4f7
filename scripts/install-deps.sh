#!/usr/bin/env bash
# Installs the Debian packages recoupe builds and tests with, only those missing, then the browser tests'
# npm packages (tests/browser, from its lock file). Run as root (or with sudo available) on Debian 12.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages=(
  build-essential cmake pkg-config
  libicu-dev libstemmer-dev libsqlite3-dev libsimdjson-dev libxxhash-dev zlib1g-dev libxml2-dev
  libcld2-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  python3 time
  chromium  # the web reader's browser tests
)
# Node.js may come from elsewhere than Debian (a newer release): install Debian's only when there is none.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
# --bench: the peers of bench/run.sh (scikit-learn for stories; readability-lxml, and Mozilla Readability
# through npm, for page extraction), the parsers bench/parser_bench compares (libxml2, gumbo), dateparser, and wrk.
bench=0
if [[ "${1:-}" == "--bench" ]]; then
  bench=1
  packages+=(python3-sklearn python3-readability python3-lxml python3-dateparser libgumbo-dev wrk)
fi
if [[ "${1:-}" == "--fuzz" ]]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The JavaScript peer, pinned by bench/js/package-lock.json.
if ((bench)) && [[ ! -d $root/bench/js/node_modules/@mozilla/readability ]]; then
  (cd "$root/bench/js" && npm ci --no-audit --no-fund --loglevel=error)
fi
# playwright-core drives the system's chromium (it downloads no browser); reinstalled only when the lock changed.
browser=$root/tests/browser
if command -v npm >/dev/null 2>&1 && [[ ! -f $browser/node_modules/.package-lock.json ||
      $browser/package-lock.json -nt $browser/node_modules/.package-lock.json ]]; then
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci failed in tests/browser: the browser tests will be skipped" >&2
fi
