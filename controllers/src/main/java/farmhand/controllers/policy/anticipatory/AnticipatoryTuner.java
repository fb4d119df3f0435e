package farmhand.controllers.policy.anticipatory;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains {@link AnticipatoryPolicy} by exhaustive search over a grid of its parameters on the
 * simulator: every candidate runs one greedy episode per training seed, and the candidate with the
 * fewest mean workers among those whose mean final QoS reaches the target and whose worst episode
 * stays within the scaling-action budget wins (ties: fewer scaling actions). A grid rather than a
 * gradient or CMA-ES because the parameters are small integers and the whole grid (216
 * candidates x 200 episodes) runs in ~30 s; exhaustive search also makes the choice reproducible
 * and easy to audit. Not thread-safe (it drives one environment).
 */
public final class AnticipatoryTuner {

    /** Values tried per parameter, in {@link AnticipatoryConfig}'s component order. */
    public record Grid(List<Integer> firstPhaseWorkers, List<Integer> rampAfterTasks, List<Integer> peakWorkers,
                       List<Integer> holdSteps, List<Integer> thirdPhaseWorkers, List<Integer> fourthPhaseWorkers,
                       List<Integer> backlogLimit, List<Integer> surgeWorkers) {

        /** The grid that produced {@link AnticipatoryConfig#tuned()}. */
        public static Grid standard() {
            return new Grid(List.of(12), List.of(20, 30), List.of(15, 16, 17), List.of(0, 1), List.of(12, 13, 14),
                    List.of(11, 12, 13), List.of(10, 25), List.of(3));
        }

        List<List<Integer>> axes() {
            return List.of(firstPhaseWorkers, rampAfterTasks, peakWorkers, holdSteps, thirdPhaseWorkers,
                    fourthPhaseWorkers, backlogLimit, surgeWorkers);
        }
    }

    /**
     * One candidate's measurement on the training seeds.
     *
     * @param config the candidate
     * @param finalQos mean final QoS as a fraction
     * @param meanWorkers mean over episodes of the step-averaged workers
     * @param meanScalingActions mean scaling actions per episode
     * @param maxScalingActions most scaling actions in one episode
     */
    public record Candidate(AnticipatoryConfig config, double finalQos, double meanWorkers,
                            double meanScalingActions, int maxScalingActions) {
    }

    /**
     * The search's outcome.
     *
     * @param best the winning candidate, or null when none met the constraints
     * @param candidates every candidate measured, in grid order
     */
    public record Result(Candidate best, List<Candidate> candidates) {
    }

    private final FarmEnvironment env;

