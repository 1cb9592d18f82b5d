#!/usr/bin/env bash
# Side-by-side timing of one dendrite model file in NEURON and in dendrite, same dt, tstop and method.
# Alternates NEURON and dendrite runs (A B A B ...), each run reporting its best in-engine time over REPEATS
# simulations, and prints the median ratio NEURON/dendrite (> 1: dendrite is faster).
#
# usage: benchmarks/scripts/engine_vs_neuron.sh [MODEL.json] [TSTOP_MS] [ROUNDS] [REPEATS]
#   default: the c91662 reference cell (case 7), 1000 ms, 3 rounds of 3 repeats.
# needs: apt-get install -y neuron python3-neuron ; a built benchmarks jar (mvn -B -DskipTests package)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model="${1:-$root/models/validation/neuron/case07_swc_c91662.json}"
tstop="${2:-1000}"
rounds="${3:-3}"
repeats="${4:-3}"
jar="$root/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
command -v nrniv >/dev/null || { echo "NEURON not installed: apt-get install -y neuron python3-neuron" >&2; exit 2; }
echo "model $model, tstop $tstop ms, $rounds rounds x $repeats repeats (in-engine best of each round)"
ratios=()
for r in $(seq 1 "$rounds"); do
  n=$(/usr/bin/python3 "$root/benchmarks/scripts/nrn_time_model.py" "$model" "$tstop" "$repeats" 2>/dev/null | grep '^neuron')
  d=$(java --add-modules jdk.incubator.vector ${DENDRITE_JAVA_OPTS:-} -cp "$jar" org.dendrite.benchmarks.TimeModel "$model" "$tstop" "$repeats" 2>/dev/null | grep "^dendrite")
  echo "  $n"
  echo "  $d"
  nb=$(echo "$n" | sed 's/.*best_s=\([0-9.]*\).*/\1/')
  db=$(echo "$d" | sed 's/.*best_s=\([0-9.]*\).*/\1/')
  ratios+=("$(python3 -c "print($nb/$db)")")
done
python3 - "${ratios[@]}" <<'PY'
import statistics, sys
r = [float(x) for x in sys.argv[1:]]
print("ratio NEURON/dendrite per round: " + ", ".join("%.2f" % x for x in r))
print("median ratio: %.2f  (> 1 means dendrite is faster)" % statistics.median(r))
PY
