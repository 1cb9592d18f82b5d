: Transient Na (Colbert & Pan 2002, Allen parametrisation; mechanisms.md 7.3.1), written for dendrite.
: ina = gbar m^3 h (v - ena); rate constants and half-points are GLOBALs; qt = 2.3^((celsius-23)/10).
NEURON { SUFFIX NaTa USEION na READ ena WRITE ina RANGE gbar, g, ina
  GLOBAL malphaF, mbetaF, mvhalf, mk, halphaF, hbetaF, hvhalf, hk }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2)
  malphaF = 0.182 (/ms) mbetaF = 0.124 (/ms) mvhalf = -48 (mV) mk = 6 (mV)
  halphaF = 0.015 (/ms) hbetaF = 0.015 (/ms) hvhalf = -69 (mV) hk = 6 (mV) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) g (S/cm2) celsius (degC) mInf mTau (ms) hInf hTau (ms) }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*m*h ina = g*(v-ena) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, ma, mb, ha, hb
  qt = 2.3^((celsius-23)/10)
  UNITSOFF
  ma = malphaF*vtrap(-(v - mvhalf), mk)
  mb = mbetaF*vtrap(v - mvhalf, mk)
  mInf = ma/(ma+mb)  mTau = (1/(ma+mb))/qt
  ha = halphaF*vtrap(v - hvhalf, hk)
  hb = hbetaF*vtrap(-(v - hvhalf), hk)
  hInf = ha/(ha+hb)  hTau = (1/(ha+hb))/qt
  UNITSON }
: x/(exp(x/y) - 1), with its limit y*(1 - x/y/2) where |x/y| < 1e-6 (mechanisms.md 7.1)
FUNCTION vtrap(x, y) {
  if (fabs(x/y) < 1e-6) { vtrap = y*(1 - x/y/2) } else { vtrap = x/(exp(x/y) - 1) }
}
