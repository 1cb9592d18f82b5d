#!/usr/bin/env bash
# Crash test of sweep resume: starts a 256-run sweep, kills it with SIGKILL three times at random moments,
# finishes it with the same command, and compares the files with an uninterrupted sweep byte for byte.
# usage: benchmarks/scripts/sweep_kill9_check.sh [SECONDS_BEFORE_EACH_KILL, 7]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/dendrite" --version >/dev/null   # builds the jar if needed
J=(java -Djava.awt.headless=true -jar "$root/cli/target/dendrite.jar")
args=(sweep --param somatic.gnabar_hh=0.06:0.18:16 --param stim.amp=0.05:0.4:16 --set tstop=300 -q)
for k in 1 2 3; do
  "${J[@]}" "${args[@]}" --out "$tmp/killed" & pid=$!
  sleep "${1:-7}"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  echo "after kill $k: $(wc -l < "$tmp/killed/results.jsonl" 2>/dev/null || echo 0) runs in results.jsonl"
done
"${J[@]}" "${args[@]}" --out "$tmp/killed"
"${J[@]}" "${args[@]}" --out "$tmp/whole"
cmp "$tmp/killed/results.jsonl" "$tmp/whole/results.jsonl"
cmp "$tmp/killed/results.csv" "$tmp/whole/results.csv"
echo "OK: killed-and-resumed sweep is byte-identical to the uninterrupted one ($(wc -l < "$tmp/whole/results.jsonl") runs)"
