package farmhand.bench;

import farmhand.controllers.env.Action;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.sarsa.Discretizer;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaConfig;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.workload.Seeds;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
 * Controller overhead: one decision of every policy, and one reward evaluation, in nanoseconds,
 * on observations recorded from simulated episodes ({@link RecordedSteps}), replayed in order
 * with a policy reset at each episode's start. SARSA is its discretisation and Q-table lookup
 * (a seeded random table: the lookup's cost does not depend on what was learned); DQN is one
 * forward pass of the 9-128-64-3 network (seeded initial weights, same cost as trained ones).
 * The paper's control step is 8 s; these show the controller is never the bottleneck.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ControllerBenchmark {

    /** Every policy of the catalog (JMH runs each enum constant when no values are listed). */
    @Param
    public PolicyKind policyKind;

    private Policy policy;
    private RecordedSteps steps;
    private int next;
    private final RewardFunction reward = new RewardFunction(RewardConfig.DEFAULT);

    @Setup
    public void setUp() {
        steps = RecordedSteps.record();
        policy = create(policyKind, steps);
        policy.reset(42);
    }

    /** The policy {@code kind}; learned ones get a seeded model of the deployed shape. */
    static Policy create(PolicyKind kind, RecordedSteps steps) {
        return switch (kind) {
            case SARSA -> {
                Discretizer d = Discretizer.PAPER;
                UniformRandomProvider rng = Seeds.source(42, "bench-sarsa-table");
                double[] q = new double[d.stateCount() * Action.COUNT];
                for (int i = 0; i < q.length; i++) {
                    q[i] = rng.nextDouble();
                }
                yield new SarsaPolicy(new SarsaAgent(SarsaConfig.tuned(), d, q));
            }
            case DQN -> new DqnPolicy(new DqnAgent(DqnConfig.paper(), steps.space(), 42));
            default -> kind.create();
        };
    }

    private int step() {
        int k = next;
        next = k + 1 == steps.size() ? 0 : k + 1;
        if (steps.episodeStart()[k]) {
            policy.reset(k);
        }
        return k;
    }

    @Benchmark
    public Action decide() {
        int k = step();
        return policy.act(steps.observations()[k], steps.infos()[k]);
    }

    @Benchmark
    public double reward() {
        int k = step();
        var o = steps.observations()[k];
        return reward.step(o.workerQueue(), o.qosFraction(), o.workers(), 1);
    }
}