    public AnticipatoryTuner(FarmEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * Searches {@code grid} on {@code trainingSeeds}.
     *
     * @param qosTarget the final QoS (fraction) a candidate must reach on average
     * @param maxScalingActions the most scaling actions any training episode may take
     */
    public Result search(Grid grid, List<Long> trainingSeeds, double qosTarget, int maxScalingActions) {
        if (trainingSeeds.isEmpty()) {
            throw new IllegalArgumentException("trainingSeeds must not be empty");
        }
        List<Candidate> all = new ArrayList<>();
        Candidate best = null;
        for (AnticipatoryConfig c : expand(grid)) {
            Candidate m = measure(c, trainingSeeds);
            all.add(m);
            boolean feasible = m.finalQos() >= qosTarget && m.maxScalingActions() <= maxScalingActions;
            if (feasible && (best == null || m.meanWorkers() < best.meanWorkers()
                    || m.meanWorkers() == best.meanWorkers() && m.meanScalingActions() < best.meanScalingActions())) {
                best = m;
            }
        }
        return new Result(best, List.copyOf(all));
    }

    /** Measures {@code config} greedily, one episode per seed. */
    public Candidate measure(AnticipatoryConfig config, List<Long> seeds) {
        return measure(env, new AnticipatoryPolicy(config), config, seeds);
    }

    /** Values tried per {@link LoadResponse} component for {@link #searchResponse} (ceiling, service, backlog and smoothing fixed). */
    public record ResponseGrid(List<Integer> floorWorkers, List<Integer> utilisationPercent, List<Integer> downSteps,
                               List<Integer> gateTolerancePercent, List<Integer> gateSteps) {

        /** The grid that produced {@link AnticipatoryPolicy#TUNED_RESPONSE}: 48 candidates. */
        public static ResponseGrid standard() {
            return new ResponseGrid(List.of(13, 14), List.of(75, 80, 85), List.of(1, 2), List.of(25, 40), List.of(1, 2));
        }

        /** Every candidate: ceiling 20 workers, 1.5 s service, a worker per 10 waiting tasks, no smoothing, the paper's rates. */
        public List<LoadResponse> candidates() {
            List<LoadResponse> out = new ArrayList<>();
            for (int floor : floorWorkers) {
                for (int util : utilisationPercent) {
                    for (int down : downSteps) {
                        for (int tolerance : gateTolerancePercent) {
                            for (int steps : gateSteps) {
                                out.add(new LoadResponse(floor, 20, 1500, util, 10, down, 0, tolerance, steps,
                                        LoadResponse.PAPER_RATES));
                            }
                        }
                    }
                }
            }
            return out;
        }
    }

    /**
     * One load-following candidate measured on every workload.
     *
     * @param response the candidate
     * @param perWorkload its measurement per workload name, in the order given
     * @param worstQos the lowest mean final QoS over the workloads (fraction)
     * @param meanWorkers the mean over workloads of the mean workers
     */
    public record ResponseCandidate(LoadResponse response, Map<String, Candidate> perWorkload, double worstQos,
                                    double meanWorkers) {
    }

    /**
     * The load-following search's outcome.
     *
     * @param best the winner, or null when none met the constraints
     * @param candidates every candidate measured, in the order given
     */
    public record ResponseResult(ResponseCandidate best, List<ResponseCandidate> candidates) {
    }

    /**
     * Searches the load-following half of the policy (issue 14's robustness): every candidate runs with
     * the phase-keyed prior {@code prior} on every workload of {@code workloads} (name to environment),
     * one greedy episode per training seed. A candidate is feasible when its mean final QoS reaches
     * {@code worstQos} on every workload and {@code primaryQos} on {@code primary} (the workload the prior
     * was learned on), with at most {@code maxScalingActions} in any episode of {@code primary}; the
     * feasible candidate with the fewest mean workers on {@code primary} (to 0.01 worker) wins, ties going
     * to the fewest mean workers averaged over the workloads: the bars count workers on the
     * paper's workload and only QoS on the others.
     */
    public static ResponseResult searchResponse(AnticipatoryConfig prior, List<LoadResponse> candidates,
                                                Map<String, FarmEnvironment> workloads, String primary,
                                                List<Long> trainingSeeds, double primaryQos, double worstQos,
                                                int maxScalingActions) {
        if (!workloads.containsKey(primary)) {
            throw new IllegalArgumentException("the primary workload '" + primary + "' is not among " + workloads.keySet());
        }
        List<ResponseCandidate> all = new ArrayList<>();
        ResponseCandidate best = null;
        for (LoadResponse r : candidates) {
            Map<String, Candidate> per = new LinkedHashMap<>();
            double worst = Double.POSITIVE_INFINITY;
            double workers = 0;
            for (Map.Entry<String, FarmEnvironment> w : workloads.entrySet()) {
                Candidate m = measure(w.getValue(), new AnticipatoryPolicy(prior, r), prior, trainingSeeds);
                per.put(w.getKey(), m);
                worst = Math.min(worst, m.finalQos());
                workers += m.meanWorkers() / workloads.size();
            }
            ResponseCandidate c = new ResponseCandidate(r, Map.copyOf(per), worst, workers);
            all.add(c);
            Candidate main = per.get(primary);
            boolean feasible = worst >= worstQos && main.finalQos() >= primaryQos
                    && main.maxScalingActions() <= maxScalingActions;
            if (feasible && (best == null || fewerWorkers(c, best, primary))) {
                best = c;
            }
        }
        return new ResponseResult(best, List.copyOf(all));
    }

    private static boolean fewerWorkers(ResponseCandidate c, ResponseCandidate best, String primary) {
        long mine = Math.round(100 * c.perWorkload().get(primary).meanWorkers());
        long theirs = Math.round(100 * best.perWorkload().get(primary).meanWorkers());
        return mine < theirs || mine == theirs && c.meanWorkers() < best.meanWorkers();
    }

    private static Candidate measure(FarmEnvironment env, AnticipatoryPolicy policy, AnticipatoryConfig config,
                                     List<Long> seeds) {
        List<EpisodeMetrics> episodes = new Evaluator(env).evaluate(policy, seeds).episodes();
        double qos = 0;
        double workers = 0;
        double actions = 0;
        int maxActions = 0;
        for (EpisodeMetrics e : episodes) {
            qos += e.finalQos();
            workers += e.meanWorkers();
            actions += e.scalingActions();
            maxActions = Math.max(maxActions, e.scalingActions());
        }
        int n = episodes.size();
        return new Candidate(config, qos / n, workers / n, actions / n, maxActions);
    }

    private static List<AnticipatoryConfig> expand(Grid grid) {
        List<AnticipatoryConfig> out = new ArrayList<>();
        expand(grid.axes(), 0, AnticipatoryConfig.tuned(), out);
        return out;
    }

    private static void expand(List<List<Integer>> axes, int axis, AnticipatoryConfig base, List<AnticipatoryConfig> out) {
        if (axis == axes.size()) {
            out.add(base);
            return;
        }
        for (int v : axes.get(axis)) {
            expand(axes, axis + 1, base.with(axis, v), out);
        }
    }
}
