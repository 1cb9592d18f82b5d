package org.dendrite.cli.sweep;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dendrite.io.output.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sweep's summary plot: one parameter — each feature against it (one panel per feature, up to 4); two or more
 * parameters — a heat map of each feature (up to 2) over the first two parameters (averaged over the others;
 * samples of random, LHS and Sobol sweeps binned, about two per bin).
 */
final class SweepPlot {
    private static final int WIDTH = 900, HEIGHT = 320;

    private SweepPlot() {}

    static void write(Path file, ResultsLog.CsvLayout layout, Collection<ObjectNode> rows) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        List<String> feats = layout.features();
        if (layout.params().size() == 1) {
            String p = layout.params().get(0);
            for (int k = 0; k < Math.min(4, feats.size()); k++) {
                String f = feats.get(k);
                TreeMap<Double, Double> xy = new TreeMap<>();
                for (ObjectNode r : rows) {
                    double y = value(r, f);
                    if (Double.isFinite(y)) xy.put(r.get("params").get(p).asDouble(), y);
                }
                if (xy.isEmpty()) continue;
                XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(k == 0 ? "sweep: features vs " + p : "")
                        .xAxisTitle(p).yAxisTitle(f).build();
                c.getStyler().setChartBackgroundColor(Color.WHITE);
                c.getStyler().setLegendVisible(false);
                c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                var s = c.addSeries(f, new ArrayList<>(xy.keySet()), new ArrayList<>(xy.values()));
                s.setMarker(SeriesMarkers.CIRCLE);
                panels.add(BitmapEncoder.getBufferedImage(c));
            }
        } else {
            String px = layout.params().get(0), py = layout.params().get(1);
            for (int k = 0; k < Math.min(2, feats.size()); k++) {
                BufferedImage im = heatMap(rows, px, py, feats.get(k));
                if (im != null) panels.add(im);
            }
        }
        if (panels.isEmpty()) return;
        int h = panels.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, h);
        int y = 0;
        for (BufferedImage im : panels) {
            g.drawImage(im, 0, y, null);
            y += im.getHeight();
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(all, "png", out));
    }

    static double value(JsonNode r, String feature) {
        JsonNode v = r.path("features").get(feature);
        if (v == null || v.isNull()) return Double.NaN;
        String m = ResultsLog.CsvLayout.mean(v);
        return m.isEmpty() ? Double.NaN : Double.parseDouble(m);
    }

    private static BufferedImage heatMap(Collection<ObjectNode> rows, String px, String py, String f) {
        TreeSet<Double> xs = new TreeSet<>(), ys = new TreeSet<>();
        for (ObjectNode r : rows) {
            xs.add(r.get("params").get(px).asDouble());
            ys.add(r.get("params").get(py).asDouble());
        }
        boolean binned = xs.size() > 24 || ys.size() > 24;
        // about two samples per bin, between 4 x 4 and 12 x 12 bins
        int bins = (int) Math.max(4, Math.min(12, Math.round(Math.sqrt(rows.size() / 2.0))));
        List<Double> xc = binned ? centres(xs, bins) : new ArrayList<>(xs);
        List<Double> yc = binned ? centres(ys, bins) : new ArrayList<>(ys);
        double[][] sum = new double[xc.size()][yc.size()];
        int[][] n = new int[xc.size()][yc.size()];
        for (ObjectNode r : rows) {
            double v = value(r, f);
            if (!Double.isFinite(v)) continue;
            int i = nearest(xc, r.get("params").get(px).asDouble()), j = nearest(yc, r.get("params").get(py).asDouble());
            sum[i][j] += v;
            n[i][j]++;
        }
        List<Number[]> data = new ArrayList<>();
        for (int i = 0; i < xc.size(); i++) for (int j = 0; j < yc.size(); j++) {
            if (n[i][j] > 0) data.add(new Number[] {i, j, sum[i][j] / n[i][j]});
        }
        if (data.isEmpty()) return null;
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT * 2)
                .title(f + " over " + px + " x " + py + (binned ? " (binned)" : "")).xAxisTitle(px).yAxisTitle(py).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(xc.size() * yc.size() <= 64 && org.dendrite.engine.analysis.FeatureRegistry.isInteger(f));
        c.getStyler().setXAxisDecimalPattern("0.###E0");
        c.getStyler().setYAxisDecimalPattern("0.###E0");
        c.addSeries(f, labels(xc), labels(yc), data);
        return BitmapEncoder.getBufferedImage(c);
    }

    private static List<String> labels(List<Double> v) {
        List<String> out = new ArrayList<>();
        for (double x : v) out.add(String.format(java.util.Locale.ROOT, "%.4g", x));
        return out;
    }

    private static List<Double> centres(TreeSet<Double> v, int bins) {
        double lo = v.first(), hi = v.last();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < bins; i++) out.add(lo + (i + 0.5) * (hi - lo) / bins);
        return out;
    }

    private static int nearest(List<Double> c, double x) {
        int best = 0;
        for (int i = 1; i < c.size(); i++) if (Math.abs(c.get(i) - x) < Math.abs(c.get(best) - x)) best = i;
        return best;
    }
}
