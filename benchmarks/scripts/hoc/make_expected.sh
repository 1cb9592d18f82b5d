#!/usr/bin/env bash
# Regenerates the expected outputs of the HOC conformance tests by running each HOC file with NEURON.
#
#   apt-get install -y neuron python3-neuron     # NEURON 8.2 (the outputs were made with 8.2.2)
#   benchmarks/scripts/hoc/make_expected.sh      # from the project root
#
# For every io/src/test/resources/hoc/neuron/NAME.hoc this writes NAME.out next to it: NEURON's standard
# output (no banner, stderr dropped). HocNeuronConformanceTest runs the same files through dendrite's
# interpreter and compares the outputs line by line (numbers are printed by HOC itself with %.8g or the
# file's own printf formats, so equal text means equal numbers to the printed precision).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="$root/io/src/test/resources/hoc/neuron"
command -v nrniv >/dev/null || { echo "nrniv not found: apt-get install -y neuron" >&2; exit 1; }
nrniv -nobanner -c 'quit()' >/dev/null 2>&1 || true
for f in "$dir"/*.hoc; do
  name="$(basename "$f" .hoc)"
  case "$name" in lib_*) continue ;; esac   # helper files loaded by the others
  (cd "$dir" && nrniv -nobanner "$name.hoc" -c 'quit()' 2>/dev/null) > "$dir/$name.out"
  echo "$name: $(wc -l < "$dir/$name.out") lines"
done
echo "NEURON: $(nrniv --version 2>/dev/null | head -1)"
