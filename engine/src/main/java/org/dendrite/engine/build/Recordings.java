package org.dendrite.engine.build;

import org.dendrite.engine.morphology.Morphology;

/** Parses recording shorthands: {@code soma(0.5).v}, {@code soma[0](0.5).hh.m}, {@code dend(1).ina}, {@code syn1.g}. */
public final class Recordings {
    private Recordings() {}

    /**
     * @param text the shorthand; it is also the recording's name
     * @throws IllegalArgumentException saying what is wrong
     */
    public static ModelSpec.ProbeSpec parse(Morphology m, String text) {
        int close = text.indexOf(").");
        if (close > 0) {
            Location l = Location.parse(m, text.substring(0, close + 1));
            return new ModelSpec.ProbeSpec(text, l, null, text.substring(close + 2));
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "': expected SECTION(x).VARIABLE (e.g. soma(0.5).v) "
                    + "or POINT.VARIABLE (e.g. stim.i)");
        }
        return new ModelSpec.ProbeSpec(text, null, text.substring(0, dot), text.substring(dot + 1));
    }
}
