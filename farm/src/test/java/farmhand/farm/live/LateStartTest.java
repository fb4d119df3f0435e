package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start allowance a platform asks for, by the number of initial functions, and a start that overran it. */
class LateStartTest {

    private static final double COMPRESSION = 20;

    /**
     * A test double of a platform whose functions boot slowly, as containers whose JVMs start together: the
     * local platform, each initial deployment delayed by {@code bootMillis} wall (one after another), with
     * the start allowance {@code allowancePerFunction} per initial function.
     */
    private static final class SlowBootPlatform implements Platform {
        private final LocalPlatform local = new LocalPlatform(LatencyProfile.instant(), COMPRESSION);
        private final long bootMillis;
        private final Duration allowancePerFunction;
        final AtomicInteger askedFor = new AtomicInteger(-1);

        SlowBootPlatform(long bootMillis, Duration allowancePerFunction) {
            this.bootMillis = bootMillis;
            this.allowancePerFunction = allowancePerFunction;
        }

        @Override public String name() {
            return "slow-boot";
        }

        @Override public void beginEpisode(long seed) {
            local.beginEpisode(seed);
        }

        @Override public void deploy(FunctionEnvironment function, boolean initial) {
            if (initial) {
                try {
                    Thread.sleep(bootMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            local.deploy(function, initial);
        }

        @Override public void retire(String name, long requestedNanos) {
            local.retire(name, requestedNanos);
        }

        @Override public void remove(String name) {
            local.remove(name);
        }

        @Override public void kill(String name) {
            local.kill(name);
        }

        @Override public Set<String> deployed() {
            return local.deployed();
        }

        @Override public boolean exited(String name) {
            return local.exited(name);
        }

        @Override public Duration startAllowance(int initialFunctions) {
            askedFor.set(initialFunctions);
            return allowancePerFunction.multipliedBy(initialFunctions);
        }

        @Override public void close() {
            local.close();
        }
    }

    @Test
    void initialFunctionsThatStartAfterModelTimeZeroMarkTheEpisodeDisturbedWithHowLate() {
        // 6 initial functions (4 workers, collector, emitter) booting 150 ms wall each one after another: 0.9 s
        // wall, while the platform allows none; at compression 20 that is ~18 model s late
        SlowBootPlatform platform = new SlowBootPlatform(150, Duration.ZERO);
        try (LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "late:", COMPRESSION), o -> platform)) {
            farm.start(new EpisodeSpec(PAPER, 4, 1));
            assertEquals(6, platform.askedFor.get(), "the allowance is asked for the workers, collector and emitter");
            double late = farm.health().lateStartModelSeconds();
            assertTrue(late > 10 && late < 60, "0.9 s wall at compression 20 is ~18 model s late, was " + late);
            String reason = farm.health().disturbedReason(8);
            assertNotNull(reason);
            assertTrue(reason.contains("START"), reason);
        }
    }

    @Test
    void anAllowanceThatGrowsWithTheInitialFunctionsCoversTheirBootAndTheEpisodeIsClean() {
        // the same boot, with 300 ms wall allowed per initial function: 1.8 s for 6, twice what they take
        SlowBootPlatform platform = new SlowBootPlatform(150, Duration.ofMillis(300));
        try (LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "ontime:", COMPRESSION), o -> platform)) {
            farm.start(new EpisodeSpec(PAPER, 4, 1));
            assertEquals(0.0, farm.health().lateStartModelSeconds(), farm.health().toString());
            assertNull(farm.health().disturbedReason(8));
        }
    }
}
