#!/usr/bin/env bash
# Fuzzes decoding, the pipeline and the JSON Lines reader with libFuzzer for a bounded
# time, starting from (and adding to) the corpus kept in fuzz/corpus.
#   scripts/fuzz.sh [SECONDS]   (default 60)
# Exit status: 0 no crash; non-zero with the crashing input saved in fuzz/crashes/.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p fuzz/corpus fuzz/crashes
swift build --product extract-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -v "ld.gold: warning" | tail -5
bin="$(swift build --scratch-path .build-fuzz --show-bin-path)/extract-fuzz"
# Leak checking is off: LeakSanitizer misreads pointers that Swift packs with enum tag
# bits (multi-payload enums) in long-lived rule tables as leaks.
ASAN_OPTIONS=detect_leaks=0 "$bin" fuzz/corpus -detect_leaks=0 -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -artifact_prefix=fuzz/crashes/ -print_final_stats=1 2>&1 | grep -v "^#[0-9]*[[:space:]]*\(NEW\|REDUCE\|pulse\)" | tail -80
exit "${PIPESTATUS[0]}"
