#!/usr/bin/env python3
"""Runs a real Spark (local mode, pyspark from PyPI) that pipes a JSON Lines corpus
through the built `extract`, and checks that every document came back exactly once
with the same entities as a direct run.

    python3 scripts/spark_pipe_check.py [--extract .build/debug/extract] [--corpus FILE]

Default corpus: the first 2,000 documents of ../shared/corpora/bench/rawnews.jsonl when
present, else seeds/ and corpora/ as JSON Lines. Exit 0 on success, 1 on a mismatch.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_corpus(path, limit):
    shared = os.path.join(ROOT, "..", "shared", "corpora", "bench", "rawnews.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        if os.path.exists(shared):
            with open(shared, encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if i >= limit:
                        break
                    out.write(line if line.endswith("\n") else line + "\n")
            return
        for folder in ("seeds", "corpora"):
            d = os.path.join(ROOT, folder)
            for name in sorted(os.listdir(d)):
                if name.endswith(".txt"):
                    with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
                        out.write(json.dumps({"id": name, "text": f.read()}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", default=os.path.join(ROOT, ".build", "debug", "extract"))
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    extract = os.path.abspath(args.extract)
    if not os.access(extract, os.X_OK):
        sys.exit(f"spark check: {extract} is not built")
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        sys.exit("spark check: pyspark is not installed (pip install pyspark)")

    tmp = tempfile.mkdtemp(prefix="spark-check-")
    corpus = args.corpus or os.path.join(tmp, "corpus.jsonl")
    if not args.corpus:
        build_corpus(corpus, args.limit)
    with open(corpus, encoding="utf-8") as f:
        inputs = [json.loads(l) for l in f if l.strip()]
    ids = [d["id"] for d in inputs]
    assert len(ids) == len(set(ids)), "the check needs unique ids"

    cmd = [extract, "--input", "jsonl", "--jobs", "1", "--dct", "2000"]
    direct = subprocess.run(cmd, stdin=open(corpus, "rb"), capture_output=True, check=False)
    if direct.returncode != 0:
        sys.exit(f"spark check: direct run failed ({direct.returncode}): {direct.stderr.decode()[:500]}")
    expected = {}
    for line in direct.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        expected[d["id"]] = d["entities"]

    conf = SparkConf().setMaster("local[2]").setAppName("news-extract-pipe").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.textFile("file://" + os.path.abspath(corpus), minPartitions=args.partitions)
        out = rdd.pipe(" ".join(cmd)).collect()
        partitions = rdd.getNumPartitions()
    finally:
        sc.stop()

    seen = {}
    for line in out:
        d = json.loads(line)
        seen.setdefault(d["id"], []).append(d["entities"])
    missing = [i for i in ids if i not in seen]
    doubled = [i for i, v in seen.items() if len(v) != 1]
    differ = [i for i in ids if i in seen and len(seen[i]) == 1 and seen[i][0] != expected.get(i)]
    entities = sum(len(v) for v in expected.values())
    print(f"spark check: {len(ids)} documents over {partitions} partitions, {len(out)} lines back, "
          f"{entities} entities in the direct run; missing {len(missing)}, duplicated {len(doubled)}, different {len(differ)}")
    if missing or doubled or differ or len(out) != len(ids):
        for i in (missing + doubled + differ)[:5]:
            print("  problem with", i)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
