: Transient Na, half-points -38/-66 mV (mechanisms.md 4.3-4.4), written for dendrite
NEURON { SUFFIX NaTa_t USEION na READ ena WRITE ina RANGE gNaTa_tbar, gNaTa_t, ina }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gNaTa_tbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) gNaTa_t (S/cm2) mInf mTau hInf hTau }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp gNaTa_t = gNaTa_tbar*m*m*m*h ina = gNaTa_t*(v-ena) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, ma, mb, ha, hb, u, a, b
  qt = 2.3^((34-21)/10)
  UNITSOFF
  u = v
  if (u == -38) { u = u + 0.0001 }
  a = u + 38
  ma = 0.182*a/(1 - exp(-a/6))
  mb = 0.124*(-a)/(1 - exp(a/6))
  mInf = ma/(ma+mb)  mTau = (1/(ma+mb))/qt
  if (u == -66) { u = u + 0.0001 }
  b = u + 66
  ha = -0.015*b/(1 - exp(b/6))
  hb = 0.015*b/(1 - exp(-b/6))
  hInf = ha/(ha+hb)  hTau = (1/(ha+hb))/qt
  UNITSON }
