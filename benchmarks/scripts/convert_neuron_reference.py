#!/usr/bin/env python3
"""Converts the NEURON golden-reference case descriptions (shared/reference/neuron/data/*.json) into
dendrite model files (models/validation/neuron/<case>.json).

Each model records exactly the reference CSV's columns (same names, every step), so
`dendrite run models/validation/neuron/<case>.json` produces a traces.csv that compares column by column.

usage: python3 benchmarks/scripts/convert_neuron_reference.py [SHARED_DIR] [OUT_DIR]
"""
import csv
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(root), "shared")
out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "models", "validation", "neuron")
data = os.path.join(shared, "reference", "neuron", "data")

UNIT_SUFFIX = re.compile(r"_(ms|nA|mV|Mohm|uS)$")


def plain(key):
    key = UNIT_SUFFIX.sub("", key)
    return "del" if key == "delay" else key


def section_type(name):
    base = name.split("[")[0]
    return base if base in ("soma", "axon", "dend", "apic") else "undefined"


def loc(section, x):
    xs = ("%d" % x) if float(x).is_integer() else repr(float(x))
    return "%s(%s)" % (section, xs)


def grouped(sections, key):
    """[(value, [section names])] for sections sharing the same value of key(section)."""
    groups = []
    for s in sections:
        v = key(s)
        if v is None:
            continue
        for g in groups:
            if g[0] == v:
                g[1].append(s["name"])
                break
        else:
            groups.append((v, [s["name"]]))
    return groups


def target(names, sections):
    if len(names) == len(sections):
        return "all"
    return names if len(names) > 1 else names[0]


def convert(case):
    ref = json.load(open(os.path.join(data, case + ".json")))
    sim = ref["simulation"]
    secs = ref["sections"]
    model = {"dendrite_model": 1, "name": case,
             "description": ref["title"] + " (converted from the NEURON 8.2.2 golden reference "
             + case + ".json by benchmarks/scripts/convert_neuron_reference.py)"}
    if "morphology" in ref:
        model["morphology"] = {"file": os.path.basename(ref["morphology"]["file"])}
    else:
        out = []
        for s in secs:
            e = {"name": s["name"], "type": section_type(s["name"])}
            if s["parent"]:
                e["parent"] = s["parent"]["section"]
                e["parent_x"] = s["parent"]["x"]
            if s["geometry"] == "stylized":
                e["L"] = s["L"]
                e["diam"] = s["diam"]
            else:
                e["points"] = s["pt3d"]
            out.append(e)
        model["morphology"] = {"sections": out}
    model["simulation"] = {"tstop": sim["tstop_ms"], "dt": sim["dt_ms"], "v_init": sim["v_init_mV"],
                           "celsius": sim["celsius_degC"], "secondorder": sim["secondorder"]}
    if "usetable_hh" in sim:
        model["globals"] = {"usetable_hh": sim["usetable_hh"]}
    if "nseg_rule" in ref and ref["nseg_rule"].startswith("d_lambda") and "morphology" in ref:
        model["discretization"] = {"rule": "d_lambda", "frequency": 100, "d_lambda": 0.1}
    props = []
    for v, names in grouped(secs, lambda s: (s["Ra"], s["cm"])):
        props.append({"in": target(names, secs), "Ra": v[0], "cm": v[1]})
    if "discretization" not in model:
        for v, names in grouped(secs, lambda s: s["nseg"]):
            props.append({"in": target(names, secs), "nseg": v})
    model["properties"] = props
    mechs = []
    for s in secs:
        for m, params in s.get("mechanisms", {}).items():
            for g in mechs:
                if g["insert"] == m and g["params"] == params:
                    g["in"].append(s["name"])
                    break
            else:
                mechs.append({"insert": m, "in": [s["name"]], "params": params})
    for g in mechs:
        g["in"] = target(g["in"], secs)
    model["mechanisms"] = mechs
    ions = []
    for v, names in grouped(secs, lambda s: json.dumps(s.get("ions"), sort_keys=True) if s.get("ions") else None):
        values = {}
        for ion in json.loads(v).values():
            values.update(ion)
        ions.append({"in": target(names, secs), "values": values})
    if ions:
        model["ions"] = ions
    pps = []
    for p in ref.get("point_processes", []):
        pps.append({"name": p["name"], "type": p["type"], "at": loc(p["section"], p["x"]),
                    "params": {plain(k): v for k, v in p["params"].items()}})
    if pps:
        model["point_processes"] = pps
    if ref.get("artificial_cells"):
        model["artificial_cells"] = [{"name": c["name"], "type": c["type"],
                                      "params": {plain(k): v for k, v in c["params"].items()}}
                                     for c in ref["artificial_cells"]]
    if ref.get("netcons"):
        model["netcons"] = [{"source": n["source"], "target": n["target"], "delay": n["delay_ms"],
                             "weight": n["weight_uS"]} for n in ref["netcons"]]
    dets = ref.get("spike_detectors") or ([ref["spike_detector"]] if "spike_detector" in ref else [])
    if dets:
        model["spike_detectors"] = [{"name": loc(d["location"]["section"], d["location"]["x"]),
                                     "at": loc(d["location"]["section"], d["location"]["x"]),
                                     "threshold": d["threshold_mV"]} for d in dets]
    with open(os.path.join(data, case + ".csv")) as f:
        header = next(csv.reader(f))
    model["recordings"] = [re.sub(r" \[[^\]]*\]$", "", h) for h in header[1:]]
    return model


def main():
    os.makedirs(out_dir, exist_ok=True)
    for f in sorted(os.listdir(data)):
        if f.endswith(".json"):
            case = f[:-5]
            with open(os.path.join(out_dir, case + ".json"), "w") as out:
                json.dump(convert(case), out, indent=1)
                out.write("\n")
            print("wrote", case)


if __name__ == "__main__":
    main()
