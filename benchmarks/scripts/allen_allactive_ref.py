"""NEURON 8.2.2 reference for a legacy Allen all-active fit loaded as AllenSDK's AllActiveUtils does.

    /usr/bin/python3 benchmarks/scripts/allen_allactive_ref.py LIBNRNMECH.so FIT.json CELL.swc OUT.csv

LIBNRNMECH.so (or - when run in the build folder): nrnivmodl build of models/src/main/resources/mechanisms/allen/*.mod. Steps (from the AllenSDK
description in ../shared/data/models-allen/PROVENANCE.md): Import3d of the SWC, nseg = 1 + 2*int(L/40), axon
replaced by two 30 um sections (diameters: axon[0](0.5) and the first axon section farther than 60 um from
soma[0](0.5)) attached at soma[0](1), Ra from passive.ra and pas everywhere, genome entries in order (values at
full precision), ek/ena where the ion exists, celsius and v_init; IClamp 0.35 nA 1000-2000 ms at soma[0](0.5),
tstop 3000 ms, dt 0.025 ms. Writes t (ms), soma v (mV) every 1 ms.
"""
import json
import sys

from neuron import h

lib, fit_file, swc, out = sys.argv[1:5]
if lib != "-":
    h.nrn_load_dll(lib)  # "-": run from the build folder, whose x86_64/ NEURON loads by itself
h.load_file("stdrun.hoc")
h.load_file("import3d.hoc")
fit = json.load(open(fit_file))
reader = h.Import3d_SWC_read()
reader.input(swc)
gui = h.Import3d_GUI(reader, 0)
h("objref this")
gui.instantiate(h.this)
for sec in h.allsec():
    sec.nseg = 1 + 2 * int(sec.L / 40.0)
diams = [h.axon[0].diam, h.axon[0].diam]
h.distance(sec=h.soma[0])
for sec in h.allsec():
    if sec.name().startswith("axon") and h.distance(0.5, sec=sec) > 60:
        diams[1] = sec.diam
        break
for sec in list(h.allsec()):
    if sec.name().startswith("axon"):
        h.delete_section(sec=sec)
h("create axon[2]")
for i, sec in enumerate(h.axon):
    sec.L = 30
    sec.diam = diams[i]
for sec in h.allsec():
    sec.nseg = 1 + 2 * int(sec.L / 40.0)
h.axon[0].connect(h.soma[0], 1.0, 0.0)
h.axon[1].connect(h.axon[0], 1.0, 0.0)
h.area(0.5, sec=h.soma[0])
passive = fit["passive"][0]
for sec in h.allsec():
    sec.Ra = passive["ra"]
    sec.insert("pas")
for p in fit["genome"]:
    value = float(p["value"])
    if p["section"] == "glob":
        h("%s = %.17g" % (p["name"], value))
        continue
    for sec in getattr(h, p["section"]):
        if p["mechanism"] and h.ismembrane(str(p["mechanism"]), sec=sec) != 1:
            sec.insert(p["mechanism"])
        setattr(sec, p["name"], value)
cond = fit["conditions"][0]
for e in cond["erev"]:
    if not hasattr(h, e["section"]):
        continue
    for sec in getattr(h, e["section"]):
        if h.ismembrane("k_ion", sec=sec) == 1:
            sec.ek = float(e["ek"])
        if h.ismembrane("na_ion", sec=sec) == 1:
            sec.ena = float(e["ena"])
h.celsius = cond["celsius"]
stim = h.IClamp(h.soma[0](0.5))
stim.amp, stim.delay, stim.dur = 0.35, 1000, 1000
v = h.Vector().record(h.soma[0](0.5)._ref_v, 1.0)
t = h.Vector().record(h._ref_t, 1.0)
h.dt = 0.025
h.tstop = 3000
h.finitialize(cond["v_init"])
h.continuerun(3000)
with open(out, "w") as f:
    f.write("t_ms,v_mV\n")
    for i in range(len(t)):
        f.write("%.10g,%.10g\n" % (t[i], v[i]))
print("sections", len(list(h.allsec())), "segments", sum(s.nseg for s in h.allsec()), "axon diams", diams)
