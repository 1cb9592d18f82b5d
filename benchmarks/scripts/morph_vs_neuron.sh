#!/usr/bin/env bash
# Times NEURON 8.2's Import3d and dendrite reading the same SWC file, alternately (A B A B ...), and prints
# the medians and the NEURON/dendrite ratios:
#   whole process, wall   : what a user waits for (Python + NEURON start / JVM start included)
#   whole process, CPU    : user + system CPU seconds of the process (robust when the machine is busy)
#   in process            : NEURON: Import3d_SWC_read.input + Import3d_GUI.instantiate (after NEURON is
#                           loaded); dendrite: SwcReader.read in a fresh JVM (first call, JIT still cold)
# Steady-state (JIT warm) dendrite figures come from JMH: java -jar benchmarks/target/benchmarks.jar
# MorphologyReadBenchmark.
#
# Usage: benchmarks/scripts/morph_vs_neuron.sh [SAMPLES (default 1000000)] [ROUNDS (default 3)] [FILE.swc]
#   With FILE.swc, that file is timed instead of a synthetic one.
# Needs: NEURON with Python (apt-get install neuron python3-neuron; /usr/bin/python3), a JDK 17+, Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
samples="${1:-1000000}"
rounds="${2:-3}"
file="${3:-}"
py="${NEURON_PYTHON:-/usr/bin/python3}"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$file" ]; then
  file="$work/synthetic_${samples}.swc"
  java -cp "$jar" org.dendrite.benchmarks.SyntheticSwc "$file" "$samples" 1
fi
cat > "$work/nrn_import.py" <<'PY'
import sys, time
from neuron import h
h.load_file('stdlib.hoc')
h.load_file('import3d.hoc')
t0 = time.perf_counter()
r = h.Import3d_SWC_read()
r.quiet = 1
r.input(sys.argv[1])
g = h.Import3d_GUI(r, 0)
g.instantiate(None)
t1 = time.perf_counter()
print('inproc_s %.6f sections %d' % (t1 - t0, sum(1 for _ in h.allsec())))
PY
echo "file: $file ($(grep -vc '^\s*#' "$file") sample lines), rounds: $rounds"
printf '%-9s %5s %10s %10s %10s %9s\n' side round wall_s cpu_s inproc_s sections
: > "$work/results"
for r in $(seq 1 "$rounds"); do
  for side in neuron dendrite; do
    if [ "$side" = neuron ]; then
      cmd=("$py" "$work/nrn_import.py" "$file")
    else
      cmd=(java -Xmx4g -cp "$jar" org.dendrite.benchmarks.MorphTiming "$file")
    fi
    out="$( { /usr/bin/time -f 'TIME %e %U %S' "${cmd[@]}" 2>&1; } | grep -E 'TIME|inproc_s|dendrite_read_s' )"
    wall=$(echo "$out" | awk '/^TIME/ {print $2}')
    cpu=$(echo "$out" | awk '/^TIME/ {printf "%.2f", $3 + $4}')
    inproc=$(echo "$out" | awk '/inproc_s|dendrite_read_s/ {print $2}')
    secs=$(echo "$out" | awk '/inproc_s|dendrite_read_s/ {print $4}')
    printf '%-9s %5s %10s %10s %10s %9s\n' "$side" "$r" "$wall" "$cpu" "$inproc" "$secs"
    echo "$side $wall $cpu $inproc $secs" >> "$work/results"
  done
done
python3 - "$work/results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def med(side, col):
    return statistics.median(float(r[col]) for r in rows if r[0] == side)
n_sec = {r[0]: r[4] for r in rows}
print('sections: NEURON %s, dendrite %s' % (n_sec.get('neuron'), n_sec.get('dendrite')))
for name, col in (('whole process, wall', 1), ('whole process, CPU', 2), ('in process', 3)):
    a, b = med('neuron', col), med('dendrite', col)
    print('%-20s NEURON %9.3f s  dendrite %8.3f s  ratio %6.1fx' % (name, a, b, a / b))
PY
