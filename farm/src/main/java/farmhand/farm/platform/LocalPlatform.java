package farmhand.farm.platform;

import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionRunner;
import farmhand.farm.workload.Seeds;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform: every function runs in-process on its own virtual thread. An optional
 * {@link LatencyProfile} makes a scale-up and a scale-down take as long as those measured on OpenFaaS
 * (divided by the time-compression factor), so experiments can run "as slow as OpenFaaS" or "as fast as
 * the host allows"; the draws are seeded per episode ({@link #beginEpisode}). Thread-safe.
 */
public final class LocalPlatform implements Platform {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final LatencyProfile profile;
    private final double compression;
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private UniformRandomProvider rng;

    /**
     * @param profile scale latencies in model seconds (use {@link LatencyProfile#instant()} for none)
     * @param compression divides every latency, {@code >= 1}
     */
    public LocalPlatform(LatencyProfile profile, double compression) {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be >= 1, was " + compression);
        }
        this.profile = profile;
        this.compression = compression;
        this.rng = Seeds.source(0, "local-platform");
    }

    @Override
    public String name() {
        return "local";
    }

    /**
     * 100 ms wall per initial function: each connects to Redis and reads its episode on a virtual thread; 18
     * of them took 0.7-1.4 s wall to announce START on two cores at load average 11-25 (the farm's own 0.3 s
     * lead was not enough: episodes began 0.4-0.5 s wall late, 7-10 model s at compression 20).
     */
    @Override
    public java.time.Duration startAllowance(int initialFunctions) {
        return java.time.Duration.ofMillis(100L * Math.max(0, initialFunctions));
    }

    @Override
    public synchronized void beginEpisode(long seed) {
        rng = Seeds.source(seed, "local-platform");
    }

    private synchronized double draw(boolean up) {
        return up ? profile.scaleUpSeconds(rng) : profile.scaleDownSeconds(rng);
    }

    @Override
    public void deploy(FunctionEnvironment function, boolean initial) {
        String name = function.function().name();
        if (threads.containsKey(name)) {
            throw new IllegalStateException("function " + name + " is already deployed");
        }
        if (!initial) {
            sleepWallNanos((long) (draw(true) / compression * 1e9));
        }
        Thread t = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                FunctionRunner.run(function);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    LOG.warn("function {} died: {}", name, e.getMessage());
                }
            }
        });
        threads.put(name, t);
        t.start();
    }

    @Override
    public void retire(String name, long requestedNanos) {
        long until = requestedNanos + (long) (draw(false) / compression * 1e9);
        remove(name);
        sleepWallNanos(until - System.nanoTime());
    }

    @Override
    public void remove(String name) {
        stop(threads.remove(name));
    }

    /** Kills {@code name} abruptly as a crash would: its thread is interrupted, it stays deployed. */
    @Override
    public void kill(String name) {
        stop(threads.get(name));
    }

    /**
     * Interrupts {@code t} (if any) and waits up to 5 s for it to end; one still running then is reported (it can
     * write nothing once its run is removed, see {@link farmhand.farm.queue.RedisQueues#removeRun}).
     */
    private static void stop(Thread t) {
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(5_000);
            if (t.isAlive()) {
                LOG.warn("function {} still runs 5 s after it was told to stop", t.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Set<String> deployed() {
        return new TreeSet<>(threads.keySet());
    }

    @Override
    public boolean exited(String name) {
        Thread t = threads.get(name);
        return t != null && !t.isAlive();
    }

    @Override
    public void close() {
        removeAll();
    }

    private static void sleepWallNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
