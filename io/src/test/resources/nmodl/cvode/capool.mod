: A calcium shell with a tolerance-scaled state and a leak calcium current, written for dendrite's
: variable-step test (NmodlCvodeTest): the pool's cai is a STATE written to the ion, read back through eca.
NEURON {
    SUFFIX capool
    USEION ca READ ica WRITE cai
    RANGE tau, depth, cainf
}

PARAMETER {
    tau = 20 (ms)
    depth = 0.1 (um)
    cainf = 1e-4 (mM)
}

ASSIGNED { ica (mA/cm2) }

STATE { cai (mM) <1e-5> }

INITIAL { cai = cainf }

BREAKPOINT { SOLVE pool METHOD derivimplicit }

DERIVATIVE pool {
    cai' = -(10000) * ica / (2 * 96485.33212 * depth) - (cai - cainf) / tau
}
