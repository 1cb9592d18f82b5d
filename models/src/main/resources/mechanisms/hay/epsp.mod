: EPSP-shaped current injection of the Hay model (mechanisms.md 4.15), written for dendrite.
: i(t) = -imax*adjust*((1 - e^(-s/tau0)) - (1 - e^(-s/tau1))) nA for s = t - onset >= 0, else 0;
: adjust scales the peak (at s = tpeak) to exactly imax. Membrane sign: negative depolarises.
NEURON { POINT_PROCESS epsp RANGE onset, tau0, tau1, imax, i NONSPECIFIC_CURRENT i }
UNITS { (nA) = (nanoamp) (mV) = (millivolt) }
PARAMETER { onset = 0 (ms) tau0 = 0.2 (ms) tau1 = 3 (ms) imax = 0 (nA) }
ASSIGNED { v (mV) i (nA) }
BREAKPOINT { LOCAL tpeak, adjust, s
  if (t < onset) {
    i = 0
  } else {
    tpeak = tau0*tau1*log(tau0/tau1)/(tau0 - tau1)
    adjust = 1/((1 - cutexp(-tpeak/tau0)) - (1 - cutexp(-tpeak/tau1)))
    s = t - onset
    i = -imax*adjust*((1 - cutexp(-s/tau0)) - (1 - cutexp(-s/tau1)))
  }
}
: exp that returns 0 below -100 (as the model's own exponential does)
FUNCTION cutexp(x) {
  if (x < -100) { cutexp = 0 } else { cutexp = exp(x) }
}
