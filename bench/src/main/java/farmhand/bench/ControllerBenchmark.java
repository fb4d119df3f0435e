package farmhand.bench;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policies;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Controller overhead: how long one policy decision and one reward evaluation take, in
 * nanoseconds. The paper's control step is 8 s; these show the controller is never the bottleneck.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ControllerBenchmark {

    @Param({"reactive-average", "reactive-maximum", "keda-redis-list", "hpa-utilization", "anticipatory"})
    public String policyName;

    private Policy policy;
    private Observation observation;
    private StepInfo info;
    private final RewardFunction reward = new RewardFunction(RewardConfig.DEFAULT);

    @Setup
    public void setUp() {
        policy = Policies.create(policyName, null);
        policy.reset(42);
        observation = new Observation(2, 37, 1, 400, 11, 3.2, 7.9, 7.1, 0.62);
        info = new StepInfo(12, 1, 1, 6.2, 8.1, 96.0, 438, 400, 740, 11, 90, 0, 0, null);
    }

    @Benchmark
    public Action decide() {
        return policy.act(observation, info);
    }

    @Benchmark
    public double reward() {
        return reward.step(observation.workerQueue(), observation.qosFraction(), observation.workers(), 1);
    }
}
