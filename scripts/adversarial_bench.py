#!/usr/bin/env python3
"""Times `extract` on adversarial texts against news text of the same size, in one run,
and prints the ratios (a benchmark, not a test: figures, no thresholds).

    python3 scripts/adversarial_bench.py [--extract .build/release/extract] [--size 1000000] [--linearity 10]

With --linearity K each input is also run at K times the size; the last column is the
time at K× divided by K times the time at 1× (1.00 = exactly linear), in wall-clock time
and in CPU time (user + system of the child: less sensitive to other load on the machine).

Inputs: "of of of …", capitalized words in a row, runs of numbers, ordinals and
percent signs, deeply nested parentheses, one line with no spaces. The news text is
taken from ../shared/corpora/bench/rawnews.jsonl when present, else seeds/ and corpora/.
"""
import argparse, json, os, random, resource, subprocess, time

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
    ap.add_argument("--linearity", type=int, default=0, help="also run each input at this many times the size")
    a = ap.parse_args()
    n = a.size * max(1, a.linearity)
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
    def run(name, text):
        line = json.dumps({"id": name, "text": text}).encode()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.time()
        p = subprocess.run([a.extract, "--jobs", "1", "--input", "jsonl"], input=line, capture_output=True)
        dt = time.time() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if p.returncode != 0:
            print(f"{name}: exit status {p.returncode}")
        return dt, cpu

    base = None
    k = a.linearity
    head = f"{'input':20s} {'chars':>9s} {'seconds':>8s} {'× news':>7s}"
    if k > 1:
        head += f" {'seconds ×' + str(k):>12s} {'linearity':>9s} {'CPU s':>6s} {'CPU s ×' + str(k):>10s} {'CPU linearity':>13s}"
    print(head)
    for name, text in texts.items():
        dt, cpu = run(name, text[:a.size])
        base = base or dt
        row = f"{name:20s} {len(text[:a.size]):9d} {dt:8.2f} {dt / base:7.2f}"
        if k > 1:
            dk, cpuk = run(name, text[:a.size * k])
            row += f" {dk:12.2f} {dk / (k * dt):9.2f} {cpu:6.2f} {cpuk:10.2f} {cpuk / (k * cpu):13.2f}"
        print(row)


if __name__ == "__main__":
    main()
