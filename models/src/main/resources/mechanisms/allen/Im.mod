: Muscarinic K current, Allen copy (mechanisms.md 4.10 and 7.2), written for dendrite:
: qt = 2.3^((celsius-21)/10) from celsius instead of the Hay constant; gbar/g names
NEURON { SUFFIX Im USEION k READ ek WRITE ik RANGE gbar, g, ik }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) g (S/cm2) celsius (degC) mInf mTau (ms) }
STATE { m }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m ik = g*(v-ek) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau }
INITIAL { rates() m = mInf }
PROCEDURE rates() { LOCAL qt, ma, mb
  qt = 2.3^((celsius-21)/10)
  UNITSOFF
  ma = 3.3e-3*exp(2.5*0.04*(v - -35))
  mb = 3.3e-3*exp(-2.5*0.04*(v - -35))
  mInf = ma/(ma+mb)  mTau = (1/(ma+mb))/qt
  UNITSON }
