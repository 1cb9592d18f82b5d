: A two-state KINETIC gate (closed <-> open) with a potassium current, written for dendrite's variable-step
: test (NmodlCvodeTest).
NEURON {
    SUFFIX kin2
    USEION k READ ek WRITE ik
    RANGE gbar
}

PARAMETER { gbar = 0.01 (S/cm2) }

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    a (/ms)
    b (/ms)
}

STATE { c o }

BREAKPOINT {
    SOLVE scheme METHOD sparse
    ik = gbar * o * (v - ek)
}

INITIAL {
    rates(v)
    o = a / (a + b)
    c = 1 - o
}

KINETIC scheme {
    rates(v)
    ~ c <-> o (a, b)
    CONSERVE c + o = 1
}

PROCEDURE rates(u (mV)) {
    a = 0.1 * exp((u + 40) / 20)
    b = 0.1 * exp(-(u + 40) / 20)
}
