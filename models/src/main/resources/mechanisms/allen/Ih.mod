: Hyperpolarisation-activated cation current, Allen copy (mechanisms.md 4.11 and 7.2), written for dendrite:
: alpha_m through vtrap instead of the Hay nudge at -154.9 mV; GLOBAL ehcn; gbar/g names
NEURON { SUFFIX Ih NONSPECIFIC_CURRENT ihcn RANGE gbar, g, ihcn GLOBAL ehcn }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) ehcn = -45.0 (mV) }
ASSIGNED { v (mV) ihcn (mA/cm2) g (S/cm2) mInf mTau (ms) }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m ihcn = g*(v-ehcn) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau }
INITIAL { rates() m = mInf }
PROCEDURE rates() { LOCAL ma, mb
  UNITSOFF
  ma = 0.001*6.43*vtrap(v + 154.9, 11.9)
  mb = 0.001*193*exp(v/33.1)
  mInf = ma/(ma+mb)  mTau = 1/(ma+mb)
  UNITSON }
: x/(exp(x/y) - 1), with its limit y*(1 - x/y/2) where |x/y| < 1e-6 (mechanisms.md 7.1)
FUNCTION vtrap(x, y) {
  if (fabs(x/y) < 1e-6) { vtrap = y*(1 - x/y/2) } else { vtrap = x/(exp(x/y) - 1) }
}
