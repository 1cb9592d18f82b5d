: Transient Na, half-points -32/-60 mV (mechanisms.md 4.3-4.4), written for dendrite; Allen copy (mechanisms.md 7.2): gbar/g names
NEURON { SUFFIX NaTs2_t USEION na READ ena WRITE ina RANGE gbar, g, ina }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) g (S/cm2) mInf mTau hInf hTau }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*m*h ina = g*(v-ena) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, ma, mb, ha, hb, u, a, b
  qt = 2.3^((34-21)/10)
  UNITSOFF
  u = v
  if (u == -32) { u = u + 0.0001 }
  a = u + 32
  ma = 0.182*a/(1 - exp(-a/6))
  mb = 0.124*(-a)/(1 - exp(a/6))
  mInf = ma/(ma+mb)  mTau = (1/(ma+mb))/qt
  if (u == -60) { u = u + 0.0001 }
  b = u + 60
  ha = -0.015*b/(1 - exp(b/6))
  hb = 0.015*b/(1 - exp(-b/6))
  hInf = ha/(ha+hb)  hTau = (1/(ha+hb))/qt
  UNITSON }
