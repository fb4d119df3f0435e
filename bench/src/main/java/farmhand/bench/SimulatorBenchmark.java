package farmhand.bench;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
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
 * Simulator throughput: a whole 1140-task episode with ReactiveAverage on the calibrated
 * simulator, and the workload generation alone, in episodes per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {

    private Evaluator evaluator;
    private WorkloadGenerator generator;
    private final ReactivePolicy policy = ReactivePolicy.average();
    private long seed;

    @Setup
    public void setUp() {
        generator = new WorkloadGenerator(WorkloadConfig.paper());
        evaluator = new Evaluator(new FarmEnvironment(SimulatedFarm.paper(), generator, EnvironmentConfig.paper(),
                new RewardFunction(RewardConfig.DEFAULT)));
    }

    @Benchmark
    public EpisodeMetrics simulatedEpisode() {
        return evaluator.runEpisode(policy, seed++, 12);
    }

    @Benchmark
    public Workload workloadGeneration() {
        return generator.generate(seed++);
    }
}
