package org.dendrite.engine.mechanism;

import java.util.List;
import java.util.Optional;

import org.dendrite.engine.mechanism.CellState;

/**
 * Descriptor of one mechanism type: its NEURON name (the suffix users write, e.g. {@code hh},
 * {@code NaTa_t}, {@code IClamp}), kind, variables with units and defaults, the ions it uses, its position in
 * NEURON's evaluation order, and a factory for the block holding its instances.
 *
 * <p>{@code order} reproduces NEURON's registration order: every loop (initialise, currents, states) visits
 * mechanism types in increasing order, which fixes floating-point sums and, for interacting mechanisms
 * (a calcium pool before SK), the results.
 */
public record MechanismType(String name, MechanismKind kind, int order, List<Variable> variables,
                            List<IonUse> ions, Factory factory) {

    /** Creates the block for the instances at the given nodes. */
    @FunctionalInterface
    public interface Factory {
        MechanismBlock create(MechanismType type, int[] nodes, CellState state);
    }

    public Optional<Variable> variable(String varName) {
        return variables.stream().filter(v -> v.name().equals(varName)).findFirst();
    }

    public boolean isPointProcess() {
        return kind != MechanismKind.DENSITY;
    }
}
