package farmhand.reproduction.cli;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.model.SarsaModelFile;
import farmhand.controllers.reward.RewardPreset;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.training.EpisodeReport;
import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.controllers.training.TrainingResult;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.training.AgentTraining;
import java.nio.file.Path;

import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code farmhand train}: trains a learned policy on the simulator (or the live farm) and writes
 * its model file and per-episode training metrics.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a learned policy (sarsa, dqn) and write its model file and training metrics.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, paramLabel = "NAME", completionCandidates = Spellings.LearnedPolicies.class,
            description = "${COMPLETION-CANDIDATES}")
    PolicyKind policyKind;

    @Option(names = "--episodes", paramLabel = "N",
            description = "training episodes (default: training.sarsaEpisodes / training.dqnEpisodes of the config)")
    Integer episodes;

    @Option(names = "--seed", paramLabel = "S", description = "training seed (default: training.seed, 1)")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE", description = "experiment YAML (defaults: the paper's values)")
    Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "model file (default: models/<policy>.json)")
    Path out;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue training from this model file (a checkpoint)")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "also write the model every N episodes to <out>.checkpoint (0: never)")
    int checkpointEvery;

    @Option(names = "--backend", defaultValue = "sim", completionCandidates = Spellings.Backends.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Mixin
    LiveOptions live;

    @Override
    public Integer call() {
        ExperimentConfig experiment = config == null ? ExperimentConfig.paper()
                : farmhand.reproduction.config.ConfigLoader.load(config);
        Path model = out != null ? out : Path.of("models", policyKind.spelling() + ".json");
        if (episodes != null && episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, was " + episodes);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, was " + checkpointEvery);
        }
        OutputPaths.requireWritableFile(model, "--out");
        return switch (policyKind) {
            case SARSA -> trainSarsa(experiment, model);
            case DQN -> trainDqn(experiment, model);
            default -> throw new IllegalArgumentException("cannot train policy '" + policyKind + "': expected one of "
                    + String.join(", ", new Spellings.LearnedPolicies()));
        };
    }

    private int trainSarsa(ExperimentConfig experiment, Path model) {
        int n = episodes != null ? episodes : experiment.training().sarsaEpisodes();
        long s = seed != null ? seed : experiment.training().seed();
        SarsaModelFile checkpoint = resume == null ? null : SarsaModelFile.load(resume);
        long t0 = System.nanoTime();
        TrainingResult<SarsaAgent> result;
        try (ProgressBar bar = bar(PolicyKind.SARSA, n)) {
            result = training(experiment).sarsa(TrainingPlan.of(n, s), checkpoint, progress(bar), checkpoints(model));
        }
        Path metrics = AgentTraining.saveSarsa(result, model);
        report(PolicyKind.SARSA, n, t0, s, experiment.training().sarsaReward(), result, model, metrics);
        return 0;
    }

    private int trainDqn(ExperimentConfig experiment, Path model) {
        int n = episodes != null ? episodes : experiment.training().dqnEpisodes();
        long s = seed != null ? seed : experiment.training().seed();
        if (resume != null) {
            throw new IllegalArgumentException("--resume is supported for sarsa only: a DQN checkpoint does not hold "
                    + "its replay buffer and optimiser state, so resuming would not continue the same run");
        }
        long t0 = System.nanoTime();
        TrainingResult<DqnAgent> result;
        try (ProgressBar bar = bar(PolicyKind.DQN, n)) {
            result = training(experiment).dqn(TrainingPlan.of(n, s), progress(bar), checkpoints(model));
        }
        Path metrics = AgentTraining.saveDqn(result, model);
        report(PolicyKind.DQN, n, t0, s, experiment.training().dqnReward(), result, model, metrics);
        return 0;
    }

    private AgentTraining training(ExperimentConfig experiment) {
        return new AgentTraining(experiment, c -> backend.create(c, live));
    }

    private static ProgressBar bar(PolicyKind policy, int episodes) {
        return new ProgressBarBuilder().setTaskName(policy.spelling()).setInitialMax(episodes)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    private AgentTraining.Checkpoints checkpoints(Path model) {
        return new AgentTraining.Checkpoints(checkpointEvery, Path.of(model + ".checkpoint"));
    }

    private static TrainingListener progress(ProgressBar bar) {
        return r -> {
            bar.step();
            bar.setExtraMessage(extra(r));
        };
    }

    private static void report(PolicyKind policy, int n, long t0, long seed, RewardPreset reward, TrainingResult<?> result,
                               Path model, Path metrics) {
        System.out.printf(Locale.ROOT, "trained %s for %d episodes in %.1f s (seed %d, reward preset %s); "
                        + "kept the snapshot after episode %d%n", policy, n, (System.nanoTime() - t0) / 1e9, seed,
                reward, result.selectedEpisode() + 1);
        System.out.println("wrote " + model + " and " + metrics);
    }

    private static String extra(EpisodeReport r) {
        return String.format(Locale.ROOT, "eps %.3f QoS %.3f R %.1f%s", r.epsilon(), r.finalQos(), r.totalReward(),
                r.greedyQos() == null ? "" : String.format(Locale.ROOT, " | greedy QoS %.4f w %.2f", r.greedyQos(),
                        r.greedyWorkers()));
    }

}
