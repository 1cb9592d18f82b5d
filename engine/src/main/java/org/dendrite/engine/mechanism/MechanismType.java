package org.dendrite.engine.mechanism;

import java.util.List;
import java.util.Optional;

/**
 * Descriptor of one mechanism type, what NMODL's NEURON block and declarations say: its NEURON name (the suffix
 * users write, e.g. {@code hh}, {@code NaTa_t}, {@code IClamp}), kind, variables (RANGE parameters, states,
 * assigned values and GLOBALs, with units and defaults), the ions it reads and writes, where it came from
 * ({@code origin}: "built-in", a bundle name, or a .mod file), whether it takes NetCon events
 * ({@code receivesEvents}: NMODL's NET_RECEIVE), and a factory for the block holding its
 * instances. The position in the run order is not part of the type: the {@link MechanismLibrary} that a
 * model loads assigns it (NEURON's registration order).
 */
public record MechanismType(String name, MechanismKind kind, List<Variable> variables, List<IonUse> ions,
                            Factory factory, String origin, boolean receivesEvents) {

    /** Creates the block for the instances at the given nodes. */
    @FunctionalInterface
    public interface Factory {
        MechanismBlock create(MechanismType type, int[] nodes, CellState state);
    }

    public MechanismType {
        variables = List.copyOf(variables);
        ions = List.copyOf(ions);
    }

    /** A type that takes no NetCon events (no NET_RECEIVE). */
    public MechanismType(String name, MechanismKind kind, List<Variable> variables, List<IonUse> ions, Factory factory,
                         String origin) {
        this(name, kind, variables, ions, factory, origin, false);
    }

    public MechanismType(String name, MechanismKind kind, List<Variable> variables, List<IonUse> ions, Factory factory) {
        this(name, kind, variables, ions, factory, "built-in", false);
    }

    /** The same type, declared to take NetCon and self events (NMODL's NET_RECEIVE; the block is an EventTarget). */
    public MechanismType receivingEvents() {
        return new MechanismType(name, kind, variables, ions, factory, origin, true);
    }

    /** The same type with another origin (a bundle or file name, shown in notes and {@code mod check}). */
    public MechanismType from(String newOrigin) {
        return new MechanismType(name, kind, variables, ions, factory, newOrigin, receivesEvents);
    }

    public Optional<Variable> variable(String varName) {
        return variables.stream().filter(v -> v.name().equals(varName)).findFirst();
    }

    /** The GLOBAL variables, in declaration order (the order of {@link MechanismBlock#globals}). */
    public List<Variable> globals() {
        return variables.stream().filter(Variable::isGlobal).toList();
    }

    /**
     * The declared GLOBAL that {@code name} addresses, as NEURON spells it ({@code ehcn_Ih}) or plain
     * ({@code ehcn}); -1 when there is none.
     */
    public int globalIndex(String name) {
        String plain = name.endsWith("_" + this.name) && name.length() > this.name.length() + 1
                ? name.substring(0, name.length() - this.name.length() - 1) : name;
        List<Variable> g = globals();
        for (int i = 0; i < g.size(); i++) if (g.get(i).name().equals(plain)) return i;
        return -1;
    }

    public boolean isPointProcess() {
        return kind != MechanismKind.DENSITY;
    }
}
