package farmhand.farm.live;

import farmhand.farm.platform.Platform;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionSpec;
import java.time.Duration;

/**
 * Deploys the farm's functions on a {@link Platform} and performs the start handshake: deploy, then wait
 * for the function's START on its start queue. The one place the live farm and the initialisation
 * measurement (Fig. 2) start functions.
 */
public final class FunctionDeployer {

    /** How long a function may take from its deploy to its START. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    private final Platform platform;
    private final RedisEndpoint redis;
    private RedisQueues queues;

    /**
     * @param platform where the functions run
     * @param redis the farm's Redis, as the functions reach it
     */
    public FunctionDeployer(Platform platform, RedisEndpoint redis) {
        this.platform = platform;
        this.redis = redis;
    }

    /** Starts deploying for the run of {@code runQueues}, with the episode's {@code seed} for the platform. */
    public void begin(RedisQueues runQueues, long seed) {
        this.queues = runQueues;
        platform.beginEpisode(seed);
    }

    /** The platform. */
    public Platform platform() {
        return platform;
    }

    /** Deploys {@code function} without waiting for its START. */
    public void deploy(FunctionSpec function, boolean initial) {
        platform.deploy(new FunctionEnvironment(function, redis, queues.names()), initial);
    }

    /**
     * Deploys {@code function} and waits for its START.
     *
     * @throws IllegalStateException naming the function when it exits or does not announce START in time
     */
    public void start(FunctionSpec function, boolean initial) {
        deploy(function, initial);
        awaitStart(function);
    }

    /** Waits for {@code function}'s START, at most {@link #HANDSHAKE_TIMEOUT}. */
    public void awaitStart(FunctionSpec function) {
        awaitStart(function, HANDSHAKE_TIMEOUT);
    }

    /** Waits for {@code function}'s START, at most {@code timeout}. */
    public void awaitStart(FunctionSpec function, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queues.awaitStart(function.name(), Duration.ofMillis(50))) {
            if (platform.exited(function.name())) {
                throw new IllegalStateException("function " + function.name() + " exited on platform '"
                        + platform.name() + "' before it announced START");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("function " + function.name() + " did not announce START within "
                        + timeout.toSeconds() + " s on platform '" + platform.name() + "'");
            }
        }
    }

    /** Replaces a dead or hung function: kills what is left of it, forgets it, deploys it again. */
    public void replace(FunctionSpec function) {
        platform.kill(function.name());
        platform.remove(function.name());
        queues.forget(function.name());
        start(function, false);
    }
}
