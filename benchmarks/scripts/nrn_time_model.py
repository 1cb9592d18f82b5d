#!/usr/bin/env python3
"""Builds a dendrite JSON model in NEURON and times it (finitialize + ParallelContext.psolve(tstop)).

Supports what the side-by-side benchmarks need: morphology from an SWC file (NEURON's Import3d) or inline
sections (stylized or 3-D points), properties (Ra, cm, nseg), the d_lambda / bluepyopt / fixed nseg rules,
density mechanisms with uniform parameters, ion values, globals, IClamp/SEClamp/ExpSyn/Exp2Syn, NetStim,
NetCons and spike detectors. Written for dendrite's benchmarks; NEURON is not a dependency of dendrite.

usage: /usr/bin/python3 nrn_time_model.py MODEL.json TSTOP_MS REPEATS
prints: neuron MODEL compartments=N steps=S best_s=... median_s=... ns_per_compartment_step=...
"""
import json
import math
import os
import sys
import time

from neuron import h

h.load_file("stdrun.hoc")


def d_lambda(sec, freq, dl):
    return int((sec.L / (dl * h.lambda_f(freq, sec=sec)) + 0.9) / 2) * 2 + 1


def build(path):
    model = json.load(open(path))
    base = os.path.dirname(os.path.abspath(path))
    morph = model["morphology"]
    secs = {}
    order = []
    if "file" in morph:
        h.load_file("import3d.hoc")
        reader = h.Import3d_SWC_read()
        reader.quiet = 1
        reader.input(os.path.join(base, morph["file"]))
        gui = h.Import3d_GUI(reader, 0)
        gui.instantiate(None)
        for s in h.allsec():
            secs[s.name()] = s
            order.append(s)
    else:
        for d in morph["sections"]:
            s = h.Section(name=d["name"])
            secs[d["name"]] = s
            order.append(s)
            if "parent" in d:
                s.connect(secs[d["parent"]](d.get("parent_x", 1.0)), 0)
            if "points" in d:
                for p in d["points"]:
                    h.pt3dadd(p[0], p[1], p[2], p[3], sec=s)
            else:
                s.L = d["L"]
                s.diam = d["diam"]

    def group_of(s):
        n = s.name().split("[")[0]
        return {"soma": "somatic", "axon": "axonal", "dend": "basal", "apic": "apical"}.get(n)

    def targets(t):
        if t is None or t == "all":
            return order
        if isinstance(t, list):
            out = []
            for x in t:
                out += [s for s in targets(x) if s not in out]
            return out
        if t in secs:
            return [secs[t]]
        if t in ("somatic", "axonal", "basal", "apical"):
            return [s for s in order if group_of(s) == t]
        if t in ("soma", "axon", "dend", "apic"):
            return [s for s in order if s.name().split("[")[0] == t]
        raise SystemExit("unsupported target " + str(t))

    sim = model.get("simulation", {})
    for k, v in model.get("globals", {}).items():
        setattr(h, k, v)
    nseg = {}
    for p in model.get("properties", []):
        for s in targets(p.get("in")):
            if "Ra" in p:
                s.Ra = p["Ra"]
            if "cm" in p:
                s.cm = p["cm"]
            if "nseg" in p:
                nseg[s] = p["nseg"]
    rule = model.get("discretization")
    if rule:
        for s in order:
            if rule["rule"] == "d_lambda":
                s.nseg = d_lambda(s, rule.get("frequency", 100), rule.get("d_lambda", 0.1))
            elif rule["rule"] == "bluepyopt":
                s.nseg = 1 + 2 * int(s.L / rule.get("length", 40))
            else:
                s.nseg = rule.get("nseg", 1)
    for s, n in nseg.items():
        s.nseg = n
    for m in model.get("mechanisms", []):
        for s in targets(m.get("in")):
            s.insert(m["insert"])
            for k, v in m.get("params", {}).items():
                for seg in s:
                    setattr(seg, k + "_" + m["insert"], v)
    for m in model.get("ions", []):
        for s in targets(m.get("in")):
            for k, v in m["values"].items():
                for seg in s:
                    setattr(seg, k, v)
    keep = []
    pps = {}
    for p in model.get("point_processes", []):
        name, x = p["at"].rsplit("(", 1)
        obj = getattr(h, p["type"])(secs[name](float(x.rstrip(")"))))
        for k, v in p.get("params", {}).items():
            setattr(obj, k, v)
        pps[p["name"]] = obj
        keep.append(obj)
    for c in model.get("artificial_cells", []):
        obj = getattr(h, c["type"])()
        for k, v in c.get("params", {}).items():
            setattr(obj, k, v)
        pps[c["name"]] = obj
    for n in model.get("netcons", []):
        nc = h.NetCon(pps[n["source"]], pps.get(n.get("target")))
        nc.delay = n.get("delay", 1)
        nc.weight[0] = n.get("weight", 0)
        keep.append(nc)
    for d in model.get("spike_detectors", []):
        name, x = d["at"].rsplit("(", 1)
        seg = secs[name](float(x.rstrip(")")))
        nc = h.NetCon(seg._ref_v, None, sec=secs[name])
        nc.threshold = d.get("threshold", 0)
        keep.append(nc)
    h.dt = sim.get("dt", 0.025)
    h.celsius = sim.get("celsius", 6.3)
    h.secondorder = sim.get("secondorder", 2 if sim.get("method") == "cn" else 0)
    return model, order, keep, pps


def main():
    path, tstop, repeats = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    model, order, keep, pps = build(path)
    v_init = model.get("simulation", {}).get("v_init", -65)
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    times = []
    for r in range(repeats + 1):
        t0 = time.perf_counter()
        h.finitialize(v_init)
        pc.psolve(tstop)
        times.append(time.perf_counter() - t0)
    times = sorted(times[1:])
    comps = sum(s.nseg for s in order)
    steps = int(round(tstop / h.dt))
    print("neuron %s compartments=%d steps=%d best_s=%.6f median_s=%.6f ns_per_compartment_step=%.3f"
          % (path, comps, steps, times[0], times[len(times) // 2], times[0] * 1e9 / (comps * steps)))


if __name__ == "__main__":
    main()
