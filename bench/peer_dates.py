#!/usr/bin/env python3
"""The peer for French date expressions: dateparser's search_dates, with each article's publication date as
RELATIVE_BASE, written as the contract's JSONL (id, published, dates) for score.py dates.

  peer_dates.py INPUT.jsonl -o OUT.jsonl

INPUT is contract JSONL with `text` and `published`. dateparser finds a substring and a datetime; the
TIMEX3 value is written at the precision dateparser reports for that substring (DateDataParser's period:
year, month, week, day or time), so that "juin 2020" is 2020-06 and not a made-up day. Offsets are UTF-8
bytes into `text`, as the contract says. Needs python3-dateparser (Debian), hence /usr/bin/python3.
"""
import argparse
import json
import sys
import time
import warnings
from datetime import datetime

warnings.filterwarnings("ignore")  # dateparser 1.1 on Debian 12 warns about pytz on every call

try:
    import dateparser
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates
except ImportError:
    sys.exit("peer_dates.py: dateparser is missing (Debian: apt-get install python3-dateparser)")


def base_of(published):
    """The publication date as a datetime (noon, so that "hier" does not straddle a time zone), or None."""
    if not published:
        return None
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(published[:n], fmt).replace(hour=12)
        except ValueError:
            continue
    return None


def timex(dt, period):
    if period == "year":
        return f"{dt.year:04d}"
    if period == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    if period == "week":
        y, w, _ = dt.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}"
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    t0 = time.time()
    n = 0
    with open(a.input, encoding="utf-8") as fin, open(a.output, "w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc.get("text") or ""
            base = base_of(doc.get("published"))
            settings = {"PREFER_DATES_FROM": "past"}
            if base:
                settings["RELATIVE_BASE"] = base
            dates = []
            try:
                found = search_dates(text, languages=["fr"], settings=settings) or []
            except Exception as e:  # dateparser raises on some inputs; the article then has no dates
                print(f"peer_dates.py: {doc.get('id')}: {e}", file=sys.stderr)
                found = []
            parser = DateDataParser(languages=["fr"], settings=settings)
            raw = text.encode("utf-8")
            pos = 0
            for sub, dt in found:
                b = raw.find(sub.encode("utf-8"), pos)
                if b < 0:
                    b = raw.find(sub.encode("utf-8"))
                if b < 0:
                    continue
                e = b + len(sub.encode("utf-8"))
                pos = e
                period = (parser.get_date_data(sub) or {})["period"] or "day"
                dates.append({"field": "text", "start": b, "end": e, "text": sub,
                              "type": "TIME" if period == "time" else "DATE", "value": timex(dt, period)})
            fout.write(json.dumps({"id": doc.get("id"), "published": doc.get("published"), "dates": dates},
                                  ensure_ascii=False) + "\n")
            n += 1
    dt = time.time() - t0
    print(f"peer_dates.py: dateparser {dateparser.__version__}, {n} articles in {dt:.1f} s "
          f"({n / dt if dt else 0:.1f} articles/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
