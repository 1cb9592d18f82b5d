: Persistent Na (mechanisms.md 4.5), written for dendrite; Allen copy (mechanisms.md 7.2): gbar/g names
NEURON { SUFFIX Nap_Et2 USEION na READ ena WRITE ina RANGE gbar, g, ina }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.00001 (S/cm2) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) g (S/cm2) mInf mTau hInf hTau }
STATE { m h }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*m*m*m*h ina = g*(v-ena) }
DERIVATIVE states { rates() m' = (mInf-m)/mTau h' = (hInf-h)/hTau }
INITIAL { rates() m = mInf h = hInf }
PROCEDURE rates() { LOCAL qt, ma, mb, ha, hb, u
  qt = 2.3^((34-21)/10)
  UNITSOFF
  u = v
  mInf = 1.0/(1 + exp((u - -52.6)/-4.6))
  if (u == -38) { u = u + 0.0001 }
  ma = 0.182*(u + 38)/(1 - exp(-(u + 38)/6))
  mb = 0.124*(-u - 38)/(1 - exp(-(-u - 38)/6))
  mTau = 6*(1/(ma+mb))/qt
  if (u == -17) { u = u + 0.0001 }
  if (u == -64.4) { u = u + 0.0001 }
  hInf = 1.0/(1 + exp((u + 48.8)/10))
  ha = -2.88e-6*(u + 17)/(1 - exp((u + 17)/4.63))
  hb = 6.94e-6*(u + 64.4)/(1 - exp(-(u + 64.4)/2.63))
  hTau = (1/(ha+hb))/qt
  UNITSON }
