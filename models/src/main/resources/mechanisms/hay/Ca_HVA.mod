: High-voltage-activated Ca (mechanisms.md 4.12), written for dendrite
NEURON { SUFFIX Ca_HVA USEION ca READ eca WRITE ica RANGE gCa_HVAbar, gCa_HVA, ica }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gCa_HVAbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) eca (mV) ica (mA/cm2) gCa_HVA (S/cm2) mInf mTau hInf hTau }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp gCa_HVA = gCa_HVAbar*m*m*h ica = gCa_HVA*(v-eca) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL ma, mb, ha, hb, u
  UNITSOFF
  u = v
  if (u == -27) { u = u + 0.0001 }
  ma = (0.055*(-27-u))/(exp((-27-u)/3.8) - 1)
  mb = 0.94*exp((-75-u)/17)
  mInf = ma/(ma+mb)  mTau = 1/(ma+mb)
  ha = 0.000457*exp((-13-u)/50)
  hb = 0.0065/(exp((-u-15)/28)+1)
  hInf = ha/(ha+hb)  hTau = 1/(ha+hb)
  UNITSON }
