: Persistent Na with instantaneous activation (Allen; mechanisms.md 7.3.2), written for dendrite.
: ina = gbar mInf(v) h (v - ena): m is not a state, mInf is evaluated in BREAKPOINT, so NEURON's
: finite-difference conductance contains d(mInf)/dv. qt = 2.3^((celsius-21)/10) divides tau_h.
NEURON { SUFFIX Nap USEION na READ ena WRITE ina RANGE gbar, g, ina }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) g (S/cm2) celsius (degC) hInf hTau (ms) }
STATE { h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*mInf(v)*h ina = g*(v-ena) }
DERIVATIVE states { rates() h' = (hInf-h)/hTau }
INITIAL { rates() h = hInf }
FUNCTION mInf(u (mV)) {
  UNITSOFF
  mInf = 1/(1 + exp(-(u + 52.6)/4.6))
  UNITSON }
PROCEDURE rates() { LOCAL qt, ha, hb
  qt = 2.3^((celsius-21)/10)
  UNITSOFF
  hInf = 1/(1 + exp((v + 48.8)/10))
  ha = 2.88e-6*vtrap(v + 17, 4.63)
  hb = 6.94e-6*vtrap(-(v + 64.4), 2.63)
  hTau = (1/(ha+hb))/qt
  UNITSON }
: x/(exp(x/y) - 1), with its limit y*(1 - x/y/2) where |x/y| < 1e-6 (mechanisms.md 7.1)
FUNCTION vtrap(x, y) {
  if (fabs(x/y) < 1e-6) { vtrap = y*(1 - x/y/2) } else { vtrap = x/(exp(x/y) - 1) }
}
