package org.dendrite.engine.analysis;

/**
 * eFEL's {@code get_distance}: the mean over a feature's values of |value - mean| / std (a z-score), or
 * {@code errorDist} when the feature has no value, or when {@code traceCheck} is on and the trace fails eFEL's
 * trace_check (a spike outside [stim_start, 1.05 * stim_end]).
 */
public final class FeatureDistance {
    /** eFEL's default distance for a feature that cannot be computed. */
    public static final double DEFAULT_ERROR_DIST = 250.0;

    private FeatureDistance() {}

    public static double of(TraceFeatures f, String feature, double mean, double std) {
        return of(f, feature, mean, std, true, DEFAULT_ERROR_DIST);
    }

    public static double of(TraceFeatures f, String feature, double mean, double std, boolean traceCheck,
                            double errorDist) {
        if (traceCheck && f.get("trace_check") == null) return errorDist;
        double[] values = f.get(feature);
        if (values == null || values.length == 0) return errorDist;
        double sum = 0;
        for (double x : values) sum += Math.abs(x - mean) / std;
        return sum / values.length;
    }
}
