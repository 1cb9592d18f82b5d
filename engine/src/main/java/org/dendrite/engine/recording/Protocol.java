package org.dendrite.engine.recording;

import java.util.List;

/**
 * What the acquisition software was asked to do: the protocol's name (often a file name) and, for episodic
 * recordings, the command protocol of each output channel.
 */
public record Protocol(String name, List<DacProtocol> dacs) {
    /** No protocol information. */
    public static final Protocol NONE = new Protocol("", List.of());

    public Protocol {
        name = name == null ? "" : name.strip();
        dacs = List.copyOf(dacs);
    }

    /** The command protocol of output {@code dac}, or null. */
    public DacProtocol dac(int dac) {
        for (DacProtocol d : dacs) if (d.dac() == dac) return d;
        return null;
    }
}
