package farmhand.farm.sim;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.workload.Seeds;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A discrete-event model of the farm on a virtual clock (DESIGN "simulated backend").
 *
 * <p>What it models: the emitter pushing each task at its generation time; a FIFO
 * {@code worker_queue}; workers that, when idle, poll every {@code workerPollSeconds} on their own
 * grid (check control first, then pop), and that take the next task at once after finishing one;
 * a collector that drains {@code result_queue} and sleeps {@code collectorPollSeconds} when it is
 * empty; a Redis round trip of {@code hopSeconds} per pop; scale-ups that block the step for a
 * latency drawn from the platform profile, the new worker taking tasks only once it has started;
 * scale-downs where the first worker to reach the top of its loop (an idle one at its next poll,
 * else the first to finish its task) acknowledges and leaves, the step blocking for the larger of
 * the profile's latency and that wait.
 *
 * <p>Deterministic: the workload and {@link EpisodeSpec#seed()} fix every number. Not
 * thread-safe; one instance runs one episode at a time and may be reused.
 */
public final class SimulatedFarm implements FarmBackend {

    private static final int ARRIVAL = 0;
    private static final int WORKER_READY = 1;
    private static final int WORKER_POLL = 2;
    private static final int WORKER_FINISH = 3;
    private static final int COLLECTOR_POLL = 4;

    private static final int STARTING = 0;
    private static final int IDLE = 1;
    private static final int BUSY = 2;
    private static final int GONE = 3;

    private final SimulatorConfig config;
    private final EventHeap events = new EventHeap();
    private final List<SimWorker> workers = new ArrayList<>();
    /** The workers not yet GONE, in index order: what the scans of dispatch and scale-down walk. */
    private final List<SimWorker> present = new ArrayList<>();
    private final IntQueue workerQueue = new IntQueue();
    private final IntQueue resultQueue = new IntQueue();
    private final List<CompletedTask> collectedSinceDrain = new ArrayList<>();

    private Workload workload;
    private Task[] tasks;
    private double[] workStart;
    private UniformRandomProvider platformRng;
    private double now;
    private long sequence;
    private int nextArrival;
    private long enqueuedTotal;
    private int collected;
    private int pendingPolls;
    private int liveWorkers;
    private double collectorIdleSince;
    private boolean collectorPollPending;

    public SimulatedFarm(SimulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The calibrated default: {@link SimulatorConfig#paper()}. */
    public static SimulatedFarm paper() {
        return new SimulatedFarm(SimulatorConfig.paper());
    }

    public SimulatorConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public void start(EpisodeSpec spec) {
        workload = spec.workload();
        tasks = workload.tasks().toArray(Task[]::new);
        workStart = new double[tasks.length];
        platformRng = Seeds.source(spec.seed(), "platform");
        events.clear();
        workers.clear();
        present.clear();
        workerQueue.clear();
        resultQueue.clear();
        collectedSinceDrain.clear();
        now = 0;
        sequence = 0;
        nextArrival = 0;
        enqueuedTotal = 0;
        collected = 0;
        pendingPolls = 0;
        liveWorkers = 0;
        collectorIdleSince = 0;
        collectorPollPending = false;
        for (int i = 0; i < spec.initialWorkers(); i++) {
            SimWorker w = new SimWorker(workers.size());
            w.state = IDLE;
            w.idleSince = 0;
            workers.add(w);
            present.add(w);
            liveWorkers++;
        }
        scheduleNextArrival();
    }

    /**
     * Scales by {@code delta} workers. One worker (the paper's actions) blocks for its measured scale-up or
     * scale-down latency. Several workers in one call model a platform that sets a replica count (a Kubernetes
     * Deployment's {@code replicas}): the requests go out together, each worker with its own sampled latency,
     * and the call returns when the last one is done (the longest latency, not their sum), as the live backend
     * starts them (and sends their SCALE_DOWNs) together.
     */
    @Override
    public ScaleOutcome scale(int delta) {
        double blocked = 0;
        int applied = 0;
        for (int i = 0; i < Math.abs(delta); i++) {
            double seconds = delta > 0 ? addWorker() : removeWorker();
            if (Double.isNaN(seconds)) {
                break;
            }
            blocked = Math.max(blocked, seconds);
            applied += Integer.signum(delta);
        }
        if (applied != 0) {
            advanceTo(now + blocked);
        }
        return new ScaleOutcome(applied, blocked);
    }

    private double addWorker() {
        double latency = config.latencyProfile().scaleUpSeconds(platformRng);
        SimWorker w = new SimWorker(workers.size());
        w.state = STARTING;
        w.readyAt = now + latency;
        workers.add(w);
        present.add(w);
        liveWorkers++;
        push(now + latency, WORKER_READY, w.index);
        return latency;
    }

    /** Sends one SCALE_DOWN: returns how long it blocks, or NaN when no worker is left to remove. */
    private double removeWorker() {
        SimWorker chosen = null;
        double chosenAt = Double.POSITIVE_INFINITY;
        for (SimWorker w : present) {
            if (w.leaving) {
                continue;
            }
            double loopTop = switch (w.state) {
                case IDLE -> nextGridTime(w.idleSince, config.workerPollSeconds());
                case BUSY -> w.finishAt;
                default -> w.readyAt;
            };
            if (loopTop < chosenAt) {
                chosenAt = loopTop;
                chosen = w;
            }
        }
        if (chosen == null) {
            return Double.NaN;
        }
        chosen.leaving = true;
        chosen.leaveAt = chosenAt;
        liveWorkers--;
        if (chosen.state == IDLE) {
            leave(chosen);
            if (chosen.pollPending) {
                chosen.pollPending = false;
                pendingPolls--;
            }
            dispatch();
        }
        double ackWait = chosenAt - now + config.hopSeconds();
        return Math.max(config.latencyProfile().scaleDownSeconds(platformRng), ackWait);
    }

    @Override
    public void advanceTo(double modelSeconds) {
        while (!events.isEmpty() && events.peekTime() <= modelSeconds) {
            now = events.peekTime();
            int type = events.peekType();
            int subject = events.peekSubject();
            events.removeHead();
            handle(type, subject);
        }
        now = Math.max(now, modelSeconds);
    }

    @Override
    public double nowSeconds() {
        return now;
    }

    @Override
    public Telemetry telemetry() {
        boolean generationDone = nextArrival >= tasks.length && now >= workload.generationEndSeconds();
        return new Telemetry(now, workload.inputQueueLength(now), workerQueue.size(), resultQueue.size(),
                collected, liveWorkers, enqueuedTotal, tasks.length, generationDone, 0, 0);
    }

    @Override
    public List<CompletedTask> drainCollected() {
        List<CompletedTask> out = List.copyOf(collectedSinceDrain);
        collectedSinceDrain.clear();
        return out;
    }

    @Override
    public void close() {
        events.clear();
    }

    private void handle(int type, int subject) {
        switch (type) {
            case ARRIVAL -> {
                workerQueue.add(subject);
                enqueuedTotal++;
                scheduleNextArrival();
                dispatch();
            }
            case WORKER_READY -> {
                SimWorker w = workers.get(subject);
                if (w.state == STARTING) {
                    freeOrLeave(w);
                    dispatch();
                }
            }
            case WORKER_POLL -> {
                SimWorker w = workers.get(subject);
                if (w.pollPending) {
                    w.pollPending = false;
                    pendingPolls--;
                    if (w.state == IDLE) {
                        takeIfAny(w);
                    }
                }
                dispatch();
            }
            case WORKER_FINISH -> {
                SimWorker w = workers.get(subject);
                resultQueue.add(w.task);
                if (!collectorPollPending) {
                    collectorPollPending = true;
                    push(Math.max(now, nextGridTime(collectorIdleSince, config.collectorPollSeconds())),
                            COLLECTOR_POLL, -1);
                }
                freeOrLeave(w);
                dispatch();
            }
            case COLLECTOR_POLL -> {
                double t = now;
                while (resultQueue.size() > 0) {
                    int id = resultQueue.poll();
                    t += config.hopSeconds();
                    Task task = tasks[id];
                    collectedSinceDrain.add(new CompletedTask(task.id(), task.phase(), task.generationSeconds(),
                            workStart[id], t, task.serviceSeconds(), task.deadlineSeconds(), null));
                    collected++;
                }
                collectorIdleSince = t;
                collectorPollPending = false;
            }
            default -> throw new IllegalStateException("unknown event type " + type);
        }
    }

    /** A worker with nothing in hand leaves if asked to, else goes idle and takes the queue head at once. */
    private void freeOrLeave(SimWorker w) {
        if (w.leaving) {
            leave(w);
            return;
        }
        w.state = IDLE;
        w.idleSince = now;
        takeIfAny(w);
    }

    /** An idle worker at the top of its loop pops the queue head, if there is one. */
    private void takeIfAny(SimWorker w) {
        if (workerQueue.size() == 0) {
            return;
        }
        int id = workerQueue.poll();
        double start = now + config.hopSeconds();
        workStart[id] = start;
        w.state = BUSY;
        w.task = id;
        w.finishAt = start + tasks[id].serviceSeconds();
        push(w.finishAt, WORKER_FINISH, w.index);
    }

    /** Keeps at least as many idle workers' polls scheduled as there are waiting tasks. */
    private void dispatch() {
        while (workerQueue.size() > pendingPolls) {
            SimWorker best = null;
            double bestAt = Double.POSITIVE_INFINITY;
            for (SimWorker w : present) {
                if (w.state == IDLE && !w.pollPending && !w.leaving) {
                    double at = nextGridTime(w.idleSince, config.workerPollSeconds());
                    if (at < bestAt) {
                        bestAt = at;
                        best = w;
                    }
                }
            }
            if (best == null) {
                return;
            }
            best.pollPending = true;
            pendingPolls++;
            push(bestAt, WORKER_POLL, best.index);
        }
    }

    /** The first time {@code >= now} on the grid {@code anchor + k * period}, k >= 1. */
    private double nextGridTime(double anchor, double period) {
        if (now <= anchor) {
            return anchor + period;
        }
        double k = Math.ceil((now - anchor) / period - 1e-12);
        return anchor + Math.max(1, k) * period;
    }

    private void scheduleNextArrival() {
        if (nextArrival < tasks.length) {
            Task t = tasks[nextArrival];
            push(t.generationSeconds(), ARRIVAL, nextArrival);
            nextArrival++;
        }
    }

    /** A worker is gone: it no longer counts for dispatch or scale-down. */
    private void leave(SimWorker w) {
        w.state = GONE;
        present.remove(w);
    }

    private void push(double time, int type, int subject) {
        events.add(time, sequence++, type, subject);
    }

    /**
     * The pending events, earliest first and, at equal times, in the order they were pushed: a binary
     * min-heap on (time, sequence) kept in primitive arrays, so the hot loop allocates nothing. Keys are
     * unique (the sequence is), so it pops in exactly the order of any other correct priority queue.
     */
    private static final class EventHeap {
        private double[] time = new double[256];
        private long[] seq = new long[256];
        private int[] type = new int[256];
        private int[] subject = new int[256];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double peekTime() {
            return time[0];
        }

        int peekType() {
            return type[0];
        }

        int peekSubject() {
            return subject[0];
        }

        void clear() {
            size = 0;
        }

        void add(double t, long s, int ty, int su) {
            if (size == time.length) {
                int n = size * 2;
                time = java.util.Arrays.copyOf(time, n);
                seq = java.util.Arrays.copyOf(seq, n);
                type = java.util.Arrays.copyOf(type, n);
                subject = java.util.Arrays.copyOf(subject, n);
            }
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!before(t, s, time[parent], seq[parent])) {
                    break;
                }
                move(parent, k);
                k = parent;
            }
            set(k, t, s, ty, su);
        }

        void removeHead() {
            int last = --size;
            if (last == 0) {
                return;
            }
            double t = time[last];
            long s = seq[last];
            int ty = type[last];
            int su = subject[last];
            int k = 0;
            int half = last >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                int right = child + 1;
                if (right < last && before(time[right], seq[right], time[child], seq[child])) {
                    child = right;
                }
                if (!before(time[child], seq[child], t, s)) {
                    break;
                }
                move(child, k);
                k = child;
            }
            set(k, t, s, ty, su);
        }

        private static boolean before(double t1, long s1, double t2, long s2) {
            int c = Double.compare(t1, t2);
            return c < 0 || (c == 0 && s1 < s2);
        }

        private void move(int from, int to) {
            time[to] = time[from];
            seq[to] = seq[from];
            type[to] = type[from];
            subject[to] = subject[from];
        }

        private void set(int k, double t, long s, int ty, int su) {
            time[k] = t;
            seq[k] = s;
            type[k] = ty;
            subject[k] = su;
        }
    }

    private static final class SimWorker {
        final int index;
        int state;
        double idleSince;
        double readyAt;
        double finishAt;
        int task = -1;
        boolean pollPending;
        boolean leaving;
        double leaveAt;

        SimWorker(int index) {
            this.index = index;
        }
    }

    /** A growable FIFO of ints, to keep boxing off the hot path. */
    private static final class IntQueue {
        private int[] items = new int[256];
        private int head;
        private int tail;

        void add(int v) {
            if (tail == items.length) {
                if (head > 0) {
                    System.arraycopy(items, head, items, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    items = java.util.Arrays.copyOf(items, items.length * 2);
                }
            }
            items[tail++] = v;
        }

        int poll() {
            return items[head++];
        }

        int size() {
            return tail - head;
        }

        void clear() {
            head = 0;
            tail = 0;
        }
    }
}
