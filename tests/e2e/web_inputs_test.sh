#!/usr/bin/env bash
# Web inputs written for these tests (tests/fixtures/web/, see make_web_fixtures.py): WARC and ARC
# archives, feeds, pages. Records that are not pages are passed over without being errors; bad
# records are named with their file and byte offset (or line) and the run goes on.
# Pages go on to the page extractor (src/clean/html_extractor.h): each becomes an analysed article.
source "$(dirname "$0")/lib.sh"
web=$FIXTURES/web

# expect_done CMD...: exit 0 or 3 (done, some records skipped), never an error or a signal.
expect_done() {
  local got=0
  "$@" >"$WORK/stdout" 2>"$WORK/stderr" || got=$?
  [[ $got == 0 || $got == 3 ]] || { cat "$WORK/stderr" >&2; fail "exit $got, wanted 0 or 3: $*"; }
}

# A WARC file: 3 pages; warcinfo, request, 404, image, metadata and revisit passed over and counted.
for f in plain.warc per_record.warc.gz single_stream.warc.gz; do
  expect_done "$RECOUPE" analyze "$web/$f"
  expect_stderr "recoupe analyze: 3 articles read, 3 analysed, 0 skipped, 6 non-HTML records passed over"
  expect_stderr "$f: note: 6 records passed over, not HTML pages (1 warcinfo, 1 request, 1 status not 200, 1 not HTML, 1 metadata, 1 revisit)"
  # Each page's article, under its URL (the WARC-Target-URI is the article's id).
  expect_stdout '"id":"https://pontivel.example/marche"'
  expect_stdout '"title":"Bréval : la halle aux grains rénovée"'
done

# Records that are not pages are not errors: exit 0.
python3 - "$WORK/no_pages.warc" <<'PY'
import sys
def rec(t, block, ct):
    h = "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: https://a.example/\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
    return (h % (t, ct, len(block))).encode() + block + b"\r\n\r\n"
