#!/usr/bin/env bash
# Sweep throughput (evaluations per second: simulate + eFEL features) on 1 thread and on N threads, measured
# alternately after a warm-up, with the median ratio; also how much of one evaluation is model compilation.
# The machine's load average is printed before and after: on a shared machine, other work steals cores and the
# ratio drops; quote it with the figures.
#
# usage: benchmarks/scripts/sweep_scaling.sh [MODEL.json|default] [RUNS, 400] [ROUNDS, 7] [THREADS, 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find engine/src io/src benchmarks/src -newer "$jar" -type f -print -quit)" ]; then
  mvn -B -q -DskipTests -pl benchmarks -am package >/dev/null
fi
echo "host: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xss16m -cp "$jar" org.dendrite.benchmarks.SweepThroughput "${1:-default}" "${2:-400}" "${3:-7}" "${4:-2}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
