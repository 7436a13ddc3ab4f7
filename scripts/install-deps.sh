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
if [[ "${1:-}" == "--bench" ]]; then packages+=(python3-sklearn python3-dateparser); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then exit 0; fi
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
