# Starting and stopping `recoupe serve` for the serve tests (sourced after lib.sh).

# start_server DB: serves DB on a free loopback port; sets SERVER_PID and BASE_URL.
start_server() {
  "$RECOUPE" serve --db "$1" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
  SERVER_PID=$!
  BASE_URL=""
  # Up to 30 s: startup migrates the database, which a loaded machine (ctest -j2 beside builds) makes slow.
  for _ in $(seq 1 600); do
    BASE_URL=$(grep -o 'http://[^ ]*/' "$WORK/serve.out" 2>/dev/null || true)
    [[ -n $BASE_URL ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; fail "recoupe serve exited"; }
    sleep 0.05
  done
  [[ -n $BASE_URL ]] || { cat "$WORK/serve.err" >&2; fail "recoupe serve printed no URL in 30 s"; }
  BASE_URL=${BASE_URL%/}
  trap 'stop_server; rm -rf "$WORK"' EXIT
}

stop_server() {
  if [[ -n ${SERVER_PID:-} ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
