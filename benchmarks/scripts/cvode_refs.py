"""NEURON CVode references for dendrite's variable-step integrator (issue 15).

hh ball and stick (the bundled `ball_and_stick` model: soma 20 x 20 um hh, dendrite 500 x 2 um pas g 1e-4 S/cm2
e -65 mV, nseg 5 by d_lambda 0.1 at 100 Hz (as dendrite computes it), Ra 100 ohm cm, cm 1 uF/cm2, IClamp 0.2 nA
5-45 ms at soma(0.5), v_init -65 mV, 6.3 degC, tstop 60 ms) with cvode.active(1) at NEURON's default tolerances
(atol 1e-3, rtol 0) and at atol 1e-5. Writes spike times (ms, NetCon threshold 0 mV at soma(0.5)) and
the number of fadvance calls (CVode steps) from finitialize to tstop to the JSON file given (default: stdout).

Run:  /usr/bin/python3 benchmarks/scripts/cvode_refs.py engine/src/test/resources/cvode/ball_and_stick_neuron.json
      /usr/bin/python3 benchmarks/scripts/cvode_refs.py io/src/test/resources/cvode/c91662_neuron.json c91662
      /usr/bin/python3 benchmarks/scripts/cvode_refs.py io/src/test/resources/cvode/syn_feedback_neuron.json syn
      MECHREF_BPO_LIB=.../libnrnmech.so (nrnivmodl of models/src/main/resources/mechanisms/hay, as l5pc_vs_neuron.sh)
      /usr/bin/python3 benchmarks/scripts/cvode_refs.py io/src/test/resources/cvode/l5pc_step1_neuron.json l5pc ../shared
      MECHREF_ALLEN_LIB=.../libnrnmech.so (nrnivmodl of models/src/main/resources/mechanisms/allen)
      /usr/bin/python3 benchmarks/scripts/cvode_refs.py io/src/test/resources/cvode/allen_468193142_neuron.json allen ../shared
"""
import json
import sys

from neuron import h

h.load_file("stdrun.hoc")


def run(atol):
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20.0
    soma.insert("hh")
    dend = h.Section(name="dend")
    dend.L = 500.0
    dend.diam = 2.0
    dend.insert("pas")
    for sec in (soma, dend):
        sec.Ra = 100.0
        sec.cm = 1.0
    for seg in dend:
        seg.pas.g = 1e-4
        seg.pas.e = -65.0
    dend.connect(soma(1.0), 0.0)
    lam = 1e5 * (dend.diam / (4 * 3.141592653589793 * 100.0 * dend.Ra * dend.cm)) ** 0.5
    dend.nseg = int((dend.L / (0.1 * lam) + 0.9) / 2) * 2 + 1
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 5.0, 40.0, 0.2
    nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
    nc.threshold = 0
    spikes = h.Vector()
    nc.record(spikes)
    cv = h.CVode()
    cv.active(1)
    cv.atol(atol)
    cv.rtol(0)
    h.celsius = 6.3
    h.tstop = 60
    h.finitialize(-65)
    steps = 0
    while h.t < 60 - 1e-9:   # with cvode active every fadvance is one integrator step (or an event/stop)
        h.fadvance()
        steps += 1
    return {"atol": atol, "rtol": 0, "dend_nseg": dend.nseg, "spike_times_ms": list(spikes),
            "fadvance_steps": steps}


def run_c91662(atol):
    """Case 7 of shared/reference/neuron (c91662.swc, hh soma/axon, pas dendrites, 3 pulses) with CVode."""
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    ref = os.path.join(here, "..", "..", "..", "shared", "reference", "neuron")
    sys.path.insert(0, ref)
    import case07_swc_c91662 as c7
    import nrnref
    for sec in list(h.allsec()):
        h.delete_section(sec=sec)
    h.usetable_hh = 0
    sections = c7.import_swc(c7.SWC_FILE)
    by_name = {s.name(): s for s in sections}
    for sec in sections:
        sec.Ra = 100.0
        sec.cm = 1.0
        if sec.name().startswith(("soma", "axon")):
            sec.insert("hh")
        else:
            sec.insert("pas")
            for seg in sec:
                seg.pas.g = 3e-5
                seg.pas.e = -65.0
    for sec in sections:
        sec.nseg = nrnref.d_lambda_nseg(sec)
    soma = by_name["soma[0]"]
    stims = []
    for delay in (5.0, 20.0, 35.0):
        st = h.IClamp(soma(0.5))
        st.delay, st.dur, st.amp = delay, 2.0, 1.5
        stims.append(st)
    recs = {}
    for name, seg in (("soma[0](0.5)", soma(0.5)), ("axon[0](1)", by_name["axon[0]"](1.0))):
        nc = h.NetCon(seg._ref_v, None, sec=seg.sec)
        nc.threshold = 0
        vec = h.Vector()
        nc.record(vec)
        recs[name] = (nc, vec)
    cv = h.CVode()
    cv.active(1)
    cv.atol(atol)
    cv.rtol(0)
    h.celsius = 6.3
    h.finitialize(-65)
    steps = 0
    while h.t < 50 - 1e-9:
        h.fadvance()
        steps += 1
    cv.active(0)
    return {"atol": atol, "rtol": 0, "spike_times_ms": {k: list(v[1]) for k, v in recs.items()},
            "fadvance_steps": steps}


