: Hodgkin-Huxley squid axon channels as an NMODL file, written for dendrite's variable-step test
: (NmodlCvodeTest): the same equations as the built-in hh with usetable_hh = 0, integrated by cnexp.
NEURON {
    SUFFIX hhcv
    USEION na READ ena WRITE ina
    USEION k READ ek WRITE ik
    NONSPECIFIC_CURRENT il
    RANGE gnabar, gkbar, gl, el
}

PARAMETER {
    gnabar = 0.12 (S/cm2)
    gkbar = 0.036 (S/cm2)
    gl = 0.0003 (S/cm2)
    el = -54.3 (mV)
}

STATE { m h n }

ASSIGNED {
    v (mV)
    celsius (degC)
    ena (mV)
    ek (mV)
    ina (mA/cm2)
    ik (mA/cm2)
    il (mA/cm2)
    minf hinf ninf
    mtau (ms) htau (ms) ntau (ms)
}

BREAKPOINT {
    SOLVE gates METHOD cnexp
    ina = gnabar * m * m * m * h * (v - ena)
    ik = gkbar * n * n * n * n * (v - ek)
    il = gl * (v - el)
}

INITIAL {
    rates(v)
    m = minf
    h = hinf
    n = ninf
}

DERIVATIVE gates {
    rates(v)
    m' = (minf - m) / mtau
    h' = (hinf - h) / htau
    n' = (ninf - n) / ntau
}

PROCEDURE rates(u (mV)) {
    LOCAL a, b, s, q
    q = 3 ^ ((celsius - 6.3) / 10)
    a = 0.1 * linoid(-(u + 40), 10)
    b = 4 * exp(-(u + 65) / 18)
    s = a + b
    mtau = 1 / (q * s)
    minf = a / s
    a = 0.07 * exp(-(u + 65) / 20)
    b = 1 / (exp(-(u + 35) / 10) + 1)
    s = a + b
    htau = 1 / (q * s)
    hinf = a / s
    a = 0.01 * linoid(-(u + 55), 10)
    b = 0.125 * exp(-(u + 65) / 80)
    s = a + b
    ntau = 1 / (q * s)
    ninf = a / s
}

: x / (exp(x/y) - 1), its limit y (1 - x/y/2) near x = 0
FUNCTION linoid(x, y) {
    if (fabs(x / y) < 1e-6) {
        linoid = y * (1 - x / y / 2)
    } else {
        linoid = x / (exp(x / y) - 1)
    }
}
