#!/usr/bin/env bash
# Variable-step benchmark (issue 15): dendrite's cvode against NEURON 8.2.2's CVode at the same tolerance, per model:
# spike counts, the largest spike-time difference (ms) and the step counts with their ratio (the issue asks for
# steps within 2x of NEURON's). NEURON's figures are the committed references made by cvode_refs.py and
# cvode_refs_hay.py (their PROVENANCE.md files say how); dendrite runs now, through ./dendrite.
#   benchmarks/scripts/cvode_steps_vs_neuron.sh [SHARED_DIR]     (default ../shared; Allen/L5PC rows need it)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-$root/../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
io=io/src/test/resources/cvode
# name | NEURON reference | run index | spike detector | dendrite arguments
cases=(
  "ball_and_stick 1e-3|engine/src/test/resources/cvode/ball_and_stick_neuron.json|0|soma|ball_and_stick --tstop 60 --atol 1e-3"
  "ball_and_stick 1e-5|engine/src/test/resources/cvode/ball_and_stick_neuron.json|1|soma|ball_and_stick --tstop 60 --atol 1e-5"
  "c91662 1e-3|$io/c91662_neuron.json|0|soma[0](0.5)|models/validation/neuron/case07_swc_c91662.json --atol 1e-3"
  "syn_feedback 1e-3|$io/syn_feedback_neuron.json|0|ap|$io/syn_feedback.json --atol 1e-3"
  "syn_feedback 1e-5|$io/syn_feedback_neuron.json|1|ap|$io/syn_feedback.json --atol 1e-5"
)
allen="$shared/data/models-allen"
if [ -d "$allen" ]; then
  a="--allen $allen/468193142_fit.json --morphology $allen/Scnn1a-Tg3-Cre_Ai14-177297.06.01.01_491120155_m.swc --protocol step"
  cases+=("Allen 468193142 1e-3|$io/allen_468193142_neuron.json|0|soma_spikes|$a --atol 1e-3"
          "Allen 468193142 1e-5|$io/allen_468193142_neuron.json|1|soma_spikes|$a --atol 1e-5")
fi
if [ -d "$shared/data/models-bluepyopt-l5pc" ]; then
  l="$shared/data/models-bluepyopt-l5pc --protocol Step1"
  cases+=("BluePyOpt L5PC 1e-3|$io/l5pc_step1_neuron.json|0|soma_spikes|$l --atol 1e-3"
          "BluePyOpt L5PC 1e-5|$io/l5pc_step1_neuron.json|1|soma_spikes|$l --atol 1e-5")
fi
printf '| model, atol | spikes NEURON / dendrite | max |dt| spike (ms) | steps NEURON / dendrite | ratio |\n|---|---|---|---|---|\n'
i=0
for c in "${cases[@]}"; do
  IFS='|' read -r name ref idx det args <<<"$c"
  i=$((i + 1))
  # shellcheck disable=SC2086
  ./dendrite run $args --method cvode --out "$work/$i" --no-plot >/dev/null 2>"$work/$i.err" \
    || { echo "| $name | dendrite failed: $(tail -1 "$work/$i.err") | | | |"; continue; }
  python3 - "$ref" "$idx" "$det" "$work/$i/summary.json" "$name" <<'PY'
import json, sys
ref, idx, det, summ, name = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
r = json.load(open(ref))["runs"][idx]
s = json.load(open(summ))
want, got = r["spike_times_ms"], s["spike_times_ms"][det]
if isinstance(want, dict):  # references with several detectors
    want = want[det]
dt = max((abs(a - b) for a, b in zip(want, got)), default=0.0)
n, d = r["fadvance_steps"], s["cvode"]["steps"]
print(f"| {name} | {len(want)} / {len(got)} | {dt:.3f} | {n} / {d} | {d / n:.2f} |")
PY
done
