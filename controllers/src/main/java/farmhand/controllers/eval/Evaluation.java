package farmhand.controllers.eval;

import java.util.List;

/**
 * The result of evaluating one policy on one backend over several seeds; serialises to the JSON
 * that {@code farmhand evaluate --json} writes.
 *
 * @param policy policy name, or a label that tells apart runs of one policy (e.g. {@code static-15})
 * @param backend backend name
 * @param episodes per-episode metrics and traces, in seed order
 * @param summary the Table III row
 */
public record Evaluation(String policy, String backend, List<EpisodeMetrics> episodes, EvaluationSummary summary) {

    /** Builds the evaluation, summarising {@code episodes}. */
    public static Evaluation of(String policy, String backend, List<EpisodeMetrics> episodes) {
        return new Evaluation(policy, backend, List.copyOf(episodes), EvaluationSummary.of(episodes));
    }

    /** The same evaluation under {@code label} (figures and files name runs by it). */
    public Evaluation labelled(String label) {
        return new Evaluation(label, backend, episodes, summary);
    }
}
