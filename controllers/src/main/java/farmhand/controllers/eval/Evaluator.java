package farmhand.controllers.eval;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.ResetResult;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a policy greedily over episodes and measures them as Table III does (SPEC section 6).
 * Not thread-safe (it drives one environment).
 */
public final class Evaluator {

    private final FarmEnvironment env;

    public Evaluator(FarmEnvironment env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** Evaluates {@code policy} on one episode per seed, starting with the configured workers. */
    public Evaluation evaluate(Policy policy, List<Long> seeds) {
        return evaluate(policy, seeds, env.config().initialWorkers(), e -> { });
    }

    /**
     * Evaluates {@code policy} on one episode per seed.
     *
     * @param initialWorkers workers at every reset
     * @param afterEpisode called with each episode's metrics as soon as it ends (for progress)
     */
    public Evaluation evaluate(Policy policy, List<Long> seeds, int initialWorkers,
                               Consumer<EpisodeMetrics> afterEpisode) {
        List<EpisodeMetrics> episodes = new ArrayList<>();
        for (long seed : seeds) {
            EpisodeMetrics m = runEpisode(policy, seed, initialWorkers);
            episodes.add(m);
            afterEpisode.accept(m);
        }
        return Evaluation.of(policy.name(), env.backendName(), episodes);
    }

    /** Runs one episode of {@code policy} and measures it. */
    public EpisodeMetrics runEpisode(Policy policy, long seed, int initialWorkers) {
        ResetResult reset = env.reset(seed, initialWorkers);
        policy.reset(seed);
        var obs = reset.observation();
        var info = reset.info();
        List<StepRecord> trace = new ArrayList<>();
        StepResult result;
        do {
            Action action = policy.act(obs, info);
            result = env.step(action);
            obs = result.observation();
            info = result.info();
            trace.add(new StepRecord(info.step(), env.actionSpace().indexOf(action), info.requestedDelta(), info.appliedDelta(),
                    info.scalingSeconds(), info.stepSeconds(), info.nowSeconds(), obs, result.reward()));
        } while (!result.done());
        return measure(seed, initialWorkers, result, trace);
    }

    private EpisodeMetrics measure(long seed, int initialWorkers, StepResult last, List<StepRecord> trace) {
        double workerSum = 0;
        int maxWorkers = 0;
        int scaling = 0;
        double reward = 0;
        double[] phaseQos = new double[5];
        double[] phaseWorkers = new double[5];
        int[] phaseSteps = new int[5];
        for (StepRecord s : trace) {
            int n = (int) Math.round(s.observation().workers());
            workerSum += n;
            maxWorkers = Math.max(maxWorkers, n);
            if (s.requestedDelta() != 0) {
                scaling++;
            }
            reward += s.reward();
            int p = Math.max(1, Math.min(4, s.observation().phase()));
            phaseQos[p] += s.observation().qosFraction();
            phaseWorkers[p] += n;
            phaseSteps[p]++;
        }
        List<PhaseMetrics> phases = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            int k = phaseSteps[p];
            phases.add(new PhaseMetrics(p, k, k == 0 ? Double.NaN : phaseQos[p] / k,
                    k == 0 ? Double.NaN : phaseWorkers[p] / k));
        }
        var info = last.info();
        return new EpisodeMetrics(seed, initialWorkers, trace.size(), last.terminated(),
                info.finalQos() == null ? 0.0 : info.finalQos(), workerSum / trace.size(), maxWorkers, scaling,
                trace.size() - scaling, reward, info.processed(), info.deadLettered(), info.lost(), phases,
                List.copyOf(trace), env.account().orElse(null), env.health(),
                env.health().disturbedReason(env.config().stepSeconds()));
    }
}
