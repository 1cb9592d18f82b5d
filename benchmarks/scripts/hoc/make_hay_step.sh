#!/usr/bin/env bash
# NEURON reference for the Hay L5PC HOC test model (cli/src/test/resources/hoc/hay, our own HOC files):
#   benchmarks/scripts/hoc/make_hay_step.sh [ci|full|both]     (from anywhere; needs nrniv, nrnivmodl, ../shared)
# Compiles dendrite's NMODL transcriptions of the Hay channels (models/src/main/resources/mechanisms/hay) into a temporary
# directory, runs hay_step.hoc in nrniv (fixed step, dt 0.025 ms) and writes into cli/src/test/resources/hoc/hay/reference/
#   ci:   step_ci_spikes.txt, step_ci_soma.csv    amp 0.793 nA, del 100 ms, dur 200 ms, tstop 300 ms (JUnit test)
#   full: step_3s_spikes.txt, step_3s_soma.csv    amp 0.793 nA, del 700 ms, dur 2000 ms, tstop 3000 ms (published)
# Spike times: NetCon at soma(0.5), threshold -20 mV, %.10g. Soma trace: every 10th step (0.25 ms) for ci,
# every 40th step (1 ms) for full, %.12g. (The output folder is not called "neuron": nrniv runs in hoc/hay and
# its Python start-up would import a folder of that name as the neuron package and break Import3d.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
hoc="$root/cli/src/test/resources/hoc/hay"
out="$hoc/reference"
morph="$root/../shared/data/hay-l5pc/cell1.asc"
[ -f "$morph" ] || { echo "missing $morph" >&2; exit 1; }
what="${1:-both}"
build="$(mktemp -d)"
trap "rm -rf \"$build\"" EXIT
cp "$root"/models/src/main/resources/mechanisms/hay/*.mod "$build"/
# Debian's nrnivmodl names a makefile the package does not install; build only the shared library
sed -e 's|"${bindir}/nrnmech_makefile"|"/usr/lib/nrn/nrnmech_makefile"|' -e 's| special &&$| mech_lib_shared \&\&|' \
    "$(command -v nrnivmodl)" > "$build/nrnivmodl-debian"
(cd "$build" && LC_ALL=C bash nrnivmodl-debian -loadflags "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn" >build.log 2>&1)
lib="$build/x86_64/libnrnmech.so"
mkdir -p "$out"

run_case() { # name amp del dur tstop every
  local name=$1
  cat > "$build/params.hoc" <<HOC
strdef morph_file
morph_file = "$morph"
step_amp = $2
step_del = $3
step_dur = $4
run_tstop = $5
HOC
  cat > "$build/write.hoc" <<HOC
objref f
f = new File()
f.wopen("$out/step_${name}_spikes.txt")
for i = 0, spikes.size() - 1 f.printf("%.10g\n", spikes.x[i])
f.close()
f.wopen("$out/step_${name}_soma.csv")
f.printf("t [ms],v [mV]\n")
for (i = 0; i < vsoma.size(); i += $6) f.printf("%.12g,%.12g\n", tvec.x[i], vsoma.x[i])
f.close()
HOC
  (cd "$hoc" && nrniv -nobanner -dll "$lib" "$build/params.hoc" hay_step.hoc "$build/write.hoc" -c 'quit()' \
     >"$build/nrniv.log" 2>&1) || { cat "$build/nrniv.log" >&2; exit 1; }
  echo "$name: $(wc -l < "$out/step_${name}_spikes.txt") spikes, $(($(wc -l < "$out/step_${name}_soma.csv") - 1)) trace rows"
}
case "$what" in
  ci) run_case ci 0.793 100 200 300 10 ;;
  full) run_case 3s 0.793 700 2000 3000 40 ;;
  both) run_case ci 0.793 100 200 300 10; run_case 3s 0.793 700 2000 3000 40 ;;
  *) echo "usage: $0 [ci|full|both]" >&2; exit 2 ;;
esac
