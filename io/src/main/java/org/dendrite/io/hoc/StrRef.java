package org.dendrite.io.hoc;

/** A HOC string variable (strdef). Passed by reference as {@code $s1}, so {@code sprint($s1, ...)} changes the caller's. */
final class StrRef {
    String value;

    StrRef(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
