package farmhand.controllers.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.backend.PartialScaleException;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scale call that changes only some of its workers: the environment counts those that changed. */
class PartialScaleTest {

    /** A test double of a farm: the simulator, where the last worker of every scale-up of two or more fails. */
    private static final class LastWorkerFails implements FarmBackend {
        private final SimulatedFarm sim = SimulatedFarm.paper();

        @Override public String name() {
            return "last-worker-fails";
        }

        @Override public void start(EpisodeSpec spec) {
            sim.start(spec);
        }

        @Override public ScaleOutcome scale(int delta) {
            if (delta < 2) {
                return sim.scale(delta);
            }
            ScaleOutcome some = sim.scale(delta - 1);
            throw new PartialScaleException(some, new IllegalStateException("function worker-x did not start"));
        }

        @Override public void advanceTo(double modelSeconds) {
            sim.advanceTo(modelSeconds);
        }

        @Override public double nowSeconds() {
            return sim.nowSeconds();
        }

        @Override public Telemetry telemetry() {
            return sim.telemetry();
        }

        @Override public List<CompletedTask> drainCollected() {
            return sim.drainCollected();
        }

        @Override public void close() {
            sim.close();
        }
    }

    @Test
    void theWorkersThatStartedOfAFailedScaleUpAreCountedInTheNextObservation() {
        try (FarmEnvironment env = new FarmEnvironment(new LastWorkerFails(), new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper().withMaxDeltaPerStep(3), new RewardFunction(RewardConfig.DEFAULT))) {
            env.reset(42);
            PartialScaleException e = assertThrows(PartialScaleException.class, () -> env.step(Action.of(3)));
            assertEquals(2, e.outcome().appliedDelta());
            StepResult next = env.step(Action.NO_OP);
            assertEquals(14, next.observation().workers(), "12 workers and the 2 of the +3 that started");
        }
    }
}
