package farmhand.reproduction.scaling;

import farmhand.farm.function.Collector;
import farmhand.farm.function.Emitter;
import farmhand.farm.function.FarmClock;
import farmhand.farm.function.TaskProcessor;
import farmhand.farm.function.Worker;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.time.Duration;
import java.util.List;

/**
 * Measures how long a farm takes to come up on the local platform: from the first deploy request
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
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        try (RedisQueues queues = new RedisQueues(redisUrl, new QueueNames("init:"), Duration.ofSeconds(30));
             LocalPlatform platform = new LocalPlatform(profile, compression, seed)) {
            queues.clear();
            platform.delayDeploys(true);
            FarmClock clock = FarmClock.startingNow(compression);
            var names = queues.names();
            long t0 = System.nanoTime();
            deployAndInvoke(platform, new Collector(queues, clock, 0.1));
            for (int i = 1; i <= workers; i++) {
                deployAndInvoke(platform, new Worker("worker-" + i, queues, clock, TaskProcessor.sleeping(), 0.1));
            }
            // an emitter whose single task lies far in the future: it announces START, then waits
            Workload idle = new Workload(seed, List.of(new Task(0, 1, 1e9, 1, 512, 1, 1)), List.of(), List.of(), 1e9);
            deployAndInvoke(platform, new Emitter(queues, clock, idle));
            while (true) {
                long started = queues.retry("count START announcements", () -> queues.client().llen(names.workerStart())
                        + queues.client().llen(names.collectorStart()) + queues.client().llen(names.emitterStart()));
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
            queues.retry("send TERMINATE", () -> queues.client().set(names.terminate(), "1"));
            platform.close();
            queues.clear();
            return wallSeconds * compression;
        }
    }

    private static void deployAndInvoke(LocalPlatform platform, farmhand.farm.function.FarmFunction function) {
        platform.deploy(function);
        platform.invoke(function.name());
    }
}
