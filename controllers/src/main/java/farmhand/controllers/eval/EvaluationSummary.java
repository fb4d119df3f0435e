package farmhand.controllers.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A Table III row: mean +- population std over episodes. QoS values are fractions in [0, 1].
 *
 * @param finalQos final QoS
 * @param meanWorkers mean workers
 * @param maxWorkers max workers
 * @param scalingActions requested non-zero actions
 * @param noops requested no-ops
 * @param phases per-phase step QoS and workers
 */
public record EvaluationSummary(Stat finalQos, Stat meanWorkers, Stat maxWorkers, Stat scalingActions,
                                Stat noops, List<PhaseSummary> phases) {

    /**
     * Per-phase row.
     *
     * @param phase 1..4
     * @param meanStepQos mean over episodes of the episode's mean step QoS in the phase
     * @param meanWorkers mean over episodes of the episode's mean workers in the phase
     */
    public record PhaseSummary(int phase, Stat meanStepQos, Stat meanWorkers) {
    }

    /** Summarises {@code episodes}; episodes without steps in a phase are left out of that phase. */
    public static EvaluationSummary of(List<EpisodeMetrics> episodes) {
        List<PhaseSummary> phases = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            int phase = p;
            List<PhaseMetrics> in = episodes.stream()
                    .flatMap(e -> e.phases().stream())
                    .filter(m -> m.phase() == phase && m.steps() > 0)
                    .toList();
            phases.add(new PhaseSummary(phase,
                    Stat.of(in.stream().mapToDouble(PhaseMetrics::meanStepQos).toArray()),
                    Stat.of(in.stream().mapToDouble(PhaseMetrics::meanWorkers).toArray())));
        }
        return new EvaluationSummary(
                stat(episodes, EpisodeMetrics::finalQos),
                stat(episodes, EpisodeMetrics::meanWorkers),
                stat(episodes, EpisodeMetrics::maxWorkers),
                stat(episodes, EpisodeMetrics::scalingActions),
                stat(episodes, EpisodeMetrics::noops),
                phases);
    }

    private static Stat stat(List<EpisodeMetrics> episodes, ToDoubleFunction<EpisodeMetrics> f) {
        return Stat.of(episodes.stream().mapToDouble(f).toArray());
    }
}
