#!/usr/bin/env bash
# Issue 13's benchmark: NEURON 8.2 and dendrite on the same models, alternated A B A B (NEURON first in every
# round), median of the per-round ratios NEURON/dendrite, and ns per segment-step on both sides.
#
#   whole process = /usr/bin/time of the full command a user types (nrniv / python3 + NEURON; ./dendrite run with
#                   the JVM start; the launcher's AppCDS archive on, or off with DENDRITE_CDS=0): wall and CPU
#                   (user + system, all threads).
#   in-engine     = the run itself timed inside the process, JIT cold (one run per process, as a user gets it):
#                   NEURON finitialize + psolve (Python rows) or startsw() around run() (hay); dendrite the
#                   "s wall" that `dendrite run` reports (compile + finitialize + advance) or, for hay, the same
#                   startsw() around run() as NEURON (the NMODL compile of mod/ and the HOC set-up fall outside). For JSON models also dendrite's warm figure (TimeModel: best of
#                   3 runs after JIT warm-up, in a separate JVM, not part of the ratio).
#
# Models (issue 13):
#   c91662    models/validation/neuron/case07_swc_c91662.json (hh + pas, 1108 segments), TSTOP 1000 ms
#   hay       the Hay et al. 2011 L5PC from its published HOC (ModelDB 139653: L5PCtemplate.hoc + L5PCbiophys3.hoc
#             + cell1.asc), 0.793 nA step 700-2700 ms, TSTOP 3000 ms, fixed dt 0.025 ms (the published file uses
#             CVode; both sides here step at dt). Both run the same driver HOC (written to a temp folder);
#             NEURON with the folder's mod/ compiled by nrnivmodl, dendrite with `--mod FOLDER/mod`.
#   allen     Allen perisomatic 468193142 (`dendrite run --allen FIT --morphology SWC --protocol step`, 0.35 nA
#             1000-2000 ms, 3000 ms); NEURON builds it as AllenSDK does (shared/reference/mechanisms/
#             allen_perisomatic.py) with AllenSDK's mod files (shared/data/nmodl-corpus/allen_perisomatic).
#   default   `./dendrite run` (bundled pyramidal, 200 ms): dendrite only (the target is <= 1.5 s whole process).
#
# usage: benchmarks/scripts/perf_vs_neuron.sh [ROUNDS]           (default 3)
# environment:
#   HAY_MODELDB   folder of ModelDB 139653 (init.hoc, mod/, models/, morphologies/); NOT part of this repository.
#                 Unset: the hay row is skipped.
#   HAY_HOC_FALLBACK=1   run the hay row with the repository's own Hay HOC (cli/src/test/resources/hoc/hay) on
#                 the dendrite side, when the published HOC does not run in dendrite.
#   TSTOP         one simulated time (ms) for every row (a short end-to-end check); default: the issue's settings
#   MODELS        rows to run, default "c91662 hay allen default"
#   SHARED        the shared material folder (default ../shared)
#   HAY_MECH_DIR  NEURON mechanisms for the BluePyOpt L5PC transcriptions (l5pc_vs_neuron.sh); kept here as one
#                 variable so the move to models/src/main/resources/mechanisms/hay is a one-line change
#   DENDRITE_CDS=0  whole-process dendrite runs without the AppCDS archive
# needs: apt-get install -y neuron python3-neuron neuron-dev time ; Maven + JDK 17 (builds the jars on first use)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-${ROUNDS:-3}}"
shared="${SHARED:-$root/../shared}"
models="${MODELS:-c91662 hay allen default}"
export HAY_MECH_DIR="${HAY_MECH_DIR:-$root/benchmarks/scripts/nmodl}"
command -v nrnivmodl >/dev/null || { echo "NEURON not installed: apt-get install -y neuron python3-neuron neuron-dev" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install -y time" >&2; exit 2; }
bjar="$root/benchmarks/target/benchmarks.jar"
[ -f "$bjar" ] || (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/dendrite" run ball_and_stick --tstop 1 --out "$work/warm" --no-plot -q   # builds the jar and the CDS archive
tmpbase="${TMPDIR:-/tmp}"

# nrnivmodl of Debian's NEURON: builds only the shared library (see shared/reference/mechanisms/README.md)
build_mech() { # FOLDER MODFILES... -> FOLDER/x86_64/libnrnmech.so
  local dir="$1"; shift
  if [ ! -f "$dir/x86_64/libnrnmech.so" ]; then
    mkdir -p "$dir" && cp "$@" "$dir"/
    sed -e 's|"${bindir}/nrnmech_makefile"|"/usr/lib/nrn/nrnmech_makefile"|' -e 's| special &&$| mech_lib_shared \&\&|' \
        "$(command -v nrnivmodl)" > "$dir/nrnivmodl-debian"
    (cd "$dir" && LC_ALL=C bash nrnivmodl-debian -loadflags "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn" >build.log 2>&1) \
      || { echo "nrnivmodl failed, see $dir/build.log" >&2; exit 2; }
  fi
}

# timed CMD...: runs CMD under /usr/bin/time; stdout+stderr to $work/out, "wall cpu" appended to $work/time
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/out" 2>&1 || { echo "failed: $*" >&2; tail -20 "$work/out" >&2; return 1; }
  awk '{printf "%s %.2f", $1, $2 + $3}' "$work/time"
}

results="$work/results.tsv"   # model segments steps side round whole_wall whole_cpu engine_wall engine_cpu
: > "$results"
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }

