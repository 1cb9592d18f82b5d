: Low-voltage-activated (T-type) Ca, Allen copy of Ca_LVAst (mechanisms.md 4.13 and 7.2), written for dendrite:
: qt = 2.3^((celsius-21)/10) from celsius; gbar/g names
NEURON { SUFFIX Ca_LVA USEION ca READ eca WRITE ica RANGE gbar, g, ica }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) eca (mV) ica (mA/cm2) g (S/cm2) celsius (degC) mInf mTau (ms) hInf hTau (ms) }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*h ica = g*(v-eca) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, u
  qt = 2.3^((celsius-21)/10)
  UNITSOFF
  u = v + 10
  mInf = 1.0/(1+exp((u - -30)/-6))
  mTau = (5 + 20/(1+exp((u - -25)/5)))/qt
  hInf = 1.0/(1+exp((u - -80)/6.4))
  hTau = (20 + 50/(1+exp((u - -40)/7)))/qt
  UNITSON }
