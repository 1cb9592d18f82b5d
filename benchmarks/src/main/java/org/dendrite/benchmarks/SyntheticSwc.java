package org.dendrite.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic, reproducible SWC neuron of a given number of samples for benchmarks: a 1-point soma
 * (radius 10 um) and trees of axon, basal and apical type grown as random walks of 1-3 um steps; unbranched
 * stretches of 20 to 80 samples, each new stretch starting from a random earlier sample of the same tree.
 * Coordinates with 2 decimals and radii with 3, as in reconstructions.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.dendrite.benchmarks.SyntheticSwc OUT.swc [SAMPLES] [SEED]}
 */
public final class SyntheticSwc {
    private SyntheticSwc() {}

    public static void write(Path out, int samples, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[samples], y = new float[samples], z = new float[samples];
        float[] r = new float[samples];
        int[] type = new int[samples];
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            w.write("# synthetic neuron written by org.dendrite.benchmarks.SyntheticSwc, " + samples
                    + " samples, seed " + seed + "\n");
            w.write("1 1 0.00 0.00 0.00 10.000 -1\n");
            type[0] = 1;
            r[0] = 10;
            int n = 1;
            int trees = 12;
            int[] treeStart = new int[trees];
            for (int t = 0; t < trees && n < samples; t++) {
                double ang = 2 * Math.PI * t / trees;
                int ty = t < 2 ? 2 : (t < 9 ? 3 : 4);
                int len = Math.min(samples - n, 20 + rnd.nextInt(60));
                treeStart[t] = n;
                n = stretch(w, rnd, n, 0, len, ty, 10 * Math.cos(ang), 10 * Math.sin(ang), 0, 2.0,
                        x, y, z, r, type);
            }
            while (n < samples) {
                int t = rnd.nextInt(trees);
                int from = treeStart[t] + rnd.nextInt(Math.max(1, n - treeStart[t]));
                if (type[from] == 1) continue;
                int len = Math.min(samples - n, 20 + rnd.nextInt(60));
                n = stretch(w, rnd, n, from, len, type[from], x[from], y[from], z[from], r[from] * 0.8,
                        x, y, z, r, type);
            }
        }
    }

    private static int stretch(BufferedWriter w, SplittableRandom rnd, int n, int parent, int len, int ty,
                               double x0, double y0, double z0, double r0, float[] x, float[] y, float[] z,
                               float[] r, int[] type) throws IOException {
        double px = x0, py = y0, pz = z0;
        double dx = rnd.nextDouble(-1, 1), dy = rnd.nextDouble(-1, 1), dz = rnd.nextDouble(-0.3, 0.3);
        double rad = Math.max(0.15, r0);
        int p = parent;
        StringBuilder sb = new StringBuilder(64);
        for (int k = 0; k < len; k++) {
            dx += rnd.nextDouble(-0.3, 0.3);
            dy += rnd.nextDouble(-0.3, 0.3);
            dz += rnd.nextDouble(-0.1, 0.1);
            double norm = Math.sqrt(dx * dx + dy * dy + dz * dz) + 1e-9;
            double step = 1 + 2 * rnd.nextDouble();
            px += dx / norm * step;
            py += dy / norm * step;
            pz += dz / norm * step;
            rad = Math.max(0.15, rad * 0.995);
            x[n] = (float) px;
            y[n] = (float) py;
            z[n] = (float) pz;
            r[n] = (float) rad;
            type[n] = ty;
            sb.setLength(0);
            sb.append(n + 1).append(' ').append(ty).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f %.2f %.2f %.3f", px, py, pz, rad))
                    .append(' ').append(p + 1).append('\n');
            w.write(sb.toString());
            p = n;
            n++;
        }
        return n;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticSwc OUT.swc [SAMPLES=1000000] [SEED=1]");
            System.exit(2);
        }
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        write(Path.of(args[0]), samples, seed);
    }
}
