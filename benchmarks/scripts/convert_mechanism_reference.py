#!/usr/bin/env python3
"""Converts the single-compartment channel-library golden cases (shared/reference/mechanisms/data/*.json,
hay_* and allen_*) into dendrite model files (models/validation/mechanisms/<case>.json).

Each model records exactly the reference CSV's columns (same names, same interval: record_every =
output.record_every_n_steps). Voltage-clamp cases have one independent simulation per clamp level
("sweeps"); the model holds one unconnected copy of the compartment per sweep (sections sweep0, sweep1, ...),
which is the same computation: the compartments share no matrix entries, so every sweep evolves exactly as
it would alone. Cases with a per-compartment initial voltage (singular_init) use "v_init" per section.

The whole-cell cases (allen_468193142_step, bpo_l5pc_step1) become model files that build the cell from the
published parameter set through a loader ("published_model", io/.../params; the published files stay in
../shared, they may not be redistributed) and add the protocol's clamps, recordings and spike detectors.

usage: python3 benchmarks/scripts/convert_mechanism_reference.py [SHARED_DIR] [OUT_DIR]
"""
import glob
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(root), "shared")
out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "models", "validation", "mechanisms")
data = os.path.join(shared, "reference", "mechanisms", "data")

UNIT_SUFFIX = re.compile(r"_(ms|nA|mV|Mohm|uS)$")


def plain(key):
    key = UNIT_SUFFIX.sub("", key)
    return "del" if key == "delay" else key


def header(case):
    with open(os.path.join(data, case + ".csv")) as f:
        cols = f.readline().strip().split(",")
    return [re.sub(r" \[[^\]]*\]$", "", c) for c in cols[1:]]


def recording(name, section, point_names):
    """A recording object for a reference column name (without unit), at section(0.5)."""
    if "." in name:
        head, var = name.split(".", 1)
        if head in point_names:
            return {"name": name, "point": point_names[head], "variable": var}
    return {"name": name, "at": "%s(0.5)" % section, "variable": name}


def convert(case):
    with open(os.path.join(data, case + ".json")) as f:
        ref = json.load(f)
    sim = ref["simulation"]
    sections = ref["sections"]
    sweeps = ref.get("sweeps") or [None]
    library = ref["mechanism_library"]["name"]
    model = {
        "dendrite_model": 1,
        "name": case,
        "description": ref["title"] + " (converted from the NEURON 8.2.2 golden reference " + case
        + ".json by benchmarks/scripts/convert_mechanism_reference.py)",
        "mechanism_library": library,
        "morphology": {"sections": []},
        "simulation": {
            "tstop": sim["tstop_ms"],
            "dt": sim["dt_ms"],
            "celsius": sim["celsius_degC"],
            "secondorder": sim["secondorder"],
            "record_every": ref["output"]["record_every_n_steps"],
        },
        "properties": [],
        "mechanisms": [],
        "ions": [],
        "globals": {},
        "point_processes": [],
        "recordings": [],
    }
    if isinstance(sim["v_init_mV"], (int, float)):
        model["simulation"]["v_init"] = sim["v_init_mV"]
    columns = header(case)
    for k, sweep in enumerate(sweeps):
        for s in sections:
            name = s["name"] if sweep is None else "sweep%d" % k
            model["morphology"]["sections"].append(
                {"name": name, "type": "soma", "L": s["L"], "diam": s["diam"]})
            prop = {"in": name, "Ra": s["Ra"], "cm": s["cm"], "nseg": s["nseg"]}
            if "v_init_mV" in s:
                prop["v_init"] = s["v_init_mV"]
            model["properties"].append(prop)
            for mech, params in s["mechanisms"].items():
                model["mechanisms"].append({"insert": mech, "in": name, "params": params})
            values = {}
            for ion in s.get("ions", {}).values():
                values.update(ion)
            if values:
                model["ions"].append({"in": name, "values": values})
            model["globals"].update(s.get("global_parameters", {}))
        points = {}
        for p in ref.get("point_processes", []):
            params = {plain(key): val for key, val in p["params"].items()}
            if sweep is not None and params.get("amp2") == "per sweep":
                params["amp2"] = sweep["amp2_mV"]
            pname = p["name"] if sweep is None else "%s_sweep%d" % (p["name"], k)
            points[p["name"]] = pname
            model["point_processes"].append({
                "name": pname, "type": p["type"],
                "at": "%s(%s)" % (p["section"] if sweep is None else "sweep%d" % k, p["x"]),
                "params": params})
        if sweep is None:
            for c in columns:
                if "(" in c:  # SECTION(x).VAR of a multi-compartment case
                    model["recordings"].append(c)
                else:
                    model["recordings"].append(recording(c, sections[0]["name"], points))
        else:
            prefix = sweep["column_prefix"]
            for c in columns:
                if c.startswith(prefix):
                    r = recording(c[len(prefix):], "sweep%d" % k, points)
                    r["name"] = c
                    model["recordings"].append(r)
    for key in ("ions", "globals", "point_processes"):
        if not model[key]:
            del model[key]
    return model


PUBLISHED = {
    "allen_468193142_step": {
        "format": "allen",
        "fit": "../../../../shared/data/models-allen/468193142_fit.json",
        "morphology": "../../../../shared/data/models-allen/Scnn1a-Tg3-Cre_Ai14-177297.06.01.01_491120155_m.swc"},
    "bpo_l5pc_step1": {"format": "bluepyopt", "folder": "../../../../shared/data/models-bluepyopt-l5pc"},
}


def convert_whole_cell(case):
    with open(os.path.join(data, case + ".json")) as f:
        ref = json.load(f)
    sim = ref["simulation"]
    model = {
        "dendrite_model": 1,
        "name": case,
        "description": ref["title"] + " (converted from the NEURON 8.2.2 golden reference " + case
        + ".json by benchmarks/scripts/convert_mechanism_reference.py; the cell is built from the published "
        "parameter set by dendrite's loader)",
        "published_model": PUBLISHED[case],
        "simulation": {"tstop": sim["tstop_ms"], "dt": sim["dt_ms"], "v_init": sim["v_init_mV"],
                       "celsius": sim["celsius_degC"], "secondorder": sim["secondorder"],
                       "record_every": ref["output"]["record_every_n_steps"]},
        "point_processes": [],
        "spike_detectors": [],
        "recordings": [],
    }
    for p in ref["point_processes"]:
        model["point_processes"].append({
            "name": p["name"], "type": p["type"], "at": "%s(%s)" % (p["section"], p["x"]),
            "params": {plain(k): v for k, v in p["params"].items()}})
    for d in ref["spike_detectors"]:
        at = "%s(%s)" % (d["location"]["section"], d["location"]["x"])
        model["spike_detectors"].append({"name": at, "at": at, "threshold": d["threshold_mV"]})
    for c in header(case):
        if ":" in c:  # label:SECTION(x).VAR
            loc = c.split(":", 1)[1]
            close = loc.index(").")
            model["recordings"].append({"name": c, "at": loc[:close + 1], "variable": loc[close + 2:]})
        else:
            model["recordings"].append(c)
    return model


def main():
    os.makedirs(out_dir, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(data, "*.json"))):
        case = os.path.basename(path)[:-5]
        if case in PUBLISHED:
            model = convert_whole_cell(case)
        elif case.startswith("hay_") or case.startswith("allen_"):
            model = convert(case)
        else:
            continue
        with open(os.path.join(out_dir, case + ".json"), "w") as f:
            json.dump(model, f, indent=1)
            f.write("\n")
        n += 1
    print("wrote %d model files to %s" % (n, out_dir))


if __name__ == "__main__":
    main()
