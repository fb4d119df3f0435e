package farmhand.controllers.oracle;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clairvoyant planner (issue 14): for every episode it knows the arrivals, service times and
 * the platform's latency profile, and picks the worker schedule with the fewest mean workers that
 * keeps the mean final QoS over the seed set at or above a target.
 *
 * <p>Method: exhaustive search over a grid of {@link PhaseSchedule}s, each scored by running the
 * episode itself on the simulator (so every candidate is judged under exactly the dynamics the
 * policies face: the 0.1 s poll grid, the serial scale-ups drawn from the measured profile, the
 * scale-down acknowledgement), then a Lagrangian relaxation across seeds: for a price
 * {@code lambda} of one QoS point, each seed independently takes the schedule minimising
 * {@code workers - lambda x QoS}; sweeping {@code lambda} traces the frontier of mean QoS against
 * mean workers. Why not dynamic programming: the simulator's state (each task's place in the queue,
 * each worker's clock, pending scale-ups) is continuous and too large to tabulate. Why not an
 * integer program: it would need a closed-form queueing model of deadline misses, which would not
 * be the model the policies are measured on. Limits: the frontier is over this schedule family
 * (one worker per step, as the paper's action set allows, one level per canonical phase keyed on
 * the true phase starts and order); the Lagrangian sweep finds the convex hull of the per-seed choices, so a target between
 * two hull points is answered by the cheaper point above it. Not thread-safe (drives one environment).
 */
public final class OraclePlanner {

    /** Values tried per {@link PhaseSchedule} component. */
    public record Grid(List<Integer> phaseOneWorkers, List<Integer> phaseTwoWorkers, List<Integer> phaseThreeWorkers,
                       List<Integer> phaseFourWorkers, List<Double> leadSeconds, List<Double> holdSeconds) {

        /** 2592 schedules around the paper workload's needs (the burst 15-20 workers, the oscillations 10-16). */
        public static Grid standard() {
            return new Grid(List.of(12), List.of(15, 16, 17, 18, 19, 20), List.of(11, 12, 13, 14, 15, 16),
                    List.of(10, 11, 12, 13, 14, 15), List.of(8.0, 16.0, 24.0, 32.0), List.of(-8.0, 0.0, 8.0));
        }

        /**
         * 2592 schedules for the workloads that are not the paper's phases (ramp, diurnal, impulse,
         * trace): 6-16 workers in every phase-indicator segment, ramps starting 8 or 24 s ahead.
         */
        public static Grid wide() {
            List<Integer> levels = List.of(6, 8, 10, 12, 14, 16);
            return new Grid(levels, levels, levels, levels, List.of(8.0, 24.0), List.of(0.0));
        }

        /** Every schedule of the grid. */
        public List<PhaseSchedule> schedules() {
            List<PhaseSchedule> out = new ArrayList<>();
            for (int one : phaseOneWorkers) {
                for (int two : phaseTwoWorkers) {
                    for (int three : phaseThreeWorkers) {
                        for (int four : phaseFourWorkers) {
                            for (double lead : leadSeconds) {
                                for (double hold : holdSeconds) {
                                    out.add(new PhaseSchedule(one, two, three, four, lead, hold));
                                }
                            }
                        }
                    }
                }
            }
            return out;
        }
    }

    /**
     * One point of the frontier.
     *
     * @param qosTarget the mean final QoS asked for (fraction)
     * @param finalQos the mean final QoS reached (fraction), NaN when the target is out of the grid's reach
     * @param meanWorkers mean over episodes of the step-averaged workers
     * @param meanScalingActions mean scaling actions per episode
     */
    public record FrontierPoint(double qosTarget, double finalQos, double meanWorkers, double meanScalingActions) {

        /** True when some schedule of the grid reaches the target. */
        public boolean reached() {
            return !Double.isNaN(finalQos);
        }
    }

    /**
     * The frontier over a seed set, ordered by target.
     *
     * @param seeds the episodes planned
     * @param schedules schedules searched per episode
     * @param points one per target
     */
    public record Frontier(List<Long> seeds, int schedules, List<FrontierPoint> points) {

