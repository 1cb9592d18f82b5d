package org.dendrite.cli.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.dendrite.io.output.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Stacked line plots of traces against time, one panel per unit (mV, nA, ...), written as one PNG.
 * Long traces are thinned to at most ~4000 points per series by min/max decimation so that spikes survive.
 */
public final class TracePlot {
    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 330;
    private static final int MAX_SERIES_PER_PANEL = 12;

    private final String title;
    private final Map<String, List<Series>> panels = new LinkedHashMap<>();

    private record Series(String name, double[] t, double[] y) {}

    public TracePlot(String title) {
        this.title = title;
    }

    /** Adds a trace; traces with the same unit share a panel. */
    public TracePlot add(String name, String unit, double[] t, double[] y) {
        List<Series> list = panels.computeIfAbsent(unit, k -> new ArrayList<>());
        if (list.size() < MAX_SERIES_PER_PANEL) list.add(new Series(name, t, y));
        return this;
    }

    public boolean isEmpty() {
        return panels.isEmpty();
    }

    public void writePng(Path file) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        boolean first = true;
        for (var e : panels.entrySet()) {
            String unit = e.getKey();
            List<Series> series = e.getValue();
            double max = maxAbs(series);
            while (max != 0 && max < 0.1 && THOUSANDFOLD.containsKey(unit)) {
                List<Series> scaled = new ArrayList<>();
                for (Series sr : series) {
                    double[] y = sr.y().clone();
                    for (int i = 0; i < y.length; i++) y[i] *= 1000;
                    scaled.add(new Series(sr.name(), sr.t(), y));
                }
                series = scaled;
                unit = THOUSANDFOLD.get(unit);
                max *= 1000;
            }
            images.add(BitmapEncoder.getBufferedImage(panel(unit, series, first)));
            first = false;
        }
        int h = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(WIDTH, Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, h);
        int y = 0;
        for (BufferedImage im : images) {
            g.drawImage(im, 0, y, null);
            y += im.getHeight();
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(all, "png", out));
    }

    private XYChart panel(String unit, List<Series> series, boolean withTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(withTitle ? title : "").xAxisTitle("t [ms]").yAxisTitle(unit).build();
        var st = c.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setXAxisDecimalPattern("#0.###");
        st.setYAxisDecimalPattern("#0.###");
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        c.getStyler().setMarkerSize(0);
        for (Series s : series) {
            double[][] xy = decimate(s.t(), s.y(), 2000);
            var added = c.addSeries(s.name(), xy[0], xy[1]);
            added.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /** Smaller units for tiny values (calcium in mM, currents in mA/cm2), so the axis keeps readable numbers. */
    private static final java.util.Map<String, String> THOUSANDFOLD = java.util.Map.of(
            "mM", "uM", "uM", "nM", "mA/cm2", "uA/cm2", "S/cm2", "mS/cm2", "nA", "pA", "uS", "nS", "mV", "uV");

    private static double maxAbs(List<Series> series) {
        double max = 0;
        for (Series s : series) for (double y : s.y()) if (Double.isFinite(y)) max = Math.max(max, Math.abs(y));
        return max;
    }

    /** Keeps the min and max of each of {@code buckets} time buckets, in time order. */
    static double[][] decimate(double[] t, double[] y, int buckets) {
        int n = Math.min(t.length, y.length);
        if (n <= 2 * buckets) return new double[][] {java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(y, n)};
        double[] tx = new double[2 * buckets];
        double[] yy = new double[2 * buckets];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets), to = (int) ((long) (b + 1) * n / buckets);
            int lo = from, hi = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            int a = Math.min(lo, hi), bb = Math.max(lo, hi);
            tx[k] = t[a]; yy[k++] = y[a];
            tx[k] = t[bb]; yy[k++] = y[bb];
        }
        return new double[][] {tx, yy};
    }
}
