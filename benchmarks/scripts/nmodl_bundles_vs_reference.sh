#!/usr/bin/env bash
# Validates dendrite's bundled NMODL libraries (models/src/main/resources/mechanisms/hay and allen) in NEURON
# 8.2: compiles each folder (a copy in a temporary directory) with nrnivmodl and reproduces the shared NEURON
# references (shared/reference/mechanisms: single compartments + BluePyOpt L5PC and Allen 468193142 whole
# cells; shared/reference/nmodl: the bpo_* and allen_* cases), which were made with the upstream .mod files.
# Prints the largest deviation per case and per .mod file; exit 1 when a case is off, 2 on a setup error.
#
# usage: benchmarks/scripts/nmodl_bundles_vs_reference.sh [--shared DIR] [--only hay|allen] [--no-whole-cell]
#   default: ../shared next to the worktree, both libraries, whole cells included (~5 min on 2 cores)
# needs: apt-get install -y neuron neuron-dev python3-neuron
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v nrnivmodl >/dev/null || { echo "NEURON not installed: apt-get install -y neuron neuron-dev python3-neuron" >&2; exit 2; }
exec /usr/bin/python3 "$root/benchmarks/scripts/nmodl_bundles_vs_reference.py" "$@"
