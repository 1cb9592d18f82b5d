package org.dendrite.engine.mechanism.builtin;

import java.util.List;

import org.dendrite.engine.mechanism.MechanismKind;
import org.dendrite.engine.mechanism.MechanismType;
import org.dendrite.engine.mechanism.Variable;
import org.dendrite.engine.mechanism.CellState;
import org.dendrite.engine.mechanism.PointProcessBlock;
import org.dendrite.engine.mechanism.VectorInput;

/**
 * An electrode current that follows a sampled waveform (nA): what NEURON users do with
 * {@code Vector.play(&IClamp.amp, tvec)}. At each current evaluation (mid-step time t) the current is the
 * value of the last sample whose time is {@code <= t}, zero before the first sample; piecewise constant, like
 * a recorded DAC command. Used to replay the stimulus of a recording through a model.
 */
public final class IPlay extends PointProcessBlock implements VectorInput, org.dendrite.engine.mechanism.StimulusEdges {
    public static final MechanismType TYPE = new MechanismType("IPlay", MechanismKind.POINT_PROCESS,
            List.of(Variable.parameter("scale", "1", 1), Variable.assigned("i", "nA")),
            List.of(), IPlay::new);

    private final double[] scale = array("scale"), i = array("i");
    private final double[][] time = new double[count][];
    private final double[][] amp = new double[count][];
    private final int[] cursor = new int[count];

    private IPlay(MechanismType type, int[] node, CellState s) {
        super(type, node, s);
        for (int k = 0; k < count; k++) {
            time[k] = new double[0];
            amp[k] = new double[0];
        }
    }

    /** Sets the waveform of instance k: sample times (ms, non-decreasing) and currents (nA). */
    @Override
    public void setInput(int k, double[] timeMs, double[] currentNa) {
        if (currentNa == null) throw new IllegalArgumentException("a waveform needs current values (nA)");
        if (timeMs.length != currentNa.length) throw new IllegalArgumentException("waveform time and current lengths differ");
        for (int j = 1; j < timeMs.length; j++) {
            if (timeMs[j] < timeMs[j - 1]) throw new IllegalArgumentException("waveform times must not decrease");
        }
        time[k] = timeMs.clone();
        amp[k] = currentNa.clone();
        cursor[k] = 0;
    }

    @Override
    public void initialize(CellState s) {
        java.util.Arrays.fill(cursor, 0);
        java.util.Arrays.fill(i, 0);
    }

    @Override
    public void current(CellState s) {
        double t = s.t;
        for (int k = 0; k < count; k++) {
            double[] tk = time[k];
            int c = cursor[k];
            if (c > 0 && tk[c - 1] > t) c = 0; // time went back (a new run): search again from the start
            while (c < tk.length && tk[c] <= t) c++;
            cursor[k] = c;
            double cur = c == 0 ? 0 : amp[k][c - 1] * scale[k];
            i[k] = cur;
            addElectrode(s, k, cur, 0);
        }
    }

    /** The first sample time after t at which the played current changes value (a step of the waveform). */
    @Override
    public double nextEdge(double t) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double[] tk = time[k], ak = amp[k];
            int lo = 0, hi = tk.length; // first sample with time > t
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tk[mid] <= t) lo = mid + 1; else hi = mid;
            }
            for (int c = lo; c < tk.length && tk[c] < best; c++) {
                double before = c == 0 ? 0 : ak[c - 1];
                if (ak[c] != before) {
                    best = tk[c];
                    break;
                }
            }
        }
        return best;
    }
}
