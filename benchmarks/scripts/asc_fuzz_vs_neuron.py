#!/usr/bin/env python3
"""Random small Neurolucida ASC cells and NEURON 8.2.2 Import3d's listing of each (test resource for
AscFuzzVsNeuronTest): star-shaped soma outlines of 4 to 40 points (elongated, rotated, flat or tilted in z,
sometimes a z-stack of overlapping outlines or two separate somata) and 1 to 4 trees with splits, some starting
outside the soma. Usage: /usr/bin/python3 asc_fuzz_vs_neuron.py OUT.json [CASES=60] [SEED=5]
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def contour(rng, cx, cy, cz, tilt):
    n = rng.randint(4, 40)
    a, b = rng.uniform(3, 12), rng.uniform(3, 12)
    rot = rng.uniform(0, math.pi)
    start = rng.uniform(0, 2 * math.pi)
    pts = []
    for k in range(n):
        t = start + 2 * math.pi * k / n
        r = 1 + rng.uniform(-0.15, 0.15)
        x0, y0 = a * r * math.cos(t), b * r * math.sin(t)
        x = cx + x0 * math.cos(rot) - y0 * math.sin(rot)
        y = cy + x0 * math.sin(rot) + y0 * math.cos(rot)
        z = cz + (tilt * x0 if tilt else 0)
        pts.append('  (%.2f %.2f %.2f 0.15)' % (x, y, z))
    return '("CellBody"\n  (Color Red)\n  (CellBody)\n' + '\n'.join(pts) + '\n)\n'


def branch(rng, x, y, z, depth, indent):
    out = []
    n = rng.randint(1, 5)
    ang = rng.uniform(0, 2 * math.pi)
    for _ in range(n):
        ang += rng.uniform(-0.5, 0.5)
        x, y, z = x + 3 * math.cos(ang), y + 3 * math.sin(ang), z + rng.uniform(-1, 1)
        out.append('%s(%.2f %.2f %.2f %.2f)' % (indent, x, y, z, rng.uniform(0.3, 2)))
    if depth < 3 and rng.random() < 0.6:
        kids = rng.randint(1, 3)
        out.append(indent + '(')
        for k in range(kids):
            if k:
                out.append(indent + '|')
            if rng.random() < 0.3:   # child repeats the branch point
                out.append('%s  (%.2f %.2f %.2f %.2f)' % (indent, x, y, z, 1.0))
            out.extend(branch(rng, x, y, z, depth + 1, indent + '  '))
        out.append(indent + ')')
    else:
        out.append(indent + rng.choice(['Normal', 'Incomplete', 'Generated']))
    return out


def cell(rng):
    parts = []
    kind = rng.random()
    tilt = rng.choice([0, 0, 0.1, -0.3])
    parts.append(contour(rng, 0, 0, 0, tilt))
    if kind < 0.2:      # z-stack: overlapping outlines at other z levels
        for k in range(rng.randint(1, 3)):
            parts.append(contour(rng, rng.uniform(-1, 1), rng.uniform(-1, 1), 1.5 * (k + 1), 0))
    elif kind < 0.3:    # a second soma far away
        parts.append(contour(rng, 80, 0, 0, 0))
    for t in range(rng.randint(1, 4)):
        ang = rng.uniform(0, 2 * math.pi)
        d = rng.choice([2, 4, 25])
        x, y = d * math.cos(ang), d * math.sin(ang)
        name = rng.choice(['Dendrite', 'Axon', 'Apical'])
        body = ['( (Color Blue)', '  (%s)' % name, '  (%.2f %.2f %.2f %.2f)' % (x, y, 0.0, 1.5)]
        body += branch(rng, x, y, 0.0, 0, '  ')
        body.append(')')
        parts.append('\n'.join(body) + '\n')
    return '\n'.join(parts)


def main():
    out = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    rng = random.Random(seed)
    result = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(cases):
            text = cell(rng)
            path = os.path.join(tmp, 'case%03d.asc' % k)
            with open(path, 'w') as f:
                f.write(text)
            p = subprocess.run([sys.executable, os.path.join(HERE, 'neuron_import3d_listing.py'), '--one', path],
                               capture_output=True, text=True, timeout=120)
            if '@@JSON@@' not in p.stdout:
                listing = {'status': 'error', 'message': (p.stdout + p.stderr)[-300:]}
            else:
                listing = json.loads(p.stdout.split('@@JSON@@', 1)[1].strip().splitlines()[0])
            for s in listing.get('sections', []):
                s.pop('pt3d', None)
            result.append({'asc': text, 'neuron': listing})
    with open(out, 'w') as f:
        json.dump({'about': 'random ASC cells and NEURON 8.2.2 Import3d listings, seed %d' % seed,
                   'cases': result}, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
