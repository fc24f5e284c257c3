#!/usr/bin/env python3
"""Build corpora/gold.jsonl from the hand-written corpora/annotations.json.

annotations.json lists, per document, every entity by its exact text and its
occurrence number in the document (1 = first whole-word occurrence, counted in
Unicode scalars, case-sensitive). This script reads each document file as UTF-8
(CRLF kept as is), finds the occurrence, computes start/end offsets in Unicode
scalars (Python str indices, end exclusive) and writes one gold line per
document in the format of ../shared/corpora/README.md.

Entity keys in annotations.json:
  text        the exact span text (required)
  occurrence  which whole-word occurrence of `text` (default 1)
  type        ORG | PERCENT | RANK | DATE (required)
  status      required | optional | negative (default required; DATE entries with
              timex_type DURATION, SET or TIME default to optional)
  value       normalized value (omitted for negative entries and ranges)
  alt         list of other span texts that count as the same mention; each is
              looked up as the occurrence that contains, or lies inside, the main span
  any other key (timex_type, mod, qualifier, unit, low, high, scope, criterion)
              is copied to the gold entity unchanged.

The script fails (exit status 1) when a text or an alt is not found, when an
occurrence number is too high, or when two entities of one type and status
'required' overlap. Run:  python3 corpora/build_gold.py  [--check]  [--show]
  --check  verify that gold.jsonl is up to date instead of writing it
  --show   print every entity with its context, for review by eye
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN_TYPES = {"ORG", "PERCENT", "RANK", "DATE"}
KNOWN_STATUS = {"required", "optional", "negative"}
SOFT_TIMEX = {"DURATION", "SET", "TIME"}
KEY_ORDER = ["type", "start", "end", "text", "value", "status", "alt", "timex_type", "mod",
             "qualifier", "unit", "low", "high", "scope", "criterion"]


class GoldError(Exception):
    pass


def is_word_char(ch):
    return ch.isalnum()


def occurrences(text, needle):
    """Start offsets of whole-word occurrences of needle in text."""
    found = []
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        left_ok = i == 0 or not (is_word_char(needle[0]) and is_word_char(text[i - 1]))
        right_ok = j == len(text) or not (is_word_char(needle[-1]) and is_word_char(text[j]))
        if left_ok and right_ok:
            found.append(i)
        i = text.find(needle, i + 1)
    return found


def locate(doc_id, text, needle, occurrence):
    starts = occurrences(text, needle)
    if not starts:
        raise GoldError(f"{doc_id}: text {needle!r} not found")
    if occurrence < 1 or occurrence > len(starts):
        raise GoldError(f"{doc_id}: text {needle!r} occurrence {occurrence} requested, {len(starts)} found")
    s = starts[occurrence - 1]
    return s, s + len(needle)


def locate_alt(doc_id, text, needle, start, end):
    """The occurrence of needle that contains [start, end) or lies inside it."""
    for s in occurrences(text, needle):
        e = s + len(needle)
        if (s <= start and end <= e) or (start <= s and e <= end):
            if (s, e) != (start, end):
                return [s, e]
    raise GoldError(f"{doc_id}: alt {needle!r} not found around {text[start:end]!r} at {start}")


def build_entity(doc_id, text, spec):
    spec = dict(spec)
    needle = spec.pop("text")
    occurrence = spec.pop("occurrence", 1)
    etype = spec.get("type")
    if etype not in KNOWN_TYPES:
        raise GoldError(f"{doc_id}: {needle!r} has unknown type {etype!r}")
    start, end = locate(doc_id, text, needle, occurrence)
    assert text[start:end] == needle
    entity = {"type": etype, "start": start, "end": end, "text": needle}
    status = spec.pop("status", None)
    if status is None:
        status = "optional" if spec.get("timex_type") in SOFT_TIMEX else "required"
    if status not in KNOWN_STATUS:
        raise GoldError(f"{doc_id}: {needle!r} has unknown status {status!r}")
    if etype == "DATE" and status != "negative":
        spec.setdefault("timex_type", "DATE")
    if status != "negative" and "value" not in spec and "low" not in spec:
        raise GoldError(f"{doc_id}: {needle!r} ({etype}) has no value")
    alts = [locate_alt(doc_id, text, a, start, end) for a in spec.pop("alt", [])]
    spec.pop("type")
    spec.pop("note", None)
    entity["status"] = status
    if alts:
        entity["alt"] = alts
    entity.update(spec)
    ordered = {k: entity[k] for k in KEY_ORDER if k in entity}
    ordered.update({k: v for k, v in entity.items() if k not in ordered})
    return ordered


def check_overlaps(doc_id, entities):
    for etype in KNOWN_TYPES:
        spans = sorted((e["start"], e["end"], e["text"]) for e in entities
                       if e["type"] == etype and e["status"] != "negative")
        for (s1, e1, t1), (s2, e2, t2) in zip(spans, spans[1:]):
            if s2 < e1:
                raise GoldError(f"{doc_id}: {etype} entities overlap: {t1!r} [{s1},{e1}) and {t2!r} [{s2},{e2})")
        seen = set()
        for e in entities:
            if e["type"] == etype:
                key = (e["start"], e["end"], e["status"])
                if key in seen:
                    raise GoldError(f"{doc_id}: duplicate {etype} entity {e['text']!r} at {e['start']}")
                seen.add(key)


def build(annotations):
    lines = []
    for doc in annotations["documents"]:
        doc_id = doc["id"]
        path = os.path.join(HERE, doc_id)
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        entities = [build_entity(doc_id, text, spec) for spec in doc["entities"]]
        check_overlaps(doc_id, entities)
        entities.sort(key=lambda e: (e["start"], e["end"], e["type"]))
        line = {"id": doc_id, "dct": doc["dct"], "text": text, "entities": entities}
        lines.append(json.dumps(line, ensure_ascii=False))
    return "\n".join(lines) + "\n", annotations["documents"]


def show(gold_text):
    for line in gold_text.splitlines():
        doc = json.loads(line)
        text = doc["text"]
        print(f"== {doc['id']}  dct {doc['dct']}")
        for e in doc["entities"]:
            ctx = (text[max(0, e["start"] - 30):e["start"]] + "[" + text[e["start"]:e["end"]] + "]"
                   + text[e["end"]:e["end"] + 30]).replace("\r", "\\r").replace("\n", "\\n")
            extra = {k: v for k, v in e.items() if k not in ("type", "start", "end", "text", "status")}
            print(f"  {e['type']:8} {e['status'][:3]} {e['start']:4}-{e['end']:<4} {ctx}  {json.dumps(extra, ensure_ascii=False)}")


def main(argv):
    with open(os.path.join(HERE, "annotations.json"), encoding="utf-8") as f:
        annotations = json.load(f)
    try:
        gold_text, docs = build(annotations)
    except GoldError as error:
        print(f"build_gold: {error}", file=sys.stderr)
        return 1
    out = os.path.join(HERE, "gold.jsonl")
    if "--show" in argv:
        show(gold_text)
    if "--check" in argv:
        with open(out, encoding="utf-8") as f:
            if f.read() != gold_text:
                print("build_gold: gold.jsonl is out of date; run python3 corpora/build_gold.py", file=sys.stderr)
                return 1
        return 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(gold_text)
    counts = {}
    for line in gold_text.splitlines():
        for e in json.loads(line)["entities"]:
            counts[(e["type"], e["status"])] = counts.get((e["type"], e["status"]), 0) + 1
    print(f"wrote {out}: {len(docs)} documents")
    for (etype, status), n in sorted(counts.items()):
        print(f"  {etype:8} {status:9} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
