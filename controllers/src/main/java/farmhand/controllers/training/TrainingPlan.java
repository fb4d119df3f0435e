package farmhand.controllers.training;

import java.util.List;
import java.util.stream.LongStream;

/**
 * How long and on what to train.
 *
 * @param episodes episodes to run in this call, {@code >= 0}
 * @param seed the training seed: exploration, initialisation and the workloads played derive from it
 * @param firstEpisode index of the first episode (0 for a fresh run; the checkpoint's count when resuming)
 * @param evaluateEvery run a greedy evaluation on the validation seeds every this many episodes, 0 for never
 * @param validationSeeds workload seeds of the greedy evaluation, disjoint from the paper's test seeds 42-71
 * @param keepBest when true, the result is the snapshot that did best on the validation seeds
 *                 (see {@link #better}), not the last one
 */
public record TrainingPlan(int episodes, long seed, int firstEpisode, int evaluateEvery, List<Long> validationSeeds,
                           boolean keepBest) {

    public TrainingPlan {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes must be >= 0, was " + episodes);
        }
        if (firstEpisode < 0) {
            throw new IllegalArgumentException("firstEpisode must be >= 0, was " + firstEpisode);
        }
        if (evaluateEvery < 0) {
            throw new IllegalArgumentException("evaluateEvery must be >= 0, was " + evaluateEvery);
        }
        validationSeeds = List.copyOf(validationSeeds);
        if (keepBest && (evaluateEvery == 0 || validationSeeds.isEmpty())) {
            throw new IllegalArgumentException("keepBest needs evaluateEvery > 0 and validation seeds");
        }
    }

    /** A fresh run of {@code episodes}, validated every {@code episodes / 40} episodes on seeds 900-919, keeping the best. */
    public static TrainingPlan of(int episodes, long seed) {
        return new TrainingPlan(episodes, seed, 0, Math.max(1, episodes / 40),
                LongStream.range(900, 920).boxed().toList(), true);
    }

    /** The same plan continuing after {@code episodesDone} episodes. */
    public TrainingPlan resumedAfter(int episodesDone) {
        return new TrainingPlan(episodes, seed, episodesDone, evaluateEvery, validationSeeds, keepBest);
    }

    /** The workload seed of training episode {@code episode}: disjoint from small evaluation seeds. */
    public long workloadSeed(int episode) {
        return 1_000_000L + seed * 100_000L + episode;
    }

    /** Validation QoS a snapshot must reach before fewer workers count: the 99 %. */
    public static final double QOS_BAR = 0.99;

    /**
     * Whether a validation result (QoS fraction, mean workers) beats the best so far: among results
     * at or above {@link #QOS_BAR} the one with fewer workers wins; otherwise higher QoS wins.
     */
    public static boolean better(double qos, double workers, double bestQos, double bestWorkers) {
        boolean good = qos >= QOS_BAR;
        boolean bestGood = bestQos >= QOS_BAR;
        if (good != bestGood) {
            return good;
        }
        if (good) {
            return workers < bestWorkers || (workers == bestWorkers && qos > bestQos);
        }
        return qos > bestQos;
    }
}
