package org.dendrite.engine.mechanism;

/** Density mechanisms are spread over segments (per area); point processes sit at one node (nA, uS). */
public enum MechanismKind { DENSITY, POINT_PROCESS, ARTIFICIAL_CELL }
