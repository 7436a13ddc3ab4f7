#!/usr/bin/env bash
# Installs the Debian packages recoupe builds and tests with, only those missing.
# Run as root (or with sudo available) on Debian 12.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libicu-dev libstemmer-dev libsqlite3-dev libsimdjson-dev libxxhash-dev zlib1g-dev
  libcld2-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  python3 time
)
# --bench: the peers of bench/run.sh (scikit-learn for stories; readability-lxml, and Mozilla Readability
# through npm, for page extraction) and the parsers bench/parser_bench compares (libxml2, gumbo).
bench=0
if [[ "${1:-}" == "--bench" ]]; then
  bench=1
  packages+=(python3-sklearn python3-readability python3-lxml libxml2-dev libgumbo-dev nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node from elsewhere (NodeSource, nvm) is as good as Debian's: do not ask apt for it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  kept=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || kept+=("$p"); done
  missing=(${kept[@]+"${kept[@]}"})
fi
if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The JavaScript peer, pinned by bench/js/package-lock.json.
if ((bench)) && [[ ! -d "$(dirname "$0")/../bench/js/node_modules/@mozilla/readability" ]]; then
  (cd "$(dirname "$0")/../bench/js" && npm ci --no-audit --no-fund --loglevel=error)
fi
