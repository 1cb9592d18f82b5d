package org.dendrite.io.hoc;

import java.util.List;

/**
 * What the HOC interpreter needs to know about density mechanisms and point processes: their names,
 * parameters with defaults, and which names are range variables (per segment) or globals. The built-in
 * catalogue ({@link BuiltinMechanisms}) knows {@code pas}, {@code hh}, the ions and the standard point
 * processes; the engine's mechanism registry can provide a complete one.
 */
public interface MechanismCatalog {

    /** A density mechanism ({@code insert NAME}) or a point process ({@code new NAME(x)}). */
    record Mechanism(String name, boolean pointProcess, boolean artificial, List<Parameter> parameters,
                     List<String> ions) {
        /** The parameter called {@code name} (without the mechanism suffix), or null. */
        public Parameter parameter(String name) {
            for (Parameter p : parameters) if (p.name().equals(name)) return p;
            return null;
        }

        public int indexOf(String name) {
            for (int i = 0; i < parameters.size(); i++) if (parameters.get(i).name().equals(name)) return i;
            return -1;
        }
    }

    /** What a mechanism variable is, in NMODL's terms. */
    enum Kind {
        /** A user-settable parameter, one value per segment (density) or instance (point process). */
        PARAMETER,
        /** A state variable (range; writable as an initial value). */
        STATE,
        /** A computed (ASSIGNED) range variable such as a current or conductance. */
        ASSIGNED,
        /** One value per mechanism type ({@code usetable_hh}), accessed as {@code NAME_MECH}. */
        GLOBAL
    }

    /**
     * A variable of a mechanism. Every kind except {@link Kind#GLOBAL} is a range variable (per segment for a
     * density mechanism, per instance for a point process).
     */
    record Parameter(String name, double defaultValue, String unit, Kind kind) {
        /** A range parameter ({@code global = false}) or a global; kept for callers written before {@link Kind}. */
        public Parameter(String name, double defaultValue, String unit, boolean global) {
            this(name, defaultValue, unit, global ? Kind.GLOBAL : Kind.PARAMETER);
        }

        public boolean global() {
            return kind == Kind.GLOBAL;
        }

        /** A PARAMETER-kind variable. */
        public static Parameter parameter(String name, double defaultValue, String unit) {
            return new Parameter(name, defaultValue, unit, Kind.PARAMETER);
        }
    }

    /** The mechanism with this name, or null. */
    Mechanism mechanism(String name);

    /** Every mechanism name the catalogue knows (for messages). */
    List<String> names();

    /**
     * The ion mechanism for an ion name ({@code na} → {@code na_ion} with {@code ena nai nao ina}), or null.
     * The ion's range variables are named {@code e<ion>}, {@code <ion>i}, {@code <ion>o}, {@code i<ion>}.
     */
    default Mechanism ion(String ion) {
        return mechanism(ion + "_ion");
    }
}
