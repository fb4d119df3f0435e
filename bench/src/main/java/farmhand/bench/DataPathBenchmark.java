package farmhand.bench;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.LivenessSettings;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The farm's data path without the processing: one task through every Redis round trip the live farm
 * makes for it, on a private {@code redis-server} (needs {@code redis-server} on the PATH). The emitter's
 * push (with the enqueue and progress counters), a worker's loop turn (reliable move into its
 * processing list, its delivery counted and its visibility timeout set), the worker's completion (result
 * pushed only while the worker still owns the task, processing list cleared), the collector's
 * take into its processing list and its once-only record. Microseconds per task, one thread, so this is
 * the round-trip floor that the live farm's data-path overhead (measured by {@code scaling-curve}, with
 * 16-32 concurrent workers) sits on. {@code fsync} compares the private Redis's append-only settings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataPathBenchmark {

    private static final String WORKER = new WorkerName(1).toString();
    /** Compression 20 and the default liveness: the take sets the task's visibility timeout and counts it. */
    private static final EpisodeSettings EPISODE = new EpisodeSettings(20, 0.1, LivenessSettings.DEFAULTS);

    /** The private Redis's {@code appendfsync}: once a second (the default) or after every write. */
    @Param({"EVERY_SECOND", "ALWAYS"})
    public EmbeddedRedis.AppendFsync fsync;

    private EmbeddedRedis redis;
    private RedisQueues queues;
    private int id;

    @Setup(Level.Trial)
    public void startRedis() {
        redis = EmbeddedRedis.start(fsync);
        queues = new RedisQueues(redis.url(), new QueueNames("bench:", "run1"), Duration.ofSeconds(5));
        queues.registerRun("run1", Long.MAX_VALUE); // the run's writes are taken only while it is registered
    }

    /** Keeps the output list and the collected-id set from growing across iterations. */
    @Setup(Level.Iteration)
    public void clear() {
        queues.clear();
    }

    @TearDown(Level.Trial)
    public void stopRedis() {
        queues.close();
        redis.close();
    }

    @Benchmark
    public long oneTaskThroughTheFarm() {
        int taskId = id++;
        queues.emit(new TaskMessage("run1", taskId, 1, 0.0, 2.0, 2048, 4.0, 2.0, 0.0, null, Double.NaN, Double.NaN,
                Double.NaN));
        RedisQueues.WorkerStep step = queues.workerStep(WORKER, EPISODE);
        if (step.kind() != RedisQueues.WorkerStep.Kind.TASK) {
            throw new IllegalStateException("the worker found " + step.kind() + ", not the task just emitted");
        }
        TaskMessage task = Messages.decode(step.payload());
        queues.complete(WORKER, step.payload(), task.processed(WORKER, 0.0, 2.0));
        List<String> taken = queues.takeResults(1);
        TaskMessage result = Messages.decode(taken.get(0));
        return queues.collect(List.of(new RedisQueues.Collected(result.id(), Messages.encode(result.collected(2.0)),
                taken.get(0))));
    }
}
