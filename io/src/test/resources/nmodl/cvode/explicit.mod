: A gate advanced by a PROCEDURE with explicit dt (no derivative form), written for dendrite's variable-step
: test (NmodlCvodeTest): the variable step refuses it by name.
NEURON {
    SUFFIX explicitgate
    NONSPECIFIC_CURRENT i
}

ASSIGNED {
    v (mV)
    dt (ms)
    i (mA/cm2)
}

STATE { s }

BREAKPOINT {
    SOLVE step
    i = 1e-4 * s * (v + 70)
}

INITIAL { s = 0 }

PROCEDURE step() {
    s = s + dt * (1 - s) / 10
}
