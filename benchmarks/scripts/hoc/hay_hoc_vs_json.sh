#!/usr/bin/env bash
# Time per simulated second of the HOC-built Hay L5PC (cli/src/test/resources/hoc/hay, our own HOC files) run by
# `dendrite run params.hoc hay_step.hoc` against the same cell exported by `dendrite convert` and run from JSON
# with `dendrite run hay.json --tstop T`. Each route runs T1 and T2 ms (step 0.793 nA from 700 ms); the rate is
# (wall(T2) - wall(T1)) / (T2 - T1), so set-up (HOC interpretation, Import3d, JSON reading, compiling) cancels.
# wall = summary.json's wall_time_s; cpu = user + system CPU seconds of the whole java process (steadier than wall
# on a shared machine; JIT and GC threads included, their fixed part cancels in the difference).
# Also checks that both routes give the same soma trace.
#   benchmarks/scripts/hoc/hay_hoc_vs_json.sh [T1_MS] [T2_MS] [ROUNDS]     default 500 1500 2
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
hoc="$root/cli/src/test/resources/hoc/hay"
morph="$root/../shared/data/hay-l5pc/cell1.asc"
[ -f "$morph" ] || { echo "missing $morph" >&2; exit 1; }
t1=${1:-500}; t2=${2:-1500}; rounds=${3:-2}
jar="$root/cli/target/dendrite.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl cli -am package)
dendrite() { java -Djava.awt.headless=true --add-modules jdk.incubator.vector -jar "$jar" "$@" 2>/dev/null; }
work="$(mktemp -d)"
trap "rm -rf \"$work\"" EXIT
params() { # tstop -> file
  printf 'strdef morph_file\nmorph_file = "%s"\nstep_amp = 0.793\nstep_del = 700\nstep_dur = 2000\nrun_tstop = %s\n' \
    "$morph" "$1" > "$work/p$1.hoc"
}
params 0; params "$t1"; params "$t2"
dendrite convert "$work/p0.hoc" "$hoc/hay_step.hoc" --out "$work/hay.json" >/dev/null
wall() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['wall_time_s'])" "$1/summary.json"; }
cpu() { # command... -> prints user+sys seconds of it
  local TIMEFORMAT='%U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  python3 -c "import sys; print(sum(map(float, sys.argv[1:])))" $t
}
hocw=(); jsonw=(); hocc=(); jsonc=()
for r in $(seq 1 "$rounds"); do
  for T in "$t1" "$t2"; do
    hocc+=("$(cd "$hoc" && cpu dendrite run "$work/p$T.hoc" hay_step.hoc --out "$work/h$T" -q --no-plot)")
    jsonc+=("$(cpu dendrite run "$work/hay.json" --tstop "$T" --out "$work/j$T" -q --no-plot)")
    hocw+=("$(wall "$work/h$T")"); jsonw+=("$(wall "$work/j$T")")
  done
done
python3 - "$t1" "$t2" "${hocw[*]}" "${jsonw[*]}" "$work" "${hocc[*]}" "${jsonc[*]}" <<'PY'
import csv, statistics, sys
t1, t2 = float(sys.argv[1]), float(sys.argv[2])
def nums(s): return [float(x) for x in s.split()]
def rates(w): return [(w[i + 1] - w[i]) / (t2 - t1) * 1000 for i in range(0, len(w), 2)]
for what, h, j in (("wall", nums(sys.argv[3]), nums(sys.argv[4])), ("cpu", nums(sys.argv[6]), nums(sys.argv[7]))):
    for name, w in (("hoc", h), ("json", j)):
        print(f"{name:4s} {what:4s} T1={t1:g} ms: {' '.join(f'{x:.2f}' for x in w[0::2])} s   T2={t2:g} ms: "
              f"{' '.join(f'{x:.2f}' for x in w[1::2])} s   per simulated second: "
              f"{' '.join(f'{x:.2f}' for x in rates(w))} s (median {statistics.median(rates(w)):.2f})")
a = list(csv.reader(open(f"{sys.argv[5]}/h{int(t2)}/traces.csv"))); b = list(csv.reader(open(f"{sys.argv[5]}/j{int(t2)}/traces.csv")))
ia, ib = a[0].index("vsoma [mV]"), b[0].index("vsoma [mV]")
print("soma trace hoc vs json: max |dv| =", max(abs(float(x[ia]) - float(y[ib])) for x, y in zip(a[1:], b[1:])), "mV over",
      len(a) - 1, "rows")
PY
