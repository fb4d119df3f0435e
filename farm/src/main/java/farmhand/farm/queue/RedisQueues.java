package farmhand.farm.queue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The farm's Redis operations: atomic enqueue with the mirrored counter, reliable take into a
 * per-worker processing list, atomic completion, dead-lettering, recovery of a dead worker's
 * tasks. Every call is retried on connection errors with bounded exponential backoff; when Redis
 * stays unreachable the call fails with an {@link IllegalStateException} naming the URL.
 *
 * <p>Thread-safe (the Jedis client pools connections).
 */
public final class RedisQueues implements AutoCloseable {

    private static final String ENQUEUE = "redis.call('LPUSH', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])";
    /** ENQUEUE that also counts the emitter's progress: KEYS worker queue, counter, emitted. */
    private static final String EMIT = "redis.call('LPUSH', KEYS[1], ARGV[1]); redis.call('INCR', KEYS[3]); "
            + "return redis.call('INCR', KEYS[2])";
    /** Pushes ARGV to KEYS[1] (input queue) unless KEYS[2] (the pushed flag) is set. */
    private static final String PUSH_DESCRIPTORS = "if redis.call('SETNX', KEYS[2], '1') == 1 then "
            + "for i = 1, #ARGV do redis.call('LPUSH', KEYS[1], ARGV[i]) end end";
    private static final String COMPLETE = "redis.call('LPUSH', KEYS[1], ARGV[1]); "
            + "return redis.call('LREM', KEYS[2], 1, ARGV[2])";
    /**
     * One turn of a worker's loop in one round trip: the TERMINATE flag, then the control queue, then
     * an orphan in the worker's processing list, then a reliable move from {@code worker_queue}.
     * KEYS: terminate, control, processing list, worker queue. Returns {kind, payload}.
     */
    private static final String WORKER_STEP = "if redis.call('GET', KEYS[1]) == '1' then return {'TERMINATE', ''} end "
            + "local c = redis.call('RPOP', KEYS[2]) if c then return {'CONTROL', c} end "
            + "local o = redis.call('LINDEX', KEYS[3], -1) if o then return {'TASK', o} end "
            + "local t = redis.call('LMOVE', KEYS[4], KEYS[3], 'RIGHT', 'LEFT') if t then return {'TASK', t} end "
            + "return {'IDLE', ''}";
    /**
     * Records results once each and empties the collector's processing list: KEYS collected ids,
     * duplicates counter, output, collecting; ARGV id1, json1, id2, json2, ... Returns how many were
     * recorded (the rest were duplicates, counted).
     */
    private static final String COLLECT = "local n = 0 for i = 1, #ARGV, 2 do "
            + "if redis.call('SADD', KEYS[1], ARGV[i]) == 0 then redis.call('INCR', KEYS[2]) "
            + "else redis.call('RPUSH', KEYS[3], ARGV[i + 1]) n = n + 1 end end redis.call('DEL', KEYS[4]) return n";
    /**
     * Moves up to ARGV[1] results from KEYS[1] (result queue) to KEYS[2] (collecting) and returns all
     * of KEYS[2], oldest first: what a crashed collector left there comes back with the new ones.
     */
    private static final String TAKE_RESULTS = "for i = 1, tonumber(ARGV[1]) do "
            + "if not redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT') then break end end "
            + "local all = redis.call('LRANGE', KEYS[2], 0, -1) local out = {} "
            + "for i = #all, 1, -1 do out[#out + 1] = all[i] end return out";
    /** Connections in the pool: every function of a 32-worker farm holds one at a time, with room to spare. */
    private static final int POOL_SIZE = 128;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisClient redis;
    private final String url;
    private final QueueNames names;
    private final Duration giveUpAfter;

    /**
     * Connects lazily: a Redis that is not there yet fails the first call (retried), not this constructor.
     *
     * @param url Redis URL, {@code redis://host:port[/db]} or {@code rediss://...}, e.g. {@code redis://127.0.0.1:6379}
     * @param names key names
     * @param giveUpAfter how long to keep retrying a failing call, positive
     * @throws IllegalArgumentException when {@code url} is not a Redis URL (the message names it)
     */
    public RedisQueues(String url, QueueNames names, Duration giveUpAfter) {
        if (giveUpAfter == null || giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("giveUpAfter must be positive, was " + giveUpAfter);
        }
        this.url = url;
        this.names = names;
        this.giveUpAfter = giveUpAfter;
        var pool = new redis.clients.jedis.ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        this.redis = RedisClient.builder().fromURI(redisUri(url)).poolConfig(pool).build();
    }

