#!/usr/bin/env python3
"""NEURON 8.2.2 Matrix.symmeig on random symmetric 3x3 matrices (planar, nearly planar, indefinite, scatter):
the oracle for dendrite's SymmetricEigen (the soma-contour algorithm depends on its eigenvector signs).
Usage: /usr/bin/python3 neuron_symmeig_oracle.py OUT.json"""
from neuron import h
import random, json, sys
random.seed(11)
out=[]
for t in range(120):
    kind = t % 4
    if kind == 0:   # planar exact
        a=random.uniform(0.1,10); b=random.uniform(0.1,10); c=random.uniform(-3,3)
        M=[[a,c,0],[c,b,0],[0,0,0]]
    elif kind == 1: # nearly planar
        a=random.uniform(0.1,10); b=random.uniform(0.1,10); c=random.uniform(-3,3)
        e1=random.uniform(-1e-15,1e-15); e2=random.uniform(-1e-15,1e-15); e3=random.uniform(0,1e-30)
        M=[[a,c,e1],[c,b,e2],[e1,e2,e3]]
    elif kind == 2: # general
        A=[[random.uniform(-5,5) for _ in range(3)] for _ in range(3)]
        M=[[A[i][j]+A[j][i] for j in range(3)] for i in range(3)]
    else:           # scatter-like positive semidefinite
        pts=[[random.gauss(0,s) for s in (3,1,0.3)] for _ in range(20)]
        M=[[sum(p[i]*p[j] for p in pts) for j in range(3)] for i in range(3)]
    m=h.Matrix(3,3)
    for i in range(3):
        for j in range(3): m.setval(i,j,M[i][j])
    ev=m.symmeig(m)
    out.append({'M':M,'vals':[ev.x[i] for i in range(3)],'Q':[[m.getval(i,j) for j in range(3)] for i in range(3)]})
json.dump(out, open(sys.argv[1], 'w'), separators=(',', ':'))
print(len(out))
