#!/usr/bin/env python3
"""Markdown summary of a bench/run.sh run, from the files it left in bench/out/.

  summarize.py OUT_DIR [--recoupe PATH]

Reads OUT_DIR/steps.tsv (step and status), KEY.time (wall seconds and peak RSS in KB from /usr/bin/time),
KEY.score (score.py's JSON then its one-line summary) and the analysis JSONL files. Python 3 standard library.
"""
import argparse
import json
import os
import platform
import re
import subprocess
from datetime import datetime
from pathlib import Path

PEER = "peer (sklearn TF-IDF single pass{})"


def read_steps(out):
    steps = {}
    p = out / "steps.tsv"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            key, _, status = line.partition("\t")
            steps[key] = status
    return steps


def time_fields(out, key):
    """the last line of KEY.time: wall seconds, peak RSS KB, user CPU seconds ("?" when unknown)"""
    try:
        return (out / f"{key}.time").read_text().strip().splitlines()[-1].split()
    except (OSError, IndexError):
        return []


def read_time(out, key):
    f = time_fields(out, key)
    try:
        return float(f[0]), (int(f[1]) / 1024 if f[1] != "?" else None)
    except (IndexError, ValueError):
        return None, None


def read_user(out, key):
    f = time_fields(out, key)
    try:
        return float(f[2])
    except (IndexError, ValueError):
        return None


def read_score(out, key):
    try:
        text = (out / f"{key}.score").read_text(encoding="utf-8")
        return json.loads(text[:text.rindex("}") + 1])
    except (OSError, ValueError):
        return None


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None


def partition(path):
    """(canonical story partition, duplicate links) of an analysis file, or None"""
    try:
        recs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    except (OSError, ValueError):
        return None
    first, stories, dups = {}, [], []
    for r in recs:
        s = r.get("story")
        stories.append(first.setdefault(s, len(first)) if s is not None else None)
        dups.append(r.get("duplicate_of"))
    return [r.get("id") for r in recs], stories, dups


def peer_label(out):
    try:
        m = re.search(r"at threshold ([0-9.]+)", (out / "peer_orangesum.log").read_text(encoding="utf-8"))
    except OSError:
        m = None
    return PEER.format(f", threshold {m.group(1)}" if m else "")


def status_cell(steps, key):
    st = steps.get(key)
    return "not run" if st is None else ("" if st == "ok" else st)


def done(steps, key):
    return steps.get(key, "").startswith("ok")


