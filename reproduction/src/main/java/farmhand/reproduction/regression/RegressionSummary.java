package farmhand.reproduction.regression;

import java.util.List;
import java.util.Locale;

/**
 * What {@code regression.json} holds and how the Markdown summary reads: this run's figures, the
 * baseline it was compared with and each figure's verdict.
 *
 * @param run what this run measured
 * @param baselineFile the baseline compared with (null when it was rewritten instead)
 * @param thresholds the limits applied
 * @param verdicts one per figure (empty when the baseline was rewritten)
 * @param passed true when every verdict passed
 */
public record RegressionSummary(RegressionReport run, String baselineFile, Thresholds thresholds,
                                List<Gate.Verdict> verdicts, boolean passed) {

    public RegressionSummary {
        verdicts = List.copyOf(verdicts);
    }

    /** The summary as a Markdown document: one row per figure with baseline, now, allowed and verdict. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Platform regression: ").append(run.platform()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Reference (fastest wall time of a fixed simulated episode, same run): "
                + "%.3f ms. Timings are compared as multiples of it.%n%n", run.referenceMillis()));
        if (baselineFile == null) {
            md.append("Baseline rewritten from this run.\n\n");
        } else {
            md.append("Baseline: `").append(baselineFile).append("`; verdict: **")
                    .append(passed ? "pass" : "FAIL").append("**.\n\n");
        }
        md.append("| figure | measured | baseline | now | allowed | verdict |\n|---|---|---|---|---|---|\n");
        for (Figure f : run.figures()) {
            Gate.Verdict v = verdicts.stream().filter(x -> x.figure().equals(f.name())).findFirst().orElse(null);
            md.append("| ").append(f.name()).append(" | ").append(raw(f)).append(" | ")
                    .append(v == null ? "-" : Gate.format(f.kind(), v.baseline())).append(" | ")
                    .append(Gate.format(f.kind(), f.value())).append(" | ")
                    .append(v == null ? "-" : v.allowed()).append(" | ")
                    .append(v == null ? "-" : v.passed() ? "ok" : "**FAIL**").append(" |\n");
        }
        verdicts.stream().filter(v -> run.figure(v.figure()).isEmpty()).forEach(v -> md.append("| ").append(v.figure())
                .append(" | not measured | ").append(Gate.format(v.kind(), v.baseline())).append(" | - | ")
                .append(v.allowed()).append(" | **FAIL** |\n"));
        return md.toString();
    }

    private static String raw(Figure f) {
        return switch (f.kind()) {
            case QOS -> String.format(Locale.ROOT, "%.2f %%", 100 * f.raw());
            default -> String.format(Locale.ROOT, "%.4g %s", f.raw(), f.unit());
        };
    }
}
