package org.dendrite.engine.morphology;

/**
 * Region tag of a section, by SWC type code: 1 soma, 2 axon, 3 basal dendrite, 4 apical dendrite,
 * other codes custom. {@link #neuronName()} is the array name NEURON's Import3d gives such sections
 * ({@code soma}, {@code axon}, {@code dend}, {@code apic}, {@code dend_5}, {@code minus_1}).
 */
public record SectionType(int code) {
    public static final SectionType SOMA = new SectionType(1);
    public static final SectionType AXON = new SectionType(2);
    public static final SectionType BASAL = new SectionType(3);
    public static final SectionType APICAL = new SectionType(4);
    /** A section with no region (stylized models that do not say). */
    public static final SectionType UNDEFINED = new SectionType(0);

    /** NEURON's Import3d section array name for this type. */
    public String neuronName() {
        return switch (code) {
            case 1 -> "soma";
            case 2 -> "axon";
            case 3 -> "dend";
            case 4 -> "apic";
            default -> code < 0 ? "minus_" + (-code) : "dend_" + code;
        };
    }

    /** BluePyOpt/NEURON-convention section-list name: somatic, axonal, basal, apical, or custom_N. */
    public String groupName() {
        return switch (code) {
            case 1 -> "somatic";
            case 2 -> "axonal";
            case 3 -> "basal";
            case 4 -> "apical";
            default -> "custom_" + code;
        };
    }

    /** Parses a region name as written in model files: soma, axon, dend/basal, apic/apical, or a number. */
    public static SectionType parse(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "soma": case "somatic": return SOMA;
            case "axon": case "axonal": return AXON;
            case "dend": case "basal": case "dendrite": return BASAL;
            case "apic": case "apical": return APICAL;
            case "undefined": case "none": return UNDEFINED;
            default:
                try {
                    return new SectionType(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown section type '" + name
                            + "' (expected soma, axon, dend, apic or an SWC type number)");
                }
        }
    }
}