def fmt(x, spec):
    return "–" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--recoupe", default="build/recoupe")
    a = ap.parse_args()
    out = Path(a.out)
    steps = read_steps(out)
    peer = peer_label(out)
    lines = []
    w = lines.append

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor()) \
        if os.path.exists("/proc/cpuinfo") else platform.processor()
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True).stdout.strip()
    except OSError:
        rev, dirty = "", ""
    w("# recoupe benchmark")
    w("")
    w(f"{datetime.now().strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores ({cpu}), {platform.system()} "
      f"{platform.release()}; recoupe `{a.recoupe}`, commit {rev or '?'}{' + local changes' if dirty else ''}.")
    w("")

    # ---- throughput
    n = count_lines(out / "recoupe_orangesum.jsonl") or count_lines(out / "peer_orangesum.jsonl")
    w(f"## Throughput: OrangeSum articles.jsonl.gz ({n:,} articles), whole run" if n else
      "## Throughput: OrangeSum articles.jsonl.gz, whole run")
    w("")
    w("| system | wall s | articles/s | peak RSS MB | note |")
    w("|---|---:|---:|---:|---|")
    rate = {}
    for key, label in (("recoupe_orangesum", "recoupe `--threads 1`"),
                       ("recoupe_orangesum_all_cores", f"recoupe `--threads 0` ({os.cpu_count()} cores)"),
                       ("peer_orangesum", peer)):
        wall, rss = read_time(out, key)
        ok = done(steps, key)
        rate[key] = n / wall if ok and n and wall else None
        w(f"| {label} | {fmt(wall if ok else None, '.1f')} | {fmt(rate[key], ',.0f')} | "
          f"{fmt(rss if ok else None, ',.0f')} | {status_cell(steps, key)} |")
    w("")
    p = rate["peer_orangesum"]
    for key, label in (("recoupe_orangesum", "1 thread"), ("recoupe_orangesum_all_cores", "all cores")):
        r = rate[key]
        w(f"- recoupe ({label}) articles/s ÷ peer articles/s: **{r / p:.2f}×**" if r and p else
          f"- recoupe ({label}) articles/s ÷ peer articles/s: –")
    both = done(steps, "recoupe_orangesum") and done(steps, "recoupe_orangesum_all_cores")
    a1 = partition(out / "recoupe_orangesum.jsonl") if both else None
    a0 = partition(out / "recoupe_orangesum_all_cores.jsonl") if both else None
    if a1 and a0:
        same_ids = a1[0] == a0[0]
        ds = sum(x != y for x, y in zip(a1[1], a0[1])) if same_ids else None
        dd = sum(x != y for x, y in zip(a1[2], a0[2])) if same_ids else None
        verdict = ("identical stories and duplicate links" if same_ids and not ds and not dd else
                   "ids or order differ" if not same_ids else f"{ds} story assignments and {dd} duplicate links differ")
        w(f"- `--threads 1` vs `--threads 0` output: {verdict}")
    w("")

    # ---- clusters
    w("## Story clustering")
    w("")
    w("| gold set | system | BCubed P | BCubed R | BCubed F1 | pairwise F1 | stories (gold) | note |")
    w("|---|---|---:|---:|---:|---:|---:|---|")
    for set_, name in (("june", "OrangeSum 15–17 June 2020"), ("rpm2", "RPM2 (by story)")):
        for system, label in (("recoupe", "recoupe"), ("peer", peer)):
            r = read_score(out, f"score_{system}_{set_}")
            note = status_cell(steps, f"{system}_{set_}") or status_cell(steps, f"score_{system}_{set_}")
            if r:
                b = r["bcubed"]
                w(f"| {name} | {label} | {b['precision']:.3f} | {b['recall']:.3f} | **{b['f1']:.3f}** | "
                  f"**{r['pairwise']['f1']:.3f}** | {r['pred_stories']} ({r['gold_stories']}) | {note} |")
            else:
                w(f"| {name} | {label} | – | – | – | – | – | {note or 'no score'} |")
    w("")

    # ---- duplicates
    w("## Near-duplicates (recoupe's `duplicate_of`)")
    w("")
    w("| set | precision | recall | F1 | copies | links | note |")
    w("|---|---:|---:|---:|---:|---:|---|")
    for key, name in (("score_recoupe_exact", "OrangeSum exact_duplicate_groups (all groups: same body, lead or title)"),
                      ("score_recoupe_exact_same_body", "the same groups, members with an identical body only"),
                      ("score_recoupe_near_copies", "generated near-copies (bench/make_near_copies.py)")):
        r = read_score(out, key)
        note = status_cell(steps, key) if key in steps else "not run"
        if r:
            w(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | **{r['f1']:.3f}** | {r['copies']:,} | "
              f"{r['links']:,} | {note} |")
        else:
            w(f"| {name} | – | – | – | – | – | {note or 'no score'} |")
    wall, rss = read_time(out, "recoupe_near_copies")
    nn = count_lines(out / "near_copies.jsonl")
    if wall and nn and done(steps, "recoupe_near_copies"):
        w("")
        w(f"recoupe on the near-copies set: {nn:,} articles in {wall:.1f} s, peak RSS {fmt(rss, ',.0f')} MB.")
    w("")

    # ---- dates
    w("## Dates: French TimeBank dev (54 articles, 181 TIMEX3), `score.py dates`")
    w("")
    w("| system | detection P | detection R | detection F1 | value F1 | note |")
    w("|---|---:|---:|---:|---:|---|")
    for key, label in (("recoupe_dates", "recoupe"), ("peer_dates", "dateparser `search_dates` (bench/peer_dates.py)")):
        r = read_score(out, f"score_{key}")
        note = status_cell(steps, key) or status_cell(steps, f"score_{key}")
        if r:
            d = r["detection_relaxed"]
            w(f"| {label} | {d['precision']:.3f} | {d['recall']:.3f} | **{d['f1']:.3f}** | "
              f"**{r['value_f1']['f1']:.3f}** | {note} |")
        else:
            w(f"| {label} | – | – | – | – | {note or 'no score'} |")
    w("")

    # ---- what each analysis component costs
    runs = (("the default pipeline", "full"), ("`--without dates`", "without_dates"),
            ("`--without entities`", "without_entities"), ("`--without quotes`", "without_quotes"),
            ("`--without dates,entities,quotes`", "without_dates_entities_quotes"))
    rounds = (1, 2, 3, 4, 5)
    keys = [f"recoupe_orangesum_pipeline_{k}_r{r}" for _, k in runs for r in rounds]
    if n and all(done(steps, k) for k in keys):
        def median(values):
            values = sorted(v for v in values if v is not None)
            return values[len(values) // 2] if len(values) == len(rounds) else None

        def fastest(values):
            values = [v for v in values if v is not None]
            return min(values) if len(values) == len(rounds) else None

        def user_runs(k):
            return [read_user(out, f"recoupe_orangesum_pipeline_{k}_r{r}") for r in rounds]
        user = {k: median(user_runs(k)) for _, k in runs}
        user_min = {k: fastest(user_runs(k)) for _, k in runs}
        wall_of = {k: median(read_time(out, f"recoupe_orangesum_pipeline_{k}_r{r}")[0] for r in rounds) for _, k in runs}
        w("## What each analysis component costs (OrangeSum, `recoupe analyze --threads 1`, back to back)")
        w("")
        w("Medians of five rounds of the five runs, and the fastest of the five (what the machine's other work")
        w("disturbed least: it only ever adds time).")
        w("")
        w("| pipeline | wall s | articles/s | user CPU s | fastest user CPU s |")
        w("|---|---:|---:|---:|---:|")
        for label, k in runs:
            wall = wall_of[k]
            w(f"| {label} | {fmt(wall, '.1f')} | {fmt(n / wall if wall else None, ',.0f')} | {fmt(user[k], '.1f')} "
              f"| {fmt(user_min[k], '.1f')} |")

        def costs(u):
            base, full = u["without_dates_entities_quotes"], u["full"]
            return (f"entities and dates together **{100 * (u['without_quotes'] - base) / base:+.1f}%** (bar +50%), "
                    f"dates {100 * (full - u['without_dates']) / base:+.0f}%, "
                    f"entities {100 * (full - u['without_entities']) / base:+.0f}%, "
                    f"quotes **{100 * (full - u['without_quotes']) / u['without_quotes']:+.1f}%** of the rest (bar +25%)")
        if all(user.values()) and all(user_min.values()):
            w("")
            w("In CPU time (wall time follows whatever else the machine runs), against the pipeline without the three: "
              f"medians: {costs(user)}; fastest runs: {costs(user_min)}.")
    w("")
    w("Exact commands: `bench/out/commands.txt`; logs and outputs beside it.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