# --- the sides of each row: each sets seg, steps, ww (whole wall), wc (whole cpu), ew, ec (engine wall, cpu) ---
dendrite_run() { # ARGS... of `dendrite run`
  read -r ww wc <<<"$(timed "$root/dendrite" run "$@" --out "$work/dout" --no-plot)"
  ew=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['wall_time_s'])" "$work/dout/summary.json")
  seg=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['compartments'])" "$work/dout/summary.json")
  steps=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['steps'])" "$work/dout/summary.json")
  ec=""
  spk=$(grep -o 'spikes at [^:]*: [0-9]*' "$work/out" | head -1 | sed 's/.*: //' || true)
}
neuron_py() { # KIND ARG TSTOP
  read -r ww wc <<<"$(timed /usr/bin/python3 "$root/benchmarks/scripts/nrn_perf.py" "$@")"
  local l; l=$(grep '^neuron_engine' "$work/out")
  get() { echo "$l" | sed "s/.* $1=\([0-9.]*\).*/\1/"; }
  seg=$(get segments); steps=$(get steps); ew=$(get wall_s); ec=$(get cpu_s); spk=$(get spikes)
}

hay_driver() { # FOLDER TSTOP -> $work/hay/model.hoc (cell + stimulus + settings) and neuron.hoc (times run())
  mkdir -p "$work/hay"
  cat > "$work/hay/model.hoc" <<HOC
// perf_vs_neuron.sh: the published Step_current_firing.hoc of ModelDB 139653 without GUI and CVode
load_file("stdrun.hoc")
load_file("import3d.hoc")
objref L5PC, st1, detector, spikes, nil
strdef morphology_file
morphology_file = "$1/morphologies/cell1.asc"
load_file("$1/models/L5PCbiophys3.hoc")
load_file("$1/models/L5PCtemplate.hoc")
L5PC = new L5PCtemplate(morphology_file)
L5PC.soma st1 = new IClamp(0.5)
st1.dur = 2000
st1.del = 700
st1.amp = 0.793
L5PC.soma detector = new NetCon(&v(0.5), nil)
detector.threshold = 0
spikes = new Vector()
detector.record(spikes)
v_init = -80
dt = 0.025
steps_per_ms = 40
tstop = $2
HOC
  # the timed span, the same file on both sides: stdrun's run() = finitialize + fixed steps to tstop (dendrite:
  # also compiles the cell at its first finitialize)
  cat > "$work/hay/run.hoc" <<'HOC'
perf_t0 = startsw()
run()
printf("perf_engine wall_s=%.6f spikes=%d\n", startsw() - perf_t0, spikes.size())
HOC
  cat > "$work/hay/neuron.hoc" <<HOC
nrn_load_dll("$tmpbase/perf-nrnmech-hay139653/x86_64/libnrnmech.so")
load_file("$work/hay/model.hoc")
nseg_total = 0
forall nseg_total += nseg
printf("perf_size segments=%d steps=%d\n", nseg_total, tstop/dt + 0.5)
load_file("$work/hay/run.hoc")
HOC
}

