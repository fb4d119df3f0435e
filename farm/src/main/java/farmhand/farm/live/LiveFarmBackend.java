package farmhand.farm.live;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeHealth;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.backend.PartialScaleException;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.function.FarmClock;
import farmhand.farm.function.Worker;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.runtime.FunctionSpec;
import farmhand.farm.runtime.WorkerName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live farm as a {@link FarmBackend}: real Emitter, Worker and Collector functions exchanging real
 * messages through Redis, deployed on any {@link Platform}. Model durations are divided by the
 * time-compression factor; everything this class reports is in model seconds.
 *
 * <p>Every episode is a run with its own id: its keys live under the farm's prefix plus the run, every
 * message carries the run id, and messages of another run are dead-lettered, never counted. The farm holds
 * a lease on its prefix while it runs, so a second farm on the same prefix is refused. Scale-up deploys
 * {@code worker-<lowest free index>} (the k lowest for +k, together) and waits for their START; scale-down,
 * one worker at a time, pushes a SCALE_DOWN, waits for the ACK of the worker that goes idle and retires it.
 * While time passes a {@link Reaper} takes back the tasks of dead and hung functions and replaces them. Not
 * thread-safe: one controlling thread.
 */
public final class LiveFarmBackend implements FarmBackend {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFarmBackend.class);
    private static final AtomicLong RUNS = new AtomicLong();
    /** A run's keys may be removed by another farm on the prefix this long after it started (if it was killed). */
    private static final Duration RUN_KEEP = Duration.ofHours(1);
    /** The reaper looks for dead and hung functions at most this often (wall): a claim walks every function. */
    private static final long REAP_EVERY_NANOS = 50_000_000L;
    /**
     * Model time 0 is set this far (wall, plus two poll intervals) after the publication that every initial
     * function waits for, so each has seen it when it comes (they look every {@link RedisQueues#EPOCH_POLL_MILLIS}).
     */
    private static final long EPOCH_MARGIN_NANOS = 200_000_000L;

    private final RedisQueues base;
    private final LiveFarmOptions options;
    private final FunctionDeployer deployer;
    private final Reaper reaper;
    private final FarmLease lease;
    private final TreeSet<WorkerName> workers = new TreeSet<>();
    private AutoCloseable alsoClose;
    private RedisQueues queues;
    private FarmClock clock;
    private long outputIndex;
    private long foreignOutputs;
    private long lastReapNanos;
    private double lateStartSeconds;
    private EpisodeSpec spec;

    /**
     * @param base the farm's Redis under its prefix, no run (owned: closed with the backend)
     * @param platform where functions run (owned)
     * @param options poll interval, compression, liveness
     */
    public LiveFarmBackend(RedisQueues base, Platform platform, LiveFarmOptions options) {
        if (!base.names().run().isEmpty()) {
            throw new IllegalArgumentException("the farm's queues must be a prefix with no run");
        }
        this.base = base;
        this.options = options;
        this.deployer = new FunctionDeployer(platform, base.endpoint());
        this.reaper = new Reaper(deployer, options.liveness());
        this.lease = new FarmLease(base, options.leaseTtl());
    }

    /**
     * A live farm on the Redis of {@code options} (or on a private {@code redis-server} started now and stopped
     * with the backend), on the platform {@code platformFactory} makes.
     *
     * @throws IllegalStateException when no Redis answers within 5 s, or it refuses the credentials
     */
    public static LiveFarmBackend create(LiveFarmOptions options, Function<LiveFarmOptions, Platform> platformFactory) {
        EmbeddedRedis embedded = options.redis() == null ? EmbeddedRedis.start() : null;
        RedisEndpoint endpoint = embedded != null ? RedisEndpoint.of(embedded.url()) : options.redis();
        RedisQueues queues = new RedisQueues(endpoint, options.names(), options.redisGiveUp(),
                RedisQueues.DEFAULT_POOL_SIZE, embedded == null ? () -> null : embedded::exitReason);
        try {
            queues.requireReachable(Duration.ofSeconds(5));
            LiveFarmBackend farm = new LiveFarmBackend(queues, platformFactory.apply(options), options);
            farm.alsoClose = embedded;
            return farm;
        } catch (RuntimeException e) {
            queues.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * A live farm on the local platform: on the Redis at {@code redisUrl}, or on a private
     * {@code redis-server} when the URL is null; the paper's key names.
     *
     * @param profile scale latencies in model seconds ({@link LatencyProfile#instant()} for a bare platform)
     * @param compression model seconds per wall second, {@code >= 1}
     */
    public static LiveFarmBackend local(String redisUrl, LatencyProfile profile, double compression) {
        return create(LiveFarmOptions.defaults(compression).withRedis(redisUrl == null ? null : RedisEndpoint.of(redisUrl)),
                o -> new LocalPlatform(profile, o.compression()));
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public void start(EpisodeSpec spec) {
        deployer.platform().removeAll();
        if (queues != null) {
            base.removeRun(queues.names().run());
        }
        lease.ensureHeld();
        base.removeAbandonedRuns(null);
        String run = newRunId();
        queues = base.withNames(base.names().forRun(run));
        base.registerRun(run, System.currentTimeMillis() + RUN_KEEP.toMillis());
        base.resetStats();
        reaper.reset();
        workers.clear();
        outputIndex = 0;
        foreignOutputs = 0;
        this.spec = spec;
        lateStartSeconds = 0;
        int initialFunctions = spec.initialWorkers() + 2;
        // the settings go out without model time 0: it is fixed below, once every initial function is up
        queues.publishEpisode(new EpisodeSettings(options.compression(), options.pollSeconds(), options.liveness()),
                spec.workload());
        deployer.begin(queues, spec.seed());
        // the emitter is part of the initial deployment: were it to pay a scale-up latency, the first tasks
        // would be pushed late (after model time 0) and miss deadlines the model meets
        List<FunctionSpec> initial = new ArrayList<>();
        initial.add(FunctionSpec.collector());
        for (int i = 1; i <= spec.initialWorkers(); i++) {
            WorkerName w = new WorkerName(i);
            initial.add(FunctionSpec.worker(w));
            workers.add(w);
        }
        initial.add(FunctionSpec.emitter());
        for (FunctionSpec f : initial) {
            deployer.deploy(f, true);
        }
        // the initial functions boot together: the first awaited may take the whole start allowance, and then some
        Duration startTimeout = FunctionDeployer.HANDSHAKE_TIMEOUT.plus(
                deployer.platform().startAllowance(initialFunctions));
        long startDeadline = System.nanoTime() + startTimeout.toNanos();
        long deployedNanos = System.nanoTime();
        for (FunctionSpec f : initial) {
            deployer.awaitStart(f, Duration.ofNanos(Math.max(1, startDeadline - System.nanoTime())));
        }
        // every initial function is up and polls for model time 0: a short margin lets each see it before it comes
        long marginNanos = EPOCH_MARGIN_NANOS + 2 * Math.round(options.pollSeconds() / options.compression() * 1e9);
        clock = FarmClock.fromEpoch(FarmClock.epochNanosNow() + marginNanos, options.compression());
        queues.publishEpoch(clock.startEpochNanos());
        LOG.info("the {} initial functions announced START {} s wall after their deploy; model time 0 published",
                initialFunctions, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - deployedNanos) / 1e9));
        // late only when the publication itself came after model time 0 (a stalled Redis or controller)
        lateStartSeconds = Math.max(0, clock.nowSeconds());
        if (lateStartSeconds > EpisodeHealth.LATE_START_TOLERANCE_SECONDS) {
            LOG.warn("model time 0 was published {} model s after it came (margin {} ms wall): the episode is disturbed",
                    String.format(Locale.ROOT, "%.1f", lateStartSeconds), marginNanos / 1_000_000);
        }
        sleepUntil(0.0);
    }

    private static String newRunId() {
        return "r" + Long.toString(System.currentTimeMillis(), 36) + "-" + ProcessHandle.current().pid() + "-"
                + RUNS.incrementAndGet();
    }

    /**
     * When {@code function} announced START this episode, on its own model clock (the clock of its tasks'
     * {@code workStartSeconds}); empty when it has not, or does not stamp its START.
     */
    public java.util.OptionalDouble startedSeconds(String function) {
        return queues.startedSeconds(function);
    }

    /** The current episode's run id. */
    public String runId() {
        return queues.names().run();
    }

    /**
     * Scale-up deploys the {@code delta} lowest free worker names together (a thread each when several) and
     * waits for all their STARTs, so the call blocks for the slowest, as a Deployment's {@code replicas} does
     * (and as the simulator models). Scale-down retires one worker at a time (SCALE_DOWN, ACK, retirement),
     * each counting its scale-down latency from its own request.
     *
     * @throws PartialScaleException when a worker could not be started or no worker ACKed in time: its
     *                               outcome counts the workers that did change (they stay counted here); a
     *                               worker that failed to start is removed from the platform
     */
    @Override
    public ScaleOutcome scale(int delta) {
        double t0 = clock.nowSeconds();
        return delta > 0 ? scaleUp(delta, t0) : scaleDown(-delta, t0);
    }

    private ScaleOutcome scaleUp(int count, double t0) {
        List<WorkerName> names = new ArrayList<>(count);
        for (int index = 1; names.size() < count; index++) {
            WorkerName w = new WorkerName(index);
            if (!workers.contains(w)) {
                names.add(w);
            }
        }
        List<RuntimeException> failures = new ArrayList<>(count);
        if (count == 1) {
            failures.add(startWorker(names.getFirst()));
        } else {
            List<Future<RuntimeException>> started = new ArrayList<>(count);
            // one virtual thread per worker of this call (at most maxDeltaPerStep); close() waits for all of them
            try (ExecutorService starts = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("scale-up-", 0).factory())) {
                for (WorkerName w : names) {
                    started.add(starts.submit(() -> startWorker(w)));
                }
            }
            for (int i = 0; i < count; i++) {
                Future<RuntimeException> f = started.get(i);
                failures.add(f.state() == Future.State.SUCCESS ? f.resultNow() : abandoned(names.get(i), f));
            }
        }
        int applied = 0;
        RuntimeException first = null;
        for (int i = 0; i < count; i++) {
            RuntimeException failure = failures.get(i);
            if (failure == null) {
                workers.add(names.get(i));
                applied++;
            } else if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }
        ScaleOutcome outcome = new ScaleOutcome(applied, clock.nowSeconds() - t0);
        if (first != null) {
            throw new PartialScaleException(outcome, first);
        }
        return outcome;
    }

    /**
     * Deploys {@code w} and waits for its START; on failure removes what is left of it (so its name is free
     * again and nothing is orphaned) and answers the failure, else null.
     */
    private RuntimeException startWorker(WorkerName w) {
        FunctionSpec function = FunctionSpec.worker(w);
        try {
            deployer.start(function, false);
            return null;
        } catch (RuntimeException e) {
            return removeFailed(w, e);
        }
    }

    /** Removes what is left of worker {@code w} whose start failed with {@code failure}, and answers the failure. */
    private RuntimeException removeFailed(WorkerName w, RuntimeException failure) {
        try {
            deployer.platform().remove(w.toString());
            queues.forget(w.toString());
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }

    /** A start that ended without an answer (an error, a cancellation): its worker is removed like a failed one. */
    private RuntimeException abandoned(WorkerName w, Future<RuntimeException> f) {
        return removeFailed(w, new IllegalStateException("the start of function " + w + " ended abruptly"
                + (f.state() == Future.State.FAILED ? ": " + f.exceptionNow() : " (cancelled)")));
    }

    /**
     * Scales down one worker at a time: a SCALE_DOWN, its ACK, its retirement. Sent together, the k workers
     * would exit at once and, in OpenFaaS's replicas layout, an exited pod restarts (restartPolicy Always)
     * before its turn to be retired, so the retirement waits for a pod that never goes
     * ({@code OpenFaasCliTest}'s reproduce stalled 120 s on it, then an ACK timed out).
     */
    private ScaleOutcome scaleDown(int count, double t0) {
        int applied = 0;
        for (int i = 0; i < count && !workers.isEmpty(); i++) {
            long requested = System.nanoTime();
            queues.requestScaleDown(Worker.SCALE_DOWN);
            String name;
            try {
                name = awaitAckOfOurWorker(requested);
            } catch (RuntimeException e) {
                queues.withdrawScaleDown(Worker.SCALE_DOWN); // so no worker leaves later, unasked
                throw new PartialScaleException(new ScaleOutcome(applied, clock.nowSeconds() - t0), e);
            }
            workers.remove(WorkerName.parse(name));
            queues.forget(name);
            deployer.platform().retire(name, requested);
            applied--;
        }
        return new ScaleOutcome(applied, clock.nowSeconds() - t0);
    }

    /** The name of the worker that ACKed the scale-down; entries that name none of ours are dropped, logged. */
    private String awaitAckOfOurWorker(long requestedNanos) {
        long deadline = requestedNanos + FunctionDeployer.HANDSHAKE_TIMEOUT.toNanos();
        while (true) {
            String name = queues.awaitScaleDownAck(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (name == null) {
                throw new IllegalStateException("no worker acknowledged SCALE_DOWN within "
                        + FunctionDeployer.HANDSHAKE_TIMEOUT.toSeconds() + " s");
            }
            if (WorkerName.isWorker(name) && workers.contains(WorkerName.parse(name))) {
                return name;
            }
            LOG.warn("dropped an ACK on {} that names none of this farm's workers: '{}'",
                    queues.names().workerControlAck(), name.length() > 80 ? name.substring(0, 80) + "..." : name);
        }
    }

    @Override
    public void advanceTo(double modelSeconds) {
        while (clock.nowSeconds() < modelSeconds) {
            long now = System.nanoTime();
            if (now - lastReapNanos >= REAP_EVERY_NANOS) {
                lastReapNanos = now;
                reaper.reap(queues, workerNames());
            }
            double leftWall = (modelSeconds - clock.nowSeconds()) / options.compression();
            if (leftWall > 0) {
                try {
                    Thread.sleep(Math.max(1, Math.min(20, (long) (leftWall * 1000))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the farm ran", e);
                }
            }
        }
    }

    private Set<String> workerNames() {
        return workers.stream().map(WorkerName::toString).collect(Collectors.toSet());
    }

    @Override
    public double nowSeconds() {
        return clock.nowSeconds();
    }

    @Override
    public Telemetry telemetry() {
        RedisQueues.Snapshot s = queues.snapshot();
        return new Telemetry(clock.nowSeconds(), (int) s.inputQueue(), (int) s.workerQueue(), (int) s.resultQueue(),
                (int) s.collected(), workers.size(), s.enqueuedTotal(), spec.workload().size(), s.generationDone(),
                (int) s.deadLetteredTasks(), (int) s.lost());
    }

    @Override
    public List<CompletedTask> drainCollected() {
        List<String> raw = queues.outputFrom(outputIndex);
        outputIndex += raw.size();
        List<CompletedTask> out = new ArrayList<>(raw.size());
        for (String json : raw) {
            TaskMessage m;
            try {
                m = Messages.decode(json);
            } catch (Messages.MalformedMessageException e) {
                foreignOutputs++;
                LOG.warn("skipped an entry of {} that is not a collected task: {}", queues.names().output(), e.getMessage());
                continue;
            }
            if (!queues.names().run().equals(m.run())) {
                foreignOutputs++;
                LOG.warn("skipped an entry of {} of another run ('{}')", queues.names().output(), m.run());
                continue;
            }
            out.add(new CompletedTask(m.id(), m.phase(), m.generationSeconds(), m.workStartSeconds(),
                    m.collectSeconds(), m.serviceSeconds(), m.deadlineSeconds(), m.worker()));
        }
        return out;
    }

    /** Where every task of the current episode went so far, read from Redis. */
    @Override
    public Optional<FarmAccount> account() {
        return queues == null ? Optional.empty() : Optional.of(queues.account());
    }

    @Override
    public EpisodeHealth health() {
        RedisQueues.ConnectionStats s = base.stats();
        return new EpisodeHealth(s.failedAttempts(), s.outages(), s.longestOutageWallSeconds() * options.compression(),
                reaper.crashes(), reaper.hung(), foreignOutputs, lease.lostTo(), lateStartSeconds);
    }

    /** Crashes of workers, the collector and the emitter that the reaper handled this episode. */
    public int crashes() {
        return reaper.crashes();
    }

    /** The platform the functions run on. */
    public Platform platform() {
        return deployer.platform();
    }

    private void sleepUntil(double modelSeconds) {
        try {
            clock.sleepUntil(modelSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (queues != null) {
            try {
                queues.terminate(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.warn("could not send TERMINATE: {}", e.getMessage());
            }
        }
        deployer.platform().close();
        if (queues != null) {
            try {
                base.removeRun(queues.names().run(), Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.warn("could not remove the run's keys: {}", e.getMessage());
            }
        }
        lease.close();
        base.close();
        if (alsoClose != null) {
            try {
                alsoClose.close();
            } catch (Exception e) {
                LOG.warn("could not stop the private redis-server: {}", e.getMessage());
            }
        }
    }
}
