package org.dendrite.cli.fit;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.dendrite.cli.plot.TracePlot;
import org.dendrite.engine.fit.Fit;
import org.dendrite.engine.fit.FitProblem;
import org.dendrite.engine.fit.ModelRun;
import org.dendrite.io.output.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report of a fit, written to its folder: best_parameters.json (a flat {name: value} map, usable as a
 * parameter override: {@code dendrite fit/sweep ... --set} or a PARAMS.json of fixed values), features.csv (model
 * vs target for every feature objective), hall_of_fame.csv, convergence.png, overlay.png and report.json.
 */
final class FitReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One line of the feature table. */
    record FeatureRow(String protocol, String probe, String feature, double targetMean, double targetStd,
                      double model, double score) {}

    private FitReport() {}

    static List<FeatureRow> featureTable(FitProblem problem, Map<String, ModelRun> runs, double[] objectives) {
        List<FeatureRow> rows = new ArrayList<>();
        double[] values = problem.featureValues(runs);
        for (int k = 0; k < problem.featureTargets().size(); k++) {
            FitProblem.FeatureTarget f = problem.featureTargets().get(k);
            rows.add(new FeatureRow(f.protocol(), f.probe(), f.feature(), f.mean(), f.std(), values[k], objectives[k]));
        }
        return rows;
    }

    static Map<String, Object> write(Path dir, Fit fit, FitTargets targets, double seconds, int threads) throws IOException {
        FitProblem problem = fit.problem();
        Fit.Individual best = fit.best();
        Map<String, ModelRun> runs = problem.simulate(best.values());
        double[] objectives = problem.objectives(runs);
        Map<String, Double> bestParams = new LinkedHashMap<>();
        for (int i = 0; i < best.values().length; i++) bestParams.put(problem.parameters().get(i).name(), best.values()[i]);
        byte[] bp = JSON.writeValueAsBytes(bestParams);
        AtomicFiles.write(dir.resolve("best_parameters.json"), o -> o.write(bp));

        List<FeatureRow> table = featureTable(problem, runs, objectives);
        StringBuilder csv = new StringBuilder("protocol,recording,feature,target_mean,target_std,model,z_score\n");
        for (FeatureRow r : table) {
            csv.append(String.join(",", r.protocol(), r.probe(), r.feature(), Double.toString(r.targetMean()),
                    Double.toString(r.targetStd()), Double.isNaN(r.model()) ? "" : Double.toString(r.model()),
                    Double.toString(r.score()))).append('\n');
        }
        AtomicFiles.write(dir.resolve("features.csv"), o -> o.write(csv.toString().getBytes(StandardCharsets.UTF_8)));

        StringBuilder hof = new StringBuilder("rank,score,generation");
        for (var p : problem.parameters()) hof.append(',').append(p.name());
        hof.append('\n');
        int rank = 1;
        for (Fit.Individual ind : fit.hallOfFame()) {
            hof.append(rank++).append(',').append(ind.score()).append(',').append(ind.generation());
            for (double v : ind.values()) hof.append(',').append(v);
            hof.append('\n');
        }
        AtomicFiles.write(dir.resolve("hall_of_fame.csv"), o -> o.write(hof.toString().getBytes(StandardCharsets.UTF_8)));

        convergence(dir.resolve("convergence.png"), fit.history());
        overlay(dir.resolve("overlay.png"), problem, runs, targets);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("score", best.score());
        report.put("best_parameters", bestParams);
        report.put("generations", fit.generation());
        report.put("evaluations", fit.evaluations());
        report.put("optimizer", fit.optimizer().name());
        report.put("wall_time_s", seconds);
        report.put("threads", threads);
        List<String> names = problem.objectiveNames();
        Map<String, Double> obj = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) obj.put(names.get(k), objectives[k]);
        report.put("objectives", obj);
        List<Map<String, Object>> feats = new ArrayList<>();
        for (FeatureRow r : table) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", r.protocol());
            m.put("recording", r.probe());
            m.put("feature", r.feature());
            m.put("target_mean", r.targetMean());
            m.put("target_std", r.targetStd());
            m.put("model", Double.isNaN(r.model()) ? null : r.model());
            m.put("z_score", r.score());
            feats.add(m);
        }
        report.put("features", feats);
        report.put("notes", targets.notes);
        byte[] rj = JSON.writeValueAsBytes(report);
        AtomicFiles.write(dir.resolve("report.json"), o -> o.write(rj));
        return report;
    }

    static void convergence(Path file, List<Fit.GenerationStats> history) throws IOException {
        if (history.isEmpty()) return;
        XYChart c = new XYChartBuilder().width(900).height(450).title("convergence").xAxisTitle("generation")
                .yAxisTitle("score (sum of objectives)").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        List<Double> g = new ArrayList<>(), best = new ArrayList<>(), med = new ArrayList<>(), sofar = new ArrayList<>();
        boolean positive = true;
        double lo = Double.MAX_VALUE, hi = 0;
        for (Fit.GenerationStats s : history) {
            g.add((double) s.generation());
            best.add(s.best());
            med.add(s.median());
            sofar.add(s.bestSoFar());
            positive &= s.best() > 0 && s.median() > 0;
            lo = Math.min(lo, s.bestSoFar());
            hi = Math.max(hi, s.median());
        }
        // a log axis only labels powers of ten: use it when the scores span more than a decade
        c.getStyler().setYAxisLogarithmic(positive && hi / lo > 30);
        c.getStyler().setYAxisDecimalPattern("0.###");
        c.addSeries("best so far", g, sofar).setMarker(SeriesMarkers.NONE);
        c.addSeries("generation best", g, best).setMarker(SeriesMarkers.NONE);
        c.addSeries("generation median", g, med).setMarker(SeriesMarkers.NONE);
        var img = BitmapEncoder.getBufferedImage(c);
        AtomicFiles.write(file, o -> javax.imageio.ImageIO.write(img, "png", o));
    }

    static void overlay(Path file, FitProblem problem, Map<String, ModelRun> runs, FitTargets targets) throws IOException {
        TracePlot plot = new TracePlot("best model vs target");
        int panels = 0;
        for (var e : runs.entrySet()) {
            if (panels++ >= 8) break;
            ModelRun r = e.getValue();
            String unit = e.getKey() + ": v [mV]";
            double[][] rec = targets.recorded.get(e.getKey());
            if (rec != null) plot.add("recording", unit, rec[0], rec[1]);
            if (!r.failed()) plot.add("model", unit, r.time(), r.trace(probe(problem)));
        }
        if (!plot.isEmpty()) plot.writePng(file);
    }

    private static String probe(FitProblem p) {
        if (!p.featureTargets().isEmpty()) return p.featureTargets().get(0).probe();
        if (!p.traceTargets().isEmpty()) return p.traceTargets().get(0).probe();
        return "soma";
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.5g", x);
    }
}
