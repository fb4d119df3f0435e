package farmhand.farm.runtime;

import farmhand.farm.function.Collector;
import farmhand.farm.function.Emitter;
import farmhand.farm.function.FarmClock;
import farmhand.farm.function.FarmFunction;
import farmhand.farm.function.TaskProcessor;
import farmhand.farm.function.Worker;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.RedisQueues;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one function of a farm wherever it is hosted (a virtual thread of the local platform, a process,
 * a container): connects to the farm's Redis, reads the episode's settings and clock (and, for the emitter,
 * the workload), renews the function's heartbeat while it runs, and runs its loop until it exits.
 */
public final class FunctionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRunner.class);
    /** How long a function waits for its episode's settings to be published. */
    private static final Duration EPISODE_WAIT = Duration.ofSeconds(30);
    /** Connections per function: its loop and its heartbeat. */
    private static final int POOL_SIZE = 4;

    private FunctionRunner() {
    }

    /**
     * Runs the function of {@code env} in this thread until it exits (scale-down ACK, TERMINATE, end of
     * the workload) or the thread is interrupted.
     *
     * @throws IllegalStateException when Redis stays unreachable (the message names it, redacted)
     */
    public static void run(FunctionEnvironment env) throws InterruptedException {
        try (RedisQueues queues = new RedisQueues(env.redis(), env.names(), Duration.ofSeconds(30), POOL_SIZE,
                () -> null)) {
            EpisodeSettings episode = queues.readEpisode(EPISODE_WAIT);
            FarmClock clock = FarmClock.fromEpoch(episode.startEpochNanos(), episode.compression());
            FarmFunction function = create(env.function(), queues, clock, episode);
            String name = env.function().name();
            long ttl = episode.liveness().heartbeatTtlMillis();
            long intervalMillis = Math.max(1, Math.round(episode.liveness().heartbeatIntervalSeconds() * 1000));
            Thread heartbeat = Thread.ofVirtual().name(name + "-heartbeat").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(intervalMillis);
                        queues.heartbeat(name, ttl);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        LOG.warn("{}: heartbeat not renewed: {}", name, e.getMessage());
                    }
                }
            });
            try {
                function.run();
            } finally {
                heartbeat.interrupt();
                heartbeat.join(1_000);
            }
        }
    }

    /** The function {@code spec} describes, on {@code queues}, with the episode's clock and settings. */
    static FarmFunction create(FunctionSpec spec, RedisQueues queues, FarmClock clock, EpisodeSettings episode) {
        long ttl = episode.liveness().heartbeatTtlMillis();
        return switch (spec.role()) {
            case EMITTER -> new Emitter(queues, clock, queues.readWorkload(), ttl);
            case COLLECTOR -> new Collector(queues, clock, episode.pollSeconds(), ttl);
            case WORKER -> new Worker(spec.name(), queues, clock, TaskProcessor.sleeping(), episode);
        };
    }
}
