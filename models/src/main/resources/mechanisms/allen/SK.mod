: Small-conductance Ca-activated K, Allen copy of SK_E2 (mechanisms.md 4.9 and 7.2), written for dendrite:
: only the names differ (gbar, g, GLOBAL zTau_SK)
NEURON { SUFFIX SK USEION k READ ek WRITE ik USEION ca READ cai RANGE gbar, g, ik GLOBAL zTau }
UNITS { (S) = (siemens) (mV) = (millivolt) (mA) = (milliamp) (mM) = (milli/liter) }
PARAMETER { gbar = 0.000001 (S/cm2) zTau = 1 (ms) }
ASSIGNED { v (mV) ek (mV) cai (mM) ik (mA/cm2) g (S/cm2) zInf }
STATE { z }
BREAKPOINT { SOLVE states METHOD cnexp g = gbar*z ik = g*(v-ek) }
DERIVATIVE states { rates(cai) z' = (zInf-z)/zTau }
INITIAL { rates(cai) z = zInf }
PROCEDURE rates(ca (mM)) { LOCAL c
  c = ca
  if (c < 1e-7) { c = c + 1e-7 }
  zInf = 1/(1 + (0.00043/c)^4.8) }