for model in $models; do
  case "$model" in
    c91662) t="${TSTOP:-1000}"; json="$root/models/validation/neuron/case07_swc_c91662.json"; label="c91662 hh+pas, $t ms" ;;
    hay)
      [ -n "${HAY_MODELDB:-}" ] || { echo "hay: HAY_MODELDB unset (folder of ModelDB 139653), row skipped" >&2; continue; }
      [ -f "$HAY_MODELDB/models/L5PCtemplate.hoc" ] || { echo "hay: $HAY_MODELDB/models/L5PCtemplate.hoc missing" >&2; exit 2; }
      t="${TSTOP:-3000}"; build_mech "$tmpbase/perf-nrnmech-hay139653" "$HAY_MODELDB"/mod/*.mod; hay_driver "$HAY_MODELDB" "$t"
      label="Hay L5PC (ModelDB 139653 HOC), 0.793 nA, $t ms" ;;
    allen)
      t="${TSTOP:-3000}"; build_mech "$tmpbase/perf-nrnmech-allen" "$shared"/data/nmodl-corpus/allen_perisomatic/*.mod
      export MECHREF_ALLEN_LIB="$tmpbase/perf-nrnmech-allen/x86_64/libnrnmech.so"
      label="Allen perisomatic 468193142, 0.35 nA, $t ms" ;;
    default) t="${TSTOP:-200}"; label="default (pyramidal), $t ms" ;;
    *) echo "unknown model '$model' (c91662 hay allen default)" >&2; exit 2 ;;
  esac
  echo "== $label"
  for r in $(seq 1 "$rounds"); do
    if [ "$model" != default ]; then
      case "$model" in
        c91662) neuron_py json "$json" "$t" ;;
        hay) read -r ww wc <<<"$(timed nrniv -nobanner "$work/hay/neuron.hoc" -c 'quit()')"
             l=$(grep '^perf_' "$work/out" | tr '\n' ' '); get() { echo "$l" | sed "s/.* $1=\([0-9.]*\).*/\1/"; }
             seg=$(get segments); steps=$(get steps); ew=$(get wall_s); ec=""; spk=$(get spikes) ;;
        allen) neuron_py allen "$shared" "$t" ;;
      esac
      record "$label" "$seg" "$steps" neuron "$r" "$ww" "$wc" "$ew" "$ec"
      echo "  round $r NEURON:   whole ${ww} s wall, ${wc} s CPU; in-engine ${ew} s; $seg segments, $steps steps, $spk spikes"
    fi
    case "$model" in
      c91662) dendrite_run "$json" --tstop "$t" ;;
      hay) if [ "${HAY_HOC_FALLBACK:-0}" = 1 ]; then
             printf 'strdef morph_file\nmorph_file = "%s"\nstep_amp = 0.793\nstep_del = 700\nstep_dur = 2000\nrun_tstop = %s\n' \
               "$HAY_MODELDB/morphologies/cell1.asc" "$t" > "$work/hay/params.hoc"
             pushd "$root/cli/src/test/resources/hoc/hay" >/dev/null
             dendrite_run "$work/hay/params.hoc" hay_step.hoc
             popd >/dev/null
           else
             dendrite_run "$work/hay/model.hoc" "$work/hay/run.hoc" --mod "$HAY_MODELDB/mod"
             ew=$(grep '^perf_engine' "$work/out" | sed 's/.*wall_s=\([0-9.]*\).*/\1/')
             spk=$(grep '^perf_engine' "$work/out" | sed 's/.*spikes=\([0-9]*\).*/\1/')
           fi ;;
      allen) dendrite_run --allen "$shared/data/models-allen/468193142_fit.json" \
               --morphology "$shared/data/models-allen/Scnn1a-Tg3-Cre_Ai14-177297.06.01.01_491120155_m.swc" --protocol step --tstop "$t" ;;
      default) dendrite_run --tstop "$t" ;;
    esac
    record "$label" "$seg" "$steps" dendrite "$r" "$ww" "$wc" "$ew" "$ec"
    echo "  round $r dendrite: whole ${ww} s wall, ${wc} s CPU; in-engine ${ew} s (cold); $seg segments, $steps steps, $spk spikes"
  done
  if [ "$model" = c91662 ]; then
    warm=$(java --add-modules jdk.incubator.vector -cp "$bjar" org.dendrite.benchmarks.TimeModel "$json" "$t" 3 2>/dev/null | grep '^dendrite')
    echo "  dendrite in-engine warm (TimeModel, best of 3 after warm-up): $(echo "$warm" | sed 's/.*best_s=\([0-9.]*\).*ns_per_compartment_step=\([0-9.]*\).*/\1 s, \2 ns\/segment-step/')"
  fi
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, DENDRITE_CDS=${DENDRITE_CDS:-1}, $rounds rounds"
python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m, seg, steps, side, r, ww, wc, ew, ec = line.rstrip("\n").split("\t")
    rows.setdefault(m, {"seg": int(seg), "steps": int(steps)}).setdefault(side, []).append(
        (float(ww), float(wc), float(ew)))
def med(x): return statistics.median(x)
print("| model | segments | steps | NEURON s whole wall / CPU | dendrite s whole wall / CPU | ratio whole wall / CPU (median) "
      "| NEURON s in-engine | dendrite s in-engine | ratio in-engine (median) | ns/segment-step in-engine NEURON / dendrite |")
print("|---|---|---|---|---|---|---|---|---|---|")
for m, d in rows.items():
    n, e = d.get("neuron"), d["dendrite"]
    ss = d["seg"] * d["steps"]
    dw, dc, de = (med([x[i] for x in e]) for i in range(3))
    if n:
        nw, nc, ne = (med([x[i] for x in n]) for i in range(3))
        rw = med([a[0] / b[0] for a, b in zip(n, e)]); rc = med([a[1] / b[1] for a, b in zip(n, e)])
        re = med([a[2] / b[2] for a, b in zip(n, e)])
        print("| %s | %d | %d | %.2f / %.2f | %.2f / %.2f | **%.2f** / **%.2f** | %.2f | %.2f | %.2f | %.0f / %.0f |"
              % (m, d["seg"], d["steps"], nw, nc, dw, dc, rw, rc, ne, de, re, ne * 1e9 / ss, de * 1e9 / ss))
    else:
        print("| %s | %d | %d | — | %.2f / %.2f | — | — | %.2f | — | — / %.0f |"
              % (m, d["seg"], d["steps"], dw, dc, de, de * 1e9 / ss))
print("\nratio = NEURON / dendrite per round, median over rounds (> 1: dendrite faster); s = median over rounds; "
      "CPU = user + system of the whole process (all threads); dendrite in-engine = compile + run, JIT cold.")
PY
