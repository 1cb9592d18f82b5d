#!/usr/bin/env python3
"""Validate dendrite's bundled NMODL libraries (models/src/main/resources/mechanisms/{hay,allen}) in NEURON.

Compiles each folder (a copy under a temporary directory; never inside the repository) with Debian's nrnivmodl
(patched as shared/reference/mechanisms/README.md explains), then re-runs the generators of the shared NEURON
references - which were made with the UPSTREAM .mod files - with OUR libraries instead, in a scratch copy of
the generator scripts (they write next to themselves), and compares every column of every regenerated CSV with
the shared one:

  shared/reference/mechanisms  single_compartment.py hay|allen (MECHREF_HAY_LIB / MECHREF_ALLEN_LIB),
                               bluepyopt_l5pc.py (MECHREF_BPO_LIB = the hay folder), allen_perisomatic.py
  shared/reference/nmodl       make_refs.py, the bpo_* and allen_* cases ($NMODL_BUILD/<model> = our library)

Files with no shared case: epsp.mod is run in NEURON against mechanisms.md 4.15 evaluated at the mid-step
time; the Allen copies of Hay files (gbar names) and NaTa.mod run beside the validated file they must equal.

Prints, per case, the largest absolute deviation over all columns (and the column), then per .mod file the
largest deviation over the cases that use it, and the whole-cell spike-time deviations. Exit status 1 when any
case exceeds its tolerance (mechanisms: 1e-9 abs on any column relative to max(1, column max |x|) -- i.e.
round-off; nmodl: the case's `exact` tier), 2 on a setup error.

usage: /usr/bin/python3 benchmarks/scripts/nmodl_bundles_vs_reference.py [--shared DIR] [--only hay|allen]
       [--no-whole-cell] [--keep]
"""
import csv
import glob
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MECH = os.path.join(ROOT, "models", "src", "main", "resources", "mechanisms")


def fail(msg):
    sys.stderr.write("nmodl_bundles_vs_reference: %s\n" % msg)
    sys.exit(2)


