#!/usr/bin/env bash
# Long coverage-guided fuzzing runs of every reader (io/src/test/java/org/dendrite/io/fuzz: CoverageFuzzer,
# JaCoCo probes; ReaderFuzzTest lists the targets and seeds).
#   benchmarks/scripts/fuzz.sh [SECONDS_PER_TARGET] [SEED] [TARGETS]
# e.g. `fuzz.sh 60` fuzzes each of the 9 targets (swc asc hoc jsonModel csv nmodl abf mat nwb; the last three need
# ../shared) for 60 s; `fuzz.sh 300 7 'hoc+nmodl'` only those two. Prints per target: executions, corpus size,
# probes covered, findings. The corpus is kept in io/target/fuzz-corpus/TARGET/, findings (minimised) in
# io/target/fuzz-findings/: commit each one under io/src/test/resources/fuzz/TARGET/ with its fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-60}"
seed="${2:-$(date +%s)}"
targets="${3:-}"
echo "fuzzing ${targets:-every target} for $secs s each, seed $seed"
mvn -B -q -o -pl engine,io -am test -Dtest="ReaderFuzzTest${targets:+#$targets}" -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddendrite.fuzz.seconds="$secs" -Ddendrite.fuzz.seed="$seed" \
    2>&1 | grep -E '^fuzz |FAIL|finding|Tests run' || true
