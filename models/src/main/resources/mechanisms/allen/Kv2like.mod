: Kv2-like delayed rectifier (after Keren et al. 2005 / Liu & Bean 2014; mechanisms.md 7.3.6), written for
: dendrite. ik = gbar m^2 (0.5 h1 + 0.5 h2) (v - ek); qt = 2.3^((celsius-21)/10); a negative tau_h2
: (below about -119 mV) is replaced by 1e-3 ms.
NEURON { SUFFIX Kv2like USEION k READ ek WRITE ik RANGE gbar, g, ik }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) g (S/cm2) celsius (degC) mInf mTau (ms) hInf h1Tau (ms) h2Tau (ms) }
STATE { m h1 h2 }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*(0.5*h1 + 0.5*h2) ik = g*(v-ek) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h1' = (hInf-h1)/h1Tau h2' = (hInf-h2)/h2Tau }
INITIAL { rates() m = mInf h1 = hInf h2 = hInf }
PROCEDURE rates() { LOCAL qt, ma, mb
  qt = 2.3^((celsius-21)/10)
  UNITSOFF
  ma = 0.12*vtrap(-(v - 43), 11.0)
  mb = 0.02*exp(-(v + 1.27)/120)
  mInf = ma/(ma+mb)
  mTau = 2.5*(1/(qt*(ma+mb)))
  hInf = 1/(1 + exp((v + 58)/11))
  h1Tau = (360 + (1010 + 23.7*(v + 54))*exp(-((v + 75)/48)^2))/qt
  h2Tau = (2350 + 1380*exp(-0.011*v) - 210*exp(-0.03*v))/qt
  if (h2Tau < 0) { h2Tau = 1e-3 }
  UNITSON }
: x/(exp(x/y) - 1), with its limit y*(1 - x/y/2) where |x/y| < 1e-6 (mechanisms.md 7.1)
FUNCTION vtrap(x, y) {
  if (fabs(x/y) < 1e-6) { vtrap = y*(1 - x/y/2) } else { vtrap = x/(exp(x/y) - 1) }
}
