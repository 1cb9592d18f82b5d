package org.dendrite.io.morph;

/**
 * NEURON's interpreter (hoc) compares numbers with a tolerance, {@code float_epsilon} = 1e-11 (absolute):
 * Import3d's rules are written in hoc, so reproducing its decisions needs the same comparisons.
 * {@code a <= b} is {@code a <= b + 1e-11}, {@code a == b} is {@code b - 1e-11 <= a <= b + 1e-11}, and so on.
 */
public final class Hoc {
    private Hoc() {}

    public static final double EPSILON = 1e-11;

    public static boolean eq(double a, double b) {
        return a <= b + EPSILON && a >= b - EPSILON;
    }

    public static boolean lt(double a, double b) {
        return a < b - EPSILON;
    }

    public static boolean le(double a, double b) {
        return a <= b + EPSILON;
    }

    public static boolean gt(double a, double b) {
        return a > b + EPSILON;
    }

    public static boolean ge(double a, double b) {
        return a >= b - EPSILON;
    }
}
