#!/usr/bin/env bash
# Load time of the BluePyOpt/Hay .mod files through dendrite's NMODL compiler: cold (javac) and from the class
# cache, in a fresh JVM per measurement (as `dendrite run --mod` pays it). Usage: benchmarks/scripts/nmodl_load_timing.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLDER=${1:-../shared/data/nmodl-corpus/bluepyopt_l5pc}
mvn -B -q -o -DskipTests -pl benchmarks -am package >/dev/null
CP=$(ls benchmarks/target/benchmarks.jar 2>/dev/null || echo "benchmarks/target/classes:$(mvn -B -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout)")
java -cp "$CP" org.dendrite.benchmarks.NmodlLoadTiming "$FOLDER"
