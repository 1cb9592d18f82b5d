#!/usr/bin/env python3
"""Random small SWC trees and NEURON 8.2.2 Import3d's listing of each (test resource for SwcFuzzVsNeuronTest).

The trees stress Import3d's section rules: chains and branchings of 1 to 6 soma samples (sometimes in the exact
NeuroMorpho 3-point layout), neurites leaving soma samples at their first, middle and last points, type changes,
samples that repeat their parent's (or the root's) position. Each case holds the SWC text and NEURON's listing
(see neuron_import3d_listing.py; points are compared through their float hash).

Usage: /usr/bin/python3 swc_fuzz_vs_neuron.py OUT.json [CASES=80] [SEED=77]
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def tree(rng):
    n = rng.randint(3, 20)
    nsoma = rng.choice([1, 1, 2, 3, 3, 3, 4, 5, 6])
    lines, pts, types = [], [], []
    for i in range(1, n + 1):
        if i == 1:
            p = -1
        elif i <= nsoma:
            p = rng.choice([i - 1, i - 1, rng.randint(1, i - 1)])
        else:
            r = rng.random()
            if r < 0.5:
                p = i - 1
            elif r < 0.75:
                p = rng.randint(1, min(nsoma, i - 1))
            else:
                p = rng.randint(1, i - 1)
        if i <= nsoma:
            t = 1
        else:
            pt = types[p - 1]
            t = rng.choice([2, 3, 4]) if pt == 1 or rng.random() < 0.2 else pt
        r3 = rng.random()
        if r3 < 0.2 and p > 0:
            x, y, z = pts[p - 1][:3]
        elif r3 < 0.3:
            x, y, z = pts[0][:3] if pts else (0, 0, 0)
        else:
            x, y, z = [round(rng.uniform(-10, 10), 1) for _ in range(3)]
        rad = rng.choice([1.0, 2.0, 0.5])
        if nsoma == 3 and i <= 3 and rng.random() < 0.7:
            x, y, z = [(0, 0, 0), (0, -2, 0), (0, 2, 0)][i - 1]
            rad = 2.0
            p = -1 if i == 1 else 1
        pts.append((x, y, z, rad))
        types.append(t)
        lines.append('%d %d %s %s %s %s %d' % (i, t, x, y, z, rad, p))
    return '\n'.join(lines) + '\n'


def main():
    out = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 77
    rng = random.Random(seed)
    result = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(cases):
            text = tree(rng)
            path = os.path.join(tmp, 'case%03d.swc' % k)
            with open(path, 'w') as f:
                f.write(text)
            p = subprocess.run([sys.executable, os.path.join(HERE, 'neuron_import3d_listing.py'), '--one', path],
                               capture_output=True, text=True, timeout=120)
            listing = json.loads(p.stdout.split('@@JSON@@', 1)[1].strip().splitlines()[0])
            for s in listing.get('sections', []):
                s.pop('pt3d', None)
            result.append({'swc': text, 'neuron': listing})
    with open(out, 'w') as f:
        json.dump({'about': 'random SWC trees and NEURON 8.2.2 Import3d listings, seed %d' % seed,
                   'cases': result}, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
