package farmhand.farm.live;

import farmhand.farm.queue.RedisQueues;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease one live farm holds on its key prefix while it runs: taken at the first episode (refused,
 * naming the prefix and the holder, when another live farm holds it), renewed in the background, released
 * at close. A farm that was killed stops renewing; its lease expires after the TTL.
 */
final class FarmLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FarmLease.class);

    private final RedisQueues queues;
    private final Duration ttl;
    private final String holder;
    private volatile String lostTo;
    private Thread renewer;

    FarmLease(RedisQueues queues, Duration ttl) {
        this.queues = queues;
        this.ttl = ttl;
        this.holder = "farm of pid " + ProcessHandle.current().pid() + " on " + hostName() + " since "
                + Instant.now() + " #" + Integer.toHexString(System.identityHashCode(this));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "an unknown host";
        }
    }

    /** Who holds this lease (for messages). */
    String holder() {
        return holder;
    }

    /**
     * Takes the lease if not held yet, and starts renewing it.
     *
     * @throws IllegalStateException naming the prefix and the other holder when another farm holds it
     */
    void ensureHeld() {
        if (renewer != null && lostTo == null) {
            return;
        }
        String other = queues.acquireLease(holder, ttl.toMillis());
        if (other != null) {
            throw new IllegalStateException("the queue prefix '" + queues.names().prefix() + "' at "
                    + queues.endpoint().redacted() + " is in use by another live farm (" + other + "): give this "
                    + "farm its own live.queuePrefix, or stop the other one (a killed farm's lease expires within "
                    + ttl.toSeconds() + " s)");
        }
        lostTo = null;
        if (renewer == null) {
            long every = Math.max(50, ttl.toMillis() / 4);
            renewer = Thread.ofVirtual().name("farm-lease").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(every);
                        String o = queues.acquireLease(holder, ttl.toMillis());
                        if (o != null && lostTo == null) {
                            lostTo = o;
                            LOG.error("the lease on queue prefix '{}' was taken by {}", queues.names().prefix(), o);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        LOG.warn("could not renew the lease on queue prefix '{}': {}", queues.names().prefix(),
                                e.getMessage());
                    }
                }
            });
        }
    }

    /** Who took the lease while this farm held it, or null. */
    String lostTo() {
        return lostTo;
    }

    @Override
    public void close() {
        if (renewer != null) {
            renewer.interrupt();
            renewer = null;
            try {
                queues.releaseLease(holder, Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.warn("could not release the lease on queue prefix '{}': {}", queues.names().prefix(), e.getMessage());
            }
        }
    }
}
