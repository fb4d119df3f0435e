package farmhand.farm.runtime;

import farmhand.farm.function.Collector;
import farmhand.farm.function.Emitter;
import farmhand.farm.function.FarmClock;
import farmhand.farm.function.FarmFunction;
import farmhand.farm.function.TaskProcessor;
import farmhand.farm.function.Worker;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.workload.Workload;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one function of a farm wherever it is hosted (a virtual thread of the local platform, a process,
 * a container): connects to the farm's Redis, reads the episode's settings (and, for the emitter, the
 * workload), announces START, waits for the episode's model time 0 ({@link RedisQueues#awaitEpoch}: the
 * backend fixes it only once every initial function announced START; a function deployed later finds it set),
 * then runs its loop on that clock until it exits, renewing its heartbeat all the while.
 */
public final class FunctionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRunner.class);
    /** How long a function waits for its episode's settings to be published. */
    private static final Duration EPISODE_WAIT = Duration.ofSeconds(30);
    /**
     * How long a function that announced START waits for model time 0: an initial function waits while the
     * others boot (the backend gives up on them after its handshake timeout plus the platform's start allowance).
     */
    static final Duration EPOCH_WAIT = Duration.ofMinutes(3);
    /** Connections per function: its loop and its heartbeat. */
    private static final int POOL_SIZE = 4;

    private FunctionRunner() {
    }

    /**
     * Runs the function of {@code env} in this thread until it exits (scale-down ACK, TERMINATE, end of
     * the workload) or the thread is interrupted.
     *
     * @throws IllegalStateException when Redis stays unreachable (the message names it, redacted), or no
     *                               model time 0 was published within {@link #EPOCH_WAIT} (naming the run)
     */
    public static void run(FunctionEnvironment env) throws InterruptedException {
        try (RedisQueues queues = new RedisQueues(env.redis(), env.names(), Duration.ofSeconds(30), POOL_SIZE,
                () -> null)) {
            EpisodeSettings episode = queues.readEpisode(EPISODE_WAIT);
            Workload workload = env.function().role() == FunctionRole.EMITTER ? queues.readWorkload() : null;
            String name = env.function().name();
            long ttl = episode.liveness().heartbeatTtlMillis();
            long intervalMillis = Math.max(1, Math.round(episode.liveness().heartbeatIntervalSeconds() * 1000));
            // a function deployed once the episode runs (a scale-up, a replacement) finds model time 0 set and
            // stamps its START on the clock its tasks are timed on; an initial one starts before it is set
            OptionalLong epoch = queues.epoch();
            FarmClock running = epoch.isPresent() ? FarmClock.fromEpoch(epoch.getAsLong(), episode.compression()) : null;
            if (running != null) {
                queues.announceStart(name, ttl, running.nowSeconds());
            } else {
                queues.announceStart(name, ttl);
            }
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
                FarmClock clock = running != null ? running
                        : FarmClock.fromEpoch(queues.awaitEpoch(EPOCH_WAIT), episode.compression());
                create(env.function(), queues, clock, episode, workload).run();
            } finally {
                heartbeat.interrupt();
                heartbeat.join(1_000);
            }
        }
    }

    /**
     * The function {@code spec} describes, on {@code queues}, with the episode's clock and settings (and the
     * workload, for the emitter).
     */
    static FarmFunction create(FunctionSpec spec, RedisQueues queues, FarmClock clock, EpisodeSettings episode,
                               Workload workload) {
        return switch (spec.role()) {
            case EMITTER -> new Emitter(queues, clock, workload);
            case COLLECTOR -> new Collector(queues, clock, episode.pollSeconds());
            case WORKER -> new Worker(spec.name(), queues, clock, TaskProcessor.sleeping(), episode);
        };
    }
}
