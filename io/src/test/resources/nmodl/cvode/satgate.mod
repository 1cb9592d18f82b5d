: A gate whose equation calls a FUNCTION of its own state (no symbolic derivative: the variable step's Jacobian
: diagonal is a difference quotient), integrated by derivimplicit; written for dendrite's variable-step test.
NEURON {
    SUFFIX satgate
    NONSPECIFIC_CURRENT i
    RANGE gbar
}

PARAMETER { gbar = 0.001 (S/cm2) }

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE { x }

BREAKPOINT {
    SOLVE g METHOD derivimplicit
    i = gbar * x * (v + 70)
}

INITIAL { x = 0 }

DERIVATIVE g {
    x' = (1 - x) / 10 - removal(x)
}

FUNCTION removal(y) {
    removal = y * y / 20
}
