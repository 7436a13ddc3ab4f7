# Helpers for the end-to-end tests. CTest sets RECOUPE (the binary), FIXTURES,
# SHARED (../shared, which may be absent) and REPO.
set -euo pipefail
: "${RECOUPE:?set by ctest}" "${FIXTURES:?}" "${REPO:?}"
SHARED=${SHARED:-$REPO/../shared}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/recoupe-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
need_shared() { [[ -d "$SHARED/gold" ]] || skip "needs ../shared beside the repo (CI has it): $SHARED not found"; }

# expect_status WANT CMD...: runs CMD, fails unless it exits with WANT; stderr goes to $WORK/stderr.
expect_status() {
  local want=$1; shift
  local got=0
  "$@" >"$WORK/stdout" 2>"$WORK/stderr" || got=$?
  [[ $got == "$want" ]] || { cat "$WORK/stderr" >&2; fail "exit $got, wanted $want: $*"; }
}
expect_stderr() { grep -qF -- "$1" "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "stderr lacks: $1"; }; }
expect_stdout() { grep -qF -- "$1" "$WORK/stdout" || { head -c 2000 "$WORK/stdout" >&2; fail "stdout lacks: $1"; }; }
