#!/usr/bin/env bash
# The whole published step protocol (0.793 nA, 700-2700 ms, tstop 3000 ms, dt 0.025 ms) on the Hay L5PC built by
# our own HOC files (cli/src/test/resources/hoc/hay), run by `dendrite run` and compared with NEURON's run of the
# same files (cli/src/test/resources/hoc/hay/reference/step_3s_*, made by make_hay_step.sh full):
# spike count, largest spike-time difference, largest soma-voltage difference at the reference's 1 ms samples.
#   benchmarks/scripts/hoc/hay_step_vs_neuron.sh       (about 1 minute of CPU)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
hoc="$root/cli/src/test/resources/hoc/hay"
morph="$root/../shared/data/hay-l5pc/cell1.asc"
[ -f "$morph" ] || { echo "missing $morph" >&2; exit 1; }
jar="$root/cli/target/dendrite.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl cli -am package)
work="$(mktemp -d)"
trap "rm -rf \"$work\"" EXIT
printf 'strdef morph_file\nmorph_file = "%s"\nstep_amp = 0.793\nstep_del = 700\nstep_dur = 2000\nrun_tstop = 3000\n' \
  "$morph" > "$work/params.hoc"
(cd "$hoc" && java -Djava.awt.headless=true --add-modules jdk.incubator.vector -jar "$jar" \
   run "$work/params.hoc" hay_step.hoc --out "$work/out" --no-plot 2>/dev/null | tail -2)
python3 - "$work/out" "$hoc/reference" <<'PY'
import csv, json, sys
out, ref = sys.argv[1], sys.argv[2]
mine = list(json.load(open(f"{out}/summary.json"))["spike_times_ms"].values())[0]
theirs = [float(x) for x in open(f"{ref}/step_3s_spikes.txt")]
print(f"spikes dendrite {len(mine)}, NEURON {len(theirs)}")
if len(mine) == len(theirs):
    print("max |spike time difference| =", max(abs(a - b) for a, b in zip(mine, theirs)), "ms")
d = list(csv.reader(open(f"{out}/traces.csv"))); vi = d[0].index("vsoma [mV]")
r = list(csv.reader(open(f"{ref}/step_3s_soma.csv")))[1:]
dv = max(abs(float(d[1 + 40 * k][vi]) - float(row[1])) for k, row in enumerate(r))
print("max |v - v_NEURON| at 1 ms samples =", dv, "mV")
PY