def run_syn(atol):
    """io/src/test/resources/cvode/syn_feedback.json: hh soma 20 x 20 um, pas dendrite 400 x 2 um nseg 9 (g 1e-4
    S/cm2, e -65 mV), Ra 100 ohm cm, cm 1 uF/cm2; NetStim (start 5 ms, interval 9 ms, number 6, noise 0) ->
    ExpSyn at dend(0.3) (tau 2 ms, e 0 mV; delay 1 ms, weight 0.01 uS); soma(0.5) crossings of 0 mV -> Exp2Syn at
    soma(0.5) (tau1 0.5, tau2 5 ms, e -80 mV; delay 2 ms, weight 0.002 uS); 6.3 degC, v_init -65 mV, 60 ms."""
    for sec in list(h.allsec()):
        h.delete_section(sec=sec)
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20.0
    soma.insert("hh")
    dend = h.Section(name="dend")
    dend.L, dend.diam, dend.nseg = 400.0, 2.0, 9
    dend.insert("pas")
    for sec in (soma, dend):
        sec.Ra = 100.0
        sec.cm = 1.0
    for seg in dend:
        seg.pas.g = 1e-4
        seg.pas.e = -65.0
    dend.connect(soma(1.0), 0.0)
    ns = h.NetStim()
    ns.start, ns.number, ns.interval, ns.noise = 5, 6, 9, 0
    syn1 = h.ExpSyn(dend(0.3))
    syn1.tau, syn1.e = 2, 0
    syn2 = h.Exp2Syn(soma(0.5))
    syn2.tau1, syn2.tau2, syn2.e = 0.5, 5, -80
    nc1 = h.NetCon(ns, syn1)
    nc1.delay, nc1.weight[0] = 1, 0.01
    nc2 = h.NetCon(soma(0.5)._ref_v, syn2, sec=soma)
    nc2.threshold, nc2.delay, nc2.weight[0] = 0, 2, 0.002
    spikes = h.Vector()
    nc2.record(spikes)
    cv = h.CVode()
    cv.active(1)
    cv.atol(atol)
    cv.rtol(0)
    h.celsius = 6.3
    h.finitialize(-65)
    steps = 0
    while h.t < 60 - 1e-9:
        h.fadvance()
        steps += 1
    cv.active(0)
    return {"atol": atol, "rtol": 0, "spike_times_ms": list(spikes), "fadvance_steps": steps}


def run_l5pc(atols, shared):
    """The BluePyOpt L5PC (release parameters, protocol Step1, 34 degC as its parameters set, 3000 ms) built as
    benchmarks/scripts/nrn_time_l5pc.py builds it (the golden-reference generator's construction functions in
    shared/reference/mechanisms/bluepyopt_l5pc.py, imported, with dendrite's NMODL transcriptions of the Hay
    channels from MECHREF_BPO_LIB), run with CVode; spike times at soma[0](0.5), threshold 0 mV."""
    import os
    sys.path.insert(0, os.path.join(shared, "reference", "mechanisms"))
    sys.path.insert(0, os.path.join(shared, "reference", "neuron"))
    import bluepyopt_l5pc as bpo
    import mechref
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
    stims = []
    for st in protocols[bpo.PROTOCOL]["stimuli"]:
        stim = h.IClamp(cell.soma[0](0.5))
        stim.dur, stim.amp, stim.delay = st["duration"], st["amp"], st["delay"]
        stims.append(stim)
    nc = h.NetCon(cell.soma[0](0.5)._ref_v, None, sec=cell.soma[0])
    nc.threshold = 0
    spikes = h.Vector()
    nc.record(spikes)
    runs = []
    for atol in atols:   # one cell (a library loads once per process), run at each tolerance
        cv = h.CVode()
        cv.active(1)
        cv.atol(atol)
        cv.rtol(0)
        h.finitialize(h.v_init)
        steps = 0
        while h.t < 3000 - 1e-9:
            h.fadvance()
            steps += 1
        cv.active(0)
        runs.append({"atol": atol, "rtol": 0, "celsius_degC": h.celsius, "spike_times_ms": list(spikes),
                     "fadvance_steps": steps})
    return runs


