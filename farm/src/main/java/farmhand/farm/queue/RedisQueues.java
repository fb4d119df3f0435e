package farmhand.farm.queue;

import farmhand.farm.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one owner of the farm's Redis protocol: every key ({@link QueueNames}), message and script, as
 * named operations (start handshakes, scale-down SYN/ACK, terminate, heartbeats, the reliable take with
 * visibility timeouts and delivery counts, claims, completion, collection, dead-lettering, telemetry and
 * the episode's account). Nothing else touches a Redis client.
 *
 * <p>A run is live while it is registered ({@link #registerRun}). Every write a function makes (the scripts of
 * the start, the heartbeat, the worker's loop, completion, dead-lettering, collection, emission) is refused once
 * its run is no longer registered, and {@link #removeRun} unregisters the run before it deletes a key: a
 * function that outlives its stop, or a command of it still in flight, cannot re-create a removed run's keys
 * (functions see such a run as terminated). A run with no id is always live.
 *
 * <p>Every call is retried on connection errors with bounded exponential backoff; retries and outages are
 * counted ({@link #stats()}). When Redis stays unreachable a call fails with an {@link IllegalStateException}
 * naming the URL (redacted: no password is ever shown); refused credentials fail at once. Thread-safe.
 */
public final class RedisQueues implements AutoCloseable {

    /**
     * Lua prefix of every function-side write: {@code gone} is true when the run ARGV[#ARGV] is no longer in the
     * run registry KEYS[#KEYS] (both appended by {@link #gatedEval}); a run with no id is never gone.
     */
    private static final String GONE = "local gone = ARGV[#ARGV] ~= '' and "
            + "redis.call('HEXISTS', KEYS[#KEYS], ARGV[#ARGV]) == 0 ";
    /** {@link #GONE}, and a refusal (nil) when the run is gone. */
    private static final String REFUSE_IF_GONE = GONE + "if gone then return false end ";
    private static final String ENQUEUE = "redis.call('LPUSH', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])";
    /**
     * ENQUEUE that also counts the emitter's progress: KEYS worker queue, counter, emitted; ARGV task json,
     * task id. Idempotent: tasks are emitted in id order, so a task whose id is below the emitted count was
     * pushed already (a retry after Redis executed the script but its reply was lost) and is not pushed
     * again; returns -1 then.
     */
    private static final String EMIT = REFUSE_IF_GONE + "if tonumber(ARGV[2]) < tonumber(redis.call('GET', KEYS[3]) or '0') then "
            + "return -1 end redis.call('LPUSH', KEYS[1], ARGV[1]); redis.call('INCR', KEYS[3]); "
            + "return redis.call('INCR', KEYS[2])";
    /** Pushes ARGV to KEYS[1] (input queue) unless KEYS[2] (the pushed flag) is set. */
    private static final String PUSH_DESCRIPTORS = REFUSE_IF_GONE + "if redis.call('SETNX', KEYS[2], '1') == 1 then "
            + "for i = 1, #ARGV - 1 do redis.call('LPUSH', KEYS[1], ARGV[i]) end end";
    /** START: KEYS start queue, functions set, heartbeat; ARGV name, heartbeat ttl ms. */
    private static final String ANNOUNCE = REFUSE_IF_GONE + "redis.call('SET', KEYS[3], '1', 'PX', ARGV[2]) "
            + "if ARGV[3] ~= '' then redis.call('HSET', KEYS[4], ARGV[1], ARGV[3]) end "
            + "redis.call('SADD', KEYS[2], ARGV[1]) return redis.call('LPUSH', KEYS[1], ARGV[1])";
    private static final String NOW_MS = "local now = redis.call('TIME') "
            + "local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) ";
    /**
     * One turn of a worker's loop in one round trip: the TERMINATE flag, then the control queue, then an
     * orphan in the worker's processing list, then a reliable move from {@code worker_queue}, counting the
     * delivery and setting when the task stops being visible (its deadline times ARGV[2], at least ARGV[3]
     * wall ms; ARGV[4] the compression). KEYS: terminate, control, processing list, worker queue,
     * deliveries, visible-until; ARGV[1] the worker. Returns {kind, payload}; TERMINATE once the run is gone.
     */
    private static final String WORKER_STEP = GONE + "if gone or redis.call('GET', KEYS[1]) == '1' then return {'TERMINATE', ''} end "
            + "local c = redis.call('RPOP', KEYS[2]) if c then return {'CONTROL', c} end "
            + "local o = redis.call('LINDEX', KEYS[3], -1) if o then return {'TASK', o} end "
            + "local t = redis.call('LMOVE', KEYS[4], KEYS[3], 'RIGHT', 'LEFT') if not t then return {'IDLE', ''} end "
            + "redis.call('HINCRBY', KEYS[5], t, 1) "
            + "local d = tonumber(string.match(t, '\"deadlineSeconds\":([-+%d%.eE]+)')) or 0 "
            + "local ms = math.max(tonumber(ARGV[3]), d * tonumber(ARGV[2]) * 1000 / tonumber(ARGV[4])) "
            + NOW_MS + "redis.call('HSET', KEYS[6], ARGV[1], math.floor(nowMs + ms)) return {'TASK', t}";
    /**
     * Completion, acknowledged late: pushes the result only while the worker still owns the task (it was
     * not taken back from it meanwhile), else counts a stale completion. KEYS result, processing list,
     * visible-until, deliveries, stale counter; ARGV result json, raw task, worker. Returns 1 when pushed.
     */
    private static final String COMPLETE = REFUSE_IF_GONE + "if redis.call('LREM', KEYS[2], 1, ARGV[2]) == 1 then "
            + "redis.call('LPUSH', KEYS[1], ARGV[1]) redis.call('HDEL', KEYS[3], ARGV[3]) "
            + "redis.call('HDEL', KEYS[4], ARGV[2]) return 1 end redis.call('INCR', KEYS[5]) return 0";
    /** KEYS dead-letter queue, counts, source list (or the queue again); ARGV entry, reason, raw, remove?. */
    private static final String DEAD_LETTER = REFUSE_IF_GONE + "redis.call('LPUSH', KEYS[1], ARGV[1]) "
            + "redis.call('HINCRBY', KEYS[2], ARGV[2], 1) if ARGV[4] == '1' then redis.call('LREM', KEYS[3], 1, ARGV[3]) end";
    /**
     * Records results once each and empties the collector's processing list: KEYS collected ids,
     * duplicates counter, output, collecting, emitted, dead-letter queue, dead-letter counts; ARGV id1,
     * json1, raw1, id2, ... A result for a task the emitter never pushed is dead-lettered (UNKNOWN_TASK).
     * Returns how many were recorded.
     */
    private static final String COLLECT = REFUSE_IF_GONE
            + "local n = 0 local emitted = tonumber(redis.call('GET', KEYS[5]) or '0') "
            + "for i = 1, #ARGV - 1, 3 do local id = tonumber(ARGV[i]) "
            + "if id == nil or id < 0 or id >= emitted then "
            + "redis.call('LPUSH', KEYS[6], cjson.encode({message = ARGV[i + 2], reason = 'UNKNOWN_TASK', "
            + "detail = 'collector: no task ' .. ARGV[i] .. ' was emitted in this run'})) "
            + "redis.call('HINCRBY', KEYS[7], 'UNKNOWN_TASK', 1) "
            + "elseif redis.call('SADD', KEYS[1], ARGV[i]) == 0 then redis.call('INCR', KEYS[2]) "
            + "else redis.call('RPUSH', KEYS[3], ARGV[i + 1]) n = n + 1 end end redis.call('DEL', KEYS[4]) return n";
    /**
     * Moves up to ARGV[1] results from KEYS[1] (result queue) to KEYS[2] (collecting) and returns all
     * of KEYS[2], oldest first: what a crashed collector left there comes back with the new ones.
     */
    private static final String TAKE_RESULTS = REFUSE_IF_GONE + "for i = 1, tonumber(ARGV[1]) do "
            + "if not redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT') then break end end "
            + "local all = redis.call('LRANGE', KEYS[2], 0, -1) local out = {} "
            + "for i = #all, 1, -1 do out[#out + 1] = all[i] end return out";
    /**
     * The claim: for every function of the run whose heartbeat expired, and every worker holding a task past
     * its visibility timeout, takes the held task back: delivered again (to the front of the queue) or, after
     * ARGV[2] deliveries, dead-lettered (as MAX_DELIVERIES when it is a task of run ARGV[3], else as the poison
     * message it is). KEYS functions, worker queue, deliveries, visible-until, dead-letter
     * queue, counts, redelivered; ARGV[1] the run's key base. Returns {function, DEAD|HUNG, REDELIVERED|
     * DEAD_LETTERED|NONE, ...}.
     */
    private static final String CLAIM = NOW_MS + "local out = {} "
            + "for _, f in ipairs(redis.call('SMEMBERS', KEYS[1])) do "
            + "local dead = redis.call('EXISTS', ARGV[1] .. 'heartbeat:' .. f) == 0 "
            + "local pl = ARGV[1] .. 'processing:' .. f local held = nil "
            + "if f ~= 'collector' then held = redis.call('LINDEX', pl, -1) end local reason = nil "
            + "if dead then reason = 'DEAD' elseif held then local v = tonumber(redis.call('HGET', KEYS[4], f)) "
            + "if v and v < nowMs then reason = 'HUNG' end end "
            + "if reason then local outcome = 'NONE' if held then "
            + "redis.call('LREM', pl, 1, held) redis.call('HDEL', KEYS[4], f) "
            + "local n = tonumber(redis.call('HGET', KEYS[3], held) or '0') "
            + "if n >= tonumber(ARGV[2]) then redis.call('HDEL', KEYS[3], held) local kind = 'MALFORMED' "
            + "local ok, m = pcall(cjson.decode, held) if ok and type(m) == 'table' then "
            + "if m['run'] == ARGV[3] then kind = 'MAX_DELIVERIES' else kind = 'FOREIGN_RUN' end end "
            + "redis.call('LPUSH', KEYS[5], cjson.encode({message = held, reason = kind, "
            + "detail = 'delivered ' .. n .. ' times, last to ' .. f .. ' (' .. reason .. ')'})) "
            + "redis.call('HINCRBY', KEYS[6], kind, 1) outcome = 'DEAD_LETTERED' "
            + "else redis.call('RPUSH', KEYS[2], held) redis.call('INCR', KEYS[7]) outcome = 'REDELIVERED' end end "
            + "out[#out + 1] = f out[#out + 1] = reason out[#out + 1] = outcome end end return out";
    /**
     * Lua: tasks still in the farm (waiting, held in any function's processing list, or a result not yet
     * collected) into {@code inFarm}; KEYS[2] worker queue, KEYS[3] result queue, KEYS[9] functions, ARGV[1]
     * the run's key base. Shared by the snapshot and the account, so both count the same way.
     */
    private static final String IN_FARM = "local inFarm = redis.call('LLEN', KEYS[2]) + redis.call('LLEN', KEYS[3]) "
            + "for _, f in ipairs(redis.call('SMEMBERS', KEYS[9])) do "
            + "inFarm = inFarm + redis.call('LLEN', ARGV[1] .. 'processing:' .. f) end ";
    /**
     * Atomic snapshot: KEYS input, worker, result, collected ids, enqueued, done, dead counts, emitted,
     * functions; ARGV[1] the run's key base. Returns the three queue lengths, collected, enqueued, done, dead
     * tasks and lost (emitted - collected - dead tasks - in farm).
     */
    private static final String TELEMETRY = IN_FARM + "local collected = redis.call('SCARD', KEYS[4]) "
            + "local dead = tonumber(redis.call('HGET', KEYS[7], 'MAX_DELIVERIES') or '0') "
            + "return {redis.call('LLEN', KEYS[1]), redis.call('LLEN', KEYS[2]), redis.call('LLEN', KEYS[3]), collected, "
            + "tonumber(redis.call('GET', KEYS[5]) or '0'), tonumber(redis.call('GET', KEYS[6]) or '0'), dead, "
            + "tonumber(redis.call('GET', KEYS[8]) or '0') - collected - dead - inFarm}";
    /**
     * Atomic account: KEYS emitted, worker queue, result queue, collected ids, dead counts, duplicates,
     * redelivered, stale, functions; ARGV[1] the run's key base. Returns {emitted, collected, duplicates,
     * redelivered, stale, in farm, reason1, count1, ...}.
     */
    private static final String ACCOUNT = IN_FARM
            + "local out = {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('SCARD', KEYS[4]), "
            + "tonumber(redis.call('GET', KEYS[6]) or '0'), tonumber(redis.call('GET', KEYS[7]) or '0'), "
            + "tonumber(redis.call('GET', KEYS[8]) or '0'), inFarm} "
            + "local counts = redis.call('HGETALL', KEYS[5]) for i = 1, #counts do out[#out + 1] = counts[i] end return out";
    /** KEYS heartbeat; ARGV ttl ms. */
    private static final String HEARTBEAT = REFUSE_IF_GONE + "return redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])";
    /** KEYS a list; ARGV the element to push. */
    private static final String PUSH = REFUSE_IF_GONE + "return redis.call('LPUSH', KEYS[1], ARGV[1])";
    /** KEYS a flag; sets it to 1. */
    private static final String FLAG = REFUSE_IF_GONE + "return redis.call('SET', KEYS[1], '1')";
    /** KEYS the terminate flag: 1 when it is set or the run is gone, else 0. */
    private static final String TERMINATE_REQUESTED = GONE
            + "if gone or redis.call('GET', KEYS[1]) == '1' then return 1 end return 0";
    /** KEYS lease; ARGV holder, ttl ms. Takes or renews the lease; returns the other holder when taken. */
    private static final String LEASE = "local h = redis.call('GET', KEYS[1]) if h and h ~= ARGV[1] then return h end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return false";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end";
    /** Default connections in the pool: every function of a 32-worker farm holds one at a time, with room to spare. */
    public static final int DEFAULT_POOL_SIZE = 128;
    /** Most passes of {@link #removeRun}: the second finds at most what a move under way placed behind the first. */
    private static final int REMOVAL_PASSES = 5;

    /** What {@link #emit} returns once the run was removed. */
    public static final long RUN_REMOVED = -2;
    /** How often a function waiting for its run's model time 0 looks for it, wall milliseconds. */
    public static final long EPOCH_POLL_MILLIS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisClient redis;
    private final RedisEndpoint endpoint;
    private final QueueNames names;
    private final Duration giveUpAfter;
    private final Supplier<String> deathCheck;
    private final boolean ownsClient;
    /** Failed attempts, outages and the longest outage (ns), shared by every view of one client. */
    private final AtomicLong[] counters;

    /**
     * Connects lazily: a Redis that is not there yet fails the first call (retried), not this constructor.
     *
     * @param url Redis URL, {@code redis://host:port[/db]} or {@code rediss://...}, e.g. {@code redis://127.0.0.1:6379}
     * @param names key names
     * @param giveUpAfter how long to keep retrying a failing call, positive
     * @throws IllegalArgumentException when {@code url} is not a Redis URL (the message names it, redacted)
     */
    public RedisQueues(String url, QueueNames names, Duration giveUpAfter) {
        this(RedisEndpoint.of(url), names, giveUpAfter, DEFAULT_POOL_SIZE, () -> null);
    }

    /**
     * @param endpoint where the Redis is and its credentials
     * @param names key names
     * @param giveUpAfter how long to keep retrying a failing call, positive
     * @param poolSize most connections at once, {@code >= 1}
     * @param deathCheck says why the Redis is known to be gone for good (e.g. a private server that exited),
     *                   or null; a failing call gives up at once when it says so
     */
    public RedisQueues(RedisEndpoint endpoint, QueueNames names, Duration giveUpAfter, int poolSize,
                       Supplier<String> deathCheck) {
        if (giveUpAfter == null || giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("giveUpAfter must be positive, was " + giveUpAfter);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, was " + poolSize);
        }
        this.endpoint = endpoint;
        this.names = names;
        this.giveUpAfter = giveUpAfter;
        this.deathCheck = deathCheck;
        this.ownsClient = true;
        this.counters = new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()};
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        this.redis = RedisClient.builder().hostAndPort(endpoint.hostAndPort()).clientConfig(endpoint.clientConfig())
                .poolConfig(pool).build();
    }

    /** The same Redis, connection pool and statistics seen through other key names (closing it closes nothing). */
    public RedisQueues withNames(QueueNames other) {
        return new RedisQueues(this, other);
    }

    private RedisQueues(RedisQueues shared, QueueNames names) {
        this.redis = shared.redis;
        this.endpoint = shared.endpoint;
        this.names = names;
        this.giveUpAfter = shared.giveUpAfter;
        this.deathCheck = shared.deathCheck;
        this.ownsClient = false;
        this.counters = shared.counters;
    }

    /**
     * Checks that a Redis answers at {@link #endpoint()} (PING), retrying for up to {@code within}: a Redis that
     * is absent when a run starts is a setting to fix, not a hiccup to wait out for {@code giveUpAfter}.
     *
     * @throws IllegalStateException naming the URL (redacted) and the last error when none answered in time,
     *                               or at once when it refused the credentials
     */
    public void requireReachable(Duration within) {
        retry("check that it answers", within, redis::ping);
    }

    /** Waits (retrying, as every call does) until Redis answers a PING. */
    public void ping() {
        retry("check that it answers", redis::ping);
    }

    public QueueNames names() {
        return names;
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** Retries and outages this client met: for telling a disturbed episode from a clean one. */
    public ConnectionStats stats() {
        return new ConnectionStats(counters[0].get(), counters[1].get(), counters[2].get() / 1e9);
    }

    /** Starts counting {@link #stats()} afresh (at an episode's start). */
    public void resetStats() {
        for (AtomicLong c : counters) {
            c.set(0);
        }
    }

    /**
     * What this client met: failed attempts (each retried), outages (calls that needed a retry) and the
     * longest time one call waited for Redis to come back.
     */
    public record ConnectionStats(long failedAttempts, long outages, double longestOutageWallSeconds) {
    }

    private <T> T retry(String what, Supplier<T> call) {
        return retry(what, giveUpAfter, call);
    }

    /**
     * Evaluates a function-side write {@code script} (one that starts with {@link #GONE}), retried: the run
     * registry and the run id go last, so the script refuses the write once the run was removed.
     */
    private Object gatedEval(String what, String script, List<String> keys, List<String> args) {
        List<String> k = new ArrayList<>(keys.size() + 1);
        k.addAll(keys);
        k.add(names.runs());
        List<String> a = new ArrayList<>(args.size() + 1);
        a.addAll(args);
        a.add(names.run());
        return retry(what, () -> redis.eval(script, k, a));
    }

    private <T> T retry(String what, Duration within, Supplier<T> call) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        long backoffMillis = 10;
        boolean failed = false;
        while (true) {
            try {
                T result = call.get();
                if (failed) {
                    long waited = System.nanoTime() - start;
                    counters[2].accumulateAndGet(waited, Math::max);
                }
                return result;
            } catch (JedisException e) {
                if (authenticationFailure(e)) {
                    throw new IllegalStateException("Redis at " + endpoint.redacted() + " refused the credentials "
                            + "(authentication failed) while trying to " + what + ": check the password in REDIS_URL, "
                            + "--redis or --redis-password-file");
                }
                if (e instanceof JedisDataException) {
                    throw new IllegalStateException("Redis at " + endpoint.redacted() + " refused to " + what + ": "
                            + RedisEndpoint.redact(e.getMessage()));
                }
                if (!failed) {
                    failed = true;
                    counters[1].incrementAndGet();
                }
                counters[0].incrementAndGet();
                String gone = deathCheck == null ? null : deathCheck.get();
                if (gone != null) {
                    throw new IllegalStateException("Redis at " + endpoint.redacted() + " is gone (" + gone
                            + ") while trying to " + what);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "Redis at %s unreachable for %.1f s "
                            + "while trying to %s: %s", endpoint.redacted(), within.toMillis() / 1000.0, what,
                            RedisEndpoint.redact(rootMessage(e))));
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

    private static boolean authenticationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof JedisAccessControlException
                    || m != null && (m.contains("WRONGPASS") || m.contains("NOAUTH") || m.contains("invalid password"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
    }

    // ---- the episode ----------------------------------------------------------------------------------

    /** Publishes what the run's functions read when they start: its settings and its workload. */
    public void publishEpisode(EpisodeSettings settings, Workload workload) {
        String s = JSON.writeValueAsString(settings);
        String w = JSON.writeValueAsString(workload);
        retry("publish the episode", () -> {
            redis.set(names.workload(), w);
            return redis.set(names.episode(), s);
        });
    }

    /**
     * The run's settings, waiting up to {@code within} for them to be published.
     *
     * @throws IllegalStateException naming the run when none were published in time
     */
    public EpisodeSettings readEpisode(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String s = retry("read the episode's settings", () -> redis.get(names.episode()));
            if (s != null) {
                return JSON.readValue(s, EpisodeSettings.class);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no episode settings for run '" + names.run() + "' under prefix '"
                        + names.prefix() + "' at " + endpoint.redacted() + " within " + within.toSeconds() + " s");
            }
            pauseMillis(5);
        }
    }

    /**
     * Publishes the run's model time 0, {@code startEpochNanos} nanoseconds since the Unix epoch: the functions
     * waiting in {@link #awaitEpoch} start their loops on it; functions deployed later find it at once.
     */
    public void publishEpoch(long startEpochNanos) {
        retry("publish the episode's epoch", () -> redis.set(names.epoch(), Long.toString(startEpochNanos)));
    }

    /** The run's model time 0 (nanoseconds since the Unix epoch), when it was published. */
    public OptionalLong epoch() {
        String s = retry("read the episode's epoch", () -> redis.get(names.epoch()));
        return s == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
    }

    /**
     * The run's model time 0, waiting up to {@code within} for it to be published (polling every few ms).
     *
     * @throws IllegalStateException naming the run when it was not published in time
     */
    public long awaitEpoch(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            OptionalLong epoch = epoch();
            if (epoch.isPresent()) {
                return epoch.getAsLong();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no model time 0 (epoch) published for run '" + names.run()
                        + "' under prefix '" + names.prefix() + "' at " + endpoint.redacted() + " within "
                        + within.toSeconds() + " s");
            }
            pauseMillis(EPOCH_POLL_MILLIS);
        }
    }

    /** The run's workload, as the backend published it. */
    public Workload readWorkload() {
        String w = retry("read the workload", () -> redis.get(names.workload()));
        if (w == null) {
            throw new IllegalStateException("no workload published for run '" + names.run() + "'");
        }
        return JSON.readValue(w, Workload.class);
    }

    // ---- handshakes and control ------------------------------------------------------------------------

    /** The start queue a function of {@code role} announces itself on. */
    private String startQueue(String function) {
        if ("emitter".equals(function)) {
            return names.emitterStart();
        }
        return "collector".equals(function) ? names.collectorStart() : names.workerStart();
    }

    /** {@code function} announces START (and its first heartbeat, and joins the run's functions). */
    public void announceStart(String function, long heartbeatTtlMillis) {
        announce(function, heartbeatTtlMillis, "");
    }

    /**
     * {@code function} announces START, stamped with its own model clock: when it started, on the clock its
     * tasks' {@code workStartSeconds} are read on (the farm sees the START only when it next polls, which may
     * be after the function has taken its first task).
     */
    public void announceStart(String function, long heartbeatTtlMillis, double startedSeconds) {
        announce(function, heartbeatTtlMillis, Double.toString(startedSeconds));
    }

    private void announce(String function, long heartbeatTtlMillis, String startedSeconds) {
        gatedEval("announce " + function, ANNOUNCE, List.of(startQueue(function), names.functions(),
                names.heartbeat(function), names.startedAt()), List.of(function, Long.toString(heartbeatTtlMillis),
                startedSeconds));
    }

    /** When {@code function} last announced START on its own clock, model seconds; empty when it did not stamp one. */
    public java.util.OptionalDouble startedSeconds(String function) {
        String v = retry("read the START stamp of " + function, () -> redis.hget(names.startedAt(), function));
        return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Double.parseDouble(v));
    }

    /** Waits up to {@code within} for {@code function}'s START; true when it came (and is consumed). */
    public boolean awaitStart(String function, Duration within) {
        String queue = startQueue(function);
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Long removed = retry("read " + queue, () -> redis.lrem(queue, 1, function));
            if (removed != null && removed > 0) {
                return true;
            }
            pauseMillis(1);
        }
        return false;
    }

    /** How many START announcements wait on the three start queues (for the initialisation measurement). */
    public long startsWaiting() {
        return retry("count START announcements", () -> redis.llen(names.workerStart())
                + redis.llen(names.collectorStart()) + redis.llen(names.emitterStart()));
    }

    /** Renews {@code function}'s heartbeat for {@code ttlMillis}. */
    public void heartbeat(String function, long ttlMillis) {
        gatedEval("renew the heartbeat of " + function, HEARTBEAT, List.of(names.heartbeat(function)),
                List.of(Long.toString(ttlMillis)));
    }

    /**
     * Declares {@code function} dead now (its platform saw it exit): its heartbeat is dropped, so the next
     * {@link #claim} takes back what it held at once instead of after the heartbeat's timeout.
     */
    public void markDead(String function) {
        retry("mark " + function + " dead", () -> redis.del(names.heartbeat(function)));
    }

    /** {@code function} left for good (scale-down or end): no heartbeat is expected from it any more. */
    public void forget(String function) {
        retry("forget " + function, () -> {
            redis.srem(names.functions(), function);
            return redis.del(names.heartbeat(function));
        });
    }

    /** Offers {@code function}'s name to the next replica that starts without one ({@link #claimName}). */
    public void offerName(String function) {
        retry("offer the name " + function, () -> redis.rpush(names.namesToClaim(), function));
    }

    /** Takes back an offered name no replica has claimed (the function was removed first); true if it was there. */
    public boolean withdrawName(String function) {
        Long removed = retry("withdraw the name " + function, () -> redis.lrem(names.namesToClaim(), 1, function));
        return removed != null && removed > 0;
    }

    /**
     * Claims the oldest offered name ({@link #offerName}), waiting up to {@code within}; null when none came.
     * Each name goes to one caller only.
     */
    public String claimName(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            String name = retry("claim a name", () -> redis.lpop(names.namesToClaim()));
            if (name != null) {
                return name;
            }
            pauseMillis(20);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Asks one worker to leave: the first that goes idle ACKs ({@link #awaitScaleDownAck}). */
    public void requestScaleDown(String message) {
        retry("send SCALE_DOWN", () -> redis.lpush(names.workerControlSyn(), message));
    }

    /** Takes back one scale-down request no worker has taken yet (none: nothing happens). */
    public void withdrawScaleDown(String message) {
        retry("withdraw SCALE_DOWN", () -> redis.lrem(names.workerControlSyn(), 1, message));
    }

    /** A worker's ACK of a scale-down. */
    public void acknowledgeScaleDown(String worker) {
        gatedEval("acknowledge scale-down", PUSH, List.of(names.workerControlAck()), List.of(worker));
    }

    /** The name of the worker that ACKed a scale-down, or null when none did within {@code within}. */
    public String awaitScaleDownAck(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String ack = retry("read the ACK queue", () -> redis.rpop(names.workerControlAck()));
            if (ack != null) {
                return ack;
            }
            pauseMillis(1);
        }
        return null;
    }

    /** Sets the TERMINATE flag every function checks. */
    public void terminate() {
        retry("send TERMINATE", () -> redis.set(names.terminate(), "1"));
    }

    /** Sets TERMINATE, trying for at most {@code within} (at shutdown, when Redis may be gone). */
    public void terminate(Duration within) {
        retry("send TERMINATE", within, () -> redis.set(names.terminate(), "1"));
    }

    /** True once TERMINATE was sent, or the run was removed. */
    public boolean terminateRequested() {
        return Long.valueOf(1).equals(gatedEval("read the terminate flag", TERMINATE_REQUESTED,
                List.of(names.terminate()), List.of()));
    }

    // ---- the emitter -------------------------------------------------------------------------------------

    /**
     * The emitter's push: pushes a task to {@code worker_queue}, increments the enqueue counter and
     * counts the task in {@link QueueNames#emitted()}, in one atomic script, so a redeployed emitter
     * knows exactly where to resume. Tasks must be emitted in id order (0, 1, ...): a push retried after its
     * reply was lost is not repeated.
     *
     * @return the enqueue counter after the push, -1 when the task had been pushed already, or
     *         {@link #RUN_REMOVED} when the run was removed (nothing was pushed)
     */
    public long emit(TaskMessage task) {
        String json = Messages.encode(task);
        Long n = (Long) gatedEval("emit task " + task.id(), EMIT,
                List.of(names.worker(), names.enqueuedTotal(), names.emitted()),
                List.of(json, Integer.toString(task.id())));
        return n == null ? RUN_REMOVED : n;
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
        gatedEval("push the phase descriptors", PUSH_DESCRIPTORS, List.of(names.input(), names.descriptorsPushed()),
                descriptors);
    }

    /** Phase descriptors not yet taken. */
    public long phaseDescriptorsLeft() {
        return retry("count the phase descriptors", () -> redis.llen(names.input()));
    }

    /** Takes the next phase descriptor (a phase begins). */
    public void takePhaseDescriptor() {
        retry("take a phase descriptor", () -> redis.rpop(names.input()));
    }

    /** Flags that every task was pushed. */
    public void markGenerationDone() {
        gatedEval("flag the end of generation", FLAG, List.of(names.generationDone()), List.of());
    }

    /** True once the emitter pushed every task. */
    public boolean generationDone() {
        return "1".equals(retry("read the generation-done flag", () -> redis.get(names.generationDone())));
    }

    /** Pushes raw text to {@code worker_queue} with the counter (tests use it for malformed messages). */
    public long enqueueRaw(String raw) {
        return retry("enqueue", () -> (Long) redis.eval(ENQUEUE, List.of(names.worker(), names.enqueuedTotal()),
                List.of(raw)));
    }

    // ---- workers -----------------------------------------------------------------------------------------

    /** What one turn of a worker's loop found; {@code payload} is the control message or the raw task. */
    public record WorkerStep(Kind kind, String payload) {

        /** What the worker should do. */
        public enum Kind { TERMINATE, CONTROL, TASK, IDLE }
    }

    /**
     * One turn of {@code worker}'s loop in a single atomic round trip: TERMINATE if the flag is set,
     * else a control message if one waits (it is consumed), else its orphaned task or the oldest
     * waiting one (moved into its processing list, its delivery counted and its visibility timeout set),
     * else IDLE; TERMINATE once the run was removed.
     */
    public WorkerStep workerStep(String worker, EpisodeSettings episode) {
        LivenessSettings l = episode.liveness();
        double minWallMs = Math.max(1000, l.minVisibilitySeconds() * 1000 / episode.compression());
        List<?> reply = (List<?>) gatedEval("run a loop turn for " + worker, WORKER_STEP,
                List.of(names.terminate(), names.workerControlSyn(), names.processing(worker), names.worker(),
                        names.deliveries(), names.visibleUntil()),
                List.of(worker, Double.toString(l.visibilityDeadlines()), Double.toString(minWallMs),
                        Double.toString(episode.compression())));
        return new WorkerStep(WorkerStep.Kind.valueOf((String) reply.get(0)), (String) reply.get(1));
    }

    /**
     * Pushes the result and drops the raw task from {@code worker}'s processing list, atomically, while the
     * worker still owns the task; a task taken back meanwhile (the worker was thought hung or dead) is not
     * pushed twice: the completion is counted as stale and dropped. A completion after the run was removed
     * writes nothing.
     *
     * @return true when the result was pushed
     */
    public boolean complete(String worker, String raw, TaskMessage result) {
        String json = Messages.encode(result);
        Long pushed = (Long) gatedEval("complete task " + result.id(), COMPLETE,
                List.of(names.result(), names.processing(worker), names.visibleUntil(), names.deliveries(),
                        names.staleCompletions()), List.of(json, raw, worker));
        return pushed != null && pushed == 1;
    }

    /** A function whose held task (if any) was taken back: why, and what became of the task. */
    public record Claim(String function, Cause cause, Outcome outcome) {

        /** Why: its heartbeat expired, or it held a task past the visibility timeout. */
        public enum Cause { DEAD, HUNG }

        /** What became of the task it held. */
        public enum Outcome { REDELIVERED, DEAD_LETTERED, NONE }
    }

    /**
     * Takes back the tasks of functions whose heartbeat expired and of workers that held a task past its
     * visibility timeout: each goes back to the front of {@code worker_queue}, or to the dead-letter queue
     * once delivered {@code maxDeliveries} times. Atomic.
     *
     * @return every function found dead or hung (a dead one is listed even when it held nothing)
     */
    public List<Claim> claim(LivenessSettings liveness) {
        List<?> reply = retry("claim the tasks of dead and hung functions", () -> (List<?>) redis.eval(CLAIM,
                List.of(names.functions(), names.worker(), names.deliveries(), names.visibleUntil(), names.deadLetter(),
                        names.deadLetterCounts(), names.redelivered()),
                List.of(names.runBase(), Integer.toString(liveness.maxDeliveries()), names.run())));
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i + 2 < reply.size(); i += 3) {
            out.add(new Claim((String) reply.get(i), Claim.Cause.valueOf((String) reply.get(i + 1)),
                    Claim.Outcome.valueOf((String) reply.get(i + 2))));
        }
        return out;
    }

    // ---- dead letters ------------------------------------------------------------------------------------

    /**
     * Moves a refused message to the dead-letter queue with its reason, dropping it from {@code from}
     * (a processing list) when given, atomically.
     */
    public void deadLetter(String raw, DeadLetterReason reason, String detail, String from) {
        String entry = JSON.writeValueAsString(Map.of("message", raw, "reason", reason.name(), "detail", detail));
        gatedEval("dead-letter a message", DEAD_LETTER,
                List.of(names.deadLetter(), names.deadLetterCounts(), from == null ? names.deadLetter() : from),
                List.of(entry, reason.name(), raw, from == null ? "0" : "1"));
    }

    /** The dead-letter queue's entries, newest first (JSON: message, reason, detail). */
    public List<String> deadLetters() {
        return retry("read the dead-letter queue", () -> redis.lrange(names.deadLetter(), 0, -1));
    }

    // ---- the collector -----------------------------------------------------------------------------------

    /**
     * Records the collector's taken results once each, in one atomic round trip: appends each collected
     * JSON to {@code output_queue} unless its task id was collected before (the duplicate is counted) or was
     * never emitted in this run (dead-lettered as {@link DeadLetterReason#UNKNOWN_TASK}), and empties the
     * collector's processing list ({@link QueueNames#collecting()}).
     *
     * @param results the results taken, in collection order
     * @return how many were recorded
     */
    public long collect(List<Collected> results) {
        List<String> args = new ArrayList<>(3 * results.size());
        for (Collected c : results) {
            args.add(Integer.toString(c.id()));
            args.add(c.json());
            args.add(c.raw());
        }
        Long added = (Long) gatedEval("record " + results.size() + " result(s)", COLLECT,
                List.of(names.collectedIds(), names.duplicates(), names.output(), names.collecting(), names.emitted(),
                        names.deadLetter(), names.deadLetterCounts()), args);
        return added == null ? 0 : added;
    }

    /** A result to record: its task id, the collected JSON and the raw result it came from. */
    public record Collected(int id, String json, String raw) {
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
        List<String> taken = (List<String>) gatedEval("take results", TAKE_RESULTS,
                List.of(names.result(), names.collecting()), List.of(Integer.toString(max)));
        return taken == null ? List.of() : taken;
    }

    /** Entries of {@code output_queue} from {@code index} on. */
    public List<String> outputFrom(long index) {
        return retry("read the output queue", () -> redis.lrange(names.output(), index, -1));
    }

    // ---- telemetry and the account -----------------------------------------------------------------------

    /**
     * One atomic snapshot of the farm's queues and counters.
     *
     * @param lost generated tasks that are nowhere, as {@link FarmAccount#lost()} counts them
     */
    public record Snapshot(long inputQueue, long workerQueue, long resultQueue, long collected, long enqueuedTotal,
                           boolean generationDone, long deadLetteredTasks, long lost) {
    }

    /** The farm's queues and counters, read in one atomic round trip. */
    public Snapshot snapshot() {
        List<?> r = retry("read telemetry", () -> (List<?>) redis.eval(TELEMETRY, List.of(names.input(),
                names.worker(), names.result(), names.collectedIds(), names.enqueuedTotal(), names.generationDone(),
                names.deadLetterCounts(), names.emitted(), names.functions()), List.of(names.runBase())));
        return new Snapshot(n(r, 0), n(r, 1), n(r, 2), n(r, 3), n(r, 4), n(r, 5) == 1, n(r, 6), n(r, 7));
    }

    /** Where every task of the run went so far, read in one atomic round trip. */
    public FarmAccount account() {
        List<?> r = retry("read the account", () -> (List<?>) redis.eval(ACCOUNT, List.of(names.emitted(),
                names.worker(), names.result(), names.collectedIds(), names.deadLetterCounts(), names.duplicates(),
                names.redelivered(), names.staleCompletions(), names.functions()), List.of(names.runBase())));
        Map<DeadLetterReason, Long> dead = new EnumMap<>(DeadLetterReason.class);
        for (int i = 6; i + 1 < r.size(); i += 2) {
            dead.put(DeadLetterReason.valueOf((String) r.get(i)), Long.parseLong((String) r.get(i + 1)));
        }
        return FarmAccount.of(n(r, 0), n(r, 1), dead, n(r, 2), n(r, 3), n(r, 4), n(r, 5));
    }

    private static long n(List<?> reply, int i) {
        Object v = reply.get(i);
        return v instanceof Long l ? l : Long.parseLong(String.valueOf(v));
    }

    // ---- ownership and clean-up --------------------------------------------------------------------------

    /**
     * Takes (or renews) the lease on the prefix for {@code holder}.
     *
     * @return null when {@code holder} holds it now, else who holds it
     */
    public String acquireLease(String holder, long ttlMillis) {
        Object other = retry("take the lease on prefix '" + names.prefix() + "'", () -> redis.eval(LEASE,
                List.of(names.lease()), List.of(holder, Long.toString(ttlMillis))));
        return other instanceof String s ? s : null;
    }

    /** Gives the lease up if {@code holder} has it. */
    public void releaseLease(String holder, Duration within) {
        retry("release the lease", within, () -> redis.eval(RELEASE, List.of(names.lease()), List.of(holder)));
    }

    /** Records that run {@code run} may be removed by anyone after {@code removableAfterMillis} (epoch ms). */
    public void registerRun(String run, long removableAfterMillis) {
        retry("register run " + run, () -> redis.hset(names.runs(), run, Long.toString(removableAfterMillis)));
    }

    /**
     * Removes the keys of every run registered under the prefix whose time has passed (a farm that was
     * killed could not remove them itself), except {@code keep}.
     *
     * @return how many runs were removed
     */
    public int removeAbandonedRuns(String keep) {
        Map<String, String> runs = retry("list the runs", () -> redis.hgetAll(names.runs()));
        long now = System.currentTimeMillis();
        int removed = 0;
        for (var e : runs.entrySet()) {
            if (!e.getKey().equals(keep) && Long.parseLong(e.getValue()) < now) {
                removeRun(e.getKey());
                removed++;
            }
        }
        return removed;
    }

    /**
     * Unregisters run {@code run}, then deletes every key of it under the prefix (found with SCAN, not KEYS).
     * Unregistering comes first: from then on every write of the run's functions is refused, so none of them
     * (nor a command of theirs still in flight) re-creates a key once it is deleted; the keys are scanned
     * again until a pass finds none, for what a move already under way (the collector's blocking take)
     * placed behind the scan.
     */
    public void removeRun(String run) {
        removeRun(run, giveUpAfter);
    }

    /** {@link #removeRun(String)}, trying for at most {@code within} (at shutdown, when Redis may be gone). */
    public void removeRun(String run, Duration within) {
        String base = names.forRun(run).runBase();
        retry("remove the keys of run " + run, within, () -> {
            redis.hdel(names.runs(), run);
            ScanParams match = new ScanParams().match(base + "*").count(1000);
            for (int pass = 0; pass < REMOVAL_PASSES; pass++) {
                long deleted = 0;
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = redis.scan(cursor, match);
                    if (!page.getResult().isEmpty()) {
                        deleted += redis.del(page.getResult().toArray(String[]::new));
                    }
                    cursor = page.getCursor();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                if (deleted == 0) {
                    return pass;
                }
            }
            return REMOVAL_PASSES;
        });
    }

    /** Deletes every fixed key of these names and the processing lists and heartbeats of its functions. */
    public void clear() {
        retry("clear the farm's keys", () -> {
            for (String f : redis.smembers(names.functions())) {
                redis.del(names.processing(f), names.heartbeat(f));
            }
            return redis.del(names.all().toArray(String[]::new));
        });
    }

    private static void pauseMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }
}
