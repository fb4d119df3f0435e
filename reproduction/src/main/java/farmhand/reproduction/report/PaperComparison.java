package farmhand.reproduction.report;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Stat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Table III of the paper beside this run's numbers, overall and per phase: for each of the paper's
 * four policies and each metric, the paper's mean +- std, ours and the difference of the means
 * (ours minus the paper's). Written as Markdown, CSV and JSON. QoS in percent.
 *
 * @param rows one per policy, metric and phase
 */
public record PaperComparison(List<Row> rows) {

    /**
     * One cell pair.
     *
     * @param policy our label of the policy (sarsa, dqn, reactive-average, reactive-maximum)
     * @param phase "overall", or the phase number 1-4 (the paper numbers them 0-3)
     * @param metric what is compared, with its unit
     * @param paper the paper's mean and std
     * @param ours this run's mean and std
     * @param difference ours minus the paper's, of the means
     */
    public record Row(String policy, String phase, String metric, Stat paper, Stat ours, double difference) {
    }

    private record Column(String policy, List<Stat> overall, List<Stat> phaseQos, List<Stat> phaseWorkers) {
    }

    private static final List<String> OVERALL_METRICS =
            List.of("final QoS %", "mean workers", "max workers", "scaling actions", "no-ops");

    /** The paper's Table III (SPEC section 6), overall and per phase, in the order the paper lists them. */
    private static final List<Column> PAPER = List.of(
            new Column(PolicyKind.SARSA.spelling(),
                    stats(99.20, 0.52, 14.78, 0.49, 17.80, 0.75, 24.00, 2.05, 4.90, 1.92),
                    stats(99.7, 0.5, 99.0, 0.8, 99.8, 0.2, 99.7, 0.3),
                    stats(14.26, 0.31, 16.66, 0.35, 13.36, 0.90, 14.63, 1.20)),
            new Column(PolicyKind.DQN.spelling(),
                    stats(94.91, 3.79, 14.40, 0.77, 15.60, 1.02, 3.60, 1.02, 24.60, 1.69),
                    stats(99.2, 1.1, 90.1, 7.5, 99.9, 0.2, 99.9, 0.3),
                    stats(12.01, 0.04, 14.54, 1.12, 15.60, 1.02, 15.60, 1.02)),
            new Column(PolicyKind.REACTIVE_AVERAGE.spelling(),
                    stats(50.87, 4.38, 10.79, 0.31, 16.60, 0.66, 28.40, 0.92, 1.00, 1.00),
                    stats(91.3, 4.7, 2.0, 2.9, 76.6, 17.1, 93.0, 4.6),
                    stats(8.11, 0.14, 10.30, 0.98, 14.44, 1.30, 10.39, 0.46)),
            new Column(PolicyKind.REACTIVE_MAXIMUM.spelling(),
                    stats(65.61, 14.26, 13.92, 0.68, 18.80, 0.40, 26.80, 1.25, 1.70, 0.78),
                    stats(91.0, 5.1, 27.0, 32.4, 95.8, 10.6, 100.0, 0.1),
                    stats(8.91, 0.59, 12.88, 1.63, 17.27, 0.46, 16.96, 0.89)));

    private static List<Stat> stats(double... meanStd) {
        List<Stat> out = new ArrayList<>();
        for (int i = 0; i < meanStd.length; i += 2) {
            out.add(new Stat(meanStd[i], meanStd[i + 1]));
        }
        return out;
    }

    /** The comparison for the paper's policies found (by label) among {@code evaluations}; others are left out. */
    public static PaperComparison of(List<Evaluation> evaluations) {
        List<Row> rows = new ArrayList<>();
        for (Column paper : PAPER) {
            Optional<Evaluation> found = evaluations.stream().filter(e -> e.policy().equals(paper.policy())).findFirst();
            if (found.isEmpty()) {
                continue;
            }
            EvaluationSummary s = found.get().summary();
            List<Stat> ours = List.of(percent(s.finalQos()), s.meanWorkers(), s.maxWorkers(), s.scalingActions(),
                    s.noops());
            for (int m = 0; m < OVERALL_METRICS.size(); m++) {
                rows.add(row(paper.policy(), "overall", OVERALL_METRICS.get(m), paper.overall().get(m), ours.get(m)));
            }
            for (int p = 0; p < paper.phaseQos().size() && p < s.phases().size(); p++) {
                EvaluationSummary.PhaseSummary phase = s.phases().get(p);
                String name = Integer.toString(phase.phase());
                rows.add(row(paper.policy(), name, "step QoS %", paper.phaseQos().get(p), percent(phase.meanStepQos())));
                rows.add(row(paper.policy(), name, "mean workers", paper.phaseWorkers().get(p), phase.meanWorkers()));
            }
        }
        return new PaperComparison(List.copyOf(rows));
    }

    private static Row row(String policy, String phase, String metric, Stat paper, Stat ours) {
        return new Row(policy, phase, metric, paper, ours, ours.mean() - paper.mean());
    }

    private static Stat percent(Stat fraction) {
        return new Stat(100 * fraction.mean(), 100 * fraction.std());
    }

    /** Markdown: the overall table, then one per phase; each cell pair as paper / ours / difference. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        List<String> phases = rows.stream().map(Row::phase).distinct().toList();
        List<String> policies = rows.stream().map(Row::policy).distinct().toList();
        for (String phase : phases) {
            sb.append(phase.equals("overall") ? "### Overall\n\n" : "### Phase " + phase + "\n\n");
            sb.append("| policy | metric | paper | ours | ours - paper |\n|---|---|---:|---:|---:|\n");
            for (String policy : policies) {
                for (Row r : rows) {
                    if (r.policy().equals(policy) && r.phase().equals(phase)) {
                        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %+.2f |%n", r.policy(), r.metric(),
                                cell(r.paper()), cell(r.ours()), r.difference()));
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV with a header: policy, phase, metric, paper mean and std, ours mean and std, difference. */
    public String csv() {
        StringBuilder sb = new StringBuilder("policy,phase,metric,paper_mean,paper_std,ours_mean,ours_std,difference\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.4f%n", r.policy(), r.phase(), r.metric(),
                    r.paper().mean(), r.paper().std(), r.ours().mean(), r.ours().std(), r.difference()));
        }
        return sb.toString();
    }

    /** Writes {@code <base>.md}, {@code <base>.csv} and {@code <base>.json} into {@code dir}; returns their paths. */
    public List<Path> write(Path dir, String base) {
        Map<String, Function<PaperComparison, String>> text = Map.of("md", PaperComparison::markdown,
                "csv", PaperComparison::csv);
        List<Path> out = new ArrayList<>();
        for (String ext : List.of("md", "csv")) {
            Path f = dir.resolve(base + "." + ext);
            TextFile.write(f, text.get(ext).apply(this));
            out.add(f);
        }
        Path json = dir.resolve(base + ".json");
        Json.write(json, this);
        out.add(json);
        return out;
    }

    private static String cell(Stat s) {
        return String.format(Locale.ROOT, "%.2f +- %.2f", s.mean(), s.std());
    }
}
