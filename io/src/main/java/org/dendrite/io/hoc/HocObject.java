package org.dendrite.io.hoc;

/** A HOC object: an instance of a template or of a built-in class. Printed as {@code Name[index]}. */
public abstract class HocObject {
    private final String className;
    private final int index;

    protected HocObject(String className, int index) {
        this.className = className;
        this.index = index;
    }

    public String className() { return className; }
    public int index() { return index; }

    @Override
    public String toString() {
        return className + "[" + index + "]";
    }
}
