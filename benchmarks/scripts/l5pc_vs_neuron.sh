#!/usr/bin/env bash
# Side-by-side timing of the BluePyOpt L5PC (release parameters, protocol Step1, 699 compartments, dt 0.025 ms,
# backward Euler) in NEURON 8.2 and in dendrite. Alternates NEURON and dendrite (A B A B ...); each run reports
# its best in-engine time over REPEATS simulations of TSTOP ms, as wall time and as process/thread CPU time
# (the CPU figure is the robust one on a shared, loaded machine). Prints the median ratios NEURON/dendrite.
#
# NEURON side: the cell is built by the golden-reference generator's functions
# (shared/reference/mechanisms/bluepyopt_l5pc.py) with dendrite's own NMODL transcriptions of the Hay channels
# (models/src/main/resources/mechanisms/hay, compiled here with nrnivmodl); nrn_time_l5pc.py refuses to time unless NEURON
# reproduces the reference's 14 spike times with them.
#
# usage: benchmarks/scripts/l5pc_vs_neuron.sh [TSTOP_MS] [ROUNDS] [REPEATS] [SHARED_DIR]
#   default: 3000 ms (the whole protocol), 3 rounds of 2 repeats, ../shared
# dendrite runs with --add-modules jdk.incubator.vector (SIMD exponentials in the channel kernels).
# needs: apt-get install -y neuron python3-neuron neuron-dev ; a built benchmarks jar
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tstop="${1:-3000}"
rounds="${2:-3}"
repeats="${3:-2}"
shared="${4:-$root/../shared}"
jar="$root/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
command -v nrnivmodl >/dev/null || { echo "NEURON not installed: apt-get install -y neuron python3-neuron neuron-dev" >&2; exit 2; }
build="${TMPDIR:-/tmp}/dendrite-nrnmech"
lib="$build/x86_64/libnrnmech.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$build" && cp "$root"/models/src/main/resources/mechanisms/hay/*.mod "$build"/
  # Debian's nrnivmodl names a makefile path that the package does not install and builds a `special` that
  # does not link; build only the shared library (see shared/reference/mechanisms/README.md)
  sed -e 's|"${bindir}/nrnmech_makefile"|"/usr/lib/nrn/nrnmech_makefile"|' -e 's| special &&$| mech_lib_shared \&\&|' \
      "$(command -v nrnivmodl)" > "$build/nrnivmodl-debian"
  (cd "$build" && LC_ALL=C bash nrnivmodl-debian -loadflags "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn" >build.log 2>&1)
fi
echo "BluePyOpt L5PC Step1, tstop $tstop ms, dt 0.025 ms, $rounds rounds x $repeats repeats"
wall=(); cpu=()
for r in $(seq 1 "$rounds"); do
  n=$(MECHREF_BPO_LIB="$lib" /usr/bin/python3 "$root/benchmarks/scripts/nrn_time_l5pc.py" "$shared" "$tstop" "$repeats" 2>/dev/null | grep '^neuron')
  d=$(java --add-modules jdk.incubator.vector ${DENDRITE_JAVA_OPTS:-} -cp "$jar" org.dendrite.benchmarks.TimeBluePyOpt "$shared/data/models-bluepyopt-l5pc" Step1 "$tstop" "$repeats" | grep '^dendrite')
  echo "  $n"
  echo "  $d"
  get() { echo "$1" | sed "s/.* $2=\([0-9.]*\).*/\1/"; }
  wall+=("$(python3 -c "print($(get "$n" best_s)/$(get "$d" best_s))")")
  cpu+=("$(python3 -c "print($(get "$n" cpu_best_s)/$(get "$d" cpu_best_s))")")
done
python3 - "${wall[*]}" "${cpu[*]}" <<'PY'
import statistics, sys
w = [float(x) for x in sys.argv[1].split()]
c = [float(x) for x in sys.argv[2].split()]
print("ratio NEURON/dendrite, wall: " + ", ".join("%.2f" % x for x in w) + "  median %.2f" % statistics.median(w))
print("ratio NEURON/dendrite, CPU:  " + ", ".join("%.2f" % x for x in c) + "  median %.2f" % statistics.median(c))
print("(> 1 means dendrite is faster per simulated second)")
PY
