: A calcium conductance whose current follows eca (Nernst from the pool's cai), with one gate integrated by
: euler, written for dendrite's variable-step test (NmodlCvodeTest).
NEURON {
    SUFFIX caleak
    USEION ca READ eca WRITE ica
    RANGE gbar
}

PARAMETER { gbar = 0.002 (S/cm2) }

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
}

STATE { s }

BREAKPOINT {
    SOLVE gate METHOD euler
    ica = gbar * s * (v - eca)
}

INITIAL { s = sinf(v) }

DERIVATIVE gate {
    s' = (sinf(v) - s) / 5
}

FUNCTION sinf(u (mV)) {
    sinf = 1 / (1 + exp(-(u + 30) / 6))
}
