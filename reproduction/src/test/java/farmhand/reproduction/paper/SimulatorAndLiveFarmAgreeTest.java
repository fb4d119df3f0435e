package farmhand.reproduction.paper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.testing.TestRedis;
import farmhand.reproduction.config.ExperimentConfig;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The simulator is a model of the live farm, so the two must agree where it matters: same seeds
 * (42-51), same measured OpenFaaS latency profile, ten episodes of each reactive baseline; the final
 * QoS within 5 percentage points and the mean workers within 0.5 (the live farm at time compression
 * 20, on a real {@code redis-server}). About two minutes per baseline.
 */
class SimulatorAndLiveFarmAgreeTest {

    private static final List<Long> SEEDS = LongStream.rangeClosed(42, 51).boxed().toList();
    private static final double COMPRESSION = 20;

    private static Evaluation evaluate(ReactivePolicy policy, FarmBackend backend) {
        try (FarmEnvironment env = ExperimentConfig.paper().environment(backend)) {
            return new Evaluator(env).evaluate(policy, SEEDS);
        }
    }

    private static void assertAgree(ReactivePolicy policy) {
        ExperimentConfig config = ExperimentConfig.paper();
        Evaluation sim = evaluate(policy, SimulatedFarm.paper());
        Evaluation live = evaluate(policy, LiveFarmBackend.local(TestRedis.url(), config.platform().profile(),
                COMPRESSION));
        double simQos = sim.summary().finalQos().mean();
        double liveQos = live.summary().finalQos().mean();
        double simWorkers = sim.summary().meanWorkers().mean();
        double liveWorkers = live.summary().meanWorkers().mean();
        String both = String.format("%s: final QoS sim %.2f %% vs live %.2f %%, mean workers sim %.2f vs live %.2f",
                policy.name(), 100 * simQos, 100 * liveQos, simWorkers, liveWorkers);
        Measured.report("simulator vs live farm, seeds 42-51", both);
        assertTrue(Math.abs(simQos - liveQos) <= 0.05, "QoS differs by more than 5 points: " + both);
        assertTrue(Math.abs(simWorkers - liveWorkers) <= 0.5, "mean workers differ by more than 0.5: " + both);
    }

    @Test
    void reactiveAverageMeetsTheSameShareOfDeadlinesWithTheSameWorkersOnBoth() {
        assertAgree(ReactivePolicy.average());
    }

    @Test
    void reactiveMaximumMeetsTheSameShareOfDeadlinesWithTheSameWorkersOnBoth() {
        assertAgree(ReactivePolicy.maximum());
    }
}
