package org.dendrite.io.hoc;

/**
 * Where the HOC interpreter hands simulation over to the engine. The interpreter owns the section world
 * ({@link HocWorld}); calling {@code finitialize}, {@code fadvance}, {@code run} (stdrun) or
 * {@code continuerun} in HOC delegates to this interface. HOC never runs inside the time-step loop: an
 * implementation compiles the world to the engine's flat arrays at {@link #finitialize} (again only when
 * {@link HocWorld#modelVersion()} changed since the last compile; parameter edits between runs may be
 * applied to the compiled arrays) and steps in the engine.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #finitialize}: build or update the model from the world, set every segment to {@code vInit}
 *       (or its own {@link HocSection#vInit(int)}), initialise mechanisms, NetStims and NetCons, set
 *       {@code world.setTime(0)}, clear every recording vector of {@link HocWorld#recordings()} and append the
 *       t = 0 values, clear NetCon spike-time vectors.</li>
 *   <li>{@link #fadvance}: one step of {@code world.dt()} with {@code world.secondorder()}; update the time
 *       with {@link HocWorld#setTime(double)}; append recorded values; append NetCon spike times.</li>
 *   <li>{@link #continuerun}: step until {@code t >= tstop} (stdrun's continuerun; the default calls fadvance).</li>
 *   <li>{@link #value}: the live value of a range or point-process variable after finitialize (so HOC can print
 *       {@code soma.v(0.5)} after a run); return NaN when the engine has no such value, the interpreter then
 *       answers from the world.</li>
 * </ul>
 */
public interface HocSimulationBridge {

    void finitialize(HocWorld world, double vInit);

    void fadvance(HocWorld world);

    /** Advances until {@code t} reaches {@code tstop} (minus half a step, as stdrun does). */
    default void continuerun(HocWorld world, double tstop) {
        while (world.t() < tstop - 0.5 * world.dt()) fadvance(world);
    }

    /** stdrun's {@code run()}: {@code finitialize(v_init)} then {@code continuerun(tstop)}. */
    default void run(HocWorld world) {
        finitialize(world, world.vInit());
        continuerun(world, world.tstop());
    }

    /**
     * Whether this engine applies {@link HocWorld#plays()} ({@code Vector.play}); when it does not, finitialize
     * with play requests fails with a clear error instead of silently ignoring them.
     */
    default boolean supportsPlay() {
        return false;
    }

    /** Live value of {@code pointer} in the running simulation, or NaN to let the interpreter use the world's value. */
    default double value(HocWorld world, HocPointer pointer) {
        return Double.NaN;
    }
}
