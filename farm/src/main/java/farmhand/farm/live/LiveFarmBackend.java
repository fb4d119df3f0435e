package farmhand.farm.live;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.function.Collector;
import farmhand.farm.function.Emitter;
import farmhand.farm.function.FarmFunction;
import farmhand.farm.function.FarmClock;
import farmhand.farm.function.TaskProcessor;
import farmhand.farm.function.Worker;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.workload.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live farm as a {@link FarmBackend}: real Emitter, Worker and Collector functions exchanging
 * real messages through Redis, deployed on a {@link Platform}. Model durations are divided by the
 * time-compression factor; everything this class reports is in model seconds.
 *
 * <p>Scale-up deploys {@code worker-<lowest free index>}, invokes it and waits for its START;
 * scale-down pushes a SCALE_DOWN, waits for the ACK of the first worker that goes idle and removes
 * it, blocking at least a latency drawn from the profile. While time passes, a reaper returns the
 * tasks of any worker that died to {@code worker_queue} and redeploys it. Not thread-safe: one
 * controlling thread.
 */
public final class LiveFarmBackend implements FarmBackend {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFarmBackend.class);
    private static final long HANDSHAKE_TIMEOUT_NANOS = 30_000_000_000L;

    private final RedisQueues queues;
    private final Platform platform;
    private final LatencyProfile profile;
    private final double compression;
    private final double pollSeconds;
    private final TreeSet<Integer> workers = new TreeSet<>();
    private AutoCloseable alsoClose;
    private FarmClock clock;
    private UniformRandomProvider rng;
    private long outputIndex;
    private int crashes;
    private EpisodeSpec spec;

    /**
     * @param queues the farm's Redis (owned: closed with the backend)
     * @param platform where functions run (owned)
     * @param profile scale-down latency in model seconds (scale-up latency is the platform's deploy)
     * @param compression model seconds per wall second, {@code >= 1}
     * @param pollSeconds idle poll interval of workers and collector, model seconds, {@code > 0} (paper: 0.1)
     */
    public LiveFarmBackend(RedisQueues queues, Platform platform, LatencyProfile profile, double compression,
                           double pollSeconds) {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("time compression must be >= 1, was " + compression);
        }
        if (!(pollSeconds > 0)) {
            throw new IllegalArgumentException("pollSeconds must be > 0, was " + pollSeconds);
        }
        this.queues = queues;
        this.platform = platform;
        this.profile = profile;
        this.compression = compression;
        this.pollSeconds = pollSeconds;
    }

    /**
     * A live farm on the local platform: on the Redis at {@code redisUrl}, or on a private
     * {@code redis-server} started now (and stopped with the backend) when the URL is null.
     *
     * @param profile scale latencies in model seconds ({@link LatencyProfile#instant()} for a bare platform)
     * @param compression model seconds per wall second, {@code >= 1}
     * @param seed seeds the latency draws
     * @throws IllegalArgumentException when {@code redisUrl} is not a Redis URL
     * @throws IllegalStateException when no Redis answers at {@code redisUrl} within 5 s
     */
    public static LiveFarmBackend local(String redisUrl, LatencyProfile profile, double compression, long seed) {
        return local(redisUrl, QueueNames.PAPER, 0.1, profile, compression, seed);
    }

    /**
     * A live farm on the local platform with its own key names and poll interval, e.g. to share a Redis
     * with other farms.
     *
     * @param names the farm's Redis keys
     * @param pollSeconds idle poll interval of workers and collector, model seconds, {@code > 0}
     * @see #local(String, LatencyProfile, double, long)
     */
    public static LiveFarmBackend local(String redisUrl, QueueNames names, double pollSeconds, LatencyProfile profile,
                                        double compression, long seed) {
        EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null;
        String url = redisUrl != null ? redisUrl : embedded.url();
        RedisQueues queues = new RedisQueues(url, names, Duration.ofSeconds(30));
        if (embedded == null) {
            try {
                queues.requireReachable(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                queues.close();
                throw e;
            }
        }
        LiveFarmBackend farm = new LiveFarmBackend(queues, new LocalPlatform(profile, compression, seed),
                profile, compression, pollSeconds);
        farm.alsoClose = embedded;
        return farm;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public void start(EpisodeSpec spec) {
        platform.close();
        queues.clear();
        workers.clear();
        outputIndex = 0;
        crashes = 0;
        this.spec = spec;
        rng = Seeds.source(spec.seed(), "live-platform");
        // program start a little ahead, so the initial functions are up when model time 0 comes
        clock = new FarmClock(System.nanoTime() + 200_000_000L + 5_000_000L * spec.initialWorkers(), compression);
        LocalPlatform local = platform instanceof LocalPlatform l ? l : null;
        if (local != null) {
            local.delayDeploys(false);
        }
        startCollector();
        for (int i = 1; i <= spec.initialWorkers(); i++) {
            startWorker(i);
        }
        // the emitter is part of the initial deployment too: were it to pay a scale-up latency, the
        // first tasks would be pushed late (after model time 0) and miss deadlines the model meets
        startEmitter();
        if (local != null) {
            local.delayDeploys(true);
        }
        sleepUntil(0.0);
    }

    private void startEmitter() {
        deployAndStart(new Emitter(queues, clock, spec.workload()), queues.names().emitterStart());
    }

    private void startCollector() {
        deployAndStart(new Collector(queues, clock, pollSeconds), queues.names().collectorStart());
    }

    private void startWorker(int index) {
        Worker worker = new Worker("worker-" + index, queues, clock, TaskProcessor.sleeping(), pollSeconds);
        deployAndStart(worker, queues.names().workerStart());
        workers.add(index);
    }

    /** Deploys and invokes {@code function}, then waits for its START on {@code startQueue}. */
    private void deployAndStart(FarmFunction function, String startQueue) {
        platform.deploy(function);
        platform.invoke(function.name());
        awaitStart(startQueue, function.name());
    }

    /** Waits until {@code name} has announced itself on {@code queue}. */
    private void awaitStart(String queue, String name) {
        long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            Long removed = queues.retry("read " + queue, () -> queues.client().lrem(queue, 1, name));
            if (removed != null && removed > 0) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " did not announce START on " + queue + " within 30 s");
    }

    @Override
    public ScaleOutcome scale(int delta) {
        int applied = 0;
        double t0 = clock.nowSeconds();
        for (int i = 0; i < Math.abs(delta); i++) {
            if (delta > 0) {
                int index = 1;
                while (workers.contains(index)) {
                    index++;
                }
                startWorker(index);
                applied++;
            } else {
                if (workers.isEmpty()) {
                    break;
                }
                double started = clock.nowSeconds();
                double minimum = profile.scaleDownSeconds(rng);
                queues.retry("send SCALE_DOWN", () -> queues.client().lpush(queues.names().workerControlSyn(),
                        Worker.SCALE_DOWN));
                String name = awaitAck();
                platform.remove(name);
                workers.remove(Integer.parseInt(name.substring("worker-".length())));
                sleepUntil(started + minimum);
                applied--;
            }
        }
        return new ScaleOutcome(applied, clock.nowSeconds() - t0);
    }

    private String awaitAck() {
        long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            String ack = queues.retry("read the ACK queue", () -> queues.client().rpop(queues.names().workerControlAck()));
            if (ack != null) {
                return ack;
            }
            pause();
        }
        throw new IllegalStateException("no worker acknowledged SCALE_DOWN within 30 s");
    }

    @Override
    public void advanceTo(double modelSeconds) {
        while (clock.nowSeconds() < modelSeconds) {
            reap();
            double leftWall = (modelSeconds - clock.nowSeconds()) / compression;
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

    /**
     * Returns the tasks of workers that died (not after an ACK) to the queue and redeploys them; redeploys
     * a collector that died (the new one records what the old one had taken) and an emitter that died
     * before it pushed every task (the new one resumes after the last task pushed).
     */
    private void reap() {
        if (platform.exited(Emitter.NAME)) {
            // removed either way, so the flag is read once when the emitter ends, not on every call
            platform.remove(Emitter.NAME);
            if (!"1".equals(queues.retry("read the generation-done flag",
                    () -> queues.client().get(queues.names().generationDone())))) {
                crashes++;
                LOG.warn("the emitter died after {} of {} tasks; redeploying it", queues.emitted(),
                        spec.workload().size());
                startEmitter();
            }
        }
        if (platform.exited(Collector.NAME)) {
            crashes++;
            LOG.warn("the collector died; redeploying it");
            platform.remove(Collector.NAME);
            startCollector();
        }
        for (Integer index : List.copyOf(workers)) {
            String name = "worker-" + index;
            if (platform.exited(name)) {
                int recovered = queues.recover(name);
                crashes++;
                LOG.warn("{} died; {} task(s) returned to the queue; redeploying it", name, recovered);
                platform.remove(name);
                workers.remove(index);
                startWorker(index);
            }
        }
    }

    @Override
    public double nowSeconds() {
        return clock.nowSeconds();
    }

    @Override
    public Telemetry telemetry() {
        var names = queues.names();
        var redis = queues.client();
        return queues.retry("read telemetry", () -> {
            long input = redis.llen(names.input());
            long waiting = redis.llen(names.worker());
            long results = redis.llen(names.result());
            long output = redis.llen(names.output());
            String enq = redis.get(names.enqueuedTotal());
            boolean done = "1".equals(redis.get(names.generationDone()));
            long dead = redis.llen(names.deadLetter());
            return new Telemetry(clock.nowSeconds(), (int) input, (int) waiting, (int) results, (int) output,
                    workers.size(), enq == null ? 0 : Long.parseLong(enq), spec.workload().size(), done, (int) dead, 0);
        });
    }

    @Override
    public List<CompletedTask> drainCollected() {
        List<String> raw = queues.retry("read the output queue",
                () -> queues.client().lrange(queues.names().output(), outputIndex, -1));
        outputIndex += raw.size();
        List<CompletedTask> out = new ArrayList<>(raw.size());
        for (String json : raw) {
            TaskMessage m = Messages.decode(json);
            out.add(new CompletedTask(m.id(), m.phase(), m.generationSeconds(), m.workStartSeconds(),
                    m.collectSeconds(), m.serviceSeconds(), m.deadlineSeconds(), m.worker()));
        }
        return out;
    }

    /** Where every task of the current episode went so far. */
    public EpisodeAccount account() {
        var names = queues.names();
        var redis = queues.client();
        return queues.retry("read the account", () -> {
            long generated = parse(redis.get(names.enqueuedTotal()));
            long collected = redis.llen(names.output());
            long dead = redis.llen(names.deadLetter());
            long inFarm = redis.llen(names.worker()) + redis.llen(names.result());
            for (String key : queues.processingLists()) {
                inFarm += redis.llen(key);
            }
            long lost = Math.max(0, generated - collected - dead - inFarm);
            return new EpisodeAccount(generated, collected, dead, parse(redis.get(names.duplicates())),
                    parse(redis.get(names.recovered())), lost);
        });
    }

    /** Crashes of workers, the collector and the emitter that the reaper handled this episode. */
    public int crashes() {
        return crashes;
    }

    /** The platform the functions run on. */
    public Platform platform() {
        return platform;
    }

    private static long parse(String v) {
        return v == null ? 0 : Long.parseLong(v);
    }

    private void sleepUntil(double modelSeconds) {
        try {
            clock.sleepUntil(modelSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            queues.retry("send TERMINATE", () -> queues.client().set(queues.names().terminate(), "1"));
        } catch (RuntimeException e) {
            LOG.warn("could not send TERMINATE: {}", e.getMessage());
        }
        platform.close();
        queues.close();
        if (alsoClose != null) {
            try {
                alsoClose.close();
            } catch (Exception e) {
                LOG.warn("could not stop the private redis-server: {}", e.getMessage());
            }
        }
    }
}
