package farmhand.reproduction.fidelity;

import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a run's per-phase queue length, workers and step QoS with the measured OpenFaaS trace,
 * step-weighted the same way on both sides. Stateless.
 */
public final class Fidelity {

    private Fidelity() {
    }

    /** Per-phase means of an evaluation's steps, computed as {@link ReferenceTrace#phaseMeans} does. */
    public static List<ReferenceTrace.PhaseMeans> phaseMeans(Evaluation evaluation) {
        List<ReferenceTrace.PhaseMeans> out = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            int phase = p;
            List<StepRecord> in = evaluation.episodes().stream().flatMap(e -> e.trace().stream())
                    .filter(s -> Math.max(1, Math.min(4, s.observation().phase())) == phase).toList();
            if (in.isEmpty()) {
                continue;
            }
            out.add(new ReferenceTrace.PhaseMeans(p, in.size(),
                    in.stream().mapToDouble(s -> s.observation().workerQueue()).average().orElseThrow(),
                    in.stream().mapToDouble(s -> s.observation().workers()).average().orElseThrow(),
                    in.stream().mapToDouble(s -> s.observation().qosFraction()).average().orElseThrow()));
        }
        return out;
    }

    /** A Markdown table: per phase, this run against the reference. */
    public static String table(String label, List<ReferenceTrace.PhaseMeans> run, List<ReferenceTrace.PhaseMeans> reference) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(label)
                .append(" | queue (run) | queue (OpenFaaS) | workers (run) | workers (OpenFaaS) | step QoS % (run) | step QoS % (OpenFaaS) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ReferenceTrace.PhaseMeans r : run) {
            ReferenceTrace.PhaseMeans ref = reference.stream().filter(x -> x.phase() == r.phase()).findFirst().orElse(null);
            sb.append(String.format(Locale.ROOT, "| phase %d | %.1f | %s | %.2f | %s | %.1f | %s |%n", r.phase(),
                    r.workerQueue(), ref == null ? "-" : String.format(Locale.ROOT, "%.1f", ref.workerQueue()),
                    r.workers(), ref == null ? "-" : String.format(Locale.ROOT, "%.2f", ref.workers()),
                    100 * r.stepQos(), ref == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * ref.stepQos())));
        }
        return sb.toString();
    }
}
