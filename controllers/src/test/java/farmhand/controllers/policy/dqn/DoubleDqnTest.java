package farmhand.controllers.policy.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.farm.workload.Seeds;
import org.junit.jupiter.api.Test;

class DoubleDqnTest {

    @Test
    void theOnlineNetworkChoosesAndTheTargetNetworkValues() {
        double[] online = {1.0, 5.0, 2.0};   // argmax: action 1
        double[] target = {9.0, 3.0, 7.0};   // valued at 3.0, not at the target's own max 9.0
        assertEquals(2.0 + 0.97 * 3.0, DoubleDqnTarget.of(2.0, false, 0.97, online, target), 1e-12);
    }

    @Test
    void aTerminalTransitionTargetsTheRewardAlone() {
        assertEquals(-4.0, DoubleDqnTarget.of(-4.0, true, 0.97, new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    }

    @Test
    void tiesInTheOnlineNetworkGoToTheHighestAction() {
        assertEquals(1.0 + 0.5 * 30, DoubleDqnTarget.of(1.0, false, 0.5, new double[] {2, 2, 2}, new double[] {10, 20, 30}),
                1e-12);
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        DqnAgent a = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, 7);
        DqnAgent b = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, 7);
        DqnAgent c = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, 8);
        double[] x = ObservationSpace.PAPER.normalise(new Observation(2, 30, 1, 300, 12, 3, 6, 7, 0.8));
        assertArrayEquals(a.online().q(x), b.online().q(x));
        assertNotEquals(a.online().q(x)[0], c.online().q(x)[0]);
        assertArrayEquals(a.online().q(x), a.target().q(x), "the target starts as a copy of the online network");
    }

    @Test
    void trainingMovesTheChosenActionTowardItsTargetOnly() {
        QNetwork net = new QNetwork(new int[] {9, 16, 8, 3}, Seeds.source(1, "test"));
        net.optimiser(0.01, 0.9, 1e-7, 0);
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        double before = Math.abs(5.0 - net.q(x)[2]);
        for (int i = 0; i < 300; i++) {
            net.train(new double[][] {x}, new int[] {2}, new double[] {5.0}, 1.0);
        }
        double after = Math.abs(5.0 - net.q(x)[2]);
        assertTrue(after < 0.1 * before, "error went from " + before + " to " + after);
    }

    @Test
    void aSoftUpdateBlendsTheNetworksByTau() {
        QNetwork a = new QNetwork(new int[] {9, 4, 4, 3}, Seeds.source(1, "a"));
        QNetwork b = new QNetwork(new int[] {9, 4, 4, 3}, Seeds.source(2, "b"));
        double wa = a.weights(1)[0][0];
        double wb = b.weights(1)[0][0];
        a.blendFrom(b, 0.25);
        assertEquals(0.25 * wb + 0.75 * wa, a.weights(1)[0][0]);
    }

    @Test
    void replaySamplingStaysWithinWhatWasStored() {
        ReplayBuffer r = new ReplayBuffer(3);
        for (int i = 0; i < 5; i++) {
            r.add(new double[] {i}, 0, i, new double[] {i}, false);
        }
        assertEquals(3, r.size());
        for (int k : r.sample(50, Seeds.source(1, "replay"))) {
            assertTrue(r.state(k)[0] >= 2, "an overwritten transition was sampled");
        }
    }
}
