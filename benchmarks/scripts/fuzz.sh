#!/usr/bin/env bash
# Long fuzzing runs of the readers (io/src/test/java/org/dendrite/io/fuzz/ReaderFuzzTest.java).
#   benchmarks/scripts/fuzz.sh [ITERATIONS_PER_SEED] [SEED]
# e.g. 20000 mutants per seed take about 30 min on 2 cores. Findings (mutants that end in anything but a clean
# DendriteException naming the file) are written to io/target/fuzz-findings/; add each one as a fixture.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-20000}"
seed="${2:-$(date +%s)}"
echo "fuzzing with $n mutants per seed, seed $seed"
mvn -B -q -pl engine,io -am test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddendrite.fuzz.iterations="$n" -Ddendrite.fuzz.seed="$seed"