    private static URI redisUri(String url) {
        String expected = " (expected redis://host:port, e.g. redis://127.0.0.1:6379)";
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Redis URL given" + expected);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a Redis URL" + expected + ": " + e.getMessage(), e);
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not a Redis URL" + expected);
        }
        return uri;
    }

    /**
     * Checks that a Redis answers at {@link #url()} (PING), retrying for up to {@code within}: a Redis that
     * is absent when a run starts is a setting to fix, not a hiccup to wait out for {@code giveUpAfter}.
     *
     * @throws IllegalStateException naming the URL and the last error when none answered in time
     */
    public void requireReachable(Duration within) {
        retry("check that it answers", within, redis::ping);
    }

    public QueueNames names() {
        return names;
    }

    public String url() {
        return url;
    }

    /** Runs {@code call}, retrying connection failures with backoff 10 ms .. 1 s until {@code giveUpAfter}. */
    public <T> T retry(String what, Supplier<T> call) {
        return retry(what, giveUpAfter, call);
    }

    private <T> T retry(String what, Duration within, Supplier<T> call) {
        long deadline = System.nanoTime() + within.toNanos();
        long backoffMillis = 10;
        while (true) {
            try {
                return call.get();
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                if (e instanceof redis.clients.jedis.exceptions.JedisDataException) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "Redis at %s unreachable for %.1f s "
                            + "while trying to %s: %s", url, within.toMillis() / 1000.0, what, e.getMessage()), e);
                }
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + what, ie);
                }
                backoffMillis = Math.min(1000, backoffMillis * 2);
            }
        }
    }

    /**
     * The emitter's push: pushes a task to {@code worker_queue}, increments the enqueue counter and
     * counts the task in {@link QueueNames#emitted()}, in one atomic script, so a redeployed emitter
     * knows exactly where to resume.
     *
     * @return the enqueue counter after the push
     */
    public long emit(TaskMessage task) {
        String json = Messages.encode(task);
        return retry("emit task " + task.id(), () -> (Long) redis.eval(EMIT,
                List.of(names.worker(), names.enqueuedTotal(), names.emitted()), List.of(json)));
    }

    /** How many tasks the emitter has pushed this episode ({@link #emit}). */
    public long emitted() {
        String n = retry("read the emitter's progress", () -> redis.get(names.emitted()));
        return n == null ? 0 : Long.parseLong(n);
    }

    /**
     * Pushes the phase descriptors to {@code input_queue} once per episode, atomically: a redeployed
     * emitter calling it again pushes nothing.
     */
    public void pushPhaseDescriptors(List<String> descriptors) {
        retry("push the phase descriptors", () -> redis.eval(PUSH_DESCRIPTORS,
                List.of(names.input(), names.descriptorsPushed()), descriptors));
    }

    /** Pushes raw text to {@code worker_queue} with the counter (tests use it for malformed messages). */
    public long enqueueRaw(String raw) {
        return retry("enqueue", () -> (Long) redis.eval(ENQUEUE, List.of(names.worker(), names.enqueuedTotal()),
                List.of(raw)));
    }

    /** What one turn of a worker's loop found; {@code payload} is the control message or the raw task. */
    public record WorkerStep(Kind kind, String payload) {

        /** What the worker should do. */
        public enum Kind { TERMINATE, CONTROL, TASK, IDLE }
    }

    /**
     * One turn of {@code worker}'s loop in a single atomic round trip: TERMINATE if the flag is set,
     * else a control message if one waits (it is consumed), else its orphaned task or the oldest
     * waiting one (moved into its processing list), else IDLE.
     */
    public WorkerStep workerStep(String worker) {
        List<?> reply = retry("run a loop turn for " + worker, () -> (List<?>) redis.eval(WORKER_STEP,
                List.of(names.terminate(), names.workerControlSyn(), names.processing(worker), names.worker()),
                List.of()));
        return new WorkerStep(WorkerStep.Kind.valueOf((String) reply.get(0)), (String) reply.get(1));
    }

    /**
     * Records the collector's taken results once each, in one atomic round trip: appends each JSON to
     * {@code output_queue} unless its task id was collected before, in which case the duplicate is
     * counted instead, and empties the collector's processing list ({@link QueueNames#collecting()}).
     *
     * @param idsAndJson task id, collected JSON, task id, collected JSON, ... (in collection order);
     *                   empty to drop what was taken (every one of it dead-lettered)
     * @return how many were recorded (not duplicates)
     */
    public long collect(List<String> idsAndJson) {
        if (idsAndJson.size() % 2 != 0) {
            throw new IllegalArgumentException("collect takes (id, json) pairs, got " + idsAndJson.size() + " values");
        }
        Long added = retry("record " + idsAndJson.size() / 2 + " result(s)", () -> (Long) redis.eval(COLLECT,
                List.of(names.collectedIds(), names.duplicates(), names.output(), names.collecting()), idsAndJson));
        return added == null ? 0 : added;
    }

    /**
     * Waits up to {@code timeoutSeconds} (wall) for a result and moves it into the collector's processing
     * list, where it stays until {@link #collect} records it.
     *
     * @return the result, or null when none came
     */
    public String awaitResult(double timeoutSeconds) {
        return retry("take a result", () -> redis.blmove(names.result(), names.collecting(), ListDirection.RIGHT,
                ListDirection.LEFT, timeoutSeconds));
    }

    /**
     * Moves up to {@code max} more waiting results into the collector's processing list and returns
     * everything in it, oldest first: the results taken now and any that an earlier (crashed) collector
     * took and never recorded.
     *
     * @param max most results to move, {@code >= 0}
     */
    @SuppressWarnings("unchecked")
    public List<String> takeResults(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        List<String> taken = retry("take results", () -> (List<String>) redis.eval(TAKE_RESULTS,
                List.of(names.result(), names.collecting()), List.of(Integer.toString(max))));
        return taken == null ? List.of() : taken;
    }

    /** Pushes the result and drops the raw task from {@code worker}'s processing list, atomically. */
    public void complete(String worker, String raw, TaskMessage result) {
        String json = Messages.encode(result);
        retry("complete task " + result.id(), () -> redis.eval(COMPLETE,
                List.of(names.result(), names.processing(worker)), List.of(json, raw)));
    }

    /** Moves a malformed message to the dead-letter queue with {@code reason}, dropping it from {@code from}. */
    public void deadLetter(String raw, String reason, String from) {
        String entry = JSON.writeValueAsString(java.util.Map.of("message", raw, "reason", reason));
        retry("dead-letter a message", () -> {
            redis.lpush(names.deadLetter(), entry);
            if (from != null) {
                redis.lrem(from, 1, raw);
            }
            return null;
        });
    }

    /** Returns every task in {@code worker}'s processing list to {@code worker_queue} (it died); returns how many. */
    public int recover(String worker) {
        return retry("recover the tasks of " + worker, () -> {
            int n = 0;
            while (redis.lmove(names.processing(worker), names.worker(), ListDirection.RIGHT, ListDirection.RIGHT) != null) {
                n++;
            }
            if (n > 0) {
                redis.incrBy(names.recovered(), n);
            }
            return n;
        });
    }

    /** The underlying client, for the functions' simple list operations (wrap calls in {@link #retry}). */
    public RedisClient client() {
        return redis;
    }

    /** Deletes every key of the farm, including processing lists. */
    public void clear() {
        retry("clear the farm's keys", () -> {
            redis.del(names.all());
            for (String key : processingLists()) {
                redis.del(key);
            }
            return null;
        });
    }

    /**
     * Every processing list of this farm (workers' and the collector's) that holds something, found with
     * SCAN (not KEYS, which would block a shared Redis while it walks every key).
     */
    public List<String> processingLists() {
        return retry("list the processing lists", () -> {
            Set<String> found = new TreeSet<>();
            ScanParams match = new ScanParams().match(names.prefix() + "processing:*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, match);
                found.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return List.copyOf(found);
        });
    }

    @Override
    public void close() {
        redis.close();
    }
}
