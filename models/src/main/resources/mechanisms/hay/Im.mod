: Muscarinic K current (mechanisms.md 4.10), written for dendrite
NEURON { SUFFIX Im USEION k READ ek WRITE ik RANGE gImbar, gIm, ik }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gImbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) gIm (S/cm2) mInf mTau }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp gIm = gImbar*m ik = gIm*(v-ek) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau }
INITIAL { rates() m = mInf }
PROCEDURE rates() { LOCAL qt, ma, mb
  qt = 2.3^((34-21)/10)
  UNITSOFF
  ma = 3.3e-3*exp(2.5*0.04*(v - -35))
  mb = 3.3e-3*exp(-2.5*0.04*(v - -35))
  mInf = ma/(ma+mb)  mTau = (1/(ma+mb))/qt
  UNITSON }
