#!/usr/bin/env bash
# Every WARC, ARC and feed sample of ../shared/samples (third-party test files, some broken on
# purpose): read without a crash or a hang (exit 0 or 3, never a signal or a time-out), the
# summary line printed, and each bad record named with its offset or line.
source "$(dirname "$0")/lib.sh"
samples=$SHARED/samples
[[ -d $samples/warc_samples && -d $samples/rss_samples ]] || skip "needs ../shared/samples beside the repo: $samples not found"

n=0
for f in "$samples"/warc_samples/* "$samples"/rss_samples/*; do
  got=0
  timeout 60 "$RECOUPE" analyze --threads 1 "$f" >"$WORK/stdout" 2>"$WORK/stderr" || got=$?
  [[ $got == 0 || $got == 3 ]] || { tail -5 "$WORK/stderr" >&2; fail "exit $got on $f (124: time-out; >128: a signal)"; }
  grep -qE "^recoupe analyze: [0-9]+ articles read, [0-9]+ analysed, [0-9]+ skipped" "$WORK/stderr" ||
    fail "no summary line for $f"
  # Every bad record names where it is: file@offset (archives), file:line or file#item (feeds),
  # or the file alone for a whole input that is not what its name says.
  if grep -E ": (skipped|error): " "$WORK/stderr" |
    grep -vE "^recoupe: [^ ]+(@[0-9]+(\+[0-9]+)?|:[0-9]+|#[0-9]+)?: (skipped|error): " >"$WORK/unnamed"; then
    cat "$WORK/unnamed" >&2
    fail "a bad record of $f is not named with its place"
  fi
  # Nothing but recoupe's own lines on stderr (libxml2 prints its errors unless told not to).
  if grep -v "^recoupe" "$WORK/stderr" >"$WORK/foreign"; then
    head -3 "$WORK/foreign" >&2
    fail "stderr of $f has lines that are not recoupe's"
  fi
  n=$((n + 1))
done

# A few known counts (the samples do not change).
expect_done() { local got=0; "$@" >"$WORK/stdout" 2>"$WORK/stderr" || got=$?; [[ $got == 0 || $got == 3 ]] || fail "exit $got: $*"; }
expect_done "$RECOUPE" analyze "$samples/warc_samples/resiliparse_warcfile.warc.gz"
expect_stderr "recoupe analyze: 16 articles read"
expect_stderr "34 non-HTML records passed over"
expect_done "$RECOUPE" analyze "$samples/warc_samples/warcio_example-bad.warc.gz.bad"  # sniffed: gzip, then WARC
expect_stderr "recoupe analyze: 1 articles read"
expect_done "$RECOUPE" analyze "$samples/warc_samples/warcio_bad.arc"
expect_stderr "warcio_bad.arc@0: skipped: broken ARC record: ARC record length \"-1\" is not a number"
expect_done "$RECOUPE" analyze "$samples/warc_samples/resiliparse_clipped.warc.gz"
expect_stderr "resiliparse_clipped.warc.gz@0: skipped: Content-Length 88275 goes beyond the end of the file"
expect_status 0 "$RECOUPE" analyze "$samples/rss_samples/rssparser_guardian.rss"
expect_stderr "recoupe analyze: 55 articles read, 55 analysed, 0 skipped"
expect_status 0 "$RECOUPE" analyze "$samples/rss_samples/rssparser_uolNoticias.rss"  # Latin-1, undeclared
expect_stdout '"published":"2018-09-24T19:42:40-03:00"'
expect_status 0 "$RECOUPE" analyze "$samples/rss_samples/trafilatura_feed.json"
expect_stderr "recoupe analyze: 25 articles read, 25 analysed, 0 skipped"
# Whole folders in one run.
expect_done timeout 300 "$RECOUPE" analyze "$samples/warc_samples" "$samples/rss_samples"
echo "web samples ok: $n files"
