package farmhand.farm.platform;

import farmhand.farm.runtime.FunctionEnvironment;
import java.util.Set;

/**
 * Where the farm's functions run, and the one owner of their lifecycle: deploy (and start), retire after
 * the farm's scale-down handshake, remove, kill (for fault injection), whether one has exited, and both
 * scale latencies. The live farm works with any platform unchanged: in-process ({@link LocalPlatform}),
 * child processes ({@link ProcessPlatform}), containers, OpenFaaS.
 *
 * <p>A function is described by its {@link FunctionEnvironment} alone, so it can run anywhere; it reads
 * the rest from the farm's Redis.
 */
public interface Platform extends AutoCloseable {

    /** Short name for reports, e.g. {@code local}. */
    String name();

    /**
     * Starts an episode: seeds the platform's own random choices (e.g. modelled latencies) from the
     * episode's seed, so the same seed gives the same draws whatever ran before.
     */
    void beginEpisode(long seed);

    /**
     * Deploys {@code function} and starts it, blocking until the platform reports it running (its scale-up
     * latency). It then announces START on the farm's queues by itself.
     *
     * @param initial true for the episode's initial deployment (done before model time 0, so a modelled
     *                scale-up latency does not apply), false for a scale-up or a replacement
     */
    void deploy(FunctionEnvironment function, boolean initial);

    /**
     * Removes a function that left through the farm's scale-down handshake, returning no sooner than the
     * platform's scale-down latency after {@code requestedNanos} ({@link System#nanoTime()} when the farm
     * asked a worker to leave).
     */
    void retire(String name, long requestedNanos);

    /** Removes a function at once, stopping it if it still runs; blocks until it is gone. */
    void remove(String name);

    /** Kills {@code name} abruptly, as a crash would (fault injection); it stays deployed until removed. */
    void kill(String name);

    /** Names of the deployed functions. */
    Set<String> deployed();

    /** True if {@code name} was started and has exited or died (as far as the platform can tell). */
    boolean exited(String name);

    /**
     * How long the platform typically needs to start the initial functions beyond its own scale-up latency
     * (a JVM or a container booting): the live farm waits that much longer (beyond its handshake timeout) for
     * the initial functions' START before it gives up. Model time 0 does not depend on it: it is fixed once they
     * are all up. Zero for in-process functions.
     */
    default java.time.Duration startAllowance() {
        return java.time.Duration.ZERO;
    }

    /**
     * The start allowance for an episode that starts {@code initialFunctions} functions together (the
     * collector, the initial workers and the emitter): on a platform where each boots a JVM on the same
     * few cores it grows with their number. By default {@link #startAllowance()}, whatever the number.
     */
    default java.time.Duration startAllowance(int initialFunctions) {
        return startAllowance();
    }

    /** Removes every function (the platform is used again for the next episode). */
    default void removeAll() {
        for (String name : deployed()) {
            remove(name);
        }
    }

    /** Removes every function and releases what the platform holds. */
    @Override
    void close();
}
