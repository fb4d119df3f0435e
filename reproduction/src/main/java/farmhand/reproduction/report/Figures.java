package farmhand.reproduction.report;

import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.StepRecord;
import farmhand.farm.workload.ArrivalMode;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingPoint;
import farmhand.reproduction.scaling.ScalingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's figures drawn with XChart as PNG files: speedup curves (Fig. 2), arrival patterns (Fig. 4), final QoS against
 * workers and scaling actions (Fig. 5) and per-step policy comparison (Fig. 6). Runs headless.
 * Stateless; each method writes one file and returns its path.
 */
public final class Figures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {
    }

    /**
     * Fig. 2: speedup against workers, one series per arrival window, beside the ideal line and the
     * speedups measured on OpenFaaS for the 30 s window.
     */
    public static Path speedup(ScalingCurve curve, Path file) {
        XYChart chart = chart("Speedup of the farm (static experiment)", "workers N", "speedup T(1)/T(N)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[] paperN = ScalingSettings.paper().workerCounts().stream().mapToDouble(Integer::doubleValue).toArray();
        chart.addSeries("ideal", paperN, paperN).setMarker(SeriesMarkers.NONE);
        chart.addSeries("OpenFaaS, 30 s window (paper)", paperN,
                ScalingSettings.OPENFAAS_SPEEDUPS_30S.stream().mapToDouble(Double::doubleValue).toArray());
        for (double window : curve.windows()) {
            List<ScalingPoint> pts = curve.points().stream().filter(p -> p.windowSeconds() == window).toList();
            chart.addSeries(String.format(java.util.Locale.ROOT, "live farm, %.0f s window", window),
                    pts.stream().mapToDouble(ScalingPoint::workers).toArray(),
                    pts.stream().mapToDouble(ScalingPoint::speedup).toArray());
        }
        return save(chart, file);
    }

    /**
     * Fig. 4: mean arrivals per second over the episode, averaged over {@code episodes} seeds, as
     * deployed and as described.
     */
    public static Path arrivalPattern(WorkloadConfig config, int episodes, Path file) {
        XYChart chart = chart("Task arrival pattern (mean of " + episodes + " episodes)", "time (s)", "arrivals per second");
        for (ArrivalMode mode : ArrivalMode.values()) {
            WorkloadGenerator g = new WorkloadGenerator(config.withMode(mode));
            int seconds = (int) Math.ceil(config.phaseSeconds() * config.phases().size()) + 5;
            double[] perSecond = new double[seconds];
            for (int e = 0; e < episodes; e++) {
                Workload w = g.generate(1_000 + e);
                for (Task t : w.tasks()) {
                    int s = (int) t.generationSeconds();
                    if (s < seconds) {
                        perSecond[s] += 1.0 / episodes;
                    }
                }
            }
            double[] x = new double[seconds];
            for (int i = 0; i < seconds; i++) {
                x[i] = i;
            }
            chart.addSeries(mode.key(), x, smooth(perSecond, 5)).setMarker(SeriesMarkers.NONE);
        }
        return save(chart, file);
    }

    /** Fig. 5: per-run final QoS against mean workers, and against scaling actions, one series per policy. */
    public static Path qosVersusResources(List<Evaluation> evaluations, Path file) {
        XYChart workers = chart("Final QoS vs mean workers", "mean workers", "final QoS %");
        XYChart scaling = chart("Final QoS vs scaling actions", "scaling actions", "final QoS %");
        for (Evaluation e : evaluations) {
            scatter(workers, e, EpisodeMetrics::meanWorkers);
            scatter(scaling, e, EpisodeMetrics::scalingActions);
        }
        return save(List.of(workers, scaling), 2, 1, file);
    }

    /**
     * Fig. 6: per step, mean +- std over episodes of the mean completion time, the step QoS, the
     * workers and the worker-queue length, one series per policy.
     */
    public static Path policyComparison(List<Evaluation> evaluations, Path file) {
        List<XYChart> charts = List.of(
                chart("Mean completion time", "step", "seconds"),
                chart("Step QoS", "step", "QoS %"),
                chart("Workers", "step", "workers"),
                chart("Worker queue", "step", "tasks waiting"));
        List<ToDoubleFunction<StepRecord>> metrics = List.of(
                s -> s.observation().avgCompletionSeconds(),
                s -> 100 * s.observation().qosFraction(),
                s -> s.observation().workers(),
                s -> s.observation().workerQueue());
        for (Evaluation e : evaluations) {
            int steps = e.episodes().stream().mapToInt(m -> m.trace().size()).max().orElse(0);
            for (int c = 0; c < charts.size(); c++) {
                double[] x = new double[steps];
                double[] mean = new double[steps];
                double[] std = new double[steps];
                for (int k = 0; k < steps; k++) {
                    List<Double> values = new ArrayList<>();
                    for (EpisodeMetrics m : e.episodes()) {
                        if (k < m.trace().size()) {
                            values.add(metrics.get(c).applyAsDouble(m.trace().get(k)));
                        }
                    }
                    double mu = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                    double var = values.stream().mapToDouble(v -> (v - mu) * (v - mu)).average().orElse(0);
                    x[k] = k + 1;
                    mean[k] = mu;
                    std[k] = Math.sqrt(var);
                }
                charts.get(c).addSeries(e.policy(), x, mean, std).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return save(charts, 2, 2, file);
    }

    private static void scatter(XYChart chart, Evaluation e, ToDoubleFunction<EpisodeMetrics> x) {
        double[] xs = e.episodes().stream().mapToDouble(x).toArray();
        double[] ys = e.episodes().stream().mapToDouble(m -> 100 * m.finalQos()).toArray();
        XYSeries s = chart.addSeries(e.policy(), xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    private static double[] smooth(double[] v, int window) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int from = Math.max(0, i - window / 2);
            int to = Math.min(v.length - 1, i + window / 2);
            double sum = 0;
            for (int j = from; j <= to; j++) {
                sum += v[j];
            }
            out[i] = sum / (to - from + 1);
        }
        return out;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return chart;
    }

    private static Path save(XYChart chart, Path file) {
        return save(List.of(chart), 1, 1, file);
    }

    private static Path save(List<XYChart> charts, int rows, int cols, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BitmapEncoder.saveBitmap(charts, rows, cols, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            String name = file.toString();
            return name.endsWith(".png") ? file : Path.of(name + ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + file + ": " + e.getMessage(), e);
        }
    }
}
