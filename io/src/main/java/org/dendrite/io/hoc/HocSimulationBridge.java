package org.dendrite.io.hoc;

/**
 * Where the HOC interpreter hands simulation over to the engine. The interpreter owns the section world
 * ({@link HocWorld}); calling {@code finitialize}, {@code fadvance}, {@code run} (stdrun) or
 * {@code continuerun} in HOC delegates to this interface. HOC never runs inside the time-step loop: an
 * implementation compiles the world to the engine's flat arrays at {@link #finitialize} (again only when
 * {@link HocWorld#modelVersion()} changed since the last compile; parameter edits between runs may be
 * applied to the compiled arrays) and steps in the engine. Geometry edits ({@link HocWorld#geometryVersion()}:
 * L, diam, Ra, cm, 3-D points) change the sections' cables, which the compiled model shares, and take effect at
 * the next {@link #fadvance}.
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
 *       {@code soma.v(0.5)} inside a {@code fadvance} loop); return NaN when the engine has no such value, the
 *       interpreter then answers from the world.</li>
 *   <li>{@link #set}, {@link #setGlobal}, {@link #setWeight}: a HOC assignment after finitialize, already stored
 *       in the world, forwarded to the running simulation so that it takes effect at the next step, as in
 *       NEURON.</li>
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

    /**
     * Writes {@code value} into the running simulation's variable {@code pointer} points to (a range variable at
     * one location, or a point-process variable). Returns false when the engine holds no such value (the world
     * keeps it for the next compile).
     */
    default boolean set(HocWorld world, HocPointer pointer, double value) {
        return false;
    }

    /** A mechanism GLOBAL ({@code ehcn_Ih}) assigned after finitialize. */
    default void setGlobal(HocWorld world, String name, double value) {}

    /** {@code nc.weight[i] = value} after finitialize. */
    default void setWeight(HocWorld world, NetConnection netCon, int i, double value) {}

    /** Live {@code nc.weight[i]} (a NET_RECEIVE block may change it), or NaN to use the world's value. */
    default double weight(HocWorld world, NetConnection netCon, int i) {
        return Double.NaN;
    }
}
