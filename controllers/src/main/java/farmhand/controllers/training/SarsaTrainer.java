package farmhand.controllers.training;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.ResetResult;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.farm.workload.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains a {@link SarsaAgent} on an environment, on-policy, with the per-episode epsilon schedule of
 * its configuration. Deterministic: the same agent, environment configuration and plan give the
 * same Q-table, and a run resumed from a checkpoint continues exactly as an unbroken one (each
 * episode has its own exploration stream). Not thread-safe.
 */
public final class SarsaTrainer {

    private final FarmEnvironment env;

    public SarsaTrainer(FarmEnvironment env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** Runs {@code plan}; {@code agent} learns in place; the result holds the selected agent. */
    public TrainingResult<SarsaAgent> train(SarsaAgent agent, TrainingPlan plan, TrainingListener listener) {
        if (!agent.actionSpace().equals(env.actionSpace())) {
            throw new IllegalArgumentException("the agent's actions (" + agent.actionSpace() + ") differ from the "
                    + "environment's (" + env.actionSpace() + "): build the agent from env.actionSpace()");
        }
        List<EpisodeReport> reports = new ArrayList<>();
        SarsaAgent best = null;
        double bestQos = -1;
        double bestWorkers = Double.MAX_VALUE;
        int bestEpisode = plan.firstEpisode() + plan.episodes() - 1;
        for (int i = 0; i < plan.episodes(); i++) {
            int episode = plan.firstEpisode() + i;
            EpisodeReport report = runEpisode(agent, plan, episode);
            if (plan.evaluateEvery() > 0 && (episode + 1) % plan.evaluateEvery() == 0
                    && !plan.validationSeeds().isEmpty()) {
                EvaluationSummary v = new Evaluator(env).evaluate(new SarsaPolicy(agent), plan.validationSeeds()).summary();
                double qos = v.finalQos().mean();
                double workers = v.meanWorkers().mean();
                report = new EpisodeReport(report.episode(), report.seed(), report.epsilon(), report.totalReward(),
                        report.finalQos(), report.meanWorkers(), report.steps(), report.scalingActions(), qos, workers);
                if (plan.keepBest() && TrainingPlan.better(qos, workers, bestQos, bestWorkers)) {
                    best = new SarsaAgent(agent.config(), agent.discretizer(), agent.qTable());
                    bestQos = qos;
                    bestWorkers = workers;
                    bestEpisode = episode;
                }
            }
            reports.add(report);
            listener.onEpisode(report);
        }
        int total = plan.firstEpisode() + plan.episodes();
        return new TrainingResult<>(best != null ? best : agent, reports, best != null ? bestEpisode : total - 1, total);
    }

    private EpisodeReport runEpisode(SarsaAgent agent, TrainingPlan plan, int episode) {
        UniformRandomProvider rng = Seeds.source(plan.seed() * 1_000_003L + episode, "sarsa-exploration");
        double epsilon = agent.config().epsilon(episode);
        long seed = plan.workloadSeed(episode);
        ResetResult reset = env.reset(seed);
        agent.startEpisode();
        int s = agent.state(reset.observation());
        int a = agent.explore(s, epsilon, rng);
        double total = 0;
        double workers = 0;
        int steps = 0;
        int scalingActions = 0;
        StepResult r;
        do {
            if (env.actionSpace().ofIndex(a).scales()) {
                scalingActions++;
            }
            r = env.step(env.actionSpace().ofIndex(a));
            total += r.reward();
            workers += r.observation().workers();
            steps++;
            int next = agent.state(r.observation());
            int nextAction = r.done() ? 0 : agent.explore(next, epsilon, rng);
            agent.update(s, a, r.reward(), next, nextAction, r.done());
            s = next;
            a = nextAction;
        } while (!r.done());
        return new EpisodeReport(episode, seed, epsilon, total,
                r.info().finalQos() == null ? 0.0 : r.info().finalQos(), workers / steps, steps, scalingActions, null, null);
    }
}
