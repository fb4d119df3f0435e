package farmhand.farm.platform;

import farmhand.farm.function.FarmFunction;
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
 * {@link LatencyProfile} makes {@link #deploy} take as long as a scale-up measured on OpenFaaS
 * (divided by the time-compression factor), so experiments can run "as slow as OpenFaaS" or
 * "as fast as the host allows". Thread-safe.
 */
public final class LocalPlatform implements Platform {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final LatencyProfile profile;
    private final double compression;
    private final UniformRandomProvider rng;
    private final Map<String, FarmFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private volatile boolean delayDeploys;

    /**
     * @param profile deploy latency in model seconds (use {@link LatencyProfile#instant()} for none)
     * @param compression divides every latency, {@code >= 1}
     * @param seed seeds the latency draws
     */
    public LocalPlatform(LatencyProfile profile, double compression, long seed) {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be >= 1, was " + compression);
        }
        this.profile = profile;
        this.compression = compression;
        this.rng = Seeds.source(seed, "local-platform");
    }

    /** Whether deploys from now on take the profile's scale-up latency (initial deployment does not). */
    public void delayDeploys(boolean on) {
        this.delayDeploys = on;
    }

    @Override
    public void deploy(FarmFunction function) {
        if (functions.putIfAbsent(function.name(), function) != null) {
            throw new IllegalStateException("function " + function.name() + " is already deployed");
        }
        if (delayDeploys) {
            double seconds;
            synchronized (rng) {
                seconds = profile.scaleUpSeconds(rng);
            }
            sleepWall(seconds / compression);
        }
    }

    @Override
    public void invoke(String name) {
        FarmFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalStateException("function " + name + " is not deployed");
        }
        Thread t = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                f.run();
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
    public void remove(String name) {
        functions.remove(name);
        stop(threads.remove(name));
    }

    /** Kills {@code name} abruptly as a crash would: its thread is interrupted, it stays deployed. */
    public void kill(String name) {
        stop(threads.get(name));
    }

    /** Interrupts {@code t} (if any) and waits up to 5 s for it to end. */
    private static void stop(Thread t) {
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Set<String> deployed() {
        return new TreeSet<>(functions.keySet());
    }

    @Override
    public boolean exited(String name) {
        Thread t = threads.get(name);
        return t != null && !t.isAlive();
    }

    @Override
    public void close() {
        for (String name : deployed()) {
            remove(name);
        }
    }

    private static void sleepWall(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
