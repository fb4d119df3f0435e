package farmhand.controllers.training;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Evaluator;
import farmhand.farm.workload.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The one training loop: runs a {@link TrainingPlan} of exploring episodes for any {@link Learner} with the
 * per-episode epsilon of its schedule, validates greedily every {@code evaluateEvery} episodes and, when the
 * plan says so, keeps the snapshot that did best there. Each episode draws its exploration from its own
 * stream (seeded by plan seed and episode), so a run resumed from a checkpoint continues exactly as an
 * unbroken one. Deterministic; not thread-safe.
 */
public final class Trainer {

    private final FarmEnvironment env;

    /** @param env the environment episodes run in */
    public Trainer(FarmEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Runs {@code plan}; the learner's agent learns in place; the result holds the selected agent. */
    public <A> TrainingResult<A> train(Learner<A> learner, TrainingPlan plan, TrainingListener listener) {
        List<EpisodeReport> reports = new ArrayList<>();
        A best = null;
        double bestQos = -1;
        double bestWorkers = Double.MAX_VALUE;
        int bestEpisode = plan.firstEpisode() + plan.episodes() - 1;
        for (int i = 0; i < plan.episodes(); i++) {
            int episode = plan.firstEpisode() + i;
            EpisodeReport report = runEpisode(learner, plan, episode);
            if (plan.evaluateEvery() > 0 && (episode + 1) % plan.evaluateEvery() == 0
                    && !plan.validationSeeds().isEmpty()) {
                EvaluationSummary v = new Evaluator(env).evaluate(learner.greedy(), plan.validationSeeds()).summary();
                double qos = v.finalQos().mean();
                double workers = v.meanWorkers().mean();
                report = new EpisodeReport(report.episode(), report.seed(), report.epsilon(), report.totalReward(),
                        report.finalQos(), report.meanWorkers(), report.steps(), report.scalingActions(), qos, workers);
                if (plan.keepBest() && TrainingPlan.better(qos, workers, bestQos, bestWorkers)) {
                    best = learner.snapshot();
                    bestQos = qos;
                    bestWorkers = workers;
                    bestEpisode = episode;
                }
            }
            reports.add(report);
            listener.onEpisode(report);
        }
        int total = plan.firstEpisode() + plan.episodes();
        return new TrainingResult<>(best != null ? best : learner.agent(), reports,
                best != null ? bestEpisode : total - 1, total);
    }

    private EpisodeReport runEpisode(Learner<?> learner, TrainingPlan plan, int episode) {
        UniformRandomProvider rng = Seeds.source(plan.seed() * 1_000_003L + episode, learner.explorationStream());
        double epsilon = learner.epsilon(episode);
        long seed = plan.workloadSeed(episode);
        int a = learner.begin(env.reset(seed).observation(), epsilon, rng);
        double total = 0;
        double workers = 0;
        int steps = 0;
        int scalingActions = 0;
        StepResult r;
        do {
            if (Action.ofIndex(a) != Action.NO_OP) {
                scalingActions++;
            }
            r = env.step(Action.ofIndex(a));
            total += r.reward();
            workers += r.observation().workers();
            steps++;
            a = learner.learn(r, epsilon, rng);
        } while (!r.done());
        return new EpisodeReport(episode, seed, epsilon, total,
                r.info().finalQos() == null ? 0.0 : r.info().finalQos(), workers / steps, steps, scalingActions, null, null);
    }
}
