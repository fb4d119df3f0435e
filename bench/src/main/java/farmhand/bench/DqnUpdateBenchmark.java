package farmhand.bench;

import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Double DQN training step past warm-up: store a recorded transition, sample a minibatch of
 * 64 and take one RMSProp step on it (the paper's network and batch), microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DqnUpdateBenchmark {

    private DqnAgent agent;
    private RecordedSteps steps;
    private int next;

    @Setup
    public void setUp() {
        steps = RecordedSteps.record();
        agent = new DqnAgent(DqnConfig.paper(), steps.space(), 42);
        while (agent.updates() == 0) { // fill the replay buffer past its warm-up
            minibatchUpdate();
        }
    }

    @Benchmark
    public double minibatchUpdate() {
        int k = next;
        int n = k + 1 == steps.size() ? 0 : k + 1;
        next = n;
        boolean done = steps.episodeStart()[n];
        return agent.observe(steps.observations()[k], k % 3, steps.rewards()[k], steps.observations()[n], done);
    }
}
