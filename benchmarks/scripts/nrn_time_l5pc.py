#!/usr/bin/env python3
"""Times NEURON on the BluePyOpt L5PC (release parameters, protocol Step1), for l5pc_vs_neuron.sh.

The cell is built by the construction functions of the golden-reference generator
(shared/reference/mechanisms/bluepyopt_l5pc.py, imported, not copied) with the mechanism library given in
MECHREF_BPO_LIB (dendrite's own NMODL transcriptions, models/src/main/resources/mechanisms/hay, compiled with nrnivmodl).
Before timing, one full run must reproduce the reference's 14 soma spike times (so the model is the same);
then REPEATS runs of finitialize + ParallelContext.psolve(tstop) are timed (wall and process CPU time).

usage: MECHREF_BPO_LIB=.../libnrnmech.so /usr/bin/python3 nrn_time_l5pc.py SHARED_DIR TSTOP_MS REPEATS
(REPEATS 0: only build and the one checked 3 s run, for whole-process timing)
prints: neuron l5pc Step1 tstop=... compartments=... steps=... spikes=... best_s=... cpu_best_s=... ns_per_compartment_step=...
"""
import json
import os
import sys
import time

shared = sys.argv[1]
tstop = float(sys.argv[2])
repeats = int(sys.argv[3])
sys.path.insert(0, os.path.join(shared, "reference", "mechanisms"))
sys.path.insert(0, os.path.join(shared, "reference", "neuron"))

import bluepyopt_l5pc as bpo  # noqa: E402  (the reference's construction functions)
import mechref  # noqa: E402
from mechref import h  # noqa: E402


def build():
    mechref.load_library("bpo")
    h.load_file("import3d.hoc")
    mechanisms = bpo.load_json("mechanisms.json")
    params = bpo.load_json("parameters.json")
    release = bpo.load_json("tests/release_parameters.json")["release_parameters"]
    protocols = bpo.load_json("protocols.json")
    h(bpo.TEMPLATE)
    cell = h.l5pc()
    reader = h.Import3d_Neurolucida3()
    reader.quiet = 1
    h.hoc_stdout(os.devnull)
    reader.input(os.path.join(bpo.DATA, bpo.MORPHOLOGY))
    h.hoc_stdout()
    h.Import3d_GUI(reader, 0).instantiate(cell)
    for sec in cell.all:
        sec.nseg = bpo.nseg_for(sec.L)
    bpo.replace_axon(cell)
    for seclist, channels in mechanisms.items():
        for channel in channels:
            for sec in getattr(cell, seclist):
                sec.insert(channel)
    bpo.apply_parameters(cell, params, release)
    h.dt = bpo.DT
    h.secondorder = 0
    stims = []
    for st in protocols[bpo.PROTOCOL]["stimuli"]:
        stim = h.IClamp(cell.soma[0](0.5))
        stim.dur, stim.amp, stim.delay = st["duration"], st["amp"], st["delay"]
        stims.append(stim)
    return cell, stims


cell, stims = build()
nc = h.NetCon(cell.soma[0](0.5)._ref_v, None, sec=cell.soma[0])
nc.threshold = 0
spikes = h.Vector()
nc.record(spikes)
pc = h.ParallelContext()
pc.set_maxstep(10)
v_init = h.v_init

# correctness gate: the full protocol must give NEURON's reference spike times
with open(os.path.join(shared, "reference", "mechanisms", "data", "bpo_l5pc_step1.json")) as f:
    expected = json.load(f)["spike_detectors"][0]["nrn_spike_times_ms"]
h.finitialize(v_init)
pc.psolve(3000)
got = list(spikes)
if len(got) != len(expected) or max(abs(a - b) for a, b in zip(got, expected)) > 1e-3:
    sys.exit("NEURON with these mod files does not reproduce the reference spikes: %s vs %s" % (got, expected))

nseg = sum(sec.nseg for sec in cell.all)
if repeats == 0:  # whole-process timing: build + the one 3 s run above, measured from outside (e.g. /usr/bin/time)
    print("neuron l5pc Step1 built and ran 3000 ms once; spikes=%d reference_spikes_ok=1" % len(got))
    sys.exit(0)
walls, cpus = [], []
for _ in range(repeats):
    w0, c0 = time.perf_counter(), time.process_time()
    h.finitialize(v_init)
    pc.psolve(tstop)
    walls.append(time.perf_counter() - w0)
    cpus.append(time.process_time() - c0)
steps = int(round(tstop / h.dt))
walls.sort()
cpus.sort()
print("neuron l5pc Step1 tstop=%.0f compartments=%d steps=%d spikes=%d best_s=%.4f median_s=%.4f cpu_best_s=%.4f "
      "ns_per_compartment_step=%.2f cpu_ns_per_compartment_step=%.2f reference_spikes_ok=1"
      % (tstop, nseg, steps, len(spikes), walls[0], walls[len(walls) // 2], cpus[0],
         walls[0] * 1e9 / (nseg * steps), cpus[0] * 1e9 / (nseg * steps)))
