package farmhand.controllers.policy.anticipatory;

import java.util.List;

/**
 * The load-following half of {@link AnticipatoryPolicy} (issue 14): a worker target computed from
 * what the environment observes (the arrival-rate estimate, the backlog), and the gate that drops
 * the phase-keyed prior of {@link AnticipatoryConfig} as soon as the observed rate contradicts the
 * rates the prior was learned on. Immutable; validated on construction.
 *
 * @param floorWorkers fewest workers the load-following target asks for, {@code >= 1}
 * @param ceilingWorkers most workers any target asks for, {@code >= floorWorkers}
 * @param serviceMillis the mean service time the target assumes, ms, {@code >= 1} (the paper's Gamma: 1500)
 * @param utilisationPercent the utilisation the target aims at, in (0, 100]: {@code ceil(rate x service / utilisation)}
 * @param backlogPerWorker one worker more per this many tasks waiting, {@code >= 1}
 * @param downSteps consecutive steps the target must stay below the workers before one is removed, {@code >= 1}
 * @param smoothingPercent weight of the previous estimate in the rate's moving average, in [0, 100); the
 *                         estimate is the larger of the last step's rate and the average, so it rises at once
 *                         and falls slowly
 * @param gateTolerancePercent how far (percent of the expected rate, plus 1 task/s) the rate observed over a whole
 *                             step of a phase may stray from {@code expectedRates}, {@code >= 0}
 * @param gateSteps consecutive straying steps after which the prior is dropped for the rest of the episode, {@code >= 1}
 * @param expectedRates the arrival rate (tasks/s) of each phase position in the episodes the prior was learned on,
 *                      one per phase indicator position (1..4), each {@code > 0}
 */
public record LoadResponse(int floorWorkers, int ceilingWorkers, int serviceMillis, int utilisationPercent,
                           int backlogPerWorker, int downSteps, int smoothingPercent, int gateTolerancePercent,
                           int gateSteps, List<Double> expectedRates) {

    public LoadResponse {
        if (floorWorkers < 1 || ceilingWorkers < floorWorkers) {
            throw new IllegalArgumentException("workers must satisfy 1 <= floorWorkers <= ceilingWorkers, were "
                    + floorWorkers + ".." + ceilingWorkers);
        }
        if (serviceMillis < 1) {
            throw new IllegalArgumentException("serviceMillis must be >= 1, was " + serviceMillis);
        }
        if (utilisationPercent < 1 || utilisationPercent > 100) {
            throw new IllegalArgumentException("utilisationPercent must be in [1, 100], was " + utilisationPercent);
        }
        if (backlogPerWorker < 1) {
            throw new IllegalArgumentException("backlogPerWorker must be >= 1, was " + backlogPerWorker);
        }
        if (downSteps < 1) {
            throw new IllegalArgumentException("downSteps must be >= 1, was " + downSteps);
        }
        if (smoothingPercent < 0 || smoothingPercent >= 100) {
            throw new IllegalArgumentException("smoothingPercent must be in [0, 100), was " + smoothingPercent);
        }
        if (gateTolerancePercent < 0) {
            throw new IllegalArgumentException("gateTolerancePercent must be >= 0, was " + gateTolerancePercent);
        }
        if (gateSteps < 1) {
            throw new IllegalArgumentException("gateSteps must be >= 1, was " + gateSteps);
        }
        expectedRates = List.copyOf(expectedRates);
        if (expectedRates.size() != 4 || expectedRates.stream().anyMatch(r -> !(r > 0) || !Double.isFinite(r))) {
            throw new IllegalArgumentException("expectedRates must give 4 rates > 0, was " + expectedRates);
        }
    }

    /**
     * The arrival rate per phase position observed on the paper's workload as deployed (phase 1's
     * 90 tasks arrive in ~47 s since its empty windows take no time, then 450, 300 and 300 tasks in
     * 60 s each), tasks/s.
     */
    public static final List<Double> PAPER_RATES = List.of(1.9, 7.5, 5.0, 5.0);

    /**
     * The worker target for an arrival-rate estimate {@code ratePerSecond} and {@code backlog} tasks waiting,
     * within [{@code floorWorkers}, {@code ceilingWorkers}].
     */
    public int target(double ratePerSecond, double backlog) {
        return Math.max(floorWorkers, loadTarget(ratePerSecond, backlog));
    }

    /**
     * What the load alone asks for, without the floor: {@code ceil(rate x service / utilisation) +
     * floor(backlog / backlogPerWorker)}, at most {@code ceilingWorkers}.
     */
    public int loadTarget(double ratePerSecond, double backlog) {
        double busy = ratePerSecond * serviceMillis / 1000.0;
        int needed = (int) Math.ceil(busy * 100.0 / utilisationPercent - 1e-9) + (int) Math.floor(backlog / backlogPerWorker);
        return Math.min(ceilingWorkers, needed);
    }

    /** True when {@code observed} (tasks/s over a whole step of phase position {@code phase}, 1..4) agrees with the prior's. */
    public boolean agrees(int phase, double observed) {
        double expected = expectedRates.get(phase - 1);
        return Math.abs(observed - expected) <= expected * gateTolerancePercent / 100.0 + 1.0;
    }
}
