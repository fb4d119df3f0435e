package farmhand.farm.queue;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ListDirection;
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
    private static final String COMPLETE = "redis.call('LPUSH', KEYS[1], ARGV[1]); "
            + "return redis.call('LREM', KEYS[2], 1, ARGV[2])";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisClient redis;
    private final String url;
    private final QueueNames names;
    private final Duration giveUpAfter;

    /**
     * @param url Redis URL, e.g. {@code redis://127.0.0.1:6379}
     * @param names key names
     * @param giveUpAfter how long to keep retrying a failing call, positive
     */
    public RedisQueues(String url, QueueNames names, Duration giveUpAfter) {
        this.url = url;
        this.names = names;
        this.giveUpAfter = giveUpAfter;
        this.redis = RedisClient.create(java.net.URI.create(url));
    }

    public QueueNames names() {
        return names;
    }

    public String url() {
        return url;
    }

    /** Runs {@code call}, retrying connection failures with backoff 10 ms .. 1 s until {@code giveUpAfter}. */
    public <T> T retry(String what, Supplier<T> call) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long backoffMillis = 10;
        while (true) {
            try {
                return call.get();
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                if (e instanceof redis.clients.jedis.exceptions.JedisDataException) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Redis at " + url + " unreachable for " + giveUpAfter.toSeconds()
                            + " s while trying to " + what + ": " + e.getMessage(), e);
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

    /** Pushes a task to {@code worker_queue} and increments the enqueue counter in one script. */
    public long enqueue(TaskMessage task) {
        String json = Messages.encode(task);
        return retry("enqueue task " + task.id(), () -> (Long) redis.eval(ENQUEUE,
                List.of(names.worker(), names.enqueuedTotal()), List.of(json)));
    }

    /** Pushes raw text to {@code worker_queue} with the counter (tests use it for malformed messages). */
    public long enqueueRaw(String raw) {
        return retry("enqueue", () -> (Long) redis.eval(ENQUEUE, List.of(names.worker(), names.enqueuedTotal()),
                List.of(raw)));
    }

    /**
     * The task {@code worker} should process next: one left in its processing list (taken by a call
     * whose reply was lost to a Redis failure) or else the oldest waiting task, moved into the
     * processing list; null when none waits.
     */
    public String take(String worker) {
        return retry("take a task for " + worker, () -> {
            String orphan = redis.lindex(names.processing(worker), -1);
            if (orphan != null) {
                return orphan;
            }
            return redis.lmove(names.worker(), names.processing(worker), ListDirection.RIGHT, ListDirection.LEFT);
        });
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
            for (String key : redis.keys(names.prefix() + "processing:*")) {
                redis.del(key);
            }
            return null;
        });
    }

    @Override
    public void close() {
        redis.close();
    }
}
