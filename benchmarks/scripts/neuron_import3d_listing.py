#!/usr/bin/env python3
"""Section listings of NEURON's Import3d for morphology files (reference data for dendrite's readers).

For every SWC / Neurolucida ASC file given (paths relative to the shared data folder), NEURON's standard import
is run in a fresh process (Import3d_SWC_read or Import3d_Neurolucida3, then Import3d_GUI(reader, 0).instantiate
(None)) and every section is listed: name, parent and attachment x, children in NEURON's order, number of 3-D
points, L, membrane area at nseg = 1, an FNV-1a 64-bit hash of the stored float32 x, y, z, diam values, and, for
small files, the points themselves. A file NEURON cannot import is recorded with status "error" and its message.

Usage (NEURON 8.2.2: apt-get install neuron python3-neuron; run with /usr/bin/python3):
    neuron_import3d_listing.py SHARED_DATA_DIR OUT_DIR FILE...
writes OUT_DIR/<file path with '/' replaced by '__'>.json, one per input file.
"""
import json
import os
import struct
import subprocess
import sys

POINTS_LIMIT = 600   # list the points themselves when the file has at most this many


def fnv1a64(values):
    h = 0xcbf29ce484222325
    for v in values:
        for byte in struct.pack('<f', v):
            h ^= byte
            h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def one(path):
    """Imports one file in this process and prints its listing as JSON."""
    import io
    import contextlib
    from neuron import h
    h.load_file('stdlib.hoc')
    h.load_file('import3d.hoc')
    captured = io.StringIO()
    result = {}
    try:
        if path.lower().endswith('.swc'):
            reader = h.Import3d_SWC_read()
        else:
            reader = h.Import3d_Neurolucida3()
        reader.quiet = 1
        reader.input(path)
        gui = h.Import3d_GUI(reader, 0)
        gui.instantiate(None)
        secs = list(h.allsec())
        total_pts = sum(int(s.n3d()) for s in secs)
        listing = []
        total_area = 0.0
        total_L = 0.0
        for s in secs:
            s.nseg = 1
            ps = s.parentseg()
            n3d = int(s.n3d())
            vals = []
            pts = []
            for i in range(n3d):
                p = [s.x3d(i), s.y3d(i), s.z3d(i), s.diam3d(i)]
                vals.extend(p)
                pts.append(p)
            area = sum(seg.area() for seg in s)
            total_area += area
            total_L += s.L
            entry = {
                'name': s.name(),
                'parent': None if ps is None else ps.sec.name(),
                'x': None if ps is None else ps.x,
                'children': [c.name() for c in s.children()],
                'n3d': n3d,
                'L': s.L,
                'area_nseg1': area,
                'pt3d_fnv1a64': fnv1a64(vals),
            }
            if total_pts <= POINTS_LIMIT:
                entry['pt3d'] = pts
            listing.append(entry)
        result = {'status': 'ok', 'nsec': len(secs), 'n3d': total_pts, 'total_L': total_L,
                  'total_area_nseg1': total_area, 'sections': listing}
    except Exception as e:  # hoc errors arrive as RuntimeError
        result = {'status': 'error', 'message': str(e)}
    print('@@JSON@@' + json.dumps(result))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == '--one':
        one(sys.argv[2])
        return
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for rel in sys.argv[3:]:
        full = os.path.join(data, rel)
        try:
            p = subprocess.run([sys.executable, os.path.abspath(__file__), '--one', full],
                               capture_output=True, text=True, timeout=600)
            text = p.stdout
            if '@@JSON@@' in text:
                res = json.loads(text.split('@@JSON@@', 1)[1].strip().splitlines()[0])
            else:
                res = {'status': 'error', 'message': 'NEURON stopped: ' + (p.stdout + p.stderr)[-400:]}
            if res['status'] == 'error':
                res['neuron_output'] = (p.stdout.split('@@JSON@@')[0] + p.stderr)[-800:]
        except subprocess.TimeoutExpired:
            res = {'status': 'error', 'message': 'timeout'}
        res['file'] = rel
        res['neuron'] = 'NEURON 8.2.2 Import3d'
        name = rel.replace('/', '__') + '.json'
        with open(os.path.join(out, name), 'w') as f:
            json.dump(res, f, separators=(',', ':'))
            f.write('\n')
        print('%-70s %s %s' % (rel, res['status'], res.get('nsec', res.get('message', ''))[:80]
                                if isinstance(res.get('nsec', ''), str) else res.get('nsec')))


if __name__ == '__main__':
    main()
