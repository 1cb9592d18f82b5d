package org.dendrite.engine.mechanism;

import org.dendrite.engine.mechanism.Units;

/**
 * One ion species (na, k, ca, or another), with per-node arrays over all nodes of the cell: reversal
 * potential {@code e} (mV), inside/outside concentrations {@code ci}, {@code co} (mM), total membrane current
 * {@code i} (mA/cm2, positive outward) and its slope {@code didv} (S/cm2). Only nodes listed in
 * {@link #nodes()} carry the ion; the others hold defaults and are never read.
 *
 * <p>Ion "style" per node (neuron-numerics §8.2): 1 = only e is read (e is a constant parameter);
 * 2 = concentrations are read, nobody writes them (e by Nernst once at finitialize); 3 = a mechanism writes a
 * concentration (concentrations reset to ci0/co0 at finitialize, e by Nernst there and before every current
 * evaluation).
 */
public final class IonPool {
    private final String name;
    private final int charge;
    public final double[] e, ci, co, i, didv;
    private final byte[] style;
    private int[] nodes = new int[0];
    private int[] nernstNodes = new int[0];
    /** Global initial concentrations ({@code cai0_ca_ion} etc.), mM. */
    public double ci0, co0;
    private final double e0;

    public IonPool(String name, int charge, double e0, double ci0, double co0, int nodeCount) {
        this.name = name;
        this.charge = charge;
        this.e0 = e0;
        this.ci0 = ci0;
        this.co0 = co0;
        e = filled(nodeCount, e0);
        ci = filled(nodeCount, ci0);
        co = filled(nodeCount, co0);
        i = new double[nodeCount];
        didv = new double[nodeCount];
        style = new byte[nodeCount];
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    /** NEURON's defaults: na e 50 ci 10 co 140; k e -77 ci 54.4 co 2.5; ca ci 5e-5 co 2 e by Nernst; other 0/1/1. */
    public static IonPool withDefaults(String name, int nodeCount) {
        return switch (name) {
            case "na" -> new IonPool("na", 1, 50, 10, 140, nodeCount);
            case "k" -> new IonPool("k", 1, -77, 54.4, 2.5, nodeCount);
            case "ca" -> new IonPool("ca", 2, 12.5 * Math.log(2 / 5e-5), 5e-5, 2, nodeCount);
            default -> new IonPool(name, 1, 0, 1, 1, nodeCount);
        };
    }

    public String name() { return name; }
    public int charge() { return charge; }
    public int[] nodes() { return nodes; }
    public int style(int node) { return style[node]; }
    public double defaultReversal() { return e0; }

    /** Raises the style of a node (styles only grow: a writer wins over a reader). */
    public void require(int node, int nodeStyle) {
        if (style[node] == 0) {
            int[] n = java.util.Arrays.copyOf(nodes, nodes.length + 1);
            n[nodes.length] = node;
            nodes = n;
        }
        if (nodeStyle > style[node]) style[node] = (byte) nodeStyle;
    }

    /** Freezes the node lists after all mechanisms declared their use. */
    public void seal() {
        java.util.Arrays.sort(nodes);
        nernstNodes = java.util.Arrays.stream(nodes).filter(n -> style[n] == 3).toArray();
    }

    /** finitialize: reset concentrations where written, and compute e by Nernst where concentrations matter. */
    public void initialize(double celsius) {
        for (int n : nodes) {
            if (style[n] == 3) {
                ci[n] = ci0;
                co[n] = co0;
            }
            if (style[n] >= 2) e[n] = Units.nernst(celsius, charge, ci[n], co[n]);
        }
    }

    /** Start of every current evaluation: zero totals; refresh e where a mechanism writes concentrations. */
    public void beginCurrents(double celsius) {
        for (int n : nodes) {
            i[n] = 0;
            didv[n] = 0;
        }
        for (int n : nernstNodes) e[n] = Units.nernst(celsius, charge, ci[n], co[n]);
    }

    /** Crank–Nicolson (secondorder 2): move ion currents to the half step, {@code i += didv*x} (§8.3). */
    public void secondOrderCorrection(double[] x) {
        for (int n : nodes) i[n] += didv[n] * x[n];
    }
}
