package farmhand.farm.live;

import farmhand.farm.platform.Platform;
import farmhand.farm.queue.LivenessSettings;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.runtime.FunctionSpec;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the farm's dead and hung functions and heals the farm, across processes: a function whose heartbeat
 * expired (or that its platform saw exit) is dead; a worker holding a task past its visibility timeout is
 * hung. What they held is taken back ({@link RedisQueues#claim}: delivered again, or dead-lettered after the
 * delivery limit), and the function is replaced, except an emitter that had finished its work. Right after
 * Redis itself was unreachable nothing is claimed for one heartbeat timeout (heartbeats and visibility
 * timeouts may have run out while the functions waited for Redis): a Redis outage does not replace every
 * function.
 */
final class Reaper {

    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

    private final FunctionDeployer deployer;
    private final LivenessSettings liveness;
    private int crashes;
    private int hung;
    private long outagesSeen;
    private long heartbeatsTrustedFromNanos;

    Reaper(FunctionDeployer deployer, LivenessSettings liveness) {
        this.deployer = deployer;
        this.liveness = liveness;
    }

    /** Starts counting afresh for an episode. */
    void reset() {
        crashes = 0;
        hung = 0;
        outagesSeen = 0;
        heartbeatsTrustedFromNanos = 0;
    }

    /** Functions found dead and replaced this episode. */
    int crashes() {
        return crashes;
    }

    /** Workers found hung and replaced this episode. */
    int hung() {
        return hung;
    }

    /**
     * One pass: takes back what dead and hung functions held and replaces them.
     *
     * @param queues the run's queues
     * @param workers the workers the farm has now (replaced ones keep their names)
     */
    void reap(RedisQueues queues, Set<String> workers) {
        Platform platform = deployer.platform();
        // after an outage of Redis itself every heartbeat and visibility timeout may have run out while the
        // functions waited for Redis: claim again only once they had a full heartbeat timeout to catch up.
        // The outage is waited out here, before the claim, so the check sees it.
        queues.ping();
        long outages = queues.stats().outages();
        if (outages != outagesSeen) {
            outagesSeen = outages;
            heartbeatsTrustedFromNanos = System.nanoTime() + liveness.heartbeatTtlMillis() * 1_000_000L;
        }
        if (System.nanoTime() < heartbeatsTrustedFromNanos) {
            return;
        }
        for (String name : platform.deployed()) {
            if (platform.exited(name)) {
                queues.markDead(name);
            }
        }
        for (RedisQueues.Claim claim : queues.claim(liveness)) {
            String name = claim.function();
            if (FunctionSpec.EMITTER_NAME.equals(name) && queues.generationDone()) {
                platform.remove(name);
                queues.forget(name);
                continue;
            }
            if (!FunctionSpec.EMITTER_NAME.equals(name) && !FunctionSpec.COLLECTOR_NAME.equals(name)
                    && !workers.contains(name)) {
                queues.forget(name); // not one of ours any more (retired)
                continue;
            }
            if (claim.cause() == RedisQueues.Claim.Cause.HUNG) {
                hung++;
            } else {
                crashes++;
            }
            LOG.warn("{} is {}: its task {}; replacing it", name,
                    claim.cause() == RedisQueues.Claim.Cause.HUNG ? "hung (held a task past its visibility timeout)"
                            : "dead", switch (claim.outcome()) {
                        case REDELIVERED -> "was delivered again";
                        case DEAD_LETTERED -> "was dead-lettered (delivered " + liveness.maxDeliveries() + " times)";
                        case NONE -> "(none held)";
                    });
            deployer.replace(FunctionSpec.named(name));
        }
    }
}
