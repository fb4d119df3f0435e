package farmhand.reproduction.scaling;

import farmhand.farm.function.FarmClock;
import farmhand.farm.live.FunctionDeployer;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.LivenessSettings;
import farmhand.farm.runtime.FunctionSpec;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.Platform;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.time.Duration;
import java.util.List;

/**
 * Measures how long a farm takes to come up on a platform (the local one by default): from the first deploy request
 * to the START of the collector, every worker and the emitter, deployed one after another as the
 * paper's prototype did (each deploy takes the profile's scale-up latency). Uses its own key prefix
 * ({@code init:}) so it never touches a running farm's queues.
 */
public final class FarmInitialisation {

    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private FarmInitialisation() {
    }

    /**
     * @param redisUrl the Redis the functions talk to
     * @param profile deploy latency, model seconds ({@link LatencyProfile#instant()} for the bare platform)
     * @param compression model seconds per wall second, {@code >= 1}
     * @param workers workers to deploy, {@code >= 1}
     * @param seed seeds the latency draws
     * @return initialisation time in model seconds (wall time times {@code compression})
     */
    public static double measureSeconds(String redisUrl, LatencyProfile profile, double compression, int workers,
                                        long seed) {
        return measureSeconds(redisUrl, PlatformVariant.local("local", profile), compression, workers, seed);
    }

    /**
     * The same on any platform variant (a real platform's latency is its own).
     *
     * @return initialisation time in model seconds (wall time times {@code compression})
     */
    public static double measureSeconds(String redisUrl, PlatformVariant variant, double compression, int workers,
                                        long seed) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        String run = "init-" + Long.toString(System.nanoTime(), 36);
        try (RedisQueues queues = new RedisQueues(redisUrl, new QueueNames("init:", run), Duration.ofSeconds(30));
             Platform platform = variant.create().apply(compression)) {
            FunctionDeployer deployer = new FunctionDeployer(platform, queues.endpoint());
            // an emitter whose single task lies far in the future: it announces START, then waits
            Workload idle = new Workload(seed, List.of(new Task(0, 1, 1e9, 1, 512, 1, 1)), List.of(), List.of(), 1e9);
            queues.registerRun(run, System.currentTimeMillis() + 3_600_000); // its functions write only while registered
            queues.publishEpisode(new EpisodeSettings(compression, 0.1, LivenessSettings.DEFAULTS), idle);
            // model time 0 now: the measurement is of START, which the functions announce before they look for it
            queues.publishEpoch(FarmClock.epochNanosNow());
            deployer.begin(queues, seed);
            long t0 = System.nanoTime();
            // deployed one after another, each paying the profile's scale-up latency, as the paper's prototype did
            deployer.deploy(FunctionSpec.collector(), false);
            for (int i = 1; i <= workers; i++) {
                deployer.deploy(FunctionSpec.worker(new WorkerName(i)), false);
            }
            deployer.deploy(FunctionSpec.emitter(), false);
            while (true) {
                long started = queues.startsWaiting();
                if (started >= workers + 2L) {
                    break;
                }
                if (System.nanoTime() - t0 > TIMEOUT_NANOS) {
                    throw new IllegalStateException("only " + started + " of " + (workers + 2)
                            + " functions announced START within 120 s");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the farm started", e);
                }
            }
            double wallSeconds = (System.nanoTime() - t0) / 1e9;
            queues.terminate();
            platform.close();
            queues.removeRun(run);
            return wallSeconds * compression;
        }
    }
}
