package org.dendrite.engine.sim;

import org.dendrite.engine.DendriteException;

/** A simulation that went numerically wrong (NaN/Inf); exit code 1. */
public final class SimulationException extends DendriteException {
    public SimulationException(String message) {
        super(message, 1, null);
    }
}
