#!/usr/bin/env bash
# Runs the libFuzzer targets built by `make fuzz`, one after the other, each for SECONDS
# (default 600), at the lowest priority: the machine is shared.
#   scripts/run-fuzzers.sh [SECONDS] [TARGET...]
# Each starts from tests/fuzz_corpus/<target>/ (copied into build-fuzz/corpus/<target>/, where the
# corpus grows); crashes land in build-fuzz/artifacts/<target>/: add each to
# tests/fuzz_corpus/<target>/ with a unit test named after it once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
build=${FUZZ_BUILD:-build-fuzz}
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/fuzz_*.cc; do targets+=("$(basename "$f" .cc)"); done
fi
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  [[ -x $bin ]] || { echo "$bin missing: run make fuzz first" >&2; exit 1; }
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  cp -n tests/fuzz_corpus/"$t"/* "$build/corpus/$t/" 2>/dev/null || true
  # ../shared's real-world samples, when present, make good starting points (not committed here).
  case $t in
    fuzz_warc_reader) cp -n ../shared/samples/warc_samples/*.{warc,gz,arc,bad} "$build/corpus/$t/" 2>/dev/null || true ;;
    fuzz_feed_reader) cp -n ../shared/samples/rss_samples/*.{rss,atom,json} "$build/corpus/$t/" 2>/dev/null || true ;;
  esac
  dict=()
  case $t in
    fuzz_warc_reader) dict=(-dict=fuzz/warc.dict) ;;
    fuzz_feed_reader) dict=(-dict=fuzz/feed.dict) ;;
  esac
  echo "== $t for ${seconds}s" >&2
  nice -n 19 "$bin" "$build/corpus/$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" 2>&1 | tail -n 25
done
