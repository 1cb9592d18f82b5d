#!/usr/bin/env bash
# The published Hay et al. 2011 L5PC (ModelDB 139653) run unchanged by dendrite and by NEURON.
#   benchmarks/scripts/hoc/published_hay_139653.sh [FOLDER]
# FOLDER (default ../shared/data/hay-modeldb-139653) receives a copy of github.com/ModelDBRepository/139653
# when it is absent (the model's files are third-party: they are never committed into this project). The test
# HocPublishedHayTest reads that folder and is skipped when it is absent.
# Then: NEURON 8.2.2 runs simulationcode/Step_current_firing.hoc with the published .mod files, unchanged (its
# cvode.active(1): CVode at atol 1e-3; reference cli/src/test/resources/cvode/hay_published_step_neuron.json is made by
# benchmarks/scripts/cvode_refs_hay.py --full), and dendrite runs the published file itself, unchanged, with the
# same .mod files (--mod ../mod), under the same variable step. Both print the APCount spike times; the script
# prints them side by side. FIXED=1 turns cvode.active(1) to 0 for both (fixed step dt 0.025 ms: equal times;
# reference cli/src/test/resources/hoc/hay/reference/published_step_spikes_nrniv.txt).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="${1:-$root/../shared/data/hay-modeldb-139653}"
if [ ! -f "$dir/mosinit.hoc" ]; then
  git clone --depth 1 https://github.com/ModelDBRepository/139653 "$dir"
fi
work="$(mktemp -d)"
trap "rm -rf \"$work\"" EXIT
cp -r "$dir"/. "$work"/
# Debian's nrnivmodl names a makefile the package does not install; build only the shared library
mkdir "$work/modb" && cp "$work"/mod/*.mod "$work/modb"/
sed -e 's|"${bindir}/nrnmech_makefile"|"/usr/lib/nrn/nrnmech_makefile"|' -e 's| special &&$| mech_lib_shared \&\&|' \
    "$(command -v nrnivmodl)" > "$work/modb/nrnivmodl-debian"
(cd "$work/modb" && LC_ALL=C bash nrnivmodl-debian -loadflags "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn" >build.log 2>&1)
cd "$work/simulationcode"
if [ "${FIXED:-0}" = 1 ]; then
  sed 's/cvode.active(1)/cvode.active(0)/' Step_current_firing.hoc > step_run.hoc; kind="fixed step"
else
  cp Step_current_firing.hoc step_run.hoc; kind="CVode, atol 1e-3"
fi
echo 'apcvec.printf("%.10g\n")' > print_apc.hoc
nrniv -nobanner -dll "$work/modb/x86_64/libnrnmech.so" step_run.hoc print_apc.hoc -c 'quit()' 2>/dev/null \
  | grep -E '^[0-9.]+$' > "$work/nrn.txt"
"$root/dendrite" run step_run.hoc print_apc.hoc --mod ../mod --out "$work/out" --no-plot 2>/dev/null \
  | grep -E '^[0-9.]+$' > "$work/den.txt"
echo "spike times (ms), $kind: NEURON 8.2.2 | dendrite"
paste "$work/nrn.txt" "$work/den.txt"
