#!/usr/bin/env python3
"""Scores RANK on a shared dev corpus with the project's stand-off labels.

The labels (corpora/rank/NAME.rank.jsonl, for ../shared/corpora/dev/NAME.jsonl; NAME
is ontonotes_nw_dev by default, te3_tbaq with --set) name documents by id and
offsets only; the texts stay in ../shared. This script joins them at run time into
a temporary gold file (rankings required, ambiguous cases optional, non-rankings
negative), runs `extract eval --types RANK` on it, and then counts how many
non-ranking ordinals got a RANK tag. It skips cleanly (exit 0) when the shared
corpus is absent.

Usage: scripts/rank_dev_eval.py [--set NAME] [--extract PATH] [--errors N] [--keep FILE]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATUS = {"ranking": "required", "ambiguous": "optional", "not-ranking": "negative"}


def find_extract(given):
    if given:
        return given
    for build in sorted(os.listdir(ROOT)):
        if build.startswith(".build"):
            for mode in ("release", "debug"):
                path = os.path.join(ROOT, build, mode, "extract")
                if os.path.exists(path):
                    return path
    sys.exit("rank_dev_eval: no built extract found; build first or pass --extract")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="ontonotes_nw_dev", help="label set: ontonotes_nw_dev (default) or te3_tbaq")
    parser.add_argument("--extract", help="path of the extract binary")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--keep", help="also write the joined gold file here (outside the repository!)")
    args = parser.parse_args()
    LABELS = os.path.join(ROOT, "corpora", "rank", f"{args.set}.rank.jsonl")
    CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "dev", f"{args.set}.jsonl")
    if not os.path.exists(LABELS):
        sys.exit(f"rank_dev_eval: no labels {LABELS}")

    if not os.path.exists(CORPUS):
        print(f"rank_dev_eval: {CORPUS} not found; skipping")
        return 0
    labels = {}
    with open(LABELS, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                labels.setdefault(rec["doc"], []).append(rec)

    docs = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            entities = []
            for rec in labels.pop(doc["id"], []):
                s, e = rec["start"], rec["end"]
                if not (0 <= s < e <= len(doc["text"])):
                    sys.exit(f"rank_dev_eval: bad offsets {s}-{e} in {doc['id']}")
                ent = {"type": "RANK", "start": s, "end": e, "text": doc["text"][s:e],
                       "status": STATUS[rec["label"]]}
                if "value" in rec:
                    ent["value"] = rec["value"]
                entities.append(ent)
            docs.append({"id": doc["id"], "text": doc["text"], "entities": entities})
    if labels:
        sys.exit(f"rank_dev_eval: labels for unknown documents: {sorted(labels)[:3]}")

    extract = find_extract(args.extract)
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "rank_gold.jsonl")
        with open(gold, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        if args.keep:
            with open(gold, encoding="utf-8") as src, open(args.keep, "w", encoding="utf-8") as dst:
                dst.write(src.read())
        cmd = [extract, "eval", "--gold", gold, "--types", "RANK"]
        if args.errors:
            cmd += ["--errors", str(args.errors)]
        if subprocess.run(cmd).returncode != 0:
            sys.exit("rank_dev_eval: extract eval failed")
        # Non-ranking ordinals tagged: run the extractor and count overlaps.
        out = subprocess.run([extract, "--types", "RANK", "--input", "jsonl"], input=open(gold, "rb").read(),
                             capture_output=True, check=False).stdout.decode("utf-8")
    predicted = {}
    for line in out.splitlines():
        rec = json.loads(line)
        predicted[rec["id"]] = [(e["start"], e["end"]) for e in rec.get("entities", []) if e["type"] == "RANK"]
    with open(LABELS, encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    for source in sorted({r["source"] for r in recs}) + ["all"]:
        negatives = [r for r in recs if r["label"] == "not-ranking" and (source == "all" or r["source"] == source)]
        tagged = [r for r in negatives
                  if any(s < r["end"] and r["start"] < e for s, e in predicted.get(r["doc"], []))]
        share = len(tagged) / len(negatives) if negatives else 0.0
        print(f"non-ranking ordinals tagged ({source}): {len(tagged)} / {len(negatives)} = {share:.3f}")
        for r in tagged[: args.errors]:
            print(f"  tagged non-ranking: {r['doc']} {r['start']}-{r['end']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
