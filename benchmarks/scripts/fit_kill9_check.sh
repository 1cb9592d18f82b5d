#!/usr/bin/env bash
# Crash test of fit resume: a CMA-ES fit to File_axon_5.abf (../shared beside the project root) is killed with
# SIGKILL twice, resumed with --resume each time, and its checkpoint, best parameters and hall of fame are compared
# byte for byte with an uninterrupted fit of the same seed.
# usage: benchmarks/scripts/fit_kill9_check.sh [SECONDS_BEFORE_EACH_KILL, 9]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
abf="$root/../shared/data/abf-pyabf/File_axon_5.abf"
[ -f "$abf" ] || { echo "needs $abf"; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/dendrite" --version >/dev/null   # builds the jar if needed
echo '{"somatic.gnabar_hh": [0.05, 0.5], "somatic.gkbar_hh": [0.01, 0.15], "somatic.gl_hh": [1e-5, 1e-3], "all.cm": [0.5, 3]}' > "$tmp/p.json"
J=(java -Djava.awt.headless=true -jar "$root/cli/target/dendrite.jar")
args=(fit --target "$abf" --sweeps 0,4,6 --params "$tmp/p.json" --objective trace --set dt=0.05 -G 40 -P 8 --seed 3 -q)
generation() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['state']['generation'])" "$1/checkpoint.json" 2>/dev/null || echo none; }
"${J[@]}" "${args[@]}" --out "$tmp/killed" & pid=$!
sleep "${1:-9}"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
echo "killed at generation $(generation "$tmp/killed")"
"${J[@]}" "${args[@]}" --out "$tmp/killed" --resume & pid=$!
sleep "${1:-9}"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
echo "killed again at generation $(generation "$tmp/killed")"
"${J[@]}" "${args[@]}" --out "$tmp/killed" --resume
"${J[@]}" "${args[@]}" --out "$tmp/whole"
for f in checkpoint.json best_parameters.json hall_of_fame.csv; do cmp "$tmp/killed/$f" "$tmp/whole/$f"; done
echo "OK: killed-and-resumed fit is byte-identical to the uninterrupted one"