def compile_folder(src, work):
    """nrnivmodl on a copy of src in work; returns the path of libnrnmech.so."""
    os.makedirs(work, exist_ok=True)
    for f in sorted(glob.glob(os.path.join(src, "*.mod"))):
        shutil.copy(f, work)
    script = os.path.join(work, "nrnivmodl-debian")
    text = open(shutil.which("nrnivmodl") or fail("nrnivmodl not found (apt-get install neuron-dev)")).read()
    text = text.replace('"${bindir}/nrnmech_makefile"', '"/usr/lib/nrn/nrnmech_makefile"')
    text = re.sub(r" special &&$", " mech_lib_shared &&", text, flags=re.M)
    open(script, "w").write(text)
    env = dict(os.environ, LC_ALL="C")
    p = subprocess.run(["bash", script, "-loadflags", "-L/usr/lib/nrn -Wl,-rpath,/usr/lib/nrn"], cwd=work, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lib = os.path.join(work, "x86_64", ".libs", "libnrnmech.so")
    if p.returncode or not os.path.exists(lib):
        fail("nrnivmodl failed in %s:\n%s" % (work, p.stdout.decode(errors="replace")[-3000:]))
    return lib


def read_csv(path):
    with open(path) as f:
        r = csv.reader(f)
        head = next(r)
        cols = [[] for _ in head]
        for row in r:
            for k, x in enumerate(row):
                cols[k].append(float(x))
    return head, cols


def compare_csv(ref, new):
    """(max abs deviation, its column, max abs deviation relative to max(1, |column|max), extra columns) over
    the columns both files have; a reference column missing from ours is a failure (inf)."""
    h1, c1 = read_csv(ref)
    h2, c2 = read_csv(new)
    ours = dict(zip(h2, c2))
    missing = [x for x in h1 if x not in ours]
    extra = [x for x in h2 if x not in h1]
    if missing:
        return math.inf, "missing columns %s" % missing, math.inf, extra
    worst, where, worst_rel = 0.0, "", 0.0
    for name, a in zip(h1, c1):
        b = ours[name]
        if len(a) != len(b):
            return math.inf, "%s: %d vs %d rows" % (name, len(a), len(b)), math.inf, extra
        scale = max(1.0, max(abs(x) for x in a))
        for x, y in zip(a, b):
            d = abs(x - y) if not (math.isnan(x) and math.isnan(y)) else 0.0
            if math.isnan(d):
                d = math.inf
            if d > worst:
                worst, where = d, name
            worst_rel = max(worst_rel, d / scale)
    return worst, where, worst_rel, extra


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=dict(os.environ, **env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    if p.returncode:
        print("  ! %s failed (rc %d):\n%s" % (" ".join(cmd), p.returncode, out[-2000:]))
    return out


def files_of(case_json, library):
    """The .mod files (SUFFIX names = file names) a case inserts."""
    j = json.load(open(case_json))
    names = set()
    for s in j.get("sections", []):
        m = s.get("mechanisms")
        if isinstance(m, dict):
            names |= set(m)
        elif isinstance(m, list):
            for x in m:
                names.add(x.get("suffix") or x.get("name") if isinstance(x, dict) else x)
    for pp in j.get("point_processes", []):
        if isinstance(pp, dict) and pp.get("type"):
            names.add(pp["type"])
    names.discard("pas")
    return sorted(n for n in names if os.path.exists(os.path.join(MECH, library, n + ".mod")))


def spikes(case_json):
    j = json.load(open(case_json))
    out = {}
    for d in j.get("spike_detectors", []) or []:
        loc = d.get("location", {})
        key = "%s(%s)" % (loc.get("section"), loc.get("x")) if isinstance(loc, dict) else str(loc)
        out[key] = d.get("nrn_spike_times_ms") or []
    return out


# epsp has no shared reference: run it in NEURON and compare i with mechanisms.md 4.15 evaluated at the
# mid-step time t + dt/2 (where NEURON evaluates BREAKPOINT with secondorder = 0)
EPSP_CHECK = r"""
import sys, math
from neuron import h
h.nrn_load_dll(sys.argv[1])
h.load_file("stdrun.hoc")
s = h.Section(name="soma"); s.L = s.diam = 20; s.insert("pas")
cases = [(20.0, 0.5, 5.0, 0.5), (3.3, 0.2, 3.0, 0.1)]   # onset ms, tau0 ms, tau1 ms, imax nA
pps = []
for onset, t0, t1, imax in cases:
    p = h.epsp(s(0.5)); p.onset, p.tau0, p.tau1, p.imax = onset, t0, t1, imax; pps.append(p)
vecs = [h.Vector().record(p._ref_i) for p in pps]
tv = h.Vector().record(h._ref_t)
h.dt = 0.025; h.finitialize(-70); h.continuerun(60)
def ex(x): return 0.0 if x < -100 else math.exp(x)
worst = 0.0
for (onset, t0, t1, imax), vec in zip(cases, vecs):
    tp = t0*t1*math.log(t0/t1)/(t0-t1); adj = 1/((1-ex(-tp/t0))-(1-ex(-tp/t1)))
    for k in range(1, len(tv)):
        tm = tv[k-1] + h.dt/2
        want = 0.0 if tm < onset else -imax*adj*((1-ex(-(tm-onset)/t0))-(1-ex(-(tm-onset)/t1)))
        worst = max(worst, abs(vec[k]-want))
print("epsp (2 instances, 60 ms): max |i - formula(t_mid)| %.3g nA" % worst)
"""


# Allen files with no shared case of their own: the Hay copies under gbar/g names (mechanisms.md 7.2: "only the
# names") and NaTa (= NaTs with other default half-points, 7.3.1). Each is run in NEURON beside the validated
# file it must equal -- the same single compartment (L = diam = 20 um, pas 1e-4 S/cm2, celsius 34, dt 0.025 ms,
# ena 53 mV, ek -107 mV), IClamp -0.02 nA 10-60 ms, 0.05 nA 80-82 ms, 0.02 nA 100-200 ms, density 0.02 S/cm2
# (0.002 for Nap_Et2) -- and v plus every state are compared at every step (must be identical).
COPY_RUN = r"""
import sys, json
from neuron import h
lib, suffix, gbar, density, states = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5].split(",")
h.nrn_load_dll(lib)
h.load_file("stdrun.hoc")
for kv in sys.argv[6:]:
    k, v = kv.split("="); setattr(h, k, float(v))
h.celsius = 34; h.dt = 0.025
s = h.Section(name="soma"); s.L = s.diam = 20; s.insert("pas"); s.g_pas = 1e-4; s.e_pas = -70
s.insert(suffix); setattr(s(0.5), "%s_%s" % (gbar, suffix), density)
for ion, e in (("ena", 53.0), ("ek", -107.0)):
    if hasattr(s(0.5), ion):
        setattr(s(0.5), ion, e)
cl = []
for d, dur, amp in ((10, 50, -0.02), (80, 2, 0.05), (100, 100, 0.02)):
    c = h.IClamp(s(0.5)); c.delay, c.dur, c.amp = d, dur, amp; cl.append(c)
rec = {"v": h.Vector().record(s(0.5)._ref_v)}
for st in states:
    rec[st] = h.Vector().record(getattr(s(0.5), "_ref_%s_%s" % (st, suffix)))
h.finitialize(-70); h.continuerun(250)
print(json.dumps({k: list(v) for k, v in rec.items()}))
"""
COPIES = [  # (allen file, its states, the validated file: library, suffix, density name, globals to set)
    ("K_Pst", "m,h", ("hay", "K_Pst", "gK_Pstbar", [])),
    ("K_Tst", "m,h", ("hay", "K_Tst", "gK_Tstbar", [])),
    ("NaTa_t", "m,h", ("hay", "NaTa_t", "gNaTa_tbar", [])),
    ("NaTs2_t", "m,h", ("hay", "NaTs2_t", "gNaTs2_tbar", [])),
    ("Nap_Et2", "m,h", ("hay", "Nap_Et2", "gNap_Et2bar", [])),
    ("NaTa", "m,h", ("allen", "NaTs", "gbar", ["mvhalf_NaTs=-48", "hvhalf_NaTs=-69"])),
]


def copy_checks(lib, cwd):
    """{allen file: max |deviation| (v, states)} against the validated file it must equal."""
    out = {}
    for name, states, (olib, osuffix, ogbar, oglobals) in COPIES:
        if "allen" not in lib or olib not in lib:
            continue
        dens = "0.002" if name == "Nap_Et2" else "0.02"
        runs = []
        for args in ([lib["allen"], name, "gbar", dens, states], [lib[olib], osuffix, ogbar, dens, states] + oglobals):
            p = subprocess.run(["/usr/bin/python3", "-c", COPY_RUN] + args, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            try:
                runs.append(json.loads(p.stdout.decode().strip().splitlines()[-1]))
            except (ValueError, IndexError):
                runs.append(None)
        a, b = runs
        if a is None or b is None:
            out[name] = (math.inf, "NEURON run failed")
            continue
        worst = max(abs(x - y) for k in a for x, y in zip(a[k], b[k]))
        out[name] = (worst, "%s/%s.mod" % (olib, osuffix) + (" with " + " ".join(oglobals) if oglobals else ""))
    return out


def main():
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__)
        return
    for opt in ("--shared", "--only"):
        if opt in args and args.index(opt) + 1 >= len(args):
            fail("%s needs a value" % opt)
    known = {"--shared", "--only", "--no-whole-cell", "--keep"}
    for k, a in enumerate(args):
        if a.startswith("--") and a not in known:
            fail("unknown option %s (see --help)" % a)
    shared = os.path.join(ROOT, "..", "shared")
    if "--shared" in args:
        shared = args[args.index("--shared") + 1]
    only = args[args.index("--only") + 1] if "--only" in args else None
    if only not in (None, "hay", "allen"):
        fail("--only takes hay or allen, not %r" % only)
    whole = "--no-whole-cell" not in args
    shared = os.path.abspath(shared)
    if not os.path.isdir(os.path.join(shared, "reference", "mechanisms")):
        fail("no references in %s (give --shared DIR)" % shared)
    tmp = tempfile.mkdtemp(prefix="nmodl-bundles-")
    libs = [x for x in ("hay", "allen") if only in (None, x)]
    lib = {x: compile_folder(os.path.join(MECH, x), os.path.join(tmp, "build", x)) for x in libs}
    # scratch copy of the generators (they write their CSVs next to themselves)
    ref = os.path.join(tmp, "shared", "reference")
    for sub in ("mechanisms", "neuron", os.path.join("nmodl", "tools")):
        os.makedirs(os.path.join(ref, sub))
        for f in glob.glob(os.path.join(shared, "reference", sub, "*.py")):
            shutil.copy(f, os.path.join(ref, sub))
    os.symlink(os.path.join(shared, "data"), os.path.join(tmp, "shared", "data"))
    nb = os.path.join(tmp, "nmodl-build")
    for model, x in (("bluepyopt_l5pc", "hay"), ("allen_perisomatic", "allen")):
        if x in lib:
            os.makedirs(os.path.join(nb, model, "x86_64", ".libs"))
            os.symlink(lib[x], os.path.join(nb, model, "x86_64", ".libs", "libnrnmech.so"))
    env = {"MECHREF_HAY_LIB": lib.get("hay", ""), "MECHREF_BPO_LIB": lib.get("hay", ""),
           "MECHREF_ALLEN_LIB": lib.get("allen", ""), "NMODL_BUILD": nb}
    mdir = os.path.join(ref, "mechanisms")
    for x in libs:
        print("running single_compartment.py %s" % x, flush=True)
        run(["/usr/bin/python3", "single_compartment.py", x], mdir, env)
    if whole and "hay" in lib:
        print("running bluepyopt_l5pc.py", flush=True)
        run(["/usr/bin/python3", "bluepyopt_l5pc.py"], mdir, env)
    if whole and "allen" in lib:
        print("running allen_perisomatic.py", flush=True)
        run(["/usr/bin/python3", "allen_perisomatic.py"], mdir, env)
    tools = os.path.join(ref, "nmodl", "tools")
    names = [l.split()[0] for l in run(["/usr/bin/python3", "make_refs.py", "--list"], tools, env).splitlines()
             if l.strip() and ((l.startswith("bpo_") and "hay" in lib) or (l.startswith("allen_") and "allen" in lib))]
    print("running make_refs.py %s" % " ".join(names), flush=True)
    run(["/usr/bin/python3", "make_refs.py"] + names, tools, env)

    bad = []
    per_file = {}
    print("\n%-40s %-10s %-12s %-12s %s" % ("case", "rows", "max |dev|", "rel", "column"))
    pairs = []
    for new in sorted(glob.glob(os.path.join(mdir, "data", "*.csv"))):
        pairs.append(("mechanisms", os.path.join(shared, "reference", "mechanisms", "data", os.path.basename(new)), new))
    for new in sorted(glob.glob(os.path.join(ref, "nmodl", "cases", "*.csv"))):
        pairs.append(("nmodl", os.path.join(shared, "reference", "nmodl", "cases", os.path.basename(new)), new))
    for kind, old, new in pairs:
        name = os.path.basename(new)[:-4]
        if not os.path.exists(old):
            continue
        d, col, rel, extra = compare_csv(old, new)
        if extra:
            col += " (extra columns of ours, not compared: %s)" % ", ".join(extra)
        rows = sum(1 for _ in open(new)) - 1
        tol = 1e-9
        if kind == "nmodl":
            tol = 1e-7     # the exact tier's loosest relative bound (states 1e-7 rel, currents 1e-6 of max)
        flag = "" if rel <= tol else "  <-- exceeds %g" % tol
        if flag:
            bad.append(name)
        print("%-40s %-10d %-12.3g %-12.3g %s%s" % (name, rows, d, rel, col, flag))
        jpath = new[:-4] + ".json"
        library = "allen" if name.startswith("allen") else "hay"
        if os.path.exists(jpath):
            for f in files_of(jpath, library):
                key = "%s/%s.mod" % (library, f)
                per_file[key] = max(per_file.get(key, 0.0), d)
        base = re.sub(r"_(vclamp|iclamp|vc|ic)$", "", name)
        for f in glob.glob(os.path.join(MECH, library, "*.mod")):
            suffix = os.path.basename(f)[:-4]
            if base.endswith("_" + suffix):
                key = "%s/%s.mod" % (library, suffix)
                per_file[key] = max(per_file.get(key, 0.0), d)
    for whole_case in ("bpo_l5pc_step1", "allen_468193142_step"):
        new = os.path.join(mdir, "data", whole_case + ".json")
        old = os.path.join(shared, "reference", "mechanisms", "data", whole_case + ".json")
        if os.path.exists(new) and os.path.exists(old):
            a, b = spikes(old), spikes(new)
            for k in a:
                ta, tb = a[k], b.get(k, [])
                dev = max((abs(x - y) for x, y in zip(ta, tb)), default=0.0) if len(ta) == len(tb) else math.inf
                print("%s spikes at %s: %d vs %d, max |dt| %.3g ms" % (whole_case, k, len(ta), len(tb), dev))
                if dev > 1e-6:
                    bad.append(whole_case)
    if "hay" in lib:
        out = run(["/usr/bin/python3", "-c", EPSP_CHECK, lib["hay"]], tmp, {})
        print(out.strip().splitlines()[-1] if out.strip() else "epsp check: no output")
        m = re.search(r"formula\(t_mid\)\| (\S+) nA", out)
        if m:
            per_file["hay/epsp.mod"] = float(m.group(1))
            if float(m.group(1)) > 1e-12:
                bad.append("epsp")
        else:
            bad.append("epsp")
    for name, (dev, against) in copy_checks(lib, tmp).items():
        print("allen/%s.mod vs %s: max |dev| of v and states %.3g" % (name, against, dev))
        per_file["allen/%s.mod" % name] = dev
        if dev != 0:
            bad.append("allen/%s.mod" % name)
    print("\nper .mod file (largest |deviation| over the cases that use it, any column):")
    for k in sorted(per_file):
        print("  %-28s %.3g" % (k, per_file[k]))
    for x in libs:
        for f in sorted(glob.glob(os.path.join(MECH, x, "*.mod"))):
            key = "%s/%s" % (x, os.path.basename(f))
            if key not in per_file:
                print("  %-28s (no reference case)" % key)
    if "--keep" in args:
        print("scratch kept in", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    print("FAILED: %s" % " ".join(sorted(set(bad))) if bad else "all cases within tolerance")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
