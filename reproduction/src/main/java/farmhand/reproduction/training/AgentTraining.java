package farmhand.reproduction.training;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.model.DqnModelFile;
import farmhand.controllers.model.SarsaModelFile;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.sarsa.Discretizer;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.training.DqnLearner;
import farmhand.controllers.training.SarsaLearner;
import farmhand.controllers.training.Trainer;
import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.controllers.training.TrainingResult;
import farmhand.farm.backend.FarmBackend;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.report.Json;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Trains the learned policies the way an experiment configuration says (agent hyperparameters,
 * training reward preset, episodes, seed) and writes the model and training metrics; the one place
 * {@code farmhand train} and {@code farmhand reproduce} train through. Not thread-safe.
 *
 * @param config the experiment
 * @param backends makes the backend to train on from the (training) configuration
 */
public record AgentTraining(ExperimentConfig config, Function<ExperimentConfig, FarmBackend> backends) {

    /**
     * Trains SARSA(lambda).
     *
     * @param plan episodes, seed and validation
     * @param resumeFrom a checkpoint to continue, or null
     */
    public TrainingResult<SarsaAgent> sarsa(TrainingPlan plan, SarsaModelFile resumeFrom, TrainingListener listener,
                                            Checkpoints checkpoints) {
        ExperimentConfig training = config.withReward(config.training().sarsaReward().config());
        SarsaAgent agent = resumeFrom == null ? new SarsaAgent(config.sarsa(),
                Discretizer.of(config.workload(), config.environment())) : resumeFrom.agent();
        TrainingPlan effective = resumeFrom == null ? plan : plan.resumedAfter(resumeFrom.episodesTrained());
        TrainingListener withCheckpoints = r -> {
            listener.onEpisode(r);
            if (checkpoints.due(r.episode())) {
                SarsaModelFile.save(checkpoints.file(), agent, r.episode() + 1);
            }
        };
        try (FarmEnvironment env = training.environment(backends.apply(training))) {
            return new Trainer(env).train(new SarsaLearner(agent), effective, withCheckpoints);
        }
    }

    /** Trains Double DQN from scratch, its weights seeded by the plan's seed. */
    public TrainingResult<DqnAgent> dqn(TrainingPlan plan, TrainingListener listener, Checkpoints checkpoints) {
        ExperimentConfig training = config.withReward(config.training().dqnReward().config());
        DqnAgent agent = new DqnAgent(config.dqn(), ObservationSpace.of(config.workload(), config.environment()),
                plan.seed());
        TrainingListener withCheckpoints = r -> {
            listener.onEpisode(r);
            if (checkpoints.due(r.episode())) {
                DqnModelFile.save(checkpoints.file(), agent, r.episode() + 1);
            }
        };
        try (FarmEnvironment env = training.environment(backends.apply(training))) {
            return new Trainer(env).train(new DqnLearner(agent), plan, withCheckpoints);
        }
    }

    /**
     * Where and how often the model in training is written while it learns.
     *
     * @param every episodes between checkpoints, 0 for none
     * @param file the checkpoint file
     */
    public record Checkpoints(int every, Path file) {

        /** No checkpoints. */
        public static final Checkpoints NONE = new Checkpoints(0, null);

        public Checkpoints {
            if (every < 0) {
                throw new IllegalArgumentException("checkpoint interval must be >= 0, was " + every);
            }
        }

        boolean due(int episode) {
            return every > 0 && (episode + 1) % every == 0;
        }
    }

    /** Writes {@code result}'s SARSA model to {@code model} and its metrics beside it ({@code <name>-training.json}). */
    public static Path saveSarsa(TrainingResult<SarsaAgent> result, Path model) {
        SarsaModelFile.save(model, result.agent(), result.episodesTrained());
        return writeMetrics(result, model);
    }

    /** Writes {@code result}'s DQN model to {@code model} and its metrics beside it. */
    public static Path saveDqn(TrainingResult<DqnAgent> result, Path model) {
        DqnModelFile.save(model, result.agent(), result.episodesTrained());
        return writeMetrics(result, model);
    }

    private static Path writeMetrics(TrainingResult<?> result, Path model) {
        Path metrics = Path.of(model.toString().replaceAll("\\.json$", "") + "-training.json");
        Json.write(metrics, result.reports());
        return metrics;
    }
}
