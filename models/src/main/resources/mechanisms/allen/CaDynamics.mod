: Submembrane Ca pool with first-order removal, Allen copy of CaDynamics_E2 (mechanisms.md 4.14 and 7.2),
: written for dendrite. The one difference: INITIAL sets cai = minCai (1e-4 mM), so eca starts at
: Nernst(minCai), not at the ion default 5e-5 mM.
NEURON { SUFFIX CaDynamics USEION ca READ ica WRITE cai RANGE decay, gamma, minCai, depth }
UNITS { (mV) = (millivolt) (mA) = (milliamp) FARADAY = (faraday) (coulombs) (molar) = (1/liter) (mM) = (millimolar) (um) = (micron) }
PARAMETER { gamma = 0.05 decay = 80 (ms) depth = 0.1 (um) minCai = 1e-4 (mM) }
ASSIGNED { ica (mA/cm2) }
STATE { cai (mM) }
INITIAL { cai = minCai }
BREAKPOINT { SOLVE states METHOD cnexp }
DERIVATIVE states { cai' = -(10000)*(ica*gamma/(2*FARADAY*depth)) - (cai - minCai)/decay }
