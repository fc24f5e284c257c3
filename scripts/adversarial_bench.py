#!/usr/bin/env python3
"""Times `extract` on adversarial texts against news text of the same size, in one run,
and prints the ratios (a benchmark, not a test: figures, no thresholds).

    python3 scripts/adversarial_bench.py [--extract .build/release/extract] [--size 1000000]

Inputs: "of of of …", capitalized words in a row, runs of numbers, ordinals and
percent signs, deeply nested parentheses, one line with no spaces. The news text is
taken from ../shared/corpora/bench/rawnews.jsonl when present, else seeds/ and corpora/.
"""
import argparse, json, os, random, subprocess, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def news_text(size):
    parts, total = [], 0
    bench = os.path.join(ROOT, "..", "shared", "corpora", "bench", "rawnews.jsonl")
    if os.path.exists(bench):
        for line in open(bench, encoding="utf-8"):
            t = json.loads(line)["text"]
            parts.append(t)
            total += len(t)
            if total > size:
                break
    while total <= size:
        for folder in ("seeds", "corpora"):
            for name in sorted(os.listdir(os.path.join(ROOT, folder))):
                if name.endswith(".txt"):
                    t = open(os.path.join(ROOT, folder, name), encoding="utf-8").read()
                    parts.append(t)
                    total += len(t)
    return " ".join(parts)[:size]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", default=os.path.join(ROOT, ".build", "release", "extract"))
    ap.add_argument("--size", type=int, default=1_000_000)
    a = ap.parse_args()
    n = a.size
    random.seed(1)
    texts = {
        "news text": news_text(n),
        "of of of": " ".join(["of"] * (n // 3)),
        "capitalized words": " ".join(random.choice(["Alpha", "Bravo", "Charlie", "Ministry", "University", "Council", "Bank"]) for _ in range(n // 7)),
        "numbers": " ".join(str(random.randint(1, 3000)) for _ in range(n // 5)),
        "ordinals and %": " ".join(random.choice(["1st", "2nd", "12th", "first", "No.", "percent", "%", "-"]) for _ in range(n // 5)),
        "nested parentheses": "(" * (n // 2) + ")" * (n // 2),
        "no spaces": "x" * n,
    }
    base = None
    print(f"{'input':20s} {'chars':>9s} {'seconds':>8s} {'× news':>7s}")
    for name, text in texts.items():
        line = json.dumps({"id": name, "text": text[:n]}).encode()
        t = time.time()
        p = subprocess.run([a.extract, "--jobs", "1", "--input", "jsonl"], input=line, capture_output=True)
        dt = time.time() - t
        if p.returncode != 0:
            print(f"{name}: exit status {p.returncode}")
        base = base or dt
        print(f"{name:20s} {len(text[:n]):9d} {dt:8.2f} {dt / base:7.2f}")


if __name__ == "__main__":
    main()
