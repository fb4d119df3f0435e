package farmhand.reproduction.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compares a run's figures with a baseline under {@link Thresholds}. Stateless. */
public final class Gate {

    private Gate() {
    }

    /**
     * The verdict on one figure.
     *
     * @param figure the figure's name
     * @param kind how it was compared
     * @param baseline the baseline's value (NaN when the baseline lacks it)
     * @param now this run's value (NaN when this run lacks it)
     * @param allowed the bound the value had to respect, in words
     * @param passed true when it did
     */
    public record Verdict(String figure, FigureKind kind, double baseline, double now, String allowed, boolean passed) {

        /** One line: {@code FAIL qos.static-15: baseline 98.94 % / now 90.10 % / allowed >= 96.94 %}. */
        public String line() {
            return (passed ? "ok   " : "FAIL ") + figure + ": baseline " + format(kind, baseline) + " / now "
                    + format(kind, now) + " / allowed " + allowed;
        }
    }

    /**
     * Every baseline figure's verdict, then a passing verdict for each figure the baseline does not
     * have yet. A baseline figure this run did not measure fails.
     */
    public static List<Verdict> compare(RegressionReport baseline, RegressionReport now, Thresholds limits) {
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, Figure> current = now.byName();
        for (Figure b : baseline.figures()) {
            Figure n = current.remove(b.name());
            if (n == null) {
                verdicts.add(new Verdict(b.name(), b.kind(), b.value(), Double.NaN, "measured in every run", false));
            } else {
                verdicts.add(judge(b, n, limits));
            }
        }
        current.values().forEach(n -> verdicts.add(
                new Verdict(n.name(), n.kind(), Double.NaN, n.value(), "anything (not in the baseline yet)", true)));
        return verdicts;
    }

    private static Verdict judge(Figure b, Figure n, Thresholds limits) {
        double base = b.value();
        double now = n.value();
        return switch (b.kind()) {
            case TIMING, DECISION -> {
                double ratio = b.kind() == FigureKind.TIMING ? limits.timingRatio() : limits.decisionRatio();
                double max = base * ratio;
                yield new Verdict(b.name(), b.kind(), base, now, "<= " + format(b.kind(), max)
                        + String.format(Locale.ROOT, " (x%.2f)", ratio), now <= max);
            }
            case SPEEDUP -> {
                double min = base * (1 - limits.speedupRelativeDrop());
                yield new Verdict(b.name(), b.kind(), base, now, ">= " + format(b.kind(), min), now >= min);
            }
            case QOS -> {
                double min = base - limits.qosPoints() / 100;
                yield new Verdict(b.name(), b.kind(), base, now, ">= " + format(b.kind(), min), now >= min);
            }
            case WORKERS -> new Verdict(b.name(), b.kind(), base, now,
                    String.format(Locale.ROOT, "%s +- %.2f", format(b.kind(), base), limits.workers()),
                    Math.abs(now - base) <= limits.workers());
        };
    }

    /** True when every verdict passed. */
    public static boolean passed(List<Verdict> verdicts) {
        return verdicts.stream().allMatch(Verdict::passed);
    }

    /**
     * A copy of {@code report} made {@code factor} times better on every figure: timings divided,
     * speedups and QoS multiplied, mean workers divided. For testing that the gate can fail.
     */
    public static RegressionReport improved(RegressionReport report, double factor) {
        List<Figure> figures = report.figures().stream().map(f -> switch (f.kind()) {
            case TIMING, DECISION, WORKERS -> new Figure(f.name(), f.kind(), f.value() / factor, f.raw() / factor, f.unit());
            case SPEEDUP, QOS -> new Figure(f.name(), f.kind(), f.value() * factor, f.raw() * factor, f.unit());
        }).toList();
        return new RegressionReport(report.platform(), report.referenceMillis(), figures);
    }

    static String format(FigureKind kind, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (kind) {
            case TIMING, DECISION -> String.format(Locale.ROOT, "%.4g x ref", v);
            case SPEEDUP -> String.format(Locale.ROOT, "%.2f", v);
            case QOS -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
            case WORKERS -> String.format(Locale.ROOT, "%.2f", v);
        };
    }
}
