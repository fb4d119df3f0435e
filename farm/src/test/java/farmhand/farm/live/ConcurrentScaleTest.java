package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.PartialScaleException;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.testing.ForwardingPlatform;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The k workers of one scale call of the live farm start (and leave) together, as the simulator models. */
class ConcurrentScaleTest {

    private static final double COMPRESSION = 40;

    /**
     * A test double of a platform: the local platform (no modelled latency), where every scale-up deploy
     * waits until {@code together} of them have begun (at most 5 s wall, then it fails: deploys made one
     * after another never meet), counting how many are in flight at once. A worker in {@code failing} fails
     * its deploy; one in {@code silent} is deployed once as a ghost that exits without announcing START.
     */
    private static final class RendezvousPlatform extends ForwardingPlatform<LocalPlatform> {
        private final CountDownLatch begun;
        private final int together;
        private final Set<String> failing;
        private final Set<String> silent;
        private final Set<String> ghosts = ConcurrentHashMap.newKeySet();
        private final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final List<String> removed = new CopyOnWriteArrayList<>();
        final List<Long> retireRequests = new CopyOnWriteArrayList<>();

        RendezvousPlatform(int together, Set<String> failing, Set<String> silent) {
            super(new LocalPlatform(LatencyProfile.instant(), COMPRESSION));
            this.begun = new CountDownLatch(together);
            this.together = together;
            this.failing = failing;
            this.silent = ConcurrentHashMap.newKeySet();
            this.silent.addAll(silent);
        }

        @Override public void deploy(FunctionEnvironment function, boolean initial) {
            if (initial) {
                delegate.deploy(function, true);
                return;
            }
            String name = function.function().name();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                begun.countDown();
                if (!begun.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("deploy of " + name + ": only " + (together - begun.getCount())
                            + " of " + together + " deploys began together");
                }
                if (failing.contains(name)) {
                    throw new IllegalStateException("deploy of " + name + " refused by the test platform");
                }
                if (silent.remove(name)) { // silent once: deployed again, it starts
                    ghosts.add(name);
                    return;
                }
                delegate.deploy(function, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override public void retire(String name, long requestedNanos) {
            retireRequests.add(requestedNanos);
            delegate.retire(name, requestedNanos);
        }

        @Override public void remove(String name) {
            removed.add(name);
            if (!ghosts.remove(name)) {
                delegate.remove(name);
            }
        }

        @Override public Set<String> deployed() {
            Set<String> all = new TreeSet<>(delegate.deployed());
            all.addAll(ghosts);
            return all;
        }

        @Override public boolean exited(String name) {
            return ghosts.contains(name) || delegate.exited(name);
        }
    }

    private static LiveFarmBackend farmOn(String prefix, RendezvousPlatform platform) {
        return LiveFarms.on(LiveFarms.options(TestRedis.url(), prefix, COMPRESSION), o -> platform);
    }

    private static long workersOn(RendezvousPlatform platform) {
        return platform.deployed().stream().filter(WorkerName::isWorker).count();
    }

    @Test
    void theThreeWorkersOfOneScaleUpAreDeployedTogetherAndAllAnnounceStartBeforeTheCallReturns() {
        RendezvousPlatform platform = new RendezvousPlatform(3, Set.of(), Set.of());
        try (LiveFarmBackend farm = farmOn("par-up:", platform)) {
            farm.start(new EpisodeSpec(PAPER, 2, 3));
            ScaleOutcome up = farm.scale(+3);
            assertEquals(3, up.appliedDelta());
            assertEquals(3, platform.mostInFlight.get(), "deploys in flight at once");
            assertEquals(5, farm.telemetry().workers());
            for (String w : List.of("worker-3", "worker-4", "worker-5")) {
                assertTrue(platform.deployed().contains(w), w + " is deployed");
                assertTrue(farm.startedSeconds(w).isPresent(), w + " announced START");
            }
        }
    }

    @Test
    void oneFailingDeployAmongThreeLeavesTheOtherTwoRunningAndAppliesTwo() {
        RendezvousPlatform platform = new RendezvousPlatform(3, Set.of("worker-4"), Set.of());
        try (LiveFarmBackend farm = farmOn("par-fail:", platform)) {
            farm.start(new EpisodeSpec(PAPER, 2, 3));
            PartialScaleException e = assertThrows(PartialScaleException.class, () -> farm.scale(+3));
            assertEquals(2, e.outcome().appliedDelta());
            assertTrue(e.getMessage().contains("worker-4"), e.getMessage());
            assertEquals(4, farm.telemetry().workers(), "the two workers that started count");
            assertTrue(platform.deployed().containsAll(List.of("worker-3", "worker-5")), platform.deployed().toString());
            assertFalse(platform.deployed().contains("worker-4"), "the failed worker is not left deployed");
            assertEquals(4, workersOn(platform));
        }
    }

    @ParameterizedTest(name = "+{0}")
    @ValueSource(ints = {1, 2})
    void aWorkerThatNeverAnnouncesStartIsRemovedTheOthersCountAndItsNameIsDeployedAgainLater(int k) {
        RendezvousPlatform platform = new RendezvousPlatform(k, Set.of(), Set.of("worker-3"));
        try (LiveFarmBackend farm = farmOn("par-silent-" + k + ":", platform)) {
            farm.start(new EpisodeSpec(PAPER, 2, 3));
            PartialScaleException e = assertThrows(PartialScaleException.class, () -> farm.scale(+k));
            assertEquals(k - 1, e.outcome().appliedDelta());
            assertTrue(e.getMessage().contains("function worker-3 exited on platform"), e.getMessage());
            assertTrue(platform.removed.contains("worker-3"), "the silent worker was removed: " + platform.removed);
            assertFalse(platform.deployed().contains("worker-3"), "no orphan: " + platform.deployed());
            assertEquals(1 + k, farm.telemetry().workers());
            assertEquals(1 + k, workersOn(platform));
            assertEquals(1, farm.scale(+1).appliedDelta(), "worker-3, the lowest free name, starts this time");
            assertTrue(platform.deployed().contains("worker-3"), platform.deployed().toString());
            assertEquals(2 + k, farm.telemetry().workers());
        }
    }

    @Test
    void theScaleDownsOfOneCallGoOneAtATimeAndEachWorkerIsRetired() {
        RendezvousPlatform platform = new RendezvousPlatform(1, Set.of(), Set.of());
        try (LiveFarmBackend farm = farmOn("par-down:", platform)) {
            farm.start(new EpisodeSpec(PAPER, 5, 3));
            ScaleOutcome down = farm.scale(-3);
            assertEquals(-3, down.appliedDelta());
            assertEquals(2, farm.telemetry().workers());
            assertEquals(2, workersOn(platform));
            assertEquals(3, platform.retireRequests.size());
            assertEquals(3, Set.copyOf(platform.retireRequests).size(),
                    "each retirement counts from its own SCALE_DOWN: " + platform.retireRequests);
        }
    }

    @Test
    void aScaleDownAskingMoreWorkersThanRunRetiresThoseThereAre() {
        RendezvousPlatform platform = new RendezvousPlatform(1, Set.of(), Set.of());
        try (LiveFarmBackend farm = farmOn("par-down-all:", platform)) {
            farm.start(new EpisodeSpec(PAPER, 2, 3));
            assertEquals(-2, farm.scale(-3).appliedDelta());
            assertEquals(0, farm.telemetry().workers());
            assertEquals(0, workersOn(platform));
        }
    }
}
