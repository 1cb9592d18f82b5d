: Transient K (mechanisms.md 4.7), written for dendrite
NEURON { SUFFIX K_Tst USEION k READ ek WRITE ik RANGE gK_Tstbar, gK_Tst, ik }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gK_Tstbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) gK_Tst (S/cm2) mInf mTau hInf hTau }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp gK_Tst = gK_Tstbar*(m^4)*h ik = gK_Tst*(v-ek) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, u
  qt = 2.3^((34-21)/10)
  UNITSOFF
  u = v + 10
  mInf = 1/(1 + exp(-(u + 0)/19))
  mTau = (0.34 + 0.92*exp(-((u + 71)/59)^2))/qt
  hInf = 1/(1 + exp(-(u + 66)/-10))
  hTau = (8 + 49*exp(-((u + 73)/23)^2))/qt
  UNITSON }
