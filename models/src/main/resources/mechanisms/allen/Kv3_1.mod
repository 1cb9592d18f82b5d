: Kv3.1 fast delayed rectifier, Allen copy of SKv3_1 (mechanisms.md 4.8 and 7.2), written for dendrite:
: GLOBAL vshift (mV, default 0) added to both half-points; gbar/g names
NEURON { SUFFIX Kv3_1 USEION k READ ek WRITE ik RANGE gbar, g, ik GLOBAL vshift }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) vshift = 0 (mV) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) g (S/cm2) mInf mTau (ms) }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m ik = g*(v-ek) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau }
INITIAL { rates() m = mInf }
PROCEDURE rates() {
  UNITSOFF
  mInf = 1/(1 + exp(((v - (18.700 + vshift))/(-9.700))))
  mTau = 0.2*20.000/(1 + exp(((v - (-46.560 + vshift))/(-44.140))))
  UNITSON }
