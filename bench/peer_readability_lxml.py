#!/usr/bin/env python3
"""The Python peer of bench/extraction_bench.sh: readability-lxml (Debian's python3-readability), for each
JSON line {"id", "html"} of INPUT; writes {"id", "title", "text"} lines (the text of its summary HTML).

  python3 bench/peer_readability_lxml.py INPUT.jsonl OUTPUT.jsonl
"""
import json, logging, sys

import lxml.html
from readability import Document


BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "br", "section", "article")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: peer_readability_lxml.py INPUT.jsonl OUTPUT.jsonl")
    logging.disable(logging.CRITICAL)  # readability logs every page it finds hard
    pages = failed = 0
    with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            title = text = None
            try:
                doc = Document(rec["html"])
                title = doc.short_title()
                # All the text readability kept, one block per line, as the others give it.
                root = lxml.html.fromstring(doc.summary(html_partial=True))
                for el in root.iter(BLOCKS):
                    el.tail = "\n" + (el.tail or "")
                text = "\n".join(l.strip() for l in root.text_content().split("\n") if l.strip())
            except Exception:
                failed += 1
            pages += 1
            out.write(json.dumps({"id": rec["id"], "title": title, "text": text}, ensure_ascii=False) + "\n")
    print(f"peer_readability_lxml: {pages} pages, {failed} failed", file=sys.stderr)


if __name__ == "__main__":
    main()
