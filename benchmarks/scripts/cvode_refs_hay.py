"""NEURON CVode references for the published Hay et al. 2011 L5PC (ModelDB 139653) under dendrite's variable step.

The model's files are third-party and are read from FOLDER (default ../shared/data/hay-modeldb-139653, a clone
of github.com/ModelDBRepository/139653; never copied into this project). Its mod/*.mod are compiled into a
temporary folder with Debian's nrnivmodl (the recipe of benchmarks/scripts/hoc/published_hay_139653.sh).

short (default): cli/src/test/resources/cvode/hay_cvode_step.hoc (the published cell, 0.793 nA step from 700 ms,
  tstop 800 ms, NetCon threshold -10 mV on soma(0.5)) with cvode.active(1) at NEURON's default tolerances
  (atol 1e-3, rtol 0), at 6.3 degC (NEURON's default; the model sets no temperature: its channels fix their
  rates at 34 degC, celsius only moves eca by Nernst) and at 34 degC; then both at atol 1e-6 as the converged
  answer (within 0.003 ms of atol 1e-5). Writes spike times (ms) and fadvance calls from finitialize to
  tstop (one CVode step each) as JSON to OUT.
full: the published simulationcode/Step_current_firing.hoc itself (3000 ms, cvode.active(1), its APCount), with
  a NetCon (threshold -10 mV) beside the APCount, at atol 1e-3 (the published run) and 1e-5: both spike lists
  and the step count (fadvance calls).

Run:  /usr/bin/python3 benchmarks/scripts/cvode_refs_hay.py cli/src/test/resources/cvode/hay_neuron.json [FOLDER]
      /usr/bin/python3 benchmarks/scripts/cvode_refs_hay.py --full OUT.json [FOLDER]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DRIVER = os.path.join(ROOT, "cli", "src", "test", "resources", "cvode", "hay_cvode_step.hoc")


def build_mechanisms(folder, work):
    """Compiles FOLDER/mod/*.mod with Debian's nrnivmodl (shared library only); returns the library's path."""
    modb = os.path.join(work, "modb")
    os.makedirs(modb)
    for f in sorted(os.listdir(os.path.join(folder, "mod"))):
        if f.endswith(".mod"):
            shutil.copy(os.path.join(folder, "mod", f), modb)
    nrnivmodl = shutil.which("nrnivmodl")
    text = open(nrnivmodl).read()
    text = text.replace('"${bindir}/nrnmech_makefile"', '"/usr/lib/nrn/nrnmech_makefile"')
    text = text.replace(" special &&\n", " mech_lib_shared &&\n")
    open(os.path.join(modb, "nrnivmodl-debian"), "w").write(text)
    env = dict(os.environ, LC_ALL="C")
    with open(os.path.join(modb, "build.log"), "w") as log:
        subprocess.run(["bash", "nrnivmodl-debian", "-loadflags", "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"],
                       cwd=modb, env=env, stdout=log, stderr=log, check=True)
    return os.path.join(modb, "x86_64", ".libs", "libnrnmech.so")


def run_in_subprocess(args):
    """Each run in a fresh NEURON (sections and templates cannot be redefined in one interpreter)."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one"] + [str(a) for a in args],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def one(lib, folder, mode, celsius, atol):
    from neuron import h
    h.nrn_load_dll(lib)
    os.chdir(os.path.join(folder, "simulationcode"))
    h.celsius = float(celsius)
    result = {"celsius_degC": float(celsius), "atol": float(atol), "rtol": 0}
    if mode == "short":
        # executed as text: load_file of a path elsewhere would make its folder the current one while it loads,
        # and its load_file("../models/...") are relative to simulationcode (as when nrniv runs it from there)
        h(open(DRIVER).read())
        h.cvode.atol(float(atol))
        h.stdinit()
        steps = 0
        while h.t < h.tstop - 1e-9:
            h.fadvance()
            steps += 1
        result.update({"tstop_ms": h.tstop, "spike_times_ms": list(h.spikes), "fadvance_steps": steps})
    else:
        # the published file runs init() and run() itself; a NetCon beside its APCount, then its run again
        # with the steps counted (the same deterministic run)
        h.load_file("Step_current_firing.hoc")
        h.cvode.atol(float(atol))
        nc = h.NetCon(h.L5PC.soma[0](0.5)._ref_v, None, sec=h.L5PC.soma[0])
        nc.threshold = -10
        vec = h.Vector()
        nc.record(vec)
        h.stdinit()
        steps = 0
        while h.t < h.tstop - 1e-9:
            h.fadvance()
            steps += 1
        result.update({"tstop_ms": h.tstop, "apcount_times_ms": list(h.apcvec), "netcon_times_ms": list(vec),
                       "fadvance_steps": steps})
    print(json.dumps(result))


def main():
    if sys.argv[1] == "--one":
        one(*sys.argv[2:7])
        return
    full = sys.argv[1] == "--full"
    args = sys.argv[2:] if full else sys.argv[1:]
    out_path = args[0]
    folder = os.path.abspath(args[1] if len(args) > 1 else os.path.join(ROOT, "..", "shared", "data",
                                                                         "hay-modeldb-139653"))
    from neuron import h
    work = tempfile.mkdtemp()
    try:
        lib = build_mechanisms(folder, work)
        runs = []
        if full:
            for atol in (1e-3, 1e-5):
                runs.append(run_in_subprocess([lib, folder, "full", 6.3, atol]))
        else:
            for celsius, atol in ((6.3, 1e-3), (34, 1e-3), (6.3, 1e-6), (34, 1e-6)):
                runs.append(run_in_subprocess([lib, folder, "short", celsius, atol]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = {"neuron_version": h.nrnversion(5),
           "model": "Hay et al. 2011 L5PC, ModelDB 139653 (" + ("Step_current_firing.hoc" if full
                                                               else "hay_cvode_step.hoc") + "), CVode",
           "runs": runs}
    text = json.dumps(out, indent=1)
    open(out_path, "w").write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
