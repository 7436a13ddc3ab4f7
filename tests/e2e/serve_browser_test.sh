#!/usr/bin/env bash
# The web reader in a real browser: headless Chromium driven by playwright-core (tests/browser), against a
# server on a free loopback port. Screenshots stay in the build folder (browser-screenshots/).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x $chromium ]] || skip "no Chromium at $chromium (scripts/install-deps.sh installs Debian's chromium)"
command -v node >/dev/null || skip "no node (scripts/install-deps.sh installs it)"
browser=$REPO/tests/browser
if [[ ! -d $browser/node_modules/playwright-core ]]; then
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
    skip "playwright-core is not installed in tests/browser and npm ci failed"
fi
db=$WORK/serve.db
python3 "$REPO/tests/e2e/serve_fixture.py" "$RECOUPE" "$FIXTURES" "$db" >/dev/null
start_server "$db"
out=${BUILD_DIR:-$WORK}/browser-screenshots
rm -rf "$out"
CHROMIUM=$chromium node "$browser/reader_test.mjs" "$BASE_URL" "$out" || fail "the web reader failed in Chromium (screenshots in $out)"
