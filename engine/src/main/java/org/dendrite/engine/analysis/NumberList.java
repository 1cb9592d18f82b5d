package org.dendrite.engine.analysis;

import java.util.Arrays;

/** A growable list of doubles without boxing (indices are stored as whole doubles). */
final class NumberList {
    private double[] a = new double[16];
    private int n;

    void add(double x) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = x;
    }

    double get(int k) {
        return a[k];
    }

    int getInt(int k) {
        return (int) a[k];
    }

    double last() {
        return a[n - 1];
    }

    void setLast(double x) {
        a[n - 1] = x;
    }

    int size() {
        return n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    double[] toArray() {
        return Arrays.copyOf(a, n);
    }

    int[] toIntArray() {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) out[k] = (int) a[k];
        return out;
    }
}
