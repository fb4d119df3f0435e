package farmhand.farm.runtime;

import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisEndpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a function needs to run anywhere (a thread, a process, a container, an OpenFaaS function):
 * who it is, where the farm's Redis is, the farm's key prefix and the run. The rest (the episode's clock,
 * settings and workload) it reads from Redis. Passed to processes and containers as environment variables
 * ({@link #toEnv()}, {@link #fromEnv(Map)}).
 *
 * @param function which function
 * @param redis the farm's Redis (a password travels in {@code REDIS_URL} or, better, a password file)
 * @param names the farm's prefix and run
 */
public record FunctionEnvironment(FunctionSpec function, RedisEndpoint redis, QueueNames names) {

    public static final String ROLE = "FARM_ROLE";
    public static final String NAME = "FARM_NAME";
    public static final String REDIS_URL = "REDIS_URL";
    public static final String REDIS_PASSWORD_FILE = "REDIS_PASSWORD_FILE";
    public static final String PREFIX = "FARM_QUEUE_PREFIX";
    public static final String RUN = "FARM_RUN_ID";

    public FunctionEnvironment {
        if (function == null || redis == null || names == null) {
            throw new IllegalArgumentException("a function environment needs a function, a Redis and key names");
        }
        if (names.run().isEmpty()) {
            throw new IllegalArgumentException("a function runs in a run: the key names have no run id");
        }
    }

    /** The same farm and run, for another function. */
    public FunctionEnvironment forFunction(FunctionSpec other) {
        return new FunctionEnvironment(other, redis, names);
    }

    /** The environment variables that carry this (REDIS_URL may hold a password: never log the map). */
    public Map<String, String> toEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ROLE, function.role().name());
        env.put(NAME, function.name());
        env.put(REDIS_URL, redis.url());
        if (redis.passwordFile() != null) {
            env.put(REDIS_PASSWORD_FILE, redis.passwordFile().toString());
        }
        env.put(PREFIX, names.prefix());
        env.put(RUN, names.run());
        return env;
    }

    /**
     * Reads the variables of {@link #toEnv()}.
     *
     * @throws IllegalArgumentException naming the variable that is missing or wrong
     */
    public static FunctionEnvironment fromEnv(Map<String, String> env) {
        FunctionRole role;
        try {
            role = FunctionRole.valueOf(required(env, ROLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ROLE + " must be one of EMITTER, WORKER, COLLECTOR, was '"
                    + env.get(ROLE) + "'");
        }
        String name = env.getOrDefault(NAME, switch (role) {
            case EMITTER -> FunctionSpec.EMITTER_NAME;
            case COLLECTOR -> FunctionSpec.COLLECTOR_NAME;
            case WORKER -> null;
        });
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(NAME + " must name the worker (worker-<index>)");
        }
        String passwordFile = env.get(REDIS_PASSWORD_FILE);
        RedisEndpoint redis = new RedisEndpoint(required(env, REDIS_URL),
                passwordFile == null || passwordFile.isBlank() ? null : Path.of(passwordFile));
        return new FunctionEnvironment(new FunctionSpec(name, role), redis,
                new QueueNames(env.getOrDefault(PREFIX, ""), required(env, RUN)));
    }

    private static String required(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + key + " is not set");
        }
        return v;
    }

    @Override
    public String toString() {
        return function.name() + " of run " + names.run() + " (prefix '" + names.prefix() + "') on " + redis;
    }
}
