#!/usr/bin/env bash
# Renders the seed article's HTML view (extract --format html) in headless Chromium:
# writes out/seed.html and out/seed.png, and checks in the rendered DOM that there is
# exactly one highlighted element (<mark class="ent ...">) per entity of the JSON Lines
# output, with the same texts in the same order, each with a hover title, and that the
# page fetches nothing from the network.
# Exit status: 0 ok (or Chromium cannot be installed: skipped with a message); 1 mismatch.
# Environment: SCRATCH_PATH (default .build), CHROMIUM (default: chromium on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${SCRATCH_PATH:-.build}"
seed="seeds/000_bec19dea5f2280ad.txt"
mkdir -p out

echo "== build"
swift build --scratch-path "$scratch" --product extract
bin="$(swift build --scratch-path "$scratch" --show-bin-path)/extract"

echo "== render $seed"
"$bin" --dct 2023 "$seed" > out/seed.jsonl
"$bin" --dct 2023 --format html "$seed" > out/seed.html

chromium="${CHROMIUM:-}"
if [ -z "$chromium" ]; then
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chromium="$(command -v "$c")"; break; fi
  done
fi
if [ -z "$chromium" ]; then
  echo "== installing chromium"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1 || true
  fi
  chromium="$(command -v chromium || true)"
fi
if [ -z "$chromium" ]; then
  echo "SKIP: Chromium is not installed and could not be installed (apt-get install chromium); the HTML page was not rendered."
  exit 0
fi

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
       --disable-background-networking --disable-extensions --user-data-dir="$(mktemp -d)")
url="file://$PWD/out/seed.html"
echo "== chromium: $("$chromium" --version 2>/dev/null || echo unknown version)"
timeout 120 "$chromium" "${flags[@]}" --window-size=1280,2400 --screenshot="$PWD/out/seed.png" "$url" 2>/dev/null || true
timeout 120 "$chromium" "${flags[@]}" --dump-dom "$url" > out/seed.dom.html 2>/dev/null || true

status=0
if [ ! -s out/seed.png ]; then echo "FAIL: no screenshot (out/seed.png)"; status=1; fi
if [ ! -s out/seed.dom.html ]; then echo "FAIL: --dump-dom gave nothing"; exit 1; fi

if ! command -v python3 >/dev/null 2>&1; then
  # Without Python: compare counts only (a span's "label" key cannot occur inside escaped text).
  want=$("$bin" --dct 2023 --format spans "$seed" | grep -o '"label":"' | wc -l)
  got=$(grep -o '<mark class="ent ' out/seed.dom.html | wc -l)
  if [ "$want" != "$got" ]; then echo "FAIL: $got highlighted elements in the DOM, $want entities"; exit 1; fi
  echo "ok: $got highlighted elements for $want entities (counts only: python3 not found)"
  exit "$status"
fi

python3 - out/seed.jsonl out/seed.dom.html out/seed.html <<'PY' || status=1
import json, sys
from html.parser import HTMLParser

entities = [e for line in open(sys.argv[1], encoding="utf-8") if line.strip()
            for e in json.loads(line)["entities"]]

class Marks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.depth, self.external = [], 0, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.marks.append({"class": a.get("class", ""), "title": a.get("title"), "text": ""})
            self.depth += 1
        for key in ("src", "href"):
            if a.get(key) and not a[key].startswith(("#", "data:")):
                self.external.append(f"<{tag} {key}={a[key]}>")
    def handle_endtag(self, tag):
        if tag == "mark": self.depth = max(0, self.depth - 1)
    def handle_data(self, data):
        if self.depth > 0: self.marks[-1]["text"] += data

dom = Marks(); dom.feed(open(sys.argv[2], encoding="utf-8").read())
src = open(sys.argv[3], encoding="utf-8").read()
highlighted = [m for m in dom.marks if "ent" in m["class"].split()]
problems = []
if len(highlighted) != len(entities):
    problems.append(f"{len(highlighted)} highlighted elements in the DOM, {len(entities)} entities in the JSON Lines output")
if len(dom.marks) != len(highlighted):
    problems.append(f"{len(dom.marks) - len(highlighted)} <mark> elements without class ent")
for i, (m, e) in enumerate(zip(highlighted, entities)):
    if m["text"] != e["text"]:
        problems.append(f"highlight {i + 1} shows {m['text']!r}, entity {i + 1} is {e['text']!r}")
    if e["type"] not in m["class"] and f"t-{e['type']}" not in m["class"]:
        problems.append(f"highlight {i + 1} ({m['text']!r}) lacks the class of type {e['type']}")
    if not m["title"] or e["rule"] not in m["title"]:
        problems.append(f"highlight {i + 1} ({m['text']!r}) has no hover title naming rule {e['rule']}")
problems += [f"external resource {x}" for x in dom.external]
for needle in ("@import", "url(", "<link", "<script src", "<iframe", "<img"):
    if needle in src:
        problems.append(f"the page contains {needle!r}: it must be self-contained")
for p in problems[:20]:
    print("FAIL:", p)
if problems:
    sys.exit(1)
print(f"ok: {len(highlighted)} highlighted elements for {len(entities)} entities, no external resources")
PY

if [ "$status" = 0 ]; then echo "== ok: out/seed.html, out/seed.png"; fi
exit "$status"
