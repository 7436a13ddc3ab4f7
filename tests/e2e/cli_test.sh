#!/usr/bin/env bash
# The command line: usage, help, exit statuses.
source "$(dirname "$0")/lib.sh"

expect_status 2 "$RECOUPE"
expect_stderr "usage: recoupe <command>"
expect_status 0 "$RECOUPE" --help
expect_stdout "analyze"
expect_stdout "ingest"
expect_status 2 "$RECOUPE" frobnicate
expect_stderr "unknown command 'frobnicate'"
expect_status 0 "$RECOUPE" analyze --help
expect_stdout "--threads"
expect_status 2 "$RECOUPE" analyze
expect_stderr "no inputs"
# --files-from: a list of inputs, one per line, comments and blank lines skipped.
printf '# the two bridge articles\n%s\n\n%s\n' "$FIXTURES/txt/001_pont_montrevel.txt" "$FIXTURES/txt/002_pont_montrevel_travaux.txt" >"$WORK/list.txt"
expect_status 0 "$RECOUPE" analyze --files-from "$WORK/list.txt"
[[ $(wc -l <"$WORK/stdout") == 2 ]] || fail "--files-from: expected 2 articles"
expect_status 1 "$RECOUPE" analyze --files-from "$WORK/no-such-list.txt"
expect_stderr "cannot open the list of inputs"
expect_status 2 "$RECOUPE" analyze x.jsonl --threads many
expect_status 2 "$RECOUPE" stories
expect_stderr "--db is required"
expect_status 2 "$RECOUPE" explain some-id
expect_stderr "give either --db or inputs"
expect_status 0 "$RECOUPE" pipeline
expect_stdout "segmenter"
expect_stdout "link_features"
echo "cli ok"
