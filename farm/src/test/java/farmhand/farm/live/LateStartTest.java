package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.testing.ForwardingPlatform;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Initial functions that boot longer than their platform's start allowance: model time 0 waits for them. */
class LateStartTest {

    private static final double COMPRESSION = 20;

    /**
     * A test double of a platform whose functions boot slowly, as containers whose JVMs start together: the
     * local platform, each initial deployment delayed by {@code bootMillis} wall (one after another), with
     * the start allowance {@code allowancePerFunction} per initial function.
     */
    private static final class SlowBootPlatform extends ForwardingPlatform<LocalPlatform> {
        private final long bootMillis;
        private final Duration allowancePerFunction;
        final AtomicInteger askedFor = new AtomicInteger(-1);

        SlowBootPlatform(long bootMillis, Duration allowancePerFunction) {
            super(new LocalPlatform(LatencyProfile.instant(), COMPRESSION));
            this.bootMillis = bootMillis;
            this.allowancePerFunction = allowancePerFunction;
        }

        @Override public String name() {
            return "slow-boot";
        }

        @Override public void deploy(FunctionEnvironment function, boolean initial) {
            if (initial) {
                try {
                    Thread.sleep(bootMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delegate.deploy(function, initial);
        }

        @Override public Duration startAllowance(int initialFunctions) {
            askedFor.set(initialFunctions);
            return allowancePerFunction.multipliedBy(initialFunctions);
        }
    }

    /** The first 40 tasks of the paper's workload, in its first phase: a short episode. */
    private static Workload firstTasks() {
        List<Task> tasks = PAPER.tasks().subList(0, 40);
        return new Workload(PAPER.seed(), tasks, List.of(PAPER.phaseOrder().get(0)), List.of(0.0),
                tasks.get(tasks.size() - 1).generationSeconds() + 1);
    }

    @Test
    void initialFunctionsThatBootLongerThanTheAllowanceDelayModelTimeZeroAndTheFirstTaskIsTakenOnTime() {
        // 6 initial functions (4 workers, collector, emitter) booting 150 ms wall each one after another: 0.9 s
        // wall, while the platform allows none; model time 0 is fixed only once all are up, so none is late
        SlowBootPlatform platform = new SlowBootPlatform(150, Duration.ZERO);
        Workload workload = firstTasks();
        try (LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "late:", COMPRESSION), o -> platform)) {
            farm.start(new EpisodeSpec(workload, 4, 1));
            assertEquals(6, platform.askedFor.get(), "the allowance is asked for the workers, collector and emitter");
            assertEquals(0.0, farm.health().lateStartModelSeconds(), farm.health().toString());
            assertNull(farm.health().disturbedReason(8));
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            assertEquals(40, done.size(), farm.account().orElseThrow().describe());
            assertTrue(farm.account().orElseThrow().balances(), farm.account().orElseThrow().describe());
            CompletedTask first = done.stream().min(Comparator.comparingDouble(CompletedTask::generationSeconds))
                    .orElseThrow();
            assertEquals(workload.tasks().get(0).generationSeconds(), first.generationSeconds());
            // with the old fixed allowance of 0 the first task waited ~18 model s (0.9 s wall at compression 20)
            double waited = first.workStartSeconds() - first.generationSeconds();
            assertTrue(waited < 2, "the first task was taken " + waited + " model s after its generation");
        }
    }
}
