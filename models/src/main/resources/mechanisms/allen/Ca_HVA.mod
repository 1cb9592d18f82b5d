: High-voltage-activated Ca, Allen copy (mechanisms.md 4.12 and 7.2), written for dendrite:
: alpha_m through vtrap instead of the Hay +1e-4 mV nudge; no temperature factor; gbar/g names
NEURON { SUFFIX Ca_HVA USEION ca READ eca WRITE ica RANGE gbar, g, ica }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) eca (mV) ica (mA/cm2) g (S/cm2) mInf mTau (ms) hInf hTau (ms) }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*h ica = g*(v-eca) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL ma, mb, ha, hb
  UNITSOFF
  ma = 0.055*vtrap(-27 - v, 3.8)
  mb = 0.94*exp((-75-v)/17)
  mInf = ma/(ma+mb)  mTau = 1/(ma+mb)
  ha = 0.000457*exp((-13-v)/50)
  hb = 0.0065/(exp((-v-15)/28)+1)
  hInf = ha/(ha+hb)  hTau = 1/(ha+hb)
  UNITSON }
: x/(exp(x/y) - 1), with its limit y*(1 - x/y/2) where |x/y| < 1e-6 (mechanisms.md 7.1)
FUNCTION vtrap(x, y) {
  if (fabs(x/y) < 1e-6) { vtrap = y*(1 - x/y/2) } else { vtrap = x/(exp(x/y) - 1) }
}
