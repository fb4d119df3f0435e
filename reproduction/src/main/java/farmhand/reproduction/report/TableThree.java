package farmhand.reproduction.report;

import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.EvaluationSummary;
import java.util.List;
import java.util.Locale;

/**
 * Renders evaluations as the paper's Table III (QoS in percent, mean +- population std), as plain
 * text for the terminal or as Markdown for reports. Stateless.
 */
public final class TableThree {

    private TableThree() {
    }

    /** The paper's Table III rows, for side-by-side comparison (SPEC section 6). */
    public static final List<String[]> PAPER_ROWS = List.of(
            new String[] {"SARSA (paper)", "99.20 +- 0.52", "14.78 +- 0.49", "17.80 +- 0.75", "24.0 +- 2.05", "4.9 +- 1.92"},
            new String[] {"DQN (paper)", "94.91 +- 3.79", "14.40 +- 0.77", "15.60 +- 1.02", "3.6 +- 1.02", "24.6 +- 1.69"},
            new String[] {"ReactiveAverage (paper)", "50.87 +- 4.38", "10.79 +- 0.31", "16.60 +- 0.66", "28.4 +- 0.92", "1.0 +- 1.0"},
            new String[] {"ReactiveMaximum (paper)", "65.61 +- 14.26", "13.92 +- 0.68", "18.80 +- 0.40", "26.8 +- 1.25", "1.7 +- 0.78"});

    private static final String[] HEADER =
            {"policy", "final QoS %", "mean workers", "max workers", "scaling actions", "no-ops"};

    /** One row of cells for {@code e}, labelled {@code label}. */
    public static String[] row(String label, Evaluation e) {
        EvaluationSummary s = e.summary();
        return new String[] {label,
            String.format(Locale.ROOT, "%.2f +- %.2f", 100 * s.finalQos().mean(), 100 * s.finalQos().std()),
            s.meanWorkers().format(2), s.maxWorkers().format(2), s.scalingActions().format(1), s.noops().format(1)};
    }

    /** The per-phase breakdown of {@code e}: step QoS % and workers per phase. */
    public static String phases(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        for (EvaluationSummary.PhaseSummary p : e.summary().phases()) {
            sb.append(String.format(Locale.ROOT, "  phase %d: step QoS %6.2f +- %5.2f %%, workers %5.2f +- %4.2f%n",
                    p.phase(), 100 * p.meanStepQos().mean(), 100 * p.meanStepQos().std(),
                    p.meanWorkers().mean(), p.meanWorkers().std()));
        }
        return sb.toString();
    }

    /** A fixed-width text table of {@code rows} under the Table III header. */
    public static String text(List<String[]> rows) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, HEADER, width);
        for (String[] r : rows) {
            appendRow(sb, r, width);
        }
        return sb.toString();
    }

    /** A Markdown table of {@code rows} under the Table III header. */
    public static String markdown(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        sb.append("---|".repeat(HEADER.length)).append('\n');
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == 0 ? String.format("%-" + width[i] + "s", cells[i])
                    : String.format("  %" + width[i] + "s", cells[i]));
        }
        sb.append('\n');
    }
}
