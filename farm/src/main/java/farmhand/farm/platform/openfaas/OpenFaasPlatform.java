package farmhand.farm.platform.openfaas;

import farmhand.farm.platform.Platform;
import farmhand.farm.platform.openfaas.GatewayTypes.FunctionDeployment;
import farmhand.farm.platform.openfaas.GatewayTypes.FunctionStatus;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionRole;
import farmhand.farm.runtime.NameClaim;
import farmhand.farm.container.FunctionContainerMain;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.runtime.WorkerName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The farm on an OpenFaaS gateway ({@link OpenFaasGateway}), in one of two {@link Layout}s. A function's
 * {@link FunctionEnvironment} travels as the function's environment variables ({@code envVars} of the
 * deployment). With a function per worker, each loop is started by one async invocation (its JSON body holds
 * {@code FARM_NAME} and {@code FARM_ROLE}). A replica of a shared worker function starts its loop with its
 * container ({@code FARM_AUTOSTART}) and takes its worker name from the farm's Redis ({@link NameClaim}): this
 * platform offers the name just before asking for the replica, so no invocation (and no queue-worker) is
 * needed. The emitter and the collector are functions of their own in both layouts, started by invocation.
 *
 * <p>A scale-up is timed from the request to the replica being available ({@code availableReplicas}) to the
 * invocation being accepted: {@link #scaleUps()}. What the gateway cannot tell: whether one invocation's
 * loop has ended; a function whose loop died is found by the farm's heartbeats, as on any platform.
 * Thread-safe: the farm deploys the workers of one scale-up concurrently.
 */
public final class OpenFaasPlatform implements Platform {

    private static final Logger LOG = LoggerFactory.getLogger(OpenFaasPlatform.class);
    /** Where OpenFaaS mounts a function's secrets. */
    public static final String SECRETS_DIR = "/var/openfaas/secrets/";

    private final OpenFaasPlatformConfig config;
    private final OpenFaasGateway gateway;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Farm function name -> the OpenFaaS function hosting it. */
    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    /** When each farm function was first seen available ({@link System#nanoTime()}): 0 available later means gone. */
    private final Map<String, Long> availableAt = new ConcurrentHashMap<>();
    /** Replicas asked for per shared function (replicas layout). */
    private final Map<String, Integer> groupReplicas = new TreeMap<>();
    private final List<ScaleUp> scaleUps = new CopyOnWriteArrayList<>();
    /** Why an initial function could not be started in the background, by farm function name. */
    private final Map<String, RuntimeException> failedStarts = new ConcurrentHashMap<>();

    private final QueueWorker queueWorker;
    /** The farm's Redis per run, where replicas of shared functions claim their names. */
    private final Map<QueueNames, RedisQueues> nameBoards = new ConcurrentHashMap<>();
    /** The gateway's functions as last listed, and when (the reaper asks every 50 ms: read at most once a second). */
    private volatile Map<String, FunctionStatus> listed = Map.of();
    private volatile long listedAtNanos = Long.MIN_VALUE;
    /** How old a listing {@link #exited} may use. */
    static final long LIST_MAX_AGE_NANOS = 1_000_000_000L;

    /** A platform on the gateway {@code config} names; the gateway client is closed with it. */
    public OpenFaasPlatform(OpenFaasPlatformConfig config) {
        this(config, null);
    }

    /**
     * A platform that also keeps a queue-worker replica per running function (the paper's workers + 2).
     *
     * @param queueWorker the queue-worker to scale, or null to leave it as installed; closed with this
     */
    public OpenFaasPlatform(OpenFaasPlatformConfig config, QueueWorker queueWorker) {
        this.config = config;
        this.gateway = new OpenFaasGateway(config.gateway());
        this.queueWorker = queueWorker;
    }

    /** True for a shared worker function of the replicas layout (its replicas claim their names). */
    private static boolean shared(String host) {
        return host.startsWith("workers-");
    }

    /** Where {@code function}'s run offers names to replicas. */
    private RedisQueues nameBoard(FunctionEnvironment function) {
        return nameBoards.computeIfAbsent(function.names(),
                n -> new RedisQueues(function.redis(), n, Duration.ofSeconds(30), 1, () -> null));
    }

    /** One queue-worker replica per invoked function (the replicas of shared functions need none). */
    private void scaleQueueWorker() {
        if (queueWorker != null) {
            synchronized (queueWorker) { // deploys run concurrently: count and scale as one, so no stale count wins
                queueWorker.scaleTo((int) hosts.values().stream().filter(h -> !shared(h)).count());
            }
        }
    }

    /**
     * One function start, timed.
     *
     * @param function the farm function
     * @param host the OpenFaaS function hosting it
     * @param requestedNanos when the replica was asked for ({@link System#nanoTime()})
     * @param availableNanos when the gateway reported it available
     * @param invokedNanos when the gateway accepted the invocation that starts its loop
     * @param callId the invocation's {@code X-Call-Id}, or null
     * @param initial true for the episode's initial functions (started together, before model time 0)
     */
    public record ScaleUp(String function, String host, long requestedNanos, long availableNanos, long invokedNanos,
                          String callId, boolean initial) {

        /** Request to available, seconds. */
        public double availableSeconds() {
            return (availableNanos - requestedNanos) / 1e9;
        }

        /** Request to the invocation sent (the gateway accepts it with a 202), seconds. */
        public double invokedSeconds() {
            return (invokedNanos - requestedNanos) / 1e9;
        }
    }

    @Override
    public String name() {
        return "openfaas";
    }

    /** The gateway client. */
    public OpenFaasGateway gateway() {
        return gateway;
    }

    /** Every function start so far, in order. */
    public List<ScaleUp> scaleUps() {
        return List.copyOf(scaleUps);
    }

    @Override
    public void beginEpisode(long seed) {
        // nothing is drawn: latencies are the cluster's own
    }

    @Override
    public Duration startAllowance() {
        return config.startAllowance();
    }

    /** The OpenFaaS function hosting farm function {@code name} in this platform's layout. */
    public String hostOf(String name) {
        if (config.layout() == Layout.REPLICAS && WorkerName.isWorker(name)) {
            int k = WorkerName.parse(name).index();
            return "workers-" + ((k - 1) / config.maxReplicasPerFunction() + 1);
        }
        return name;
    }

    /**
     * Deploys and starts {@code function}: creates its OpenFaaS function (or adds a replica to its shared
     * function), waits for the replica to be available, and invokes it asynchronously to start its loop. The
     * initial functions are created at once and started in the background, so they boot together.
     *
     * @throws GatewayException naming the gateway, the function and what to check
     */
    @Override
    public void deploy(FunctionEnvironment function, boolean initial) {
        String name = function.function().name();
        if (hosts.containsKey(name)) {
            throw new IllegalStateException("function " + name + " is already deployed");
        }
        String host = hostOf(name);
        long requested = System.nanoTime();
        long replicas;
        if (shared(host)) {
            // offer, ask and (on failure) withdraw under one lock: the replicas of every shared function claim
            // the oldest offered name, so a name withdrawn here is the newest and no replica can have taken it
            // while other deploys run concurrently
            synchronized (groupReplicas) {
                nameBoard(function).offerName(name); // the new replica claims it when it starts
                try {
                    replicas = addReplica(host, function);
                } catch (RuntimeException e) {
                    nameBoard(function).withdrawName(name);
                    throw e;
                }
            }
        } else {
            replicas = addReplica(host, function);
        }
        hosts.put(name, host);
        scaleQueueWorker(); // before the invocation, so a queue-worker is there to run it
        if (initial) {
            Thread.ofVirtual().name("openfaas-start-" + name).start(() -> {
                try {
                    start(function, host, replicas, requested, true);
                } catch (RuntimeException e) {
                    failedStarts.put(name, e); // reported by exited(), which the farm polls while it waits
                }
            });
        } else {
            start(function, host, replicas, requested, false);
        }
    }

    /** Creates {@code host} or asks it for one more replica; the replicas it should now have. */
    private long addReplica(String host, FunctionEnvironment function) {
        if (config.layout() != Layout.REPLICAS || !host.startsWith("workers-")) {
            gateway.deploy(deployment(host, function));
            return 1;
        }
        synchronized (groupReplicas) {
            int want = groupReplicas.getOrDefault(host, 0) + 1;
            if (want == 1) {
                gateway.deploy(deployment(host, function));
            } else {
                gateway.scale(host, want);
                long kept = gateway.function(host).map(FunctionStatus::replicas).orElse(0L);
                if (kept < want) {
                    throw new GatewayException(400, "asked the OpenFaaS gateway at " + gateway.config().redacted()
                            + " for " + want + " replicas of '" + host + "', the gateway keeps " + kept
                            + ": OpenFaaS CE limit (at most " + OpenFaasPlatformConfig.CE_MAX_REPLICAS
                            + " per function); set maxReplicasPerFunction to the gateway's limit");
                }
            }
            groupReplicas.put(host, want);
            return want;
        }
    }

    private void start(FunctionEnvironment function, String host, long replicas, long requested, boolean initial) {
        String name = function.function().name();
        OpenFaasGateway.Readiness ready;
        try {
            ready = gateway.awaitAvailable(host, replicas, requested, config.readyTimeout(), config.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, "interrupted while waiting for " + name + " on OpenFaaS");
        }
        availableAt.put(name, ready.availableNanos());
        if (shared(host)) { // its loop started with its container: nothing to invoke
            scaleUps.add(new ScaleUp(name, host, requested, ready.availableNanos(), ready.availableNanos(), null,
                    initial));
            return;
        }
        byte[] body = json.writeValueAsString(Map.of(FunctionEnvironment.NAME, name,
                FunctionEnvironment.ROLE, function.function().role().name())).getBytes(StandardCharsets.UTF_8);
        // stamped as the invocation is sent: the gateway may run it (and the worker announce START) before its
        // 202 reaches us, so a stamp taken after the answer could come after the START it caused
        long invoking = System.nanoTime();
        String callId = gateway.invokeAsync(host, body, null);
        ScaleUp s = new ScaleUp(name, host, requested, ready.availableNanos(), invoking, callId, initial);
        scaleUps.add(s);
        LOG.debug("{} on {}: available after {} s, invoked after {} s (call {})", name, host,
                String.format("%.3f", s.availableSeconds()), String.format("%.3f", s.invokedSeconds()), callId);
    }

    /** The deployment of {@code host} running {@code function}'s environment. */
    FunctionDeployment deployment(String host, FunctionEnvironment function) {
        Map<String, String> env = new TreeMap<>(function.toEnv());
        String redisUrl = config.functionRedisUrl() == null ? function.redis().url() : config.functionRedisUrl();
        String userInfo = URI.create(redisUrl).getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("the Redis URL " + RedisEndpoint.redact(redisUrl) + " holds a password, "
                    + "which OpenFaaS would store in the function's Deployment: put it in an OpenFaaS secret "
                    + "(faas-cli secret create) and name it with --openfaas-redis-secret");
        }
        env.put(FunctionEnvironment.REDIS_URL, redisUrl);
        env.remove(FunctionEnvironment.REDIS_PASSWORD_FILE);
        List<String> secrets = new ArrayList<>();
        if (config.redisPasswordSecret() != null) {
            secrets.add(config.redisPasswordSecret());
            env.put(FunctionEnvironment.REDIS_PASSWORD_FILE, SECRETS_DIR + config.redisPasswordSecret());
        }
        if (shared(host)) {
            env.remove(FunctionEnvironment.NAME); // each replica claims its name on the farm's Redis
            env.put(FunctionEnvironment.ROLE, FunctionRole.WORKER.name());
            env.put(NameClaim.CLAIM, "true");
            env.put(FunctionContainerMain.AUTOSTART, "true");
        }
        return new FunctionDeployment(host, config.image(), config.gateway().namespace(), env, secrets,
                Map.of("com.openfaas.scale.min", "1", "farmhand.run", function.names().run()));
    }

    /**
     * Removes a worker that acknowledged SCALE_DOWN. In the replicas layout the gateway cannot say which pod goes:
     * Kubernetes' ReplicaSet removes a not-ready pod before a ready one, so the shared function is scaled down only
     * once one of its replicas is unavailable, which the retired worker's is once its process has exited (the
     * image exits when its loop ends, and restarts name-less). Scaled down at once, it would stop a ready pod
     * that runs another worker, a worker the farm still counts and asks for its next SCALE_DOWN.
     */
    @Override
    public void retire(String name, long requestedNanos) {
        String host = hosts.get(name);
        if (host != null && shared(host)) {
            awaitOneUnavailable(name, host);
        }
        remove(name);
    }

    /** Waits (at most the ready timeout) until {@code host} has fewer replicas available than it has. */
    private void awaitOneUnavailable(String name, String host) {
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            var status = gateway.function(host);
            if (status.isEmpty() || status.get().availableReplicas() < status.get().replicas()) {
                return;
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(0, "interrupted while waiting for the replica of " + name + " to stop");
            }
        }
        LOG.warn("{}: every replica of {} stayed available for {} s after it retired; scaling down anyway, the "
                + "heartbeats recover a worker stopped instead", name, host, config.readyTimeout().toSeconds());
    }

    @Override
    public void remove(String name) {
        String host = hosts.remove(name);
        availableAt.remove(name);
        failedStarts.remove(name);
        if (host == null) {
            return;
        }
        if (shared(host)) {
            nameBoards.values().forEach(b -> b.withdrawName(name)); // offered but never claimed: no replica takes it later
        }
        scaleQueueWorker();
        if (!host.startsWith("workers-")) {
            deleteQuietly(host);
            return;
        }
        synchronized (groupReplicas) {
            int want = groupReplicas.getOrDefault(host, 1) - 1;
            if (want <= 0) {
                groupReplicas.remove(host);
                deleteQuietly(host); // CE refuses 0 replicas: the function goes
            } else {
                groupReplicas.put(host, want);
                gateway.scale(host, want);
            }
        }
    }

    private void deleteQuietly(String host) {
        try {
            gateway.delete(host);
        } catch (GatewayException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * Kills {@code name} as a crash would. With its own function, the function is deleted (its pod goes); a
     * replica of a shared function cannot be singled out through the gateway, so it is left to the farm's
     * heartbeats (logged).
     */
    @Override
    public void kill(String name) {
        String host = hosts.get(name);
        if (host == null) {
            return;
        }
        if (host.startsWith("workers-")) {
            LOG.warn("{}: a replica of {} cannot be killed through the OpenFaaS gateway; left to the heartbeats",
                    name, host);
            return;
        }
        deleteQuietly(host);
    }

    @Override
    public Set<String> deployed() {
        return new TreeSet<>(hosts.keySet());
    }

    /**
     * True when {@code name}'s own function is gone from the gateway or, once available, has no available
     * replica. Always false for a replica of a shared function (the gateway cannot tell which one ended).
     *
     * @throws GatewayException why {@code name} could not be started, when it was an initial function started
     *                          in the background
     */
    @Override
    public boolean exited(String name) {
        RuntimeException failed = failedStarts.remove(name);
        if (failed != null) {
            throw failed;
        }
        String host = hosts.get(name);
        Long available = availableAt.get(name);
        if (host == null || host.startsWith("workers-") || available == null) {
            return false;
        }
        Map<String, FunctionStatus> now = listing();
        if (listedAtNanos - available < 0) {
            return false; // listed before it was available: says nothing about it
        }
        FunctionStatus s = now.get(host);
        return s == null || s.availableReplicas() == 0;
    }

    /** The gateway's functions by name, listed at most once per {@link #LIST_MAX_AGE_NANOS}. */
    private synchronized Map<String, FunctionStatus> listing() {
        long now = System.nanoTime();
        if (listedAtNanos == Long.MIN_VALUE || now - listedAtNanos > LIST_MAX_AGE_NANOS) {
            Map<String, FunctionStatus> m = new java.util.HashMap<>();
            for (FunctionStatus f : gateway.list()) {
                m.put(f.name(), f);
            }
            listed = m;
            listedAtNanos = now; // when the read began: it shows nothing that happened after that
        }
        return listed;
    }

    @Override
    public void close() {
        try {
            removeAll();
        } finally {
            gateway.close();
            nameBoards.values().forEach(RedisQueues::close);
            if (queueWorker != null) {
                queueWorker.close();
            }
        }
    }
}
