package org.dendrite.io.fuzz;

import java.nio.file.Path;

/**
 * What the fuzzer calls for one input: reads {@code file} with the reader named {@code target}. The
 * implementation ({@code targets.Readers}) is loaded by the instrumenting class loader so that the readers it
 * calls are the instrumented copies; this interface stays in the test class loader so both sides share it.
 */
public interface FuzzEntry {
    void read(String target, Path file) throws Exception;
}
