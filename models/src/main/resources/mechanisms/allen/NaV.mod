: 12-state Markov Na channel (Carter et al. 2012, mouse CA1; mechanisms.md 7.3.8), written for dendrite.
: Closed C1..C5, open O, inactivated I1..I6 (fractions summing to 1); ina = gbar O (v - ena).
: With a = alpha e^(v/x1), b = beta e^(v/x2), every rate times qt = 2.3^((celsius-37)/10):
:   C1<->C2<->C3<->C4<->C5   4a,3a,2a,a forward; b,2b,3b,4b backward      C5<->O  gamma, delta
:   I1<->...<->I5            the same times alfac forward, over btfac back  I5<->I6 gamma, delta
:   Ck<->Ik (k = 1..5)       Con alfac^(k-1), Coff/btfac^(k-1)              O<->I6  Oon, Ooff
: Update: KINETIC, METHOD sparse (one backward-Euler step of the linear scheme at the new v; I6's equation
: replaced by the conservation). Initial state: the LINEAR steady-state system of the published model,
: INCLUDING its typo (I3's inflow from I4 at the rate Coff/btfac^2 instead of 3b/btfac), so the states start
: off equilibrium exactly as in NEURON with the published file.
NEURON { SUFFIX NaV USEION na READ ena WRITE ina RANGE gbar, g, ina
  GLOBAL alpha, beta, gamma, delta, Con, Coff, Oon, Ooff, alfac, btfac, x1, x2 }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) }
PARAMETER { gbar = 0.015 (S/cm2)
  alpha = 400 (/ms) beta = 12 (/ms) gamma = 250 (/ms) delta = 60 (/ms)
  Con = 0.01 (/ms) Coff = 40 (/ms) Oon = 8 (/ms) Ooff = 0.05 (/ms)
  alfac = 2.51 btfac = 5.32 x1 = 24 (mV) x2 = -24 (mV) }
ASSIGNED { v (mV) ena (mV) ina (mA/cm2) g (S/cm2) celsius (degC)
  cf1 (/ms) cf2 (/ms) cf3 (/ms) cf4 (/ms) cb1 (/ms) cb2 (/ms) cb3 (/ms) cb4 (/ms)
  jf1 (/ms) jf2 (/ms) jf3 (/ms) jf4 (/ms) jb1 (/ms) jb2 (/ms) jb3 (/ms) jb4 (/ms)
  ci1 (/ms) ci2 (/ms) ci3 (/ms) ci4 (/ms) ci5 (/ms) ic1 (/ms) ic2 (/ms) ic3 (/ms) ic4 (/ms) ic5 (/ms)
  co (/ms) oc (/ms) ji (/ms) ij (/ms) oi (/ms) io (/ms) }
STATE { C1 C2 C3 C4 C5 O I1 I2 I3 I4 I5 I6 }
BREAKPOINT { SOLVE kin METHOD sparse g = gbar*O ina = g*(v-ena) }
INITIAL { rates(v) SOLVE seqinit }
KINETIC kin {
  rates(v)
  ~ C1 <-> C2 (cf1, cb1)
  ~ C2 <-> C3 (cf2, cb2)
  ~ C3 <-> C4 (cf3, cb3)
  ~ C4 <-> C5 (cf4, cb4)
  ~ C5 <-> O  (co, oc)
  ~ I1 <-> I2 (jf1, jb1)
  ~ I2 <-> I3 (jf2, jb2)
  ~ I3 <-> I4 (jf3, jb3)
  ~ I4 <-> I5 (jf4, jb4)
  ~ I5 <-> I6 (ji, ij)
  ~ C1 <-> I1 (ci1, ic1)
  ~ C2 <-> I2 (ci2, ic2)
  ~ C3 <-> I3 (ci3, ic3)
  ~ C4 <-> I4 (ci4, ic4)
  ~ C5 <-> I5 (ci5, ic5)
  ~ O <-> I6  (oi, io)
  CONSERVE C1 + C2 + C3 + C4 + C5 + O + I1 + I2 + I3 + I4 + I5 + I6 = 1
}
: balance (inflow = outflow) of every state but I6, and the sum; the I3 row carries the published typo
LINEAR seqinit {
  ~ cb1*C2 + ic1*I1 = (cf1 + ci1)*C1
  ~ cf1*C1 + cb2*C3 + ic2*I2 = (cb1 + cf2 + ci2)*C2
  ~ cf2*C2 + cb3*C4 + ic3*I3 = (cb2 + cf3 + ci3)*C3
  ~ cf3*C3 + cb4*C5 + ic4*I4 = (cb3 + cf4 + ci4)*C4
  ~ cf4*C4 + oc*O + ic5*I5 = (cb4 + co + ci5)*C5
  ~ co*C5 + io*I6 = (oc + oi)*O
  ~ jb1*I2 + ci1*C1 = (jf1 + ic1)*I1
  ~ jf1*I1 + jb2*I3 + ci2*C2 = (jb1 + jf2 + ic2)*I2
  ~ jf2*I2 + ic3*I4 + ci3*C3 = (jb2 + jf3 + ic3)*I3
  ~ jf3*I3 + jb4*I5 + ci4*C4 = (jb3 + jf4 + ic4)*I4
  ~ jf4*I4 + ij*I6 + ci5*C5 = (jb4 + ji + ic5)*I5
  ~ C1 + C2 + C3 + C4 + C5 + O + I1 + I2 + I3 + I4 + I5 + I6 = 1
}
PROCEDURE rates(v (mV)) { LOCAL qt, a, b
  qt = 2.3^((celsius-37)/10)
  UNITSOFF
  a = alpha*exp(v/x1)*qt
  b = beta*exp(v/x2)*qt
  cf1 = 4*a  cf2 = 3*a  cf3 = 2*a  cf4 = a
  cb1 = b  cb2 = 2*b  cb3 = 3*b  cb4 = 4*b
  jf1 = 4*a*alfac  jf2 = 3*a*alfac  jf3 = 2*a*alfac  jf4 = a*alfac
  jb1 = b/btfac  jb2 = 2*b/btfac  jb3 = 3*b/btfac  jb4 = 4*b/btfac
  co = gamma*qt  oc = delta*qt  ji = gamma*qt  ij = delta*qt
  ci1 = Con*qt  ci2 = Con*alfac*qt  ci3 = Con*alfac^2*qt  ci4 = Con*alfac^3*qt  ci5 = Con*alfac^4*qt
  ic1 = Coff*qt  ic2 = Coff/btfac*qt  ic3 = Coff/btfac^2*qt  ic4 = Coff/btfac^3*qt  ic5 = Coff/btfac^4*qt
  oi = Oon*qt  io = Ooff*qt
  UNITSON }