def run_allen(atols, shared):
    """The Allen perisomatic 468193142 (shared/data/models-allen; 34 degC, IClamp 0.35 nA 1000-2000 ms, 3000 ms),
    built by the golden-reference generator's functions (shared/reference/mechanisms/allen_perisomatic.py,
    imported) with dendrite's NMODL files of the Allen library (MECHREF_ALLEN_LIB), run with CVode; spike times at
    soma[0](0.5), threshold 0 mV."""
    import os
    sys.path.insert(0, os.path.join(shared, "reference", "mechanisms"))
    sys.path.insert(0, os.path.join(shared, "reference", "neuron"))
    import allen_perisomatic as ap
    import mechref
    mechref.load_library("allen")
    with open(os.path.join(ap.DATA, ap.FIT_FILE)) as f:
        fit = json.load(f)
    ap.build(fit, os.path.join(ap.DATA, ap.SWC_FILE))
    v_init = fit["conditions"][0]["v_init"]
    soma = h.soma[0]
    stim = h.IClamp(soma(0.5))
    stim.amp, stim.delay, stim.dur = ap.STIM["amp"], ap.STIM["delay"], ap.STIM["dur"]
    nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
    nc.threshold = 0
    spikes = h.Vector()
    nc.record(spikes)
    runs = []
    for atol in atols:
        cv = h.CVode()
        cv.active(1)
        cv.atol(atol)
        cv.rtol(0)
        h.finitialize(v_init)
        steps = 0
        while h.t < 3000 - 1e-9:
            h.fadvance()
            steps += 1
        cv.active(0)
        runs.append({"atol": atol, "rtol": 0, "celsius_degC": h.celsius, "spike_times_ms": list(spikes),
                     "fadvance_steps": steps})
    return runs


def main():
    if len(sys.argv) > 2 and sys.argv[2] == "allen":
        shared = sys.argv[3] if len(sys.argv) > 3 else "../shared"
        out = {"neuron_version": h.nrnversion(5),
               "model": "Allen perisomatic 468193142, 0.35 nA step (see run_allen), CVode",
               "runs": run_allen((1e-3, 1e-5), shared)}
        open(sys.argv[1], "w").write(json.dumps(out, indent=1) + "\n")
        return
    if len(sys.argv) > 2 and sys.argv[2] == "l5pc":
        shared = sys.argv[3] if len(sys.argv) > 3 else "../shared"
        out = {"neuron_version": h.nrnversion(5),
               "model": "BluePyOpt L5PC, release parameters, Step1 (see run_l5pc), CVode",
               "runs": run_l5pc((1e-3, 1e-5), shared)}
        open(sys.argv[1], "w").write(json.dumps(out, indent=1) + "\n")
        return
    if len(sys.argv) > 2 and sys.argv[2] == "syn":
        out = {"neuron_version": h.nrnversion(5), "model": "syn_feedback (see run_syn), CVode",
               "runs": [run_syn(1e-3), run_syn(1e-5)]}
        open(sys.argv[1], "w").write(json.dumps(out, indent=1) + "\n")
        return
    if len(sys.argv) > 2 and sys.argv[2] == "c91662":
        out = {"neuron_version": h.nrnversion(5), "model": "case07_swc_c91662 of shared/reference/neuron, CVode",
               "runs": [run_c91662(1e-3)]}
        open(sys.argv[1], "w").write(json.dumps(out, indent=1) + "\n")
        return
    out = {"neuron_version": h.nrnversion(5), "model": "ball_and_stick (bundled), see docstring", "runs": []}
    for atol in (1e-3, 1e-5):
        out["runs"].append(run(atol))
    text = json.dumps(out, indent=1)
    if len(sys.argv) > 1:
        open(sys.argv[1], "w").write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
