package farmhand.controllers.training;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.farm.workload.Seeds;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains a {@link DqnAgent} on an environment with the per-episode epsilon schedule of its
 * configuration; optionally keeps the snapshot that did best on validation seeds. Deterministic
 * for a given agent seed and plan. Not thread-safe.
 */
public final class DqnTrainer {

    private final FarmEnvironment env;

    public DqnTrainer(FarmEnvironment env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /**
     * Runs {@code plan}; {@code agent} learns in place.
     *
     * @param snapshot makes a copy of the agent's current networks (for keep-best), called only when it improves
     */
    public TrainingResult<DqnAgent> train(DqnAgent agent, TrainingPlan plan, TrainingListener listener,
                                          java.util.function.UnaryOperator<DqnAgent> snapshot) {
        if (!agent.actionSpace().equals(env.actionSpace()) || !agent.space().equals(env.observationSpace())) {
            throw new IllegalArgumentException("the agent's spaces (" + agent.actionSpace() + ", " + agent.space()
                    + ") differ from the environment's (" + env.actionSpace() + ", " + env.observationSpace()
                    + "): build the agent from env.actionSpace() and env.observationSpace()");
        }
        List<EpisodeReport> reports = new ArrayList<>();
        DqnAgent best = null;
        double bestQos = -1;
        double bestWorkers = Double.MAX_VALUE;
        int bestEpisode = plan.firstEpisode() + plan.episodes() - 1;
        for (int i = 0; i < plan.episodes(); i++) {
            int episode = plan.firstEpisode() + i;
            UniformRandomProvider rng = Seeds.source(plan.seed() * 1_000_003L + episode, "dqn-exploration");
            double epsilon = agent.config().epsilon(episode);
            long seed = plan.workloadSeed(episode);
            Observation obs = env.reset(seed).observation();
            double total = 0;
            double workers = 0;
            int steps = 0;
            int scalingActions = 0;
            StepResult r;
            do {
                int a = agent.explore(obs, epsilon, rng);
                if (env.actionSpace().ofIndex(a).scales()) {
                    scalingActions++;
                }
                r = env.step(env.actionSpace().ofIndex(a));
                agent.observe(obs, a, r.reward(), r.observation(), r.terminated());
                obs = r.observation();
                total += r.reward();
                workers += obs.workers();
                steps++;
            } while (!r.done());
            Double vq = null;
            Double vw = null;
            if (plan.evaluateEvery() > 0 && (episode + 1) % plan.evaluateEvery() == 0
                    && !plan.validationSeeds().isEmpty()) {
                EvaluationSummary v = new Evaluator(env).evaluate(new DqnPolicy(agent), plan.validationSeeds()).summary();
                vq = v.finalQos().mean();
                vw = v.meanWorkers().mean();
                if (plan.keepBest() && TrainingPlan.better(vq, vw, bestQos, bestWorkers)) {
                    best = snapshot.apply(agent);
                    bestQos = vq;
                    bestWorkers = vw;
                    bestEpisode = episode;
                }
            }
            EpisodeReport report = new EpisodeReport(episode, seed, epsilon, total,
                    r.info().finalQos() == null ? 0.0 : r.info().finalQos(), workers / steps, steps, scalingActions, vq, vw);
            reports.add(report);
            listener.onEpisode(report);
        }
        int total = plan.firstEpisode() + plan.episodes();
        return new TrainingResult<>(best != null ? best : agent, reports, best != null ? bestEpisode : total - 1, total);
    }

}
