#!/usr/bin/env bash
# Bad input: a clear message naming file, line and reason; the run goes on; the count at the end.
source "$(dirname "$0")/lib.sh"
bad=$FIXTURES/bad

expect_status 3 "$RECOUPE" analyze "$bad/broken.jsonl" "$bad/bad_utf8.jsonl" "$bad/blank_lines.jsonl"
expect_stderr "broken.jsonl:2: skipped: broken JSON"
expect_stderr "broken.jsonl:4: skipped: no \"id\""
expect_stderr "broken.jsonl:6: skipped: not a JSON object"
expect_stderr "bad_utf8.jsonl:2: skipped: invalid UTF-8 at byte 66"
expect_stderr "9 articles read, 9 analysed, 4 skipped"
[[ $(wc -l <"$WORK/stdout") == 9 ]] || fail "expected 9 output lines"

# --strict: the first bad record is fatal.
expect_status 1 "$RECOUPE" analyze --strict "$bad/broken.jsonl"
expect_stderr "broken.jsonl:2: error: broken JSON"
expect_stderr "stopped at the first bad record"

# A record that fails later (no text at all) is fatal under --strict too, and nothing of its batch is written.
printf '{"id":"a","text":"Un article."}\n{"id":"b","text":""}\n{"id":"c","text":"Un autre."}\n' >"$WORK/strict.jsonl"
expect_status 1 "$RECOUPE" analyze --strict "$WORK/strict.jsonl"
expect_stderr "strict.jsonl:2: error: no title, abstract or text"
[[ ! -s "$WORK/stdout" ]] || fail "--strict wrote records of a failed batch"
expect_status 3 "$RECOUPE" analyze "$WORK/strict.jsonl"
[[ $(wc -l <"$WORK/stdout") == 2 ]] || fail "expected the 2 good records without --strict"

# An empty file is worth a note, not an error.
expect_status 0 "$RECOUPE" analyze "$bad/empty.jsonl"
expect_stderr "empty.jsonl: note: empty file"

# A gzip cut short: what came before is kept.
expect_status 3 "$RECOUPE" analyze "$bad/truncated.jsonl.gz"
expect_stderr "gzip stream cut short"
[[ $(wc -l <"$WORK/stdout") == 6 ]] || fail "expected the 6 records before the cut"

# A 50 MB record is skipped without stopping the file (nor holding 50 MB).
python3 - "$WORK/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "before", "text": "Un court article."}) + "\n")
    f.write('{"id": "huge", "text": "' + "x" * (50 * 1024 * 1024) + '"}\n')
    f.write(json.dumps({"id": "after", "text": "Un autre court article."}) + "\n")
PY
expect_status 3 "$RECOUPE" analyze "$WORK/big.jsonl"
expect_stderr "big.jsonl:2: skipped: record is 52428826 bytes, over the limit of 16777216"
expect_stdout '"id":"after"'

# Missing input file: reported, the others still read.
expect_status 1 "$RECOUPE" analyze /nonexistent.jsonl "$bad/blank_lines.jsonl"
expect_stderr "/nonexistent.jsonl: error:"
[[ $(wc -l <"$WORK/stdout") == 4 ]] || fail "expected the 4 good records"

# stdin.
expect_status 0 bash -c "cat '$bad/blank_lines.jsonl' | '$RECOUPE' analyze -"
[[ $(wc -l <"$WORK/stdout") == 4 ]] || fail "stdin: expected 4 records"
echo "bad input ok"
