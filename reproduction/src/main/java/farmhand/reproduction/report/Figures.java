package farmhand.reproduction.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.StepRecord;
import farmhand.controllers.training.EpisodeReport;
import farmhand.farm.workload.ArrivalMode;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingPoint;
import farmhand.reproduction.scaling.ScalingSettings;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.oracle.OraclePlanner;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's figures drawn with XChart, each written twice: a PNG (at twice the drawing size, for
 * print) and an SVG (through VectorGraphics2D). Speedup and runtime (Fig. 2), arrival patterns
 * (Fig. 4), final QoS against workers and scaling actions (Fig. 5), the per-step comparison of
 * policies (Fig. 6) and the agents' training curves. Legends sit outside the plot area, every
 * policy keeps one colour and marker in every figure, and mean +- std bands are clipped to the
 * quantity's physical range. Runs headless. Stateless; each method writes one figure and returns
 * the PNG's path (the SVG is beside it).
 */
public final class Figures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * True when {@code label} names one of the paper's four policies ({@link PolicyKind#inPaper()}), drawn in the
     * main Fig. 6; the others go to a second figure.
     */
    public static boolean inPaper(String label) {
        return PolicyKind.paper().stream().anyMatch(k -> k.spelling().equals(label));
    }

    /** Colour-blind-safe colours (Okabe-Ito, plus brown and grey), one per policy, the same in every figure. */
    private static final Map<String, Color> COLOURS = Map.of(
            PolicyKind.SARSA.spelling(), new Color(0x0072B2),
            PolicyKind.DQN.spelling(), new Color(0xD55E00),
            PolicyKind.REACTIVE_AVERAGE.spelling(), new Color(0xCC79A7),
            PolicyKind.REACTIVE_MAXIMUM.spelling(), new Color(0x009E73),
            PolicyKind.KEDA_REDIS_LIST.spelling(), new Color(0xE69F00),
            PolicyKind.HPA_UTILIZATION.spelling(), new Color(0x56B4E9),
            "static-14", new Color(0x8C564B),
            "static-15", new Color(0x000000),
            "static-16", new Color(0x999999));
    private static final List<Color> OTHER_COLOURS = List.of(new Color(0x0072B2), new Color(0xD55E00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));
    /** Fig. 2's arrival windows (orange is the paper's OpenFaaS line). */
    private static final List<Color> WINDOW_COLOURS = List.of(new Color(0x0072B2), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x000000));
    private static final Map<String, Marker> MARKERS = Map.of(
            PolicyKind.SARSA.spelling(), SeriesMarkers.CIRCLE,
            PolicyKind.DQN.spelling(), SeriesMarkers.DIAMOND,
            PolicyKind.REACTIVE_AVERAGE.spelling(), SeriesMarkers.SQUARE,
            PolicyKind.REACTIVE_MAXIMUM.spelling(), SeriesMarkers.TRIANGLE_UP,
            PolicyKind.KEDA_REDIS_LIST.spelling(), SeriesMarkers.TRIANGLE_DOWN,
            PolicyKind.HPA_UTILIZATION.spelling(), SeriesMarkers.CROSS,
            "static-14", SeriesMarkers.CIRCLE, "static-15", SeriesMarkers.SQUARE, "static-16", SeriesMarkers.DIAMOND);
    private static final BasicStroke FRONTIER_STROKE = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke BAND = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {3f, 3f}, 0f);

    /** Width and height of one panel, in drawing units (PNG pixels are twice as many). */
    private static final int PANEL_WIDTH = 760;
    private static final int PANEL_HEIGHT = 420;
    private static final int PNG_SCALE = 2;
    /** Most points a training curve draws (longer runs are averaged in blocks, to keep the SVG small). */
    private static final int MAX_POINTS = 1000;

    private Figures() {
    }

    /**
     * Markers of the policies without a style of their own: none of them is a named policy's marker, and they
     * change every {@code OTHER_COLOURS.size()} policies, so no two policies share both colour and marker.
     */
    private static final List<Marker> OTHER_MARKERS = List.of(SeriesMarkers.PLUS, SeriesMarkers.TRAPEZOID,
            SeriesMarkers.RECTANGLE);

    /** The colour of {@code policy} in every figure. */
    static Color colour(String policy, int index) {
        return COLOURS.getOrDefault(policy, OTHER_COLOURS.get(index % OTHER_COLOURS.size()));
    }

    /** The marker of {@code policy}: its own, or one set by its position among the figure's policies. */
    static Marker marker(String policy, int index) {
        Marker own = MARKERS.get(policy);
        return own != null ? own : OTHER_MARKERS.get((index / OTHER_COLOURS.size()) % OTHER_MARKERS.size());
    }

    /**
     * Fig. 2, both panels: (a) runtime for each arrival window and the farm's initialisation time on each
     * platform variant against workers (log scale); (b) speedup against workers, one series per arrival
     * window, beside the ideal line and the speedups the paper measured on OpenFaaS for the 30 s window.
     */
    public static Path speedup(ScalingCurve curve, Path file) {
        XYChart times = chart("(a) Runtime and initialisation", "workers N", "seconds (log scale)");
        times.getStyler().setYAxisLogarithmic(true);
        XYChart speed = chart("(b) Speedup", "workers N", "speedup T(1)/T(N)");
        double[] paperN = ScalingSettings.paper().workerCounts().stream().mapToDouble(Integer::doubleValue).toArray();
        line(speed, "ideal", paperN, paperN, Color.GRAY, SeriesMarkers.NONE);
        line(speed, "OpenFaaS, 30 s window (paper)", paperN,
                ScalingSettings.OPENFAAS_SPEEDUPS_30S.stream().mapToDouble(Double::doubleValue).toArray(),
                new Color(0xD55E00), SeriesMarkers.DIAMOND);
        int i = 0;
        for (double window : curve.windows()) {
            List<ScalingPoint> pts = curve.points().stream().filter(p -> p.windowSeconds() == window).toList();
            double[] n = pts.stream().mapToDouble(ScalingPoint::workers).toArray();
            Color c = WINDOW_COLOURS.get(i % WINDOW_COLOURS.size());
            String name = String.format(Locale.ROOT, "live farm, %.0f s window", window);
            line(speed, name, n, pts.stream().mapToDouble(ScalingPoint::speedup).toArray(), c, SeriesMarkers.CIRCLE);
            line(times, "runtime, " + String.format(Locale.ROOT, "%.0f s window", window), n,
                    pts.stream().mapToDouble(ScalingPoint::runtimeSeconds).toArray(), c, SeriesMarkers.CIRCLE);
            i++;
        }
        List<ScalingPoint> first = curve.points().stream().filter(p -> p.windowSeconds() == curve.windows().getFirst())
                .toList();
        int k = 0;
        for (String platform : curve.platforms()) {
            double[] n = first.stream().mapToDouble(ScalingPoint::workers).toArray();
            double[] init = first.stream().mapToDouble(p -> Math.max(1e-3, p.initSeconds().getOrDefault(platform, 0.0)))
                    .toArray();
            XYSeries s = line(times, "initialisation, " + platform, n, init,
                    k == 0 ? new Color(0x999999) : new Color(0xE69F00), SeriesMarkers.SQUARE);
            s.setLineStyle(BAND);
            k++;
        }
        return write(List.of(times, speed), 2, file);
    }

    /**
     * Fig. 4: mean arrivals per second over the episode, averaged over {@code episodes} seeds, as
     * deployed and as described.
     */
    public static Path arrivalPattern(WorkloadConfig config, int episodes, Path file) {
        XYChart chart = chart("Task arrival pattern (mean of " + episodes + " episodes)", "time (s)",
                "arrivals per second");
        int i = 0;
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
            for (int s = 0; s < seconds; s++) {
                x[s] = s;
            }
            line(chart, mode.key(), x, smooth(perSecond, 5), i == 0 ? new Color(0x0072B2) : new Color(0xD55E00),
                    SeriesMarkers.NONE);
            i++;
        }
        roundTicks(chart, -0.5);
        return write(List.of(chart), 1, file);
    }

    /**
     * Fig. 5, both panels: each run's final QoS against its mean workers, and against its scaling
     * actions, one colour and marker per policy; each policy's mean is marked by a cross spanning
     * mean +- std on both axes; the oracle's frontier, when given, as a dashed line through its reached
     * points (mean final QoS against mean workers, and against mean scaling actions).
     *
     * @param frontier the clairvoyant oracle's frontier on the same seeds, or null
     */
    public static Path qosVersusResources(List<Evaluation> evaluations, OraclePlanner.Frontier frontier, Path file) {
        XYChart workers = chart("(a) Final QoS vs mean workers (cross: policy mean +- std)", "mean workers",
                "final QoS %");
        XYChart scaling = chart("(b) Final QoS vs scaling actions (cross: policy mean +- std)", "scaling actions",
                "final QoS %");
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            scatter(workers, e, i, EpisodeMetrics::meanWorkers);
            scatter(scaling, e, i, EpisodeMetrics::scalingActions);
        }
        if (frontier != null) {
            List<OraclePlanner.FrontierPoint> reached = frontier.points().stream()
                    .filter(OraclePlanner.FrontierPoint::reached).toList();
            if (!reached.isEmpty()) {
                double[] qos = reached.stream().mapToDouble(p -> 100 * p.finalQos()).toArray();
                frontierLine(workers, reached.stream().mapToDouble(OraclePlanner.FrontierPoint::meanWorkers).toArray(), qos);
                frontierLine(scaling, reached.stream().mapToDouble(OraclePlanner.FrontierPoint::meanScalingActions)
                        .toArray(), qos);
            }
        }
        return write(List.of(workers, scaling), 2, file);
    }

    /**
     * Fig. 6: per control step, mean over episodes with a mean +- std band (clipped to the physical
     * range) of the running QoS (share of the tasks collected so far that met their deadline), the
     * step QoS, the workers, the worker queue, the mean completion time and the scaling actions so
     * far, one colour per policy. An episode that ended keeps its last running QoS and action count;
     * the per-step panels average the episodes still running. Call once with the paper's four policies and once with the others.
     */
    public static Path policyComparison(List<Evaluation> evaluations, String title, Path file) {
        List<XYChart> charts = List.of(
                chart(title + ": running QoS", "step", "QoS so far %"),
                chart(title + ": step QoS", "step", "QoS in the step %"),
                chart(title + ": workers", "step", "workers"),
                chart(title + ": worker queue", "step", "tasks waiting"),
                chart(title + ": mean completion time", "step", "seconds"),
                chart(title + ": scaling actions so far", "step", "actions"));
        double[] upper = {100, 100, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        // a finished episode keeps its running QoS and action count; per-step panels average the episodes still running
        boolean[] cumulative = {true, false, false, false, false, true};
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            List<double[][]> perEpisode = e.episodes().stream().map(m -> stepSeries(m.trace())).toList();
            int steps = perEpisode.stream().mapToInt(v -> v[0].length).max().orElse(0);
            for (int c = 0; c < charts.size(); c++) {
                double[] x = new double[steps];
                double[] mean = new double[steps];
                double[] low = new double[steps];
                double[] high = new double[steps];
                for (int k = 0; k < steps; k++) {
                    double sum = 0;
                    double sumSq = 0;
                    int n = 0;
                    for (double[][] v : perEpisode) {
                        int at = cumulative[c] ? Math.min(k, v[c].length - 1) : k;
                        if (at >= 0 && at < v[c].length) {
                            sum += v[c][at];
                            sumSq += v[c][at] * v[c][at];
                            n++;
                        }
                    }
                    double mu = sum / n;
                    double sd = Math.sqrt(Math.max(0, sumSq / n - mu * mu));
                    x[k] = k + 1;
                    mean[k] = mu;
                    low[k] = Math.max(0, mu - sd);
                    high[k] = Math.min(upper[c], mu + sd);
                }
                Color colour = colour(e.policy(), i);
                line(charts.get(c), e.policy(), x, mean, colour, marker(e.policy(), i));
                band(charts.get(c), e.policy(), x, low, high, colour);
            }
        }
        charts.forEach(c -> roundTicks(c, 0.5));
        return write(charts, 2, file);
    }

    /**
     * One episode's per-step values, in the order of {@link #policyComparison}'s panels. The running
     * QoS weights each step's QoS by the tasks collected in that step (the growth of the output
     * queue), so it equals the episode's final QoS at its last step; it is 100 % until a task is
     * collected.
     */
    private static double[][] stepSeries(List<StepRecord> trace) {
        int n = trace.size();
        double[][] v = new double[6][n];
        double met = 0;
        double collected = 0;
        double previousOutput = 0;
        double actions = 0;
        for (int k = 0; k < n; k++) {
            StepRecord s = trace.get(k);
            double now = s.observation().outputQueue() - previousOutput;
            previousOutput = s.observation().outputQueue();
            collected += now;
            met += now * s.observation().qosFraction();
            actions += s.requestedDelta() != 0 ? 1 : 0;
            v[0][k] = collected > 0 ? 100 * met / collected : 100;
            v[1][k] = 100 * s.observation().qosFraction();
            v[2][k] = s.observation().workers();
            v[3][k] = s.observation().workerQueue();
            v[4][k] = s.observation().avgCompletionSeconds();
            v[5][k] = actions;
        }
        return v;
    }

    /**
     * The training curves of the agents, one column per agent: per episode its final QoS, mean workers
     * and scaling actions (thin, light) with a trailing moving average over a thirtieth of the episodes (thick).
     */
    public static Path trainingCurves(Map<String, List<EpisodeReport>> agents, Path file) {
        List<XYChart> charts = new ArrayList<>();
        List<String> names = List.copyOf(agents.keySet());
        String[] metric = {"final QoS %", "mean workers", "scaling actions"};
        List<ToDoubleFunction<EpisodeReport>> values = List.of(r -> 100 * r.finalQos(), EpisodeReport::meanWorkers,
                r -> r.scalingActions());
        for (int m = 0; m < metric.length; m++) {
            for (int a = 0; a < names.size(); a++) {
                String name = names.get(a);
                List<EpisodeReport> reports = agents.get(name);
                int window = Math.max(1, reports.size() / 30);
                int block = (reports.size() + MAX_POINTS - 1) / MAX_POINTS;
                XYChart chart = chart(name + " training: " + metric[m], "episode", metric[m]);
                double[] x = reports.stream().mapToDouble(EpisodeReport::episode).toArray();
                double[] y = reports.stream().mapToDouble(values.get(m)).toArray();
                Color c = colour(name, a);
                XYSeries raw = line(chart, block == 1 ? "per episode" : "mean of each " + block + " episodes",
                        blockMeans(x, block), blockMeans(y, block), lighter(c), SeriesMarkers.NONE);
                raw.setLineStyle(solid(0.6f));
                XYSeries avg = line(chart, "moving average of " + window, blockEnds(x, block),
                        blockEnds(trailingMean(y, window), block), c, SeriesMarkers.NONE);
                avg.setLineStyle(solid(2f));
                roundTicks(chart, -0.5);
                charts.add(chart);
            }
        }
        return write(charts, names.size(), file);
    }

    /**
     * Adds an invisible point at {@code x}, so the x values are no longer equally spaced: XChart then
     * puts its ticks at round numbers instead of on every n-th data point (1, 18, 35, ...).
     */
    private static void roundTicks(XYChart chart, double x) {
        XYSeries any = chart.getSeriesMap().values().iterator().next();
        XYSeries s = chart.addSeries(" ", new double[] {x}, new double[] {any.getYData()[0]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setMarkerColor(new Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    /** Means of consecutive blocks of {@code block} values (the last block may be shorter). */
    private static double[] blockMeans(double[] v, int block) {
        double[] out = new double[(v.length + block - 1) / block];
        for (int b = 0; b < out.length; b++) {
            int from = b * block;
            int to = Math.min(v.length, from + block);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += v[i];
            }
            out[b] = sum / (to - from);
        }
        return out;
    }

    /** The last value of each block of {@code block} values. */
    private static double[] blockEnds(double[] v, int block) {
        double[] out = new double[(v.length + block - 1) / block];
        for (int b = 0; b < out.length; b++) {
            out[b] = v[Math.min(v.length, (b + 1) * block) - 1];
        }
        return out;
    }

    private static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    private static double[] trailingMean(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    private static void frontierLine(XYChart chart, double[] x, double[] qos) {
        XYSeries s = chart.addSeries("oracle frontier", x, qos);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.DARK_GRAY);
        s.setLineStyle(FRONTIER_STROKE);
    }

    private static void scatter(XYChart chart, Evaluation e, int index, ToDoubleFunction<EpisodeMetrics> x) {
        double[] xs = e.episodes().stream().mapToDouble(x).toArray();
        double[] ys = e.episodes().stream().mapToDouble(m -> 100 * m.finalQos()).toArray();
        Color c = colour(e.policy(), index);
        XYSeries s = chart.addSeries(e.policy(), xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker(e.policy(), index));
        s.setMarkerColor(c);
        double mx = mean(xs);
        double my = mean(ys);
        double sx = std(xs, mx);
        double sy = std(ys, my);
        XYSeries h = chart.addSeries(e.policy() + " mean (x)", new double[] {mx - sx, mx + sx}, new double[] {my, my});
        XYSeries v = chart.addSeries(e.policy() + " mean (y)", new double[] {mx, mx},
                new double[] {Math.max(0, my - sy), Math.min(100, my + sy)});
        for (XYSeries cross : List.of(h, v)) {
            cross.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            cross.setMarker(SeriesMarkers.NONE);
            cross.setLineColor(c);
            cross.setLineStyle(solid(2.5f));
            cross.setShowInLegend(false);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static double std(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return v.length == 0 ? 0 : Math.sqrt(s / v.length);
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color c, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(marker);
        s.setMarkerColor(c);
        s.setLineColor(c);
        s.setLineStyle(solid(1.6f));
        return s;
    }

    /** A solid line of {@code width} (XChart otherwise cycles dashed and dotted styles through the series). */
    private static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static void band(XYChart chart, String policy, double[] x, double[] low, double[] high, Color c) {
        for (double[] y : List.of(low, high)) {
            XYSeries s = chart.addSeries(policy + (y == low ? " -std" : " +std"), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(c);
            s.setLineStyle(BAND);
            s.setShowInLegend(false);
        }
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
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setMarkerSize(7);
        chart.getStyler().setPlotGridLinesColor(new Color(0xE0E0E0));
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        return chart;
    }

    /**
     * Draws {@code charts} in a grid of {@code cols} columns into {@code file} (PNG, at twice the size)
     * and into the same name with {@code .svg}; returns the PNG's path.
     */
    private static Path write(List<XYChart> charts, int cols, Path file) {
        String name = file.toString();
        Path png = name.endsWith(".png") ? file : Path.of(name + ".png");
        Path svg = Path.of(png.toString().replaceAll("\\.png$", ".svg"));
        int rows = (charts.size() + cols - 1) / cols;
        int width = cols * PANEL_WIDTH;
        int height = rows * PANEL_HEIGHT;
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(PNG_SCALE, PNG_SCALE);
            paint(g, charts, cols);
            g.dispose();
            ImageIO.write(image, "png", png.toFile());
            VectorGraphics2D v = new VectorGraphics2D();
            paint(v, charts, cols);
            try (OutputStream out = Files.newOutputStream(svg)) {
                Processors.get("svg").getDocument(v.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + png + ": " + e.getMessage(), e);
        }
    }

    private static void paint(Graphics2D g, List<XYChart> charts, int cols) {
        for (int i = 0; i < charts.size(); i++) {
            int x = (i % cols) * PANEL_WIDTH;
            int y = (i / cols) * PANEL_HEIGHT;
            Graphics2D panel = (Graphics2D) g.create();
            panel.translate(x, y);
            panel.setClip(0, 0, PANEL_WIDTH, PANEL_HEIGHT);
            charts.get(i).paint(panel, PANEL_WIDTH, PANEL_HEIGHT);
            panel.dispose();
        }
    }
}
