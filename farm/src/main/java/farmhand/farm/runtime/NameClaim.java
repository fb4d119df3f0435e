package farmhand.farm.runtime;

import farmhand.farm.queue.RedisQueues;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A function that starts without a name ({@code FARM_CLAIM_NAME=true}, no {@code FARM_NAME}): a replica of a
 * shared OpenFaaS function whose loop starts with its container. It takes the oldest name its platform offered
 * on the farm's Redis ({@link RedisQueues#offerName}, {@code LPOP}, so no two replicas share one) and then runs
 * as that function, announcing START under the name like any other. A replica that restarts after its function
 * left waits for a new name instead of running an old one again.
 */
public final class NameClaim {

    /** Set to {@code true} for a function that takes its name from the farm's Redis. */
    public static final String CLAIM = "FARM_CLAIM_NAME";

    private NameClaim() {
    }

    /** True when {@code env} describes a function that claims its name (and names none itself). */
    public static boolean wanted(Map<String, String> env) {
        String name = env.get(FunctionEnvironment.NAME);
        return Boolean.parseBoolean(env.getOrDefault(CLAIM, "false")) && (name == null || name.isBlank());
    }

    /**
     * The environment {@code env} gives every replica, before a name is claimed (it reads as {@code worker-1}).
     *
     * @throws IllegalArgumentException naming the variable that is missing or wrong
     */
    public static FunctionEnvironment unnamed(Map<String, String> env) {
        Map<String, String> probe = new HashMap<>(env);
        probe.put(FunctionEnvironment.NAME, new WorkerName(1).toString());
        probe.put(FunctionEnvironment.ROLE, FunctionRole.WORKER.name());
        return FunctionEnvironment.fromEnv(probe);
    }

    /**
     * Claims a name offered on the farm's Redis within {@code within}.
     *
     * @return the function to run under the claimed name, or empty when none was offered in time
     * @throws IllegalArgumentException when {@code env} is incomplete, or the claimed name is no function's
     */
    public static Optional<FunctionEnvironment> claim(Map<String, String> env, Duration within) {
        FunctionEnvironment base = unnamed(env);
        String name;
        try (RedisQueues queues = new RedisQueues(base.redis(), base.names(), Duration.ofSeconds(30), 1, () -> null)) {
            name = queues.claimName(within);
        }
        return name == null ? Optional.empty() : Optional.of(base.forFunction(FunctionSpec.named(name)));
    }

    /**
     * Claims a name, waiting as long as it takes (a replica with no name to run has nothing else to do); logs
     * once a minute that it still waits.
     *
     * @throws InterruptedException when the wait is interrupted
     */
    public static FunctionEnvironment await(Map<String, String> env) throws InterruptedException {
        while (true) {
            Optional<FunctionEnvironment> claimed = claim(env, Duration.ofSeconds(60));
            if (claimed.isPresent()) {
                return claimed.get();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            System.err.println("farm function: no name offered on " + unnamed(env).redis().redacted()
                    + " for 60 s (a replica the farm has not asked for, or one whose function left); still waiting");
        }
    }
}
