: Hyperpolarisation-activated cation current (mechanisms.md 4.11), written for dendrite
NEURON { SUFFIX Ih NONSPECIFIC_CURRENT ihcn RANGE gIhbar, gIh, ihcn GLOBAL ehcn }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gIhbar = 0.00001 (S/cm2) ehcn = -45.0 (mV) }
ASSIGNED { v (mV) ihcn (mA/cm2) gIh (S/cm2) mInf mTau }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp gIh = gIhbar*m ihcn = gIh*(v-ehcn) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau }
INITIAL { rates() m = mInf }
PROCEDURE rates() { LOCAL ma, mb, u
  UNITSOFF
  u = v
  if (u == -154.9) { u = u + 0.0001 }
  ma = 0.001*6.43*(u+154.9)/(exp((u+154.9)/11.9)-1)
  mb = 0.001*193*exp(u/33.1)
  mInf = ma/(ma+mb)  mTau = 1/(ma+mb)
  UNITSON }
