package farmhand.controllers.policy.sarsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import farmhand.controllers.env.Observation;
import org.junit.jupiter.api.Test;

class SarsaAgentTest {

    /** Three states told apart by the phase indicator alone: obs0 = 0, 1, 2. */
    private static final Discretizer CHAIN = new Discretizer(new double[] {0.5, 1.5}, new double[0], new double[0],
            new double[0], new double[0], new double[0]);

    private static SarsaAgent agent(double lambda) {
        return new SarsaAgent(new SarsaConfig(0.5, 1.0, lambda, 0.0, 1.0, 0.0, 0.0), CHAIN);
    }

    /** s0 -right-> s1 (r = 0) -right-> terminal (r = 1). */
    private static void walkTheChain(SarsaAgent a) {
        a.startEpisode();
        a.update(0, 2, 0.0, 1, 2, false);
        a.update(1, 2, 1.0, 2, 0, true);
    }

    @Test
    void aTerminalRewardReachesEarlierStatesThroughTheTraces() {
        SarsaAgent full = agent(1.0);
        walkTheChain(full);
        assertEquals(0.5, full.value(1, 2), 1e-12);
        assertEquals(0.5, full.value(0, 2), 1e-12, "lambda = 1: the whole TD error reaches s0");

        SarsaAgent half = agent(0.5);
        walkTheChain(half);
        assertEquals(0.25, half.value(0, 2), 1e-12, "lambda = 0.5: half of it");

        SarsaAgent none = agent(0.0);
        walkTheChain(none);
        assertEquals(0.0, none.value(0, 2), 1e-12, "lambda = 0: one-step SARSA");
    }

    @Test
    void theSecondEpisodeBootstrapsFromWhatTheFirstLearned() {
        SarsaAgent a = agent(0.0);
        walkTheChain(a);
        walkTheChain(a);
        // first step of episode 2: delta = 0 + Q(s1, right) - Q(s0, right) = 0.5 -> Q(s0, right) = 0.25
        // second: delta = 1 - 0.5 -> Q(s1, right) = 0.75
        assertEquals(0.25, a.value(0, 2), 1e-12);
        assertEquals(0.75, a.value(1, 2), 1e-12);
    }

    @Test
    void aTerminalStepDoesNotBootstrapFromTheNextState() {
        double[] q = new double[9];
        q[2 * 3] = 100; // Q(s2, down): must not leak into a terminal update
        SarsaAgent a = new SarsaAgent(new SarsaConfig(1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0), CHAIN, q);
        a.startEpisode();
        double delta = a.update(1, 0, 3.0, 2, 0, true);
        assertEquals(3.0, delta, 1e-12);
        assertEquals(3.0, a.value(1, 0), 1e-12);
    }

    @Test
    void tracesBelowTheCutoffAreDropped() {
        SarsaAgent a = new SarsaAgent(new SarsaConfig(0.1, 0.5, 0.5, 0.0, 1.0, 0.0, 0.2), CHAIN);
        a.startEpisode();
        a.update(0, 1, 0, 1, 1, false); // e(s0) = 1 -> 0.25 after decay: kept
        assertEquals(1, a.liveTraces());
        a.update(1, 1, 0, 2, 1, false); // e(s0) -> 0.0625 < 0.2: dropped; e(s1) = 0.25 kept
        assertEquals(1, a.liveTraces());
    }

    @Test
    void greedyTiesGoToTheHighestAction() {
        SarsaAgent a = agent(0.5);
        assertEquals(2, a.greedy(0), "all zero: scale up");
        double[] q = {1, 1, 0, 0, 2, 2, 5, 0, 0};
        SarsaAgent b = new SarsaAgent(SarsaConfig.paper(), CHAIN, q);
        assertEquals(1, b.greedy(0));
        assertEquals(2, b.greedy(1));
        assertEquals(0, b.greedy(2));
    }

    @Test
    void thePapersBinsAreDerivedFromThePapersWorkloadAndLoop() {
        Discretizer literal = new Discretizer(new double[] {0.5, 1.5, 2.5}, new double[] {0.5, 2.5, 5.5, 9.5, 15.5, 30.5},
                new double[] {3.5, 7.5, 11.5, 12.5, 16.5, 20.5, 24.5}, new double[] {0.5, 1, 2, 4, 8, 16, 32},
                new double[] {0.15, 0.5, 1.5, 3.5}, new double[] {0.5, 0.8, 0.9, 0.95, 0.999});
        assertEquals(literal, Discretizer.PAPER);
    }

    @Test
    void raisingMaxWorkersAddsWorkerBinsAboveThePapersTop() {
        Discretizer wide = Discretizer.of(farmhand.farm.workload.WorkloadConfig.paper(),
                new farmhand.controllers.env.EnvironmentConfig(8, 30, 12, 1, 64, 8, 1.5, 0.1));
        Observation thirty = new Observation(3, 0, 0, 0, 30, 0, 0, 0, 1);
        Observation sixty = new Observation(3, 0, 0, 0, 60, 0, 0, 0, 1);
        assertEquals(Discretizer.PAPER.state(thirty), Discretizer.PAPER.state(sixty), "one top bin at 25..32");
        assertTrue(wide.state(thirty) != wide.state(sixty), "30 and 60 workers are told apart under maxWorkers 64");
    }

    @Test
    void thePapersBinsGive53760StatesAndAValueOnAnEdgeGoesUp() {
        assertEquals(53_760, Discretizer.PAPER.stateCount());
        assertEquals(0, Discretizer.bin(new double[] {0.5, 1.5}, 0.49));
        assertEquals(1, Discretizer.bin(new double[] {0.5, 1.5}, 0.5));
        assertEquals(2, Discretizer.bin(new double[] {0.5, 1.5}, 7));
        int low = Discretizer.PAPER.state(new Observation(0, 0, 0, 0, 1, 0, 0, 0, 0));
        int high = Discretizer.PAPER.state(new Observation(3, 800, 10, 1140, 32, 150, 160, 12, 1));
        assertEquals(0, low);
        assertEquals(53_759, high);
    }

    @Test
    void badHyperparametersAreRefusedNamingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SarsaConfig(0, 0.9, 0.5, 0.4, 0.99, 0.1, 1e-5));
        assertEquals(true, e.getMessage().contains("alpha"), e.getMessage());
        assertEquals(0.10, SarsaConfig.paper().epsilon(10_000), 1e-12);
        assertEquals(0.40 * 0.995, SarsaConfig.paper().epsilon(1), 1e-12);
    }
}