        /**
         * The fewest mean workers the frontier needs for mean final QoS {@code qos} (fraction),
         * interpolated linearly between its points; NaN outside its range (above its highest point or
         * below its lowest).
         */
        public double workersAt(double qos) {
            List<FrontierPoint> reached = points.stream().filter(FrontierPoint::reached).toList();
            if (reached.isEmpty() || qos > reached.getLast().finalQos() || qos < reached.getFirst().finalQos()) {
                return Double.NaN;
            }
            FrontierPoint prev = null;
            for (FrontierPoint p : reached) {
                if (p.finalQos() >= qos) {
                    if (prev == null || p.finalQos() == prev.finalQos()) {
                        return p.meanWorkers();
                    }
                    double f = (qos - prev.finalQos()) / (p.finalQos() - prev.finalQos());
                    return prev.meanWorkers() + Math.max(0, f) * (p.meanWorkers() - prev.meanWorkers());
                }
                prev = p;
            }
            return reached.getLast().meanWorkers();
        }

        /** The highest mean final QoS (fraction) the frontier reaches with at most {@code workers} mean workers; NaN below its cheapest point. */
        public double qosAt(double workers) {
            double best = Double.NaN;
            for (FrontierPoint p : points) {
                if (p.reached() && p.meanWorkers() <= workers && !(p.finalQos() <= best)) {
                    best = p.finalQos();
                }
            }
            return best;
        }
    }

    private final FarmEnvironment env;
    private final WorkloadGenerator workloads;

    /**
     * @param env the environment the policies are measured in
     * @param workloads the generator {@code env} uses (the oracle reads each episode's phase starts from it)
     */
    public OraclePlanner(FarmEnvironment env, WorkloadGenerator workloads) {
        this.env = Objects.requireNonNull(env, "env");
        this.workloads = Objects.requireNonNull(workloads, "workloads");
    }

    /**
     * Plans every seed over {@code grid} and returns the frontier at each of {@code qosTargets}.
     *
     * @param qosTargets mean final QoS targets as fractions, ascending
     */
    public Frontier frontier(Grid grid, List<Long> seeds, List<Double> qosTargets) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must not be empty");
        }
        List<PhaseSchedule> schedules = grid.schedules();
        int n = seeds.size();
        int m = schedules.size();
        double[][] qos = new double[n][m];
        double[][] workers = new double[n][m];
        int[][] actions = new int[n][m];
        Evaluator evaluator = new Evaluator(env);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                EpisodeMetrics e = evaluator.runEpisode(new ScheduledPolicy(workloads, schedules.get(j)), seeds.get(i),
                        env.config().initialWorkers());
                qos[i][j] = e.finalQos();
                workers[i][j] = e.meanWorkers();
                actions[i][j] = e.scalingActions();
            }
        }
        List<double[]> hull = new ArrayList<>();
        for (double lambda = 0; lambda <= 20000; lambda = lambda < 1 ? lambda + 0.25 : lambda * 1.05) {
            double q = 0;
            double w = 0;
            double a = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    double cost = workers[i][j] - lambda * qos[i][j] + 1e-6 * actions[i][j];
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = j;
                    }
                }
                q += qos[i][best];
                w += workers[i][best];
                a += actions[i][best];
            }
            hull.add(new double[] {q / n, w / n, a / n});
        }
        List<FrontierPoint> points = new ArrayList<>();
        for (double target : qosTargets) {
            double[] pick = null;
            for (double[] h : hull) {
                if (h[0] >= target && (pick == null || h[1] < pick[1])) {
                    pick = h;
                }
            }
            points.add(pick == null ? new FrontierPoint(target, Double.NaN, Double.NaN, Double.NaN)
                    : new FrontierPoint(target, pick[0], pick[1], pick[2]));
        }
        return new Frontier(List.copyOf(seeds), m, List.copyOf(points));
    }
}
