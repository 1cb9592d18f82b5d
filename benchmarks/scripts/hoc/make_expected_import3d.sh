#!/usr/bin/env bash
# Expected output of the Import3d test on the Hay L5PC morphology, made with NEURON:
#   benchmarks/scripts/hoc/make_expected_import3d.sh     (from the project root; needs nrniv and ../shared)
# writes io/src/test/resources/hoc/import3d/hay_cell1.out (section names, lists, L, nseg, n3d, areas, distances).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="$root/io/src/test/resources/hoc/import3d"
morph="$root/../shared/data/hay-l5pc/cell1.asc"
[ -f "$morph" ] || { echo "missing $morph" >&2; exit 1; }
(cd "$dir" && nrniv -nobanner -c 'strdef morph_file' -c "morph_file = \"$morph\"" hay_cell1.hoc -c 'quit()' 2>/dev/null) \
  > "$dir/hay_cell1.out"
echo "hay_cell1: $(wc -l < "$dir/hay_cell1.out") lines"
(cd "$dir" && nrniv -nobanner -c 'strdef morph_file' -c "morph_file = \"$morph\"" hay_cell1_sim.hoc -c 'quit()' 2>/dev/null) \
  > "$dir/hay_cell1_sim.out"
echo "hay_cell1_sim: $(grep -A1 '^spikes' "$dir/hay_cell1_sim.out" | tr '\n' ' ')"
