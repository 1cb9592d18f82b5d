#!/usr/bin/env python3
"""One NEURON run of one model of perf_vs_neuron.sh, timed inside the process (finitialize + psolve).

usage: /usr/bin/python3 nrn_perf.py json MODEL.json TSTOP_MS
       /usr/bin/python3 nrn_perf.py allen SHARED_DIR TSTOP_MS     (MECHREF_ALLEN_LIB = the compiled Allen mechanisms)
prints: neuron_engine segments=N steps=S wall_s=... cpu_s=... spikes=K
The JSON model is built by nrn_time_model.py, the Allen perisomatic cell 468193142 (0.35 nA, 1000-2000 ms) by the
golden-reference generator's AllenSDK construction (SHARED_DIR/reference/mechanisms/allen_perisomatic.py).
"""
import os
import sys
import time

kind, arg, tstop = sys.argv[1], sys.argv[2], float(sys.argv[3])
if kind == "json":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import nrn_time_model as ntm  # noqa: E402
    from neuron import h  # noqa: E402
    model, order, keep, pps = ntm.build(arg)
    v_init = model.get("simulation", {}).get("v_init", -65)
    soma = order[0]
elif kind == "allen":
    import json  # noqa: E402
    sys.path.insert(0, os.path.join(arg, "reference", "mechanisms"))
    sys.path.insert(0, os.path.join(arg, "reference", "neuron"))
    import allen_perisomatic as ap  # noqa: E402
    import mechref  # noqa: E402
    from mechref import h  # noqa: E402
    mechref.load_library("allen")
    fit = json.load(open(os.path.join(ap.DATA, ap.FIT_FILE)))
    order = ap.build(fit, os.path.join(ap.DATA, ap.SWC_FILE))
    h.dt = ap.DT
    h.secondorder = 0
    v_init = fit["conditions"][0]["v_init"]
    soma = h.soma[0]
    stim = h.IClamp(soma(0.5))
    stim.amp, stim.delay, stim.dur = ap.STIM["amp"], ap.STIM["delay"], ap.STIM["dur"]
else:
    raise SystemExit("nrn_perf.py: kind must be json or allen, not " + kind)

spikes = h.Vector()
detector = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
detector.threshold = 0
detector.record(spikes)
pc = h.ParallelContext()
pc.set_maxstep(10)
w0, c0 = time.perf_counter(), time.process_time()
h.finitialize(v_init)
pc.psolve(tstop)
wall, cpu = time.perf_counter() - w0, time.process_time() - c0
segments = sum(s.nseg for s in h.allsec())
print("neuron_engine segments=%d steps=%d wall_s=%.6f cpu_s=%.6f spikes=%d"
      % (segments, int(round(tstop / h.dt)), wall, cpu, spikes.size()))