with open(sys.argv[1], "wb") as f:
    f.write(rec("warcinfo", b"software: test\r\n", "application/warc-fields"))
    f.write(rec("request", b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"))
    f.write(rec("response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", "application/http; msgtype=response"))
PY
expect_status 0 "$RECOUPE" analyze "$WORK/no_pages.warc"
expect_stderr "recoupe analyze: 0 articles read, 0 analysed, 0 skipped, 3 non-HTML records passed over"

# Chunked and compressed bodies.
expect_done "$RECOUPE" analyze "$web/codings.warc"
expect_stderr "recoupe analyze: 5 articles read"

# Bad records: named with their offset; the good ones around them are read.
expect_status 3 "$RECOUPE" analyze "$web/bad.warc"
expect_stderr "bad.warc@749: skipped: bad chunked encoding"
expect_stderr "bad.warc@1130: skipped: bad gzip body (Content-Encoding: gzip)"
expect_stderr "bad.warc@1520: skipped: Content-Encoding \"br\" is not supported"
expect_stderr "bad.warc@2540: skipped: broken WARC header: line 3 has no colon"
expect_stderr "bad.warc@2631: skipped: broken WARC header: Content-Length \"dix\" is not a number"
expect_stderr "bad.warc@3333: skipped: not a WARC record (no \"WARC/1.\" line here); went on at the next record"
expect_stderr "bad.warc@4024: skipped: Content-Length 890 goes beyond the end of the file"
expect_stderr "recoupe analyze: 4 articles read"
expect_status 1 "$RECOUPE" analyze --strict "$web/bad.warc"
expect_stderr "bad.warc@749: error: bad chunked encoding"

expect_status 3 "$RECOUPE" analyze "$web/corrupt_member.warc.gz"
expect_stderr "corrupt_member.warc.gz@447: skipped: cannot read the next record: bad gzip data"
expect_stderr "went on at the next gzip member, $web/corrupt_member.warc.gz@847"
expect_stderr "recoupe analyze: 4 articles read"

expect_status 3 "$RECOUPE" analyze "$web/truncated.warc.gz"
expect_stderr "truncated.warc.gz@1208: skipped: WARC header cut short: the file ends inside this gzip member"
expect_stderr "recoupe analyze: 1 articles read"

expect_status 3 "$RECOUPE" analyze --max-record-mb 0.02 "$web/big_page.warc"
expect_stderr "skipped: record is 47597 bytes, over the limit of 20971 (https://pontivel.example/long)"
expect_stderr "recoupe analyze: 2 articles read"

# ARC, with a URL that holds spaces.
expect_done "$RECOUPE" analyze "$web/example.arc" "$web/example.arc.gz"
expect_stderr "recoupe analyze: 2 articles read"
expect_stderr "example.arc: note: 2 records passed over, not HTML pages (1 filedesc, 1 not HTML)"

# Streaming: 60 MB pages and images are skipped or passed over without being held.
python3 - "$WORK/huge.warc" <<'PY'
import sys
def rec(uri, head, size):
    block = head + b"x" * size
    h = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
    return (h % (uri, len(block))).encode() + block + b"\r\n\r\n"
with open(sys.argv[1], "wb") as f:
    f.write(rec("https://a.example/big.jpg", b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n", 30 << 20))
    f.write(rec("https://a.example/huge.html", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>", 30 << 20))
    f.write(rec("https://a.example/ok.html", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>", 10))
PY
expect_status 3 /usr/bin/time -f "peak RSS %M KB" "$RECOUPE" analyze "$WORK/huge.warc"
expect_stderr "skipped: record is 31457330 bytes, over the limit of 16777216 (https://a.example/huge.html)"
expect_stderr "1 non-HTML records passed over"
rss=$(sed -n 's/^peak RSS \([0-9]*\) KB$/\1/p' "$WORK/stderr")
((rss < 24000)) || fail "peak RSS $rss KB reading a 60 MB WARC: records are held whole"

# Feeds.
expect_status 3 "$RECOUPE" analyze "$web/news.rss"
expect_stderr "recoupe analyze: 4 articles read, 4 analysed, 2 skipped"
expect_stderr "news.rss:25: note: date \"mardi 16 juin, vers midi\" is neither RFC 822 nor ISO 8601"
expect_stderr "news.rss:37: skipped: item has no guid, id or link"
expect_stdout '"id":"cp-0001","lang":"fr","published":"2020-06-15T10:30:00+02:00"'
expect_stdout '"source":"Le Courrier de Pontivel"'
expect_status 0 "$RECOUPE" analyze "$web/news.atom" "$web/news.rdf" "$web/latin1_undeclared.rss"
expect_stderr "recoupe analyze: 7 articles read, 7 analysed, 0 skipped"
expect_stdout '"title":"Été : la fête du lac aura lieu le 14 juillet"'
expect_status 3 "$RECOUPE" analyze "$web/leading_blanks.rss"  # blanks before "<?xml": tolerated
expect_stderr "recoupe analyze: 4 articles read, 4 analysed, 2 skipped"
expect_status 0 "$RECOUPE" analyze "$web/broken.rss"
expect_stderr "broken.rss:3: note: malformed XML (Entity 'nbsp' not defined) and 2 more errors; read in recover mode, 3 items kept"
expect_stderr "recoupe analyze: 3 articles read, 3 analysed, 0 skipped"
expect_status 0 "$RECOUPE" analyze "$web/xxe.rss"
! grep -q -e SECRET-XXE-MARKER -e 'root:' "$WORK/stdout" || fail "an external entity was read"
expect_status 3 "$RECOUPE" analyze "$web/not_a_feed.rss"
expect_stderr "not_a_feed.rss: skipped: not an RSS, Atom or RDF feed (the root element is <urlset>)"
expect_status 3 "$RECOUPE" analyze "$web/radio.json"
expect_stderr "radio.json#3: skipped: item has no id or url"
expect_stderr "recoupe analyze: 2 articles read, 2 analysed, 1 skipped"

# Pages, and files whose names say nothing (sniffed).
expect_done "$RECOUPE" analyze "$web/page.html" "$web/page_latin1.htm" "$web/sniff_page" "$web/sniff_warc" "$web/sniff_feed"
expect_stderr "recoupe analyze: 8 articles read"

# The whole folder: every kind at once, sorted; nothing but recoupe's own lines on stderr.
expect_done "$RECOUPE" analyze "$web"
expect_stderr "recoupe analyze: "
! grep -v "^recoupe" "$WORK/stderr" || fail "stderr has lines that are not recoupe's"
# Every fuzz seed and past crasher, as a file whose name says nothing (sniffed).
find "$FIXTURES/../fuzz_corpus" -type f | sort >"$WORK/corpus.list"
expect_done "$RECOUPE" analyze --files-from "$WORK/corpus.list"
expect_stderr "recoupe analyze: "
! grep -v "^recoupe" "$WORK/stderr" || fail "stderr has lines that are not recoupe's"
echo "web inputs ok"
